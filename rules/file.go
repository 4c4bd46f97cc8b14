package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
)

// MaxRulesFileSize bounds a rules file; a real one is a few hundred bytes.
const MaxRulesFileSize = 1 << 20

// FileError reports a rules file that cannot be used, with the place in
// it: file, line, column and the key.
type FileError struct {
	File   string
	Line   int
	Column int
	Key    string // "params.key_project_threshold", "disable[1]"
	Err    error
	// Msg says what is wrong in both languages; when empty, Err's text
	// is used.
	Msg evaluation.Text
}

func (e *FileError) Error() string { return e.In(evaluation.English) }

// In returns the error, positioned, in lang.
func (e *FileError) In(lang evaluation.Lang) string {
	key := ""
	if e.Key != "" {
		key = e.Key + ": "
	}
	msg := e.Msg.In(lang)
	if msg == "" {
		msg = e.Err.Error()
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", e.File, e.Line, e.Column, key, msg)
}

func (e *FileError) Unwrap() error { return e.Err }

// ErrNotRegular: a rules file that is not a regular file (a FIFO, a
// device, a folder): reading it could block or never end.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads a rules file (docs/rules-files.md):
//
//	extends: guangzhou-2021
//	params:
//	  key_project_threshold: 1000    # 万元
//	  min_execution_rate: 85%
//	disable: [indicators.no-target]
//	severity:
//	  narrative.mismatch: error
//
// The set it describes is the profile named by extends with the changes
// applied. An unknown key, profile, rule ID or parameter, a parameter
// outside its bounds, and a second YAML document are refused, naming the
// key and its line. Only a regular file is read: a FIFO or a device is
// refused before it is opened.
func ReadFile(path string) (Set, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Set{}, err
	}
	if !info.Mode().IsRegular() {
		return Set{}, &FileError{File: path, Line: 1, Column: 1, Err: ErrNotRegular,
			Msg: text("不是普通文件（管道、设备或文件夹），不予读取", "not a regular file (a pipe, a device or a folder); not read")}
	}
	f, err := os.Open(path)
	if err != nil {
		return Set{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxRulesFileSize+1))
	if err != nil {
		return Set{}, err
	}
	return ParseFile(path, data, Profile)
}

// ParseFile reads a rules file from data; name is used in errors. lookup
// resolves the name after extends; pass Profile for the built-in
// profiles, or a function of your own that also knows a vendor's.
func ParseFile(name string, data []byte, lookup func(string) (Set, error)) (Set, error) {
	fail := func(n *yaml.Node, key string, msg evaluation.Text, cause error) (Set, error) {
		line, col := 1, 1
		if n != nil {
			line, col = n.Line, n.Column
		}
		if cause == nil {
			cause = errors.New(msg.En)
		}
		return Set{}, &FileError{File: name, Line: line, Column: col, Key: key, Err: cause, Msg: msg}
	}
	if len(data) > MaxRulesFileSize {
		return fail(nil, "", text(fmt.Sprintf("文件超过 %d 字节", MaxRulesFileSize), fmt.Sprintf("larger than %d bytes", MaxRulesFileSize)), nil)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return fail(nil, "", text("规则文件为空", "empty rules file"), nil)
		}
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
			_, msg, _ = strings.Cut(msg, ": ")
		}
		msg = safetext.Clip(msg)
		return Set{}, &FileError{File: name, Line: line, Column: 1, Err: errors.New(msg),
			Msg: text("不是合法的 YAML", msg)}
	}
	// One file, one set: a second document (after ---) would be ignored
	// by a reader that stops at the first, so it is refused.
	var second yaml.Node
	if err := dec.Decode(&second); !errors.Is(err, io.EOF) {
		line := 1
		if err == nil {
			line = max(1, second.Line-1)
			if len(second.Content) > 0 {
				line = second.Content[0].Line
			}
		}
		return Set{}, &FileError{File: name, Line: line, Column: 1, Err: errors.New("more than one YAML document"),
			Msg: text("文件含有多个 YAML 文档（---）；一个规则文件只描述一套规则", "more than one YAML document (---); a rules file describes one set")}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return fail(root, "", text("规则文件应为含 extends、params、disable、severity 的映射",
			"a rules file is a mapping with extends, params, disable and severity"), nil)
	}
	var extends, params, disable, severity *yaml.Node
	if k, dup := duplicateKey(root); dup {
		return fail(k, safetext.Clip(k.Value), given2, nil)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "extends":
			extends = v
		case "params":
			params = v
		case "disable":
			disable = v
		case "severity":
			severity = v
		default:
			hint := suggest(k.Value, []string{"extends", "params", "disable", "severity"})
			return fail(k, safetext.Clip(k.Value), text("没有这个键"+zhHint(hint)+"；应为 extends、params、disable 或 severity",
				"unknown key"+hint+"; want extends, params, disable or severity"), nil)
		}
	}
	base := National
	if extends != nil {
		if extends.Kind != yaml.ScalarNode {
			return fail(extends, "extends", text("应为规则配置名称", "want a profile name"), nil)
		}
		base = extends.Value
	}
	if lookup == nil {
		lookup = Profile
	}
	set, err := lookup(base)
	if err != nil {
		return fail(extends, "extends", messageOf(err), err)
	}
	set.name = base + "+" + filepath.Base(name)
	if params != nil {
		if params.Kind != yaml.MappingNode {
			return fail(params, "params", text("应为参数名到取值的映射", "want a mapping of parameter names to values"), nil)
		}
		if k, dup := duplicateKey(params); dup {
			return fail(k, "params."+safetext.Clip(k.Value), given2, nil)
		}
		for i := 0; i+1 < len(params.Content); i += 2 {
			k, v := params.Content[i], params.Content[i+1]
			key := "params." + safetext.Clip(k.Value)
			value, ok := paramText(v)
			if !ok {
				return fail(v, key, text("应为单个值、列表或映射", "want a single value, a list or a mapping"), nil)
			}
			if set, err = set.WithParam(k.Value, value); err != nil {
				node := k
				var re *RangeError
				if errors.As(err, &re) {
					node = v
				}
				return fail(node, key, messageOf(err), err)
			}
		}
	}
	if disable != nil {
		items := disable.Content
		if disable.Kind == yaml.ScalarNode {
			items = []*yaml.Node{disable}
		} else if disable.Kind != yaml.SequenceNode {
			return fail(disable, "disable", text("应为规则编号的列表", "want a list of rule IDs"), nil)
		}
		for i, item := range items {
			if item.Kind != yaml.ScalarNode {
				return fail(item, fmt.Sprintf("disable[%d]", i), text("应为规则编号", "want a rule ID"), nil)
			}
			if set, err = set.Without(item.Value); err != nil {
				return fail(item, fmt.Sprintf("disable[%d]", i), messageOf(err), err)
			}
		}
	}
	if severity != nil {
		if severity.Kind != yaml.MappingNode {
			return fail(severity, "severity", text("应为规则编号到 info、warning 或 error 的映射",
				"want a mapping of rule IDs to info, warning or error"), nil)
		}
		if k, dup := duplicateKey(severity); dup {
			return fail(k, "severity."+safetext.Clip(k.Value), given2, nil)
		}
		for i := 0; i+1 < len(severity.Content); i += 2 {
			k, v := severity.Content[i], severity.Content[i+1]
			key := "severity." + safetext.Clip(k.Value)
			sev, err := evaluation.ParseSeverity(v.Value)
			if err != nil || v.Kind != yaml.ScalarNode {
				q := safetext.Quote(v.Value)
				return fail(v, key, text(q+" 不是级别；应为 info、warning 或 error", q+": want info, warning or error"), err)
			}
			if set, err = set.WithSeverity(k.Value, sev); err != nil {
				return fail(k, key, messageOf(err), err)
			}
		}
	}
	return set, nil
}

var given2 = text("重复给出", "given twice")

// zhHint turns a "; did you mean …?" hint into Chinese.
func zhHint(hint string) string {
	if hint == "" {
		return ""
	}
	name := strings.TrimSuffix(strings.TrimPrefix(hint, "; did you mean "), "?")
	return "；是否应为 " + name + "？"
}

// messageOf is an error of this package as a message in both languages.
func messageOf(err error) evaluation.Text {
	type messager interface {
		Message(evaluation.Lang) string
	}
	var m messager
	if errors.As(err, &m) {
		return text(m.Message(evaluation.Chinese), m.Message(evaluation.English))
	}
	var se *SetError
	if errors.As(err, &se) {
		return se.Msg
	}
	en := strings.TrimPrefix(err.Error(), "rules: ")
	return text(en, en)
}

// paramText returns a parameter's value as text: a scalar as written, a
// mapping of scalars (a schedule, {4: 25%, 6: 40%}) or a list of them
// (words, [新增项目, 延续项目]) in flow form for the parameter's parser to
// read.
func paramText(v *yaml.Node) (string, bool) {
	switch v.Kind {
	case yaml.ScalarNode:
		return v.Value, true
	case yaml.SequenceNode:
		items := make([]string, 0, len(v.Content))
		for _, x := range v.Content {
			if x.Kind != yaml.ScalarNode {
				return "", false
			}
			items = append(items, x.Value)
		}
		return "[" + strings.Join(items, ", ") + "]", true
	case yaml.MappingNode:
		var b strings.Builder
		b.WriteByte('{')
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, x := v.Content[i], v.Content[i+1]
			if k.Kind != yaml.ScalarNode || x.Kind != yaml.ScalarNode {
				return "", false
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k.Value + ": " + x.Value)
		}
		b.WriteByte('}')
		return b.String(), true
	}
	return "", false
}

// duplicateKey returns the second occurrence of a key given twice in a
// mapping: a rules file must not say two things and keep the last.
func duplicateKey(m *yaml.Node) (*yaml.Node, bool) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if seen[k.Value] {
			return k, true
		}
		seen[k.Value] = true
	}
	return nil, false
}
