package parse

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/internal/benchdata"
)

func treeString(n *Node) string {
	var b strings.Builder
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		fmt.Fprintf(&b, "%s%s %q q=%v %d:%d\n", strings.Repeat("  ", depth), n.Kind, n.Text, n.Quoted, n.Line, n.Col)
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// assertSameTree checks that where the fast path answers, it answers as
// the general parser does: the same tree, node for node, with the same
// texts and positions. Where it declines, the general parser reads the
// file; either way parseYAML, what Decode calls, must give the general
// parser's tree or an error of the same sentinel at the same place.
func assertSameTree(t testing.TB, data []byte) (fast bool) {
	t.Helper()
	g, gerr := parseYAMLGeneral(data)
	y, yerr := parseYAML(nil, data)
	switch {
	case (gerr == nil) != (yerr == nil):
		t.Fatalf("parseYAML: %v; general: %v, for:\n%q", yerr, gerr, data)
	case gerr != nil:
		var ge, ye *Error
		if !errors.As(gerr, &ge) || !errors.As(yerr, &ye) || ge.Err != ye.Err || ge.Line != ye.Line || ge.Col != ye.Col {
			t.Fatalf("parseYAML: %v; general: %v, for:\n%q", yerr, gerr, data)
		}
	case treeString(y) != treeString(g):
		t.Fatalf("parseYAML reads another tree than the general parser for:\n%q", data)
	}
	f, ok := parseYAMLFast(nil, data)
	// The same parse on pooled working memory, which still holds the
	// nodes and lines of earlier inputs, must read the same tree.
	sc := getScratch()
	defer sc.release()
	if p, pok := parseYAMLFast(sc, data); pok != ok || ok && treeString(p) != treeString(f) {
		t.Fatalf("pooled memory reads another tree (%v, %v) for:\n%s", ok, pok, data)
	}
	if !ok {
		return false
	}
	if gerr != nil {
		t.Fatalf("fast path read input the general parser refuses (%v):\n%q", gerr, data)
	}
	if treeString(f) != treeString(g) {
		t.Fatalf("trees differ for:\n%q\nfast:\n%s\ngeneral:\n%s", data, treeString(f), treeString(g))
	}
	return true
}

// yamlCases are read by both parsers in TestYAMLFastAgrees and seed
// FuzzYAMLParsers. fast marks those the fast path must read itself.
var yamlCases = []struct {
	in   string
	fast bool
}{
	{"a:\nb: 1\n", true},
	{"a:\n  - x\n  -\n  - y: 1\n    z:\nc: |-\n  l1\n\n  l2\nd: []\ne: '它''s'\n", true},
	{"- a\n- b: 1\n  c: 2\n", true},
	{"a: |\n  x\n\n\nb: 1", true},
	{"a: |+\n  x\n\n\nb: 1\n", true},
	{"a: |\n  x\n    y\n  z\n", true},
	{"---\nkind: x # comment\n# c\nlist:\n- a\n- b\nmap: {}\n", true},
	{"k: \"quoted 文本\"\nn: ~\nm: null\nd: -5\n", true},
	{"k: 你好 # 注释\nk2: v\r\nk3: w\r\n", true},
	{"indicators:\n  - level1: 产出指标（50分）\n    target: \"≥100台\"\n    weight: 20\n", true},
	{"a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", true},

	// Flow collections of scalars.
	{"a: [1, 2]\n", true},
	{"expected: [完成平台一期建设并投入使用]\n", true},
	{"a: [x, \"y\", 'z', ~, 名称 ]\n", true},
	{"a: [x,]\nb: [ ]\n", true},
	{"a: [x] # 注释\nb: {k: v} #c\n", true},
	{"a: {k: v, \"q\": 'w', 名称: \"值\", n: null}\n", true},
	{"- {level1: 产出指标, name: 设备采购数量, target: \"≥100台\", weight: 20}\n- {name: b}\n", true},
	{"a:\n  - [x, y]\n  - {k: -5, j: '1'}\n", true},
	{"a: [-5, 2.5, 'it''s', \"\\\"q\\\"\"]\n", true},
	{"a: [[x]]\n", false}, {"a: [x: y]\n", false}, {"a: [x\n  , y]\n", false}, {"a: {x}\n", false},
	{"a: {x: }\n", false}, {"a: [, x]\n", false}, {"a: [x]]\n", false}, {"a: [a:b]\n", false},

	// Double-quoted strings with escapes.
	{"a: \"x\\ny\"\n", true},
	{"a: \"tab\\there \\\"q\\\" \\\\ \\' \\u4E2D \\x41 \\U0001F600 \\N\\_\\L\\P\\0\\a\\b\\v\\f\\r\\e\\ \"\n", true},
	{"\"kind\": \"project-self-evaluation\"\n\"year\" : 2021\n", true},
	{"- \"a\": 1\n  'b': 2\n- \"c\"\n", true},
	{"a: \"\\ud800\"\n", false}, {"a: \"\\q\"\n", false}, {"a: \"\\/\"\n", false}, {"a: \"x\n  y\"\n", false}, {"a: \"x\\\n  y\"\n", false},
	{"a: \"x\" y\n", false}, {"a: 'x\n  y'\n", false},

	// Block scalars, literal and folded, with chomping.
	{"a: >\n  one\n  two\n\n  three\n    more\n  four\n", true},
	{"a: >-\n  one\n  two\nb: >+\n  x\n\n\nc: 1\n", true},
	{"a: > # 注释\n  一行\n   更深\n  二行\n\n\n  三行\n", true},
	{"- >\n  folded\n  item\n- |-\n  literal\n", true},
	{"a: |2\n   x\n", false}, {"a: |\n\n  x\n", false}, {"a: >\n  x\n   \n  y\n", false},

	// Comments everywhere.
	{"# 开头\nkind: x # 行尾\n  # 缩进的注释\nfunds: # 键后\n  # 块内\n  a: 1\n# 之间\nlist: # 列表前\n  - a # 项后\n  # 项间\n  - # 空项\n  - b\n# 结尾\n", true},

	// Outside the subset: the fast path must decline, not misread.
	{"a: b\n  c\n", false}, {"a: &x 1\nb: *x\n", false}, {"a: b: c\n", false},
	{"a:\n  - - x\n", false}, {"a: 1\n---\nb: 2\n", false}, {"a:\tb\n", false}, {"? a\n: b\n", false}, {"a: !!str 1\n", false},
	{"a:\n   b: 1\n  c: 2\n", false},
}

func TestYAMLFastAgrees(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.yaml")
	more, _ := filepath.Glob("../../cmd/perfeval/testdata/golden/*.yaml")
	files = append(files, more...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assertSameTree(t, data)
	}
	for _, c := range yamlCases {
		if got := assertSameTree(t, []byte(c.in)); c.fast && !got {
			t.Errorf("the fast path declined:\n%s", c.in)
		}
	}
	// The reference forms and the generated forms of every style must
	// take the fast path: that is its purpose.
	for _, f := range []string{"../../examples/tianhe2021/form.yaml", "../../examples/project/form.yaml"} {
		data, _ := os.ReadFile(f)
		_, ok := parseYAMLFast(nil, data)
		require.True(t, ok, f)
	}
	for _, style := range benchdata.YAMLStyles {
		for i := range 20 {
			data := benchdata.ProjectForm(i, style)
			require.True(t, assertSameTree(t, data), "%s form %d:\n%s", style, i, data)
		}
	}
}

// TestYAMLDepthLimit: the fast path holds nesting to MaxDepth as the
// general parser does, and leaves a deeper file to it (and its error).
func TestYAMLDepthLimit(t *testing.T) {
	nest := func(levels int) []byte {
		var b strings.Builder
		for i := range levels {
			fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i))
		}
		fmt.Fprintf(&b, "%sk: v\n", strings.Repeat(" ", levels))
		return []byte(b.String())
	}
	_, ok := parseYAMLFast(nil, nest(MaxDepth-1))
	require.True(t, ok)
	_, ok = parseYAMLFast(nil, nest(MaxDepth+1))
	require.False(t, ok)
	_, err := Document(YAML, nest(MaxDepth+1))
	require.ErrorIs(t, err, ErrLimit)
	_, ok = parseYAMLFast(nil, []byte(strings.Repeat("- ", 1)+"["+strings.Repeat("x, ", 10)+"x]\n"))
	require.True(t, ok)
}

func FuzzYAMLParsers(f *testing.F) {
	files, _ := filepath.Glob("../../examples/*/*.yaml")
	for _, p := range files {
		data, _ := os.ReadFile(p)
		f.Add(data)
	}
	for _, c := range yamlCases {
		f.Add([]byte(c.in))
	}
	for _, style := range benchdata.YAMLStyles {
		f.Add(benchdata.ProjectForm(3, style))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		assertSameTree(t, data)
	})
}
