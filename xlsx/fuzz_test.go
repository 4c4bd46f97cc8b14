package xlsx_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/xlsx"
)

// checkImport is the property both fuzz targets check: Import returns a
// form or an *ImportError wrapping one of the sentinels, never both,
// never a panic (a panic recovered inside shows as ErrCorrupt mentioning
// it), agrees with ImportResult's account, and a form read can be exported
// again.
func checkImport(t *testing.T, data []byte) {
	res, rerr := xlsx.ImportResult("fuzz.xlsx", data)
	form, err := xlsx.Import("fuzz.xlsx", data)
	if (rerr == nil) != (err == nil || errors.Is(err, xlsx.ErrValue) && res != nil && len(res.Unplaced) > 0) {
		t.Fatalf("ImportResult (%v) and Import (%v) disagree", rerr, err)
	}
	if err != nil {
		var ie *xlsx.ImportError
		if !errors.As(err, &ie) {
			t.Fatalf("error %T, not *ImportError: %v", err, err)
		}
		if form != nil {
			t.Fatalf("a form and an error: %v", err)
		}
		found := false
		for _, s := range []error{xlsx.ErrCorrupt, xlsx.ErrNotAForm, xlsx.ErrEncrypted, xlsx.ErrTooLarge, xlsx.ErrValue} {
			found = found || errors.Is(err, s)
		}
		if !found {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		return
	}
	if form == nil {
		t.Fatal("no form and no error")
	}
	book, err := xlsx.Workbook(form, xlsx.ExportOptions{})
	if err != nil {
		if !errors.Is(err, xlsx.ErrUnrepresentable) {
			t.Fatalf("Export of an imported form: %v", err)
		}
		return
	}
	_ = book.Close()
}

func FuzzImport(f *testing.F) {
	data, err := os.ReadFile("testdata/project.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, path := range []string{"../examples/cycle/declaration.yaml", "../examples/cycle/monitoring.yaml",
		"../markdown/testdata/monitoring-mistakes.yaml"} {
		form, err := evaluation.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if err := xlsx.Export(&b, form); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkImport(t, data)
	})
}

// FuzzImportSheet fuzzes what lies inside a valid package: the worksheet
// and shared strings parts. (Mutating the zip itself mostly breaks its
// checksums, so FuzzImport rarely gets past unzipping.)
func FuzzImportSheet(f *testing.F) {
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2" s="0"><v>2395.1500000000001</v></c></row>`+
		`<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><f>C2/C2</f><v>1</v></c></row>`+
		`<row r="5"><c r="A5" t="s"><v>4</v></c><c r="B5" t="s"><v>5</v></c></row>`+
		`<row r="6"><c r="A6" t="s"><v>6</v></c><c r="B6" t="s"><v>7</v></c></row>`+
		`</sheetData><mergeCells><mergeCell ref="A6:A7"/></mergeCells></worksheet>`),
		[]byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>部门名称</t></si><si><t>某局</t></si><si><t>部门调整预算收入</t></si><si><t>预算完成率</t></si>`+
			`<si><t>主要任务</t></si><si><t>关键指标</t></si><si><t>任务1</t></si><si><t>指标_x0041_</t></si></sst>`))
	// A monitoring form: the month in the funds' labels, 偏差原因分析 over
	// its 其他 column, a likelihood.
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
		`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c></row>`+
		`<row r="3"><c r="B3" t="s"><v>5</v></c><c r="C3"><v>220</v></c><c r="D3"><v>87.57</v></c><c r="E3"><v>0.398</v></c></row>`+
		`<row r="4"><c r="A4" t="s"><v>6</v></c><c r="B4" t="s"><v>7</v></c><c r="C4" t="s"><v>8</v></c><c r="D4" t="s"><v>9</v></c></row>`+
		`<row r="5"><c r="C5" t="s"><v>10</v></c></row>`+
		`<row r="6"><c r="B6" t="s"><v>11</v></c><c r="C6" t="s"><v>12</v></c><c r="D6" t="s"><v>13</v></c></row>`+
		`</sheetData><mergeCells><mergeCell ref="A4:A6"/><mergeCell ref="B4:B5"/><mergeCell ref="D4:D5"/></mergeCells></worksheet>`),
		[]byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>项目支出绩效目标执行监控表</t></si><si><t>项目资金</t></si>`+
			`<si><t>年初预算数</t></si><si><t>1-6月执行数</t></si><si><t>1-6月执行率</t></si><si><t>年度资金总额</t></si><si><t>绩效指标</t></si>`+
			`<si><t>三级指标</t></si><si><t>偏差原因分析</t></si><si><t>完成目标可能性</t></si><si><t>其他</t></si><si><t>成本</t></si>`+
			`<si><t>供应商延期</t></si><si><t>不可能</t></si></sst>`))
	f.Fuzz(func(t *testing.T, sheet, shared []byte) {
		if len(sheet)+len(shared) > 1<<16 {
			return
		}
		checkImport(t, packageOf(t, sheet, shared))
	})
}
