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
}

func (e *FileError) Error() string {
	key := ""
	if e.Key != "" {
		key = e.Key + ": "
	}
	return fmt.Sprintf("%s:%d:%d: %s%v", e.File, e.Line, e.Column, key, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// ReadFile reads a rules file (SPEC §5):
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
// applied. An unknown key, profile, rule ID or parameter is refused,
// naming it.
func ReadFile(path string) (Set, error) {
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
	fail := func(n *yaml.Node, key string, format string, args ...any) (Set, error) {
		line, col := 1, 1
		if n != nil {
			line, col = n.Line, n.Column
		}
		return Set{}, &FileError{File: name, Line: line, Column: col, Key: key, Err: fmt.Errorf(format, args...)}
	}
	if len(data) > MaxRulesFileSize {
		return fail(nil, "", "larger than %d bytes", MaxRulesFileSize)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return fail(nil, "", "empty rules file")
		}
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
			_, msg, _ = strings.Cut(msg, ": ")
		}
		return Set{}, &FileError{File: name, Line: line, Column: 1, Err: errors.New(msg)}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return fail(root, "", "a rules file is a mapping with extends, params, disable and severity")
	}
	var extends, params, disable, severity *yaml.Node
	if k, dup := duplicateKey(root); dup {
		return fail(k, k.Value, "given twice")
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
			return fail(k, k.Value, "unknown key%s; want extends, params, disable or severity",
				suggest(k.Value, []string{"extends", "params", "disable", "severity"}))
		}
	}
	base := National
	if extends != nil {
		if extends.Kind != yaml.ScalarNode {
			return fail(extends, "extends", "want a profile name")
		}
		base = extends.Value
	}
	if lookup == nil {
		lookup = Profile
	}
	set, err := lookup(base)
	if err != nil {
		return fail(extends, "extends", "%v", strings.TrimPrefix(err.Error(), "rules: "))
	}
	set.name = base + "+" + filepath.Base(name)
	if params != nil {
		if params.Kind != yaml.MappingNode {
			return fail(params, "params", "want a mapping of parameter names to values")
		}
		if k, dup := duplicateKey(params); dup {
			return fail(k, "params."+k.Value, "given twice")
		}
		for i := 0; i+1 < len(params.Content); i += 2 {
			k, v := params.Content[i], params.Content[i+1]
			value, ok := paramText(v)
			if !ok {
				return fail(v, "params."+k.Value, "want a single value")
			}
			if set, err = set.WithParam(k.Value, value); err != nil {
				return fail(k, "params."+k.Value, "%v", strings.TrimPrefix(err.Error(), "rules: "))
			}
		}
	}
	if disable != nil {
		items := disable.Content
		if disable.Kind == yaml.ScalarNode {
			items = []*yaml.Node{disable}
		} else if disable.Kind != yaml.SequenceNode {
			return fail(disable, "disable", "want a list of rule IDs")
		}
		for i, item := range items {
			if set, err = set.Without(item.Value); err != nil {
				return fail(item, fmt.Sprintf("disable[%d]", i), "%v", strings.TrimPrefix(err.Error(), "rules: "))
			}
		}
	}
	if severity != nil {
		if severity.Kind != yaml.MappingNode {
			return fail(severity, "severity", "want a mapping of rule IDs to info, warning or error")
		}
		if k, dup := duplicateKey(severity); dup {
			return fail(k, "severity."+k.Value, "given twice")
		}
		for i := 0; i+1 < len(severity.Content); i += 2 {
			k, v := severity.Content[i], severity.Content[i+1]
			sev, err := evaluation.ParseSeverity(v.Value)
			if err != nil {
				return fail(v, "severity."+k.Value, "%q: want info, warning or error", v.Value)
			}
			if set, err = set.WithSeverity(k.Value, sev); err != nil {
				return fail(k, "severity."+k.Value, "%v", strings.TrimPrefix(err.Error(), "rules: "))
			}
		}
	}
	return set, nil
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
