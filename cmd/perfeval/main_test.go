package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmltest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

const tianhe = "../../examples/tianhe2021/form.yaml"

func TestEvaluateTianheJSON(t *testing.T) {
	code, out, stderr := runCmd("evaluate", "-format", "json", tianhe)
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 1)
	var rep struct {
		Source, Kind, Name, Unit, Profile string
		Year                              int
		Figures                           map[string]string
		Score                             any
		Findings                          []map[string]string
		Counts                            map[string]int
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &rep))
	assert.Equal(t, tianhe, rep.Source)
	assert.Equal(t, "department-self-evaluation", rep.Kind)
	assert.Equal(t, "中国共产党广州市天河区委员会政法委员会", rep.Name)
	assert.Equal(t, 2021, rep.Year)
	assert.Equal(t, "万元", rep.Unit)
	assert.Equal(t, "guangzhou-2021", rep.Profile)
	assert.Equal(t, map[string]string{
		"adjustment": "507.49", "completion_rate": "99.99%", "adjustment_rate": "17.48%",
		"task_funds_total": "574.54", "task_funds_share": "23.99%",
	}, rep.Figures)
	assert.Nil(t, rep.Score, "a department form without targets and weights is not scored")
	assert.Contains(t, rep.Counts, "error")
}

func TestProfileFlagOverridesFile(t *testing.T) {
	_, out, _ := runCmd("evaluate", "-format", "json", "-profile", "national", tianhe)
	assert.Contains(t, out, `"profile":"national"`)
}

func TestEvaluateText(t *testing.T) {
	code, out, _ := runCmd("evaluate", tianhe)
	assert.Equal(t, 0, code)
	for _, want := range []string{"中国共产党广州市天河区委员会政法委员会（2021年）", "预算完成率：99.99%", "年度预算调整数：507.49 万元", "任务涉及资金合计：574.54 万元",
		"警告  narrative.mismatch  部门整体绩效（overall）", "提示  key-projects.threshold  重点项目1 · 项目预算（key_projects[0].budget）"} {
		assert.Contains(t, out, want)
	}
	_, out, _ = runCmd("evaluate", "-lang", "en", tianhe)
	assert.Contains(t, out, "completion rate: 99.99%")
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"evaluate"},
		{"evaluate", "-format", "pdf", tianhe},
		{"evaluate", "-lang", "fr", tianhe},
		{"evaluate", "-profile", "shanghai", tianhe},
		{"evaluate", "-nosuchflag", tianhe},
	} {
		code, out, stderr := runCmd(args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, out, "%v: usage errors go to stderr", args)
		assert.NotEmpty(t, stderr, "%v", args)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd("version")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "perfeval "))
}

// TestBadInputs runs every file of testdata/bad: each must exit 3 with a
// positioned message on stderr and an error object on stdout, and the
// good file beside them must still be reported.
func TestBadInputs(t *testing.T) {
	entries, err := os.ReadDir("testdata/bad")
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			path := filepath.Join("testdata/bad", e.Name())
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			code, out, stderr := runCmd("evaluate", "-format", "json", path)
			assert.Equal(t, 3, code)
			assert.Contains(t, stderr, path+":")
			assert.NotContains(t, stderr, "panic")
			var obj struct {
				Source string
				Error  struct {
					Message string
					Line    int
				}
			}
			require.NoError(t, json.Unmarshal([]byte(out), &obj), out)
			assert.Equal(t, path, obj.Source)
			assert.NotEmpty(t, obj.Error.Message)
			assert.Positive(t, obj.Error.Line)
			after, _ := os.ReadFile(path)
			assert.Equal(t, before, after, "input unchanged")
		})
	}
}

func TestFolderWithOneBadFile(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(tianhe)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "b"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), good, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b", "bad.yaml"), []byte("kind: nope\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.json"), good[:0], 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "d.yml"), good, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("ignored"), 0o644))
	code, out, _ := runCmd("evaluate", "-format", "json", dir)
	assert.Equal(t, 3, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4)
	for i, want := range []string{"a.yaml", "b/bad.yaml", "c.json", "d.yml"} {
		assert.Contains(t, lines[i], filepath.Join(dir, want), "lexical order")
	}
	assert.Contains(t, lines[0], `"figures"`)
	assert.Contains(t, lines[1], `"error"`)
	assert.Contains(t, lines[2], `"error"`)
	assert.Contains(t, lines[3], `"figures"`)
}

func TestMissingPath(t *testing.T) {
	code, out, stderr := runCmd("evaluate", "-format", "json", "no/such/file.yaml", tianhe)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, "no/such/file.yaml")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2, "an error object for the missing path, then the good file")
	assert.Contains(t, lines[0], `{"source":"no/such/file.yaml","error":`)
	assert.Contains(t, lines[1], `"figures"`)
}

func TestFlagsAfterPaths(t *testing.T) {
	code, out, stderr := runCmd("evaluate", tianhe, "-format", "json", "-lang", "en")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(out, `{"source":`), out)
}

// TestGolden evaluates every form under testdata/golden and compares the
// JSON report with the .json file beside it. Run with -update to rewrite.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/golden/*.yaml")
	require.NoError(t, err)
	examples := map[string]string{tianhe: "tianhe2021", "../../examples/project/form.yaml": "project-example"}
	for path := range examples {
		inputs = append(inputs, path)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".yaml")
		if n, ok := examples[in]; ok {
			name = n
		}
		t.Run(name, func(t *testing.T) {
			_, out, _ := runCmd("evaluate", "-format", "json", in)
			var pretty bytes.Buffer
			require.NoError(t, json.Indent(&pretty, []byte(out), "", "  "))
			golden := filepath.Join("testdata/golden", name+".json")
			if *update {
				require.NoError(t, os.WriteFile(golden, pretty.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), pretty.String())
		})
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, stderr := runCmd("rules", "-format", "json", "-profile", "guangzhou-2021")
	require.Equal(t, 0, code, stderr)
	var listing struct {
		Profile string
		Rules   []struct {
			ID, Severity string
			Enabled      bool
			Description  struct{ Zh, En string }
			Params       []struct{ Name, Kind, Default, Value string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &listing))
	assert.Equal(t, "guangzhou-2021", listing.Profile)
	ids := map[string]bool{}
	for _, r := range listing.Rules {
		ids[r.ID] = true
		assert.NotEmpty(t, r.Description.Zh, r.ID)
		assert.NotEmpty(t, r.Description.En, r.ID)
	}
	for _, id := range []string{"funds.adjustment", "funds.completion-rate", "funds.adjustment-rate", "funds.sources",
		"funds.negative", "funds.overspend", "funds.low-execution", "funds.large-adjustment", "tasks.funds-total",
		"tasks.no-indicators", "key-projects.missing", "key-projects.threshold", "indicators.no-target",
		"indicators.unparsed", "indicators.unit-mismatch", "indicators.not-met", "indicators.overachieved",
		"indicators.deviation-missing", "indicators.dimensions", "narrative.mismatch", "text.missing", "text.placeholder"} {
		assert.True(t, ids[id], "perfeval rules lists %s", id)
	}

	code, out, _ = runCmd("rules")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "profile national")
	assert.NotContains(t, out, "key-projects.threshold", "national has no key-project rules")
	assert.Contains(t, out, "min_execution_rate = 90%")

	code, _, _ = runCmd("rules", "-profile", "nowhere")
	assert.Equal(t, 2, code)
}

func TestEvaluateWithRulesFile(t *testing.T) {
	dir := t.TempDir()
	rf := filepath.Join(dir, "city.yaml")
	require.NoError(t, os.WriteFile(rf, []byte("extends: guangzhou-2021\nparams:\n  key_project_threshold: 1000\n  min_execution_rate: 85%\ndisable: [indicators.no-target]\nseverity:\n  narrative.mismatch: error\n"), 0o644))
	code, out, stderr := runCmd("evaluate", "-format", "json", "-rules", rf, tianhe)
	assert.Equal(t, 1, code, "narrative.mismatch is now an error: %s", stderr)
	assert.Contains(t, out, `"profile":"guangzhou-2021+city.yaml"`)
	assert.Contains(t, out, `"rule":"narrative.mismatch","severity":"error"`)
	assert.NotContains(t, out, "indicators.no-target")
	assert.Contains(t, out, "1000万元")

	code, out, _ = runCmd("rules", "-rules", rf)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "indicators.no-target")
	assert.Contains(t, out, "(disabled)")
	assert.Contains(t, out, "key_project_threshold = 1000")

	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("extends: guangzhou-2021\ndisable: [narrative.mismatc]\n"), 0o644))
	code, out, stderr = runCmd("evaluate", "-rules", bad, tianhe)
	assert.Equal(t, 2, code, "a bad -rules is a usage error")
	assert.Empty(t, out, "before any output")
	assert.Contains(t, stderr, bad+":2:11: disable[0]")
	assert.Contains(t, stderr, `是否应为 "narrative.mismatch"`)
	_, _, stderr = runCmd("evaluate", "-lang", "en", "-rules", bad, tianhe)
	assert.Contains(t, stderr, `did you mean "narrative.mismatch"`)

	code, _, _ = runCmd("evaluate", "-rules", rf, "-profile", "national", tianhe)
	assert.Equal(t, 2, code, "-rules and -profile together")
}

func TestEvaluateMarkdownAndEnglish(t *testing.T) {
	code, out, _ := runCmd("evaluate", "-format", "markdown", tianhe)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "## 中国共产党广州市天河区委员会政法委员会（2021年）")
	assert.Contains(t, out, "| 预算完成率 | 99.99% |")
	assert.Contains(t, out, "| 警告 | `narrative.mismatch` | 部门整体绩效 `overall` |")

	_, out, _ = runCmd("evaluate", "-format", "json", "-lang", "en", tianhe)
	assert.Contains(t, out, `but the indicator \"来穗人员子女入学人数\"`)
}

func TestUnknownProfileInFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.yaml")
	require.NoError(t, os.WriteFile(p, []byte("kind: department-self-evaluation\nprofile: shanghai-2030\n"), 0o644))
	code, out, stderr := runCmd("evaluate", "-format", "json", p)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, p+":2:10: profile:")
	assert.Contains(t, stderr, "shanghai-2030")
	assert.Contains(t, out, `"line":2,"column":10,"path":"profile"`)
}

// The folders are walked as they are evaluated; the inputs still come in
// lexical order of their full paths, which is not the order of names
// within each folder ("b.yaml" < "b/x.yaml" though "b" < "b.yaml"), with
// a missing argument in its place.
func TestFormFilesLexicalOrder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.yaml", "b/x.yaml", "b/a/z.json", "b-c.json", "a.yml", "B.yaml",
		"sub/deeper/z.yaml", "sub.json", "notes.txt", "sub/deeper/readme.md", "empty/.keep", "b0.yaml"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, nil, 0o644))
	}
	single := filepath.Join(dir, "sub.json")
	files := newFormFiles([]string{dir, "no/such/dir", single})
	var got []string
	for in := range files.all {
		if in.Err != nil {
			got = append(got, "error:"+in.Path)
			continue
		}
		rel, err := filepath.Rel(dir, in.Path)
		require.NoError(t, err)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"B.yaml", "a.yml", "b-c.json", "b.yaml", "b/a/z.json", "b/x.yaml", "b0.yaml",
		"sub.json", "sub/deeper/z.yaml"}
	// The full paths, sorted, are the order: the walk must agree.
	sorted := slices.Clone(want)
	slices.Sort(sorted)
	require.Equal(t, sorted, want)
	want = append(want, "error:no/such/dir", "sub.json")
	assert.Equal(t, want, got)
	n, known := files.total()
	assert.True(t, known)
	assert.Equal(t, len(want), n)

	// Counted on the side, the total is known before the walk is done.
	ahead := newFormFiles([]string{dir, "no/such/dir", single})
	_, known = ahead.total()
	assert.False(t, known, "nothing walked or counted yet")
	ahead.countAhead()
	require.Eventually(t, func() bool { _, known := ahead.total(); return known }, 5*time.Second, time.Millisecond)
	n, _ = ahead.total()
	assert.Equal(t, len(want), n)
}

// A file over the size limit is refused before it is read whole: exit 3,
// the file named, the rest of the folder still reported.
func TestFileOverSizeLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "a-big.yaml")
	data := append([]byte("kind: project-self-evaluation\noverall: "), bytes.Repeat([]byte("很"), evaluation.MaxFileSize/3+1)...)
	require.Greater(t, len(data), evaluation.MaxFileSize)
	require.NoError(t, os.WriteFile(big, data, 0o644))
	good, err := os.ReadFile(tianhe)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yaml"), good, 0o644))
	code, out, stderr := runCmd("evaluate", "-format", "json", "-lang", "en", dir)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, big+":1:1:")
	assert.Contains(t, stderr, fmt.Sprintf("larger than %d", evaluation.MaxFileSize))
	_, _, stderr = runCmd("evaluate", dir)
	assert.Contains(t, stderr, big+":1:1: 超出输入限制")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"error"`)
	assert.Contains(t, lines[1], `"figures"`)
}

// Tianhe's key project states no budget: its finding has an expected
// value and no actual one, and no layout prints an empty 实为.
func TestNoEmptyActual(t *testing.T) {
	for _, args := range [][]string{
		{"render", "-annotate", "-format", "html", tianhe},
		{"render", "-annotate", "-format", "markdown", tianhe},
		{"evaluate", tianhe},
		{"evaluate", "-format", "markdown", tianhe},
		{"evaluate", "-format", "html", tianhe},
	} {
		code, out, stderr := runCmd(args...)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, out, "500万元", args)
		assert.NotRegexp(t, `实为[ ：:]*(）|\)|\n|· |\| [^|])`, out, args)
		assert.NotRegexp(t, `(；|· )实为 *(）|\||$)`, out, args)
	}
}

// docs/rules.md is the catalogue as `perfeval rules -profile
// guangzhou-2021 -format markdown` prints it; it fails here when a rule,
// a description or a parameter changes and the page does not. Run with
// -update to regenerate it.
func TestDocsRulesIsCurrent(t *testing.T) {
	code, out, stderr := runCmd("rules", "-profile", "guangzhou-2021", "-format", "markdown")
	require.Equal(t, 0, code, stderr)
	const page = "../../docs/rules.md"
	if *update {
		require.NoError(t, os.WriteFile(page, []byte(out), 0o644))
	}
	want, err := os.ReadFile(page)
	require.NoError(t, err)
	assert.Equal(t, string(want), out, "docs/rules.md is stale: run go test ./cmd/perfeval -run TestDocsRulesIsCurrent -update")
	for _, r := range []string{"funds.adjustment", "key-projects.threshold", "score.unscored", "text.placeholder"} {
		assert.Contains(t, out, "`"+r+"`")
	}
}

var topKeys = map[string]bool{"funds": true, "tasks": true, "indicators": true, "key_projects": true, "goals": true,
	"overall": true, "problems": true, "improvements": true, "project": true, "department": true, "year": true, "profile": true,
	// A department evaluation's reasons name the judgement a rubric item
	// wants by its key: 未填检查结果（checks）.
	"rubric": true, "checks": true, "violations": true, "score": true}

// Under -lang zh the reports are wholly Chinese: every ASCII word of the
// text, Markdown and HTML output is a rule ID, a key path, a profile name,
// or text of the form itself (its file name included).
func TestChineseReportsHaveNoEnglish(t *testing.T) {
	inputs, err := filepath.Glob("testdata/golden/*.yaml")
	require.NoError(t, err)
	inputs = append(inputs, tianhe, "../../examples/project/form.yaml")
	word := regexp.MustCompile(`[A-Za-z][A-Za-z0-9_.\-\[\]]*`)
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		require.NoError(t, err)
		for _, format := range []string{"text", "markdown", "html"} {
			_, out, _ := runCmd("evaluate", "-format", format, "-lang", "zh", in)
			if format == "html" {
				root, err := html.Parse(strings.NewReader(out))
				require.NoError(t, err)
				var b strings.Builder
				for _, n := range htmltest.Find(root, func(n *html.Node) bool {
					return n.Type == html.TextNode && n.Parent != nil && n.Parent.Data != "style"
				}) {
					b.WriteString(n.Data + " ")
				}
				out = b.String()
			}
			for _, w := range word.FindAllString(out, -1) {
				w = strings.TrimRight(w, ".-")
				switch {
				case strings.Contains(in, w), strings.Contains(string(data), w):
				case regexp.MustCompile(`^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$`).MatchString(w): // a rule ID
				case regexp.MustCompile(`^[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*$`).MatchString(w) &&
					(strings.ContainsAny(w, ".[") || topKeys[w]): // a key path
				case w == "national" || w == "guangzhou-2021":
				default:
					t.Errorf("%s -format %s: English word %q under -lang zh", in, format, w)
				}
			}
		}
	}
}

// A form with several faults reports each on a line of its own, in the
// language asked for.
func TestEveryFaultOnItsLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.yaml")
	require.NoError(t, os.WriteFile(p, []byte("kind: project-self-evaluation\nyear: x\nfunds: {weight: -1, adjusted_budget: 12x}\nindicatrs: []\n"), 0o644))
	code, _, stderr := runCmd("evaluate", p)
	assert.Equal(t, 3, code)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	require.Len(t, lines, 4, stderr)
	assert.Equal(t, "perfeval: "+p+`:2:7: year: "x" 不是年度`, lines[0])
	assert.Contains(t, lines[3], `"indicatrs" 不是此处的键；是否应为 "indicators"？`)
	_, _, stderr = runCmd("evaluate", "-lang", "en", p)
	assert.Contains(t, stderr, `:4:1: indicatrs: "indicatrs" is not a key here; did you mean "indicators"?`)
}
