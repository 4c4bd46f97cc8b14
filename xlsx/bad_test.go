package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/xlsx"
)

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(content))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// rezip rewrites one part of a zip archive.
func rezip(t *testing.T, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		files[f.Name] = b.String()
	}
	require.Contains(t, files, name)
	files[name] = edit(files[name])
	return zipOf(t, files)
}

func unrelatedWorkbook(t *testing.T) []byte {
	b := newSheet(t, "Sheet1")
	b.set(map[string]string{"A1": "姓名", "B1": "年龄", "A2": "张三", "B2": "30"})
	return b.bytes()
}

func encryptedWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	require.NoError(t, f.SetCellStr("Sheet1", "A1", "项目名称"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf, excelize.Options{Password: "secret"}))
	return buf.Bytes()
}

func TestImportBadInputs(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rnd.UintN(256))
	}
	legacy := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, err := zw.Create("[Content_Types].xml")
	require.NoError(t, err)
	_, err = w.Write(bytes.Repeat([]byte{' '}, 80<<20)) // 80 MiB of spaces, compressed to ~80 KB
	require.NoError(t, err)
	require.NoError(t, zw.Close())

	tests := []struct {
		name     string
		data     []byte
		sentinel error
		sheet    string
	}{
		{"empty", nil, xlsx.ErrCorrupt, ""},
		{"random bytes", random, xlsx.ErrCorrupt, ""},
		{"text", []byte("kind: department-self-evaluation\n"), xlsx.ErrCorrupt, ""},
		{"truncated zip", unrelatedWorkbook(t)[:300], xlsx.ErrCorrupt, ""},
		{"zip of other files", zipOf(t, map[string]string{"readme.txt": "hello"}), xlsx.ErrCorrupt, ""},
		{"docx", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}), xlsx.ErrCorrupt, ""},
		{"xlsx without workbook", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/styles.xml": "<styleSheet/>"}), xlsx.ErrCorrupt, ""},
		{"legacy xls", legacy, xlsx.ErrCorrupt, ""},
		{"encrypted", encryptedWorkbook(t), xlsx.ErrEncrypted, ""},
		{"unrelated workbook", unrelatedWorkbook(t), xlsx.ErrNotAForm, "Sheet1"},
		{"too large", make([]byte, xlsx.MaxFileSize+1), xlsx.ErrTooLarge, ""},
		{"zip bomb", bomb.Bytes(), xlsx.ErrTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form, err := xlsx.Import("bad.xlsx", tt.data)
			assert.Nil(t, form)
			var ie *xlsx.ImportError
			require.ErrorAs(t, err, &ie)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Equal(t, "bad.xlsx", ie.File)
			assert.Equal(t, tt.sheet, ie.Sheet)
			assert.True(t, strings.HasPrefix(err.Error(), "bad.xlsx: "), err.Error())
		})
	}
}

func TestImportErrorMessages(t *testing.T) {
	_, err := xlsx.Import("people.xlsx", unrelatedWorkbook(t))
	var ie *xlsx.ImportError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "a title 部门整体支出绩效自评表, 项目支出绩效自评表, 项目支出绩效目标申报表 or 项目支出绩效目标执行监控表, or a cell labelled 部门调整预算收入 or 项目名称", ie.Looked)
	assert.Equal(t, "people.xlsx: sheet Sheet1: not a form: looked for "+ie.Looked, err.Error())

	b := newSheet(t, "表1")
	b.set(map[string]string{"A1": "部门名称", "B1": "某局", "A3": "部门调整预算收入", "B3": "两千万"})
	_, err = xlsx.Import("dept.xlsx", b.bytes())
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, xlsx.ErrValue)
	assert.Equal(t, "表1", ie.Sheet)
	assert.Equal(t, "B3", ie.Cell)
	assert.True(t, strings.HasPrefix(err.Error(), `dept.xlsx: sheet 表1 cell B3: invalid value: "两千万": 部门调整预算收入: not an amount: `), err.Error())

	assert.Equal(t, "f.xlsx: cell C2: invalid value", (&xlsx.ImportError{File: "f.xlsx", Cell: "C2", Err: xlsx.ErrValue}).Error())
	assert.Equal(t, "f.xlsx: unreadable workbook", (&xlsx.ImportError{File: "f.xlsx"}).Error())
	assert.True(t, errors.Is(&xlsx.ImportError{Err: xlsx.ErrCorrupt}, xlsx.ErrCorrupt))
}

func TestImportBadValues(t *testing.T) {
	for name, cells := range map[string]map[string]string{
		"year":              {"A1": "部门名称", "B1": "某局", "A2": "被评价年度", "B2": "二〇二一"},
		"year range":        {"A1": "部门名称", "B1": "某局", "A2": "被评价年度", "B2": "20211"},
		"rate":              {"A1": "部门名称", "B1": "某局", "A2": "预算完成率", "B2": "很高"},
		"unit":              {"A1": "部门名称", "B1": "某局", "A2": "单位：美元"},
		"negative score":    {"A1": "项目名称", "B1": "P", "A3": "三级指标", "B3": "得分", "A4": "n", "B4": "-1"},
		"too many decimals": {"A1": "部门名称", "B1": "某局", "A2": "实际支出数", "B2": "1.1234567"},
		"self selected":     {"A1": "部门名称", "B1": "某局", "A3": "重点项目绩效情况", "B3": "自选重点项目", "A4": "项目", "B4": "也许"},
		"direction":         {"A1": "项目名称", "B1": "P", "A3": "三级指标", "B3": "指标方向", "A4": "n", "B4": "向上"},
	} {
		t.Run(name, func(t *testing.T) {
			b := newSheet(t, "Sheet1")
			b.set(cells)
			_, err := xlsx.Import("v.xlsx", b.bytes())
			var ie *xlsx.ImportError
			require.ErrorAs(t, err, &ie)
			assert.ErrorIs(t, err, xlsx.ErrValue)
			assert.NotEmpty(t, ie.Cell)
		})
	}
}

// TestImportFarCells: a sheet naming the last cell of a worksheet costs
// no more than a small one (a whole-sheet model would allocate a million
// rows), and a cell far from the form is not lost: it is reported
// unplaced, with its reference.
func TestImportFarCells(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.set(map[string]string{"A1": "项目名称", "B1": "P", "BZ5": "far right"})
	data := b.bytes()
	// Name the very last cell of a worksheet by editing the part, since
	// excelize itself would build the million rows to write it.
	data = rezip(t, data, "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>`, 1)
	})
	start := time.Now()
	res, err := xlsx.ImportResult("far.xlsx", data)
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Equal(t, "P", res.Form.Header().Name)
	var refs []string
	for _, u := range res.Unplaced {
		refs = append(refs, u.Ref)
	}
	assert.Equal(t, []string{"BZ5", "XFD1048576"}, refs)
	_, err = xlsx.Import("far.xlsx", data)
	assert.ErrorIs(t, err, xlsx.ErrValue, "the simple entry point refuses a form with a cell unplaced")
}

func TestImportManyMerges(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row></sheetData><mergeCells>`)
	for i := 0; i <= xlsx.MaxMerges; i++ {
		ref, _ := excelize.CoordinatesToCellName(1+i%60, 2+i/60)
		ref2, _ := excelize.CoordinatesToCellName(1+i%60, 3+i/60)
		sb.WriteString(`<mergeCell ref="` + ref + `:` + ref2 + `"/>`)
	}
	sb.WriteString(`</mergeCells></worksheet>`)
	data := packageOf(t, []byte(sb.String()), []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`))
	_, err := xlsx.Import("merges.xlsx", data)
	assert.ErrorIs(t, err, xlsx.ErrTooLarge)
	var ie *xlsx.ImportError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "S", ie.Sheet)
}

// packageOf wraps a worksheet part and a shared strings part in a minimal
// .xlsx package.
func packageOf(t *testing.T, sheet, shared []byte) []byte {
	return zipOf(t, map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   string(sheet),
		"xl/sharedStrings.xml":       string(shared),
	})
}
