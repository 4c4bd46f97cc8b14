package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusForms are the published forms of markdown/testdata/corpus.
func corpusForms(t *testing.T) []string {
	files, err := filepath.Glob("../../markdown/testdata/corpus/[0-9]*.md")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// moveRow moves the indicator row with the most cells to just below the
// form's first table row, where no label can tell what its cells are, and
// returns the document and the moved row's line (1-based).
func moveRow(t *testing.T, doc string) (string, int) {
	lines := strings.Split(doc, "\n")
	header := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "|") && (strings.Contains(l, "三级指标") || strings.Contains(l, "关键指标")) {
			header = i
			break
		}
	}
	require.GreaterOrEqual(t, header, 0, "no indicator header")
	best, most := -1, 0
	for i := header + 1; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "|") || strings.Trim(lines[i], "|-: ") == "" {
			continue
		}
		n := 0
		for _, c := range strings.Split(strings.Trim(lines[i], "|"), "|") {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
		if n > most {
			best, most = i, n
		}
	}
	row := lines[best]
	lines = append(lines[:best], lines[best+1:]...)
	first := 0
	for !strings.HasPrefix(lines[first], "|") {
		first++
	}
	at := first + 2 // below the first row and the separator
	lines = append(lines[:at], append([]string{row}, lines[at:]...)...)
	return strings.Join(lines, "\n"), at + 1
}

// Every published form of the corpus imports with exit 0; a copy with a
// label misspelt, or with an indicator row moved out of its table, exits
// 3 with the YAML still written and names each cell it could not place.
func TestImportCorpusAndMangledCopies(t *testing.T) {
	dir := t.TempDir()
	for _, path := range corpusForms(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runCmd("import", "-o", filepath.Join(dir, name+".yaml"), path)
			require.Equal(t, exitOK, code, stderr)
			assert.NotContains(t, stderr, "未放入")

			data, err := os.ReadFile(path)
			require.NoError(t, err)
			moved, line := moveRow(t, string(data))
			mpath := writeFile(t, dir, "moved-"+name, moved)
			out := filepath.Join(dir, "moved-"+name+".yaml")
			code, _, stderr = runCmd("import", "-o", out, mpath)
			assert.Equal(t, exitInput, code, "a moved row must not import quietly")
			assert.Contains(t, stderr, fmt.Sprintf("未放入: %s: 第 %d 行", mpath, line))
			_, err = os.Stat(out)
			assert.NoError(t, err, "the YAML is still written")

			doc := string(data)
			for _, l := range []string{"项目名称", "部门名称"} {
				if strings.Contains(doc, "| "+l+" |") {
					doc = strings.Replace(doc, "| "+l+" |", "| "+strings.Replace(l, "名称", "名秤", 1)+" |", 1)
					break
				}
			}
			require.NotEqual(t, string(data), doc)
			code, _, stderr = runCmd("import", "-o", filepath.Join(dir, "typo-"+name+".yaml"), writeFile(t, dir, "typo-"+name, doc))
			assert.Equal(t, exitInput, code)
			assert.Contains(t, stderr, "名秤")
		})
	}
}
