package xlsx_test

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/xlsx"
)

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A number format of "0." and a million zeros in xl/styles.xml costs no
// more to import than a short one: values are read raw, and a format is
// read only for its decimals, percent sign and date, within Excel's own
// 255 characters.
func TestImportHugeNumberFormat(t *testing.T) {
	form := readForm(t, "../examples/project/form.yaml")
	huge := "0." + strings.Repeat("0", 1_000_000)
	data := rezip(t, writeBytes(t, form), "xl/styles.xml", func(s string) string {
		re := regexp.MustCompile(`formatCode="[^"]*"`)
		require.True(t, re.MatchString(s), "the export has custom number formats")
		return re.ReplaceAllString(s, `formatCode="`+huge+`"`)
	})
	back, err := xlsx.Import("huge-format.xlsx", data)
	require.NoError(t, err)
	p := back.(*evaluation.ProjectForm)
	assert.Equal(t, "95", p.Funds.ActualExpenditure.Decimal().String(), "the raw value")
	assert.Equal(t, "智慧校园建设", p.Project)
}

// A sheet naming cell XFDn on two thousand rows (an 18 KB file) costs the
// memory of the cells it holds, not of rows padded to 16,384 columns; the
// far cells are reported unplaced, never lost.
func TestImportFarColumnOnEveryRow(t *testing.T) {
	form := readForm(t, "../examples/project/form.yaml")
	var rows strings.Builder
	for n := 30; n <= 2000; n++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, n, n)
	}
	data := rezip(t, writeBytes(t, form), "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, "</sheetData>", rows.String()+"</sheetData>", 1)
	})
	var res interface{ Complete() bool }
	var unplaced int
	bytes := allocated(func() {
		r, err := xlsx.ImportResult("xfd.xlsx", data)
		require.NoError(t, err)
		res, unplaced = r, len(r.Unplaced)
		assert.Equal(t, form, r.Form)
		assert.Equal(t, "XFD30", r.Unplaced[0].Ref)
	})
	assert.False(t, res.Complete())
	assert.Equal(t, 1971, unplaced)
	assert.Less(t, bytes, uint64(200<<20), "allocated %d MB", bytes>>20)
}

// What Import writes, evaluate reads: a cell longer than a form's text may
// be is refused at import, naming the cell; a form of 5,000 source rows,
// which the file format holds, exports and imports back.
func TestImportLimitsAgreeWithTheFileFormat(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.set(map[string]string{"A1": "项目名称", "B1": strings.Repeat("字", 25_000)})
	_, err := xlsx.ImportResult("long.xlsx", b.bytes())
	var ie *xlsx.ImportError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, xlsx.ErrTooLarge)
	assert.Equal(t, "B1", ie.Cell)

	var y strings.Builder
	y.WriteString("kind: department-self-evaluation\ndepartment: 某局\nyear: 2024\nfunds:\n  sources:\n")
	for i := range 5000 {
		fmt.Fprintf(&y, "    - source: general_public_budget\n      actual_expenditure: %d\n", i)
	}
	many, err := evaluation.Decode("many.yaml", []byte(y.String()))
	require.NoError(t, err)
	back, err := xlsx.Import("many.xlsx", writeBytes(t, many))
	require.NoError(t, err)
	assert.Equal(t, many, back)
	require.Len(t, back.(*evaluation.DepartmentForm).Funds.Sources, 5000)
	assert.Equal(t, budget.MustParseAmount("4999", budget.TenThousandYuan), *back.(*evaluation.DepartmentForm).Funds.Sources[4999].ActualExpenditure)
}

// An export error names the value's key path and its cell: a form the file
// format reads but no road carries (a NUL in a text) is refused with where
// it is, not with a bare cell reference.
func TestExportErrorNamesTheKeyPath(t *testing.T) {
	form, err := evaluation.Decode("f.yaml", []byte("kind: project-self-evaluation\nproject: P\noverall: \"a\\0b\"\n"))
	require.NoError(t, err)
	_, err = xlsx.Workbook(form, xlsx.ExportOptions{})
	assert.ErrorIs(t, err, xlsx.ErrUnrepresentable)
	assert.Regexp(t, `^xlsx: Export: overall \(cell B\d+\): .*control character U\+0000`, err.Error())
}
