package layers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/perfeval/perfeval"

// layer is the place of each package of the domain: a package may import
// only packages of a lower layer. Every other package of the module is
// above them all (layer top), except the internal ones, whose layer is
// one above the highest they import: an internal helper is as low as
// what it uses, so a lower package may use it only if it uses nothing
// above that package.
var layer = map[string]int{
	"budget":    1,
	"indicator": 2,
	// A rubric is a value the department evaluation is scored by, as a
	// scheme is: evaluation takes one in and scores with it, so rubric
	// stands beside indicator, below evaluation.
	"rubric":     2,
	"evaluation": 3,
	"rules":      4,
}

const top = 5

// imports reads the imports of the module's packages from their source,
// by package directory relative to the module root. A package's own test
// files count (they are compiled into it); external tests (package x_test)
// are packages of their own above everything and do not.
func imports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if strings.HasSuffix(f.Name.Name, "_test") {
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			if ip == module || strings.HasPrefix(ip, module+"/") {
				out[dir] = append(out[dir], strings.TrimPrefix(strings.TrimPrefix(ip, module), "/"))
			} else if _, ok := out[dir]; !ok {
				out[dir] = nil
			}
		}
		if _, ok := out[dir]; !ok {
			out[dir] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// levelOf is a package's layer: fixed for the domain, computed for an
// internal package, top for the rest.
func levelOf(pkg string, deps map[string][]string, seen map[string]bool) int {
	if l, ok := layer[pkg]; ok {
		return l
	}
	if !strings.HasPrefix(pkg, "internal/") || path.Base(pkg) == "layers" {
		return top
	}
	if seen[pkg] {
		return top // a cycle, which the compiler reports
	}
	seen[pkg] = true
	defer delete(seen, pkg)
	l := 0
	for _, d := range deps[pkg] {
		l = max(l, levelOf(d, deps, seen)+1)
	}
	return l
}

func TestImportsFlowOneWay(t *testing.T) {
	deps := imports(t, "../..")
	for _, pkg := range []string{"budget", "indicator", "evaluation", "rules", "cmd/perfeval"} {
		if _, ok := deps[pkg]; !ok {
			t.Fatalf("package %s not found: the test reads the wrong folder", pkg)
		}
	}
	checked := 0
	var pkgs []string
	for p := range deps {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		from := levelOf(pkg, deps, map[string]bool{})
		for _, dep := range deps[pkg] {
			if dep == pkg {
				continue
			}
			to := levelOf(dep, deps, map[string]bool{})
			checked++
			if from < top && to >= from {
				t.Errorf("%s (layer %d) imports %s (layer %d): imports flow one way, budget ← indicator ← evaluation ← rules ← everything else", pkg, from, dep, to)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d imports checked", checked)
	}
}

// The test must be able to fail: a lower package importing a higher one
// is caught, directly and through an internal helper.
func TestLayerViolationIsCaught(t *testing.T) {
	deps := map[string][]string{
		"budget":          {"internal/helper"},
		"internal/helper": {"evaluation"},
		"evaluation":      {"budget"},
	}
	if l := levelOf("internal/helper", deps, map[string]bool{}); l <= layer["budget"] {
		t.Fatalf("internal/helper importing evaluation has layer %d, not above budget", l)
	}
	if levelOf("report", deps, map[string]bool{}) != top || levelOf("internal/layers", deps, map[string]bool{}) != top {
		t.Fatal("packages outside the domain are at the top")
	}
}
