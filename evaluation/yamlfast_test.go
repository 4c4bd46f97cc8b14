package evaluation

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// yamlGeneral parses with the general path only (go.yaml.in/yaml/v3).
func yamlGeneral(data []byte) (*node, error) { return parseYAMLGeneral(data) }

func treeString(n *node) string {
	var b strings.Builder
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		fmt.Fprintf(&b, "%s%s %q q=%v %d:%d\n", strings.Repeat("  ", depth), n.kind, n.text, n.quoted, n.line, n.col)
		for _, c := range n.children {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// assertSameTree checks that where the fast path answers, it answers as
// the general parser does.
func assertSameTree(t testing.TB, data []byte) (fast bool) {
	f, ok := parseYAMLFast(data)
	// The same parse on pooled working memory, which still holds the
	// nodes and lines of earlier inputs, must read the same tree.
	sc := getScratch()
	defer sc.release()
	if p, pok := parseYAMLFastWith(sc, data); pok != ok || ok && treeString(p) != treeString(f) {
		t.Fatalf("pooled memory reads another tree (%v, %v) for:\n%s", ok, pok, data)
	}
	if !ok {
		return false
	}
	g, err := yamlGeneral(data)
	if err != nil {
		t.Fatalf("fast path read input the general parser refuses (%v):\n%s", err, data)
	}
	if treeString(f) != treeString(g) {
		t.Fatalf("trees differ for:\n%s\nfast:\n%s\ngeneral:\n%s", data, treeString(f), treeString(g))
	}
	return true
}

func TestYAMLFastAgrees(t *testing.T) {
	files, _ := filepath.Glob("../examples/*/*.yaml")
	more, _ := filepath.Glob("../cmd/perfeval/testdata/golden/*.yaml")
	files = append(files, more...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assertSameTree(t, data)
	}
	fast := 0
	cases := []string{
		"a:\nb: 1\n",
		"a:\n  - x\n  -\n  - y: 1\n    z:\nc: |-\n  l1\n\n  l2\nd: []\ne: '它''s'\n",
		"- a\n- b: 1\n  c: 2\n",
		"a: |\n  x\n\n\nb: 1",
		"a: |+\n  x\n\n\nb: 1\n",
		"a: |\n  x\n    y\n  z\n",
		"---\nkind: x # comment\n# c\nlist:\n- a\n- b\nmap: {}\n",
		"k: \"quoted 文本\"\nn: ~\nm: null\nd: -5\n",
		"k: 你好 # 注释\nk2: v\r\nk3: w\r\n",
		"indicators:\n  - level1: 产出指标（50分）\n    target: \"≥100台\"\n    weight: 20\n",
		"a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
		// Outside the subset: the fast path must decline, not misread.
		"a: b\n  c\n", "a: &x 1\nb: *x\n", "a: [1, 2]\n", "a: \"x\\ny\"\n", "a: >\n  x\n", "a: b: c\n",
		"a:\n  - - x\n", "a: 1\n---\nb: 2\n", "a:\tb\n", "? a\n: b\n", "a: !!str 1\n", "a: |2\n   x\n",
		"a:\n   b: 1\n  c: 2\n", "a: 'x\n  y'\n", "a: |\n\n  x\n",
	}
	for _, c := range cases {
		if assertSameTree(t, []byte(c)) {
			fast++
		}
	}
	require.GreaterOrEqual(t, fast, 11, "the plain cases take the fast path")
	// The reference forms must take the fast path: that is its purpose.
	for _, f := range []string{"../examples/tianhe2021/form.yaml", "../examples/project/form.yaml"} {
		data, _ := os.ReadFile(f)
		_, ok := parseYAMLFast(data)
		require.True(t, ok, f)
	}
}

func FuzzYAMLParsers(f *testing.F) {
	files, _ := filepath.Glob("../examples/*/*.yaml")
	for _, p := range files {
		data, _ := os.ReadFile(p)
		f.Add(data)
	}
	for _, s := range []string{"a: 1\n", "- a\n- b: |\n    x\n", "a:\n  - x\n  -\n", "k: 'it''s'\n", "a: |+\n  x\n\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		assertSameTree(t, data)
	})
}
