package rubric

import (
	"errors"
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/internal/suggest"
)

// Sentinel errors. Every error New, Parse and ReadFile return wraps one
// of them, so a caller can test for a kind of failure with errors.Is
// whatever the details and whichever way the rubric was built.
var (
	// ErrSyntax: the file is not YAML, or not one document of it.
	ErrSyntax = errors.New("malformed rubric file")
	// ErrTooLarge: the file, a list or a text is over the limits.
	ErrTooLarge = errors.New("too large")
	// ErrUnknownKey: a key the rubric format does not have.
	ErrUnknownKey = errors.New("unknown key")
	// ErrDuplicate: a key given twice, or two items with one path.
	ErrDuplicate = errors.New("given twice")
	// ErrValue: a value of the wrong kind or out of range (a weight that is
	// not a positive number, a step of 0, an empty path).
	ErrValue = errors.New("bad value")
	// ErrNegative: negative points, score or weight.
	ErrNegative = errors.New("negative")
	// ErrUnknownMeasure: a measure the library does not compute.
	ErrUnknownMeasure = errors.New("unknown measure")
	// ErrUnknownBasis: a basis the measure has no variant for.
	ErrUnknownBasis = errors.New("unknown basis")
	// ErrBlocks: an item with no scoring block, or with more than one.
	ErrBlocks = errors.New("want exactly one scoring block")
	// ErrOverlap: two bands of an item cover a common value.
	ErrOverlap = errors.New("bands overlap")
	// ErrGap: a value between two bands that no band covers.
	ErrGap = errors.New("gap between bands")
	// ErrAboveWeight: a score or points above the item's weight.
	ErrAboveWeight = errors.New("above the item's weight")
	// ErrCondition: a state's condition that cannot be read.
	ErrCondition = errors.New("bad condition")
	// ErrUnknownRubric: Builtin was asked for a name it does not have.
	ErrUnknownRubric = errors.New("unknown rubric")
)

// DefinitionError reports a rubric definition that New refuses, with the
// key path of the offending value: "items[2].bands[1].upto". The same
// error, with its place in the file, is what Parse returns for a file.
type DefinitionError struct {
	Key string // "" for the rubric as a whole
	Err error  // wraps one of the sentinel errors
}

func (e *DefinitionError) Error() string {
	if e.Key == "" {
		return "rubric: " + e.Err.Error()
	}
	return "rubric: " + e.Key + ": " + e.Err.Error()
}

func (e *DefinitionError) Unwrap() error { return e.Err }

// FileError reports a rubric file that cannot be used, with the place in
// it: file, line, column and key path.
type FileError struct {
	File   string
	Line   int
	Column int
	Key    string // "items[2].bands[1].upto"; "" for the file as a whole
	Err    error  // wraps one of the sentinel errors
}

func (e *FileError) Error() string {
	key := ""
	if e.Key != "" {
		key = e.Key + ": "
	}
	return fmt.Sprintf("%s:%d:%d: %s%v", e.File, e.Line, e.Column, key, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// quote shows input text in a message: a short prefix, control
// characters made visible.
func quote(s string) string { return safetext.Quote(s) }

// hint names the nearest known name to a mistyped one, or lists them.
func hint(name string, known []string) string {
	if best, ok := suggest.Closest(name, known); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; want one of " + strings.Join(known, ", ")
}

// sentinelZh says what each sentinel means, in Chinese.
var sentinelZh = []struct {
	err error
	zh  string
}{
	{ErrSyntax, "不是一份合法的 YAML 文档"},
	{ErrTooLarge, "超出限制"},
	{ErrUnknownKey, "没有这个键"},
	{ErrDuplicate, "重复"},
	{ErrValue, "值无效"},
	{ErrNegative, "不能为负数"},
	{ErrUnknownMeasure, "没有这个测算指标"},
	{ErrUnknownBasis, "该测算指标没有这种口径"},
	{ErrBlocks, "每项应有且只有一种评分方式"},
	{ErrOverlap, "档次区间重叠"},
	{ErrGap, "档次区间之间有空缺"},
	{ErrAboveWeight, "得分或扣分超过该项分值"},
	{ErrCondition, "条件无法读取"},
	{ErrUnknownRubric, "评分办法不存在"},
}

// In returns the error in lang: Error's text in English; in Chinese the
// place and key path with what is wrong in Chinese words (the detail
// Error adds is English, and is left out).
func (e *FileError) In(lang Lang) string {
	if lang == English {
		return e.Error()
	}
	what := "评分办法文件无法使用"
	for _, s := range sentinelZh {
		if errors.Is(e.Err, s.err) {
			what = s.zh
			break
		}
	}
	key := ""
	if e.Key != "" {
		key = e.Key + "："
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", e.File, e.Line, e.Column, key, what)
}
