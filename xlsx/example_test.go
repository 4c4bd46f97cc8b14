package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/xlsx"
)

// Export lays a form out as the official sheet; the printed 执行率 stays
// as printed and a formula under the form recomputes it. Import reads it
// back.
func Example() {
	form, err := evaluation.Decode("form.yaml", []byte(`kind: project-self-evaluation
project: 智慧校园建设
department: 某区教育局
year: 2025
funds:
  initial_budget: 100
  adjusted_budget: 100
  actual_expenditure: 95.5
  reported:
    execution_rate: 95.00%
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	book, err := xlsx.Workbook(form, xlsx.ExportOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sheet := book.GetSheetList()[0]
	printed, _ := book.GetCellValue(sheet, "G7")
	formula, _ := book.GetCellFormula(sheet, "C13")
	computed, _ := book.CalcCellValue(sheet, "C13")
	var buf bytes.Buffer
	if _, err := book.WriteTo(&buf); err != nil {
		fmt.Println(err)
		return
	}
	_ = book.Close()

	back, err := xlsx.Import("form.xlsx", buf.Bytes())
	if err != nil {
		fmt.Println(err)
		return
	}
	p := back.(*evaluation.ProjectForm)
	fmt.Println(sheet)
	fmt.Println("执行率 as printed:", printed)
	fmt.Println("执行率 computed:  ", computed, "by", formula)
	fmt.Println("read back:", p.Project, p.Year, p.Funds.ActualExpenditure, p.Funds.Reported.ExecutionRate)
	// Output:
	// 项目支出绩效自评表
	// 执行率 as printed: 95.00%
	// 执行率 computed:   95.50% by IF(OR(D7="",E7=""),"",IFERROR(E7/D7,""))
	// read back: 智慧校园建设 2025 95.50 95.00%
}

// Import tells why a workbook is not a form.
func ExampleImport_notAForm() {
	f, err := evaluation.Decode("form.yaml", []byte("kind: department-self-evaluation\ndepartment: 某局\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.Export(&buf, f); err != nil {
		fmt.Println(err)
		return
	}
	_, err = xlsx.Import("truncated.xlsx", buf.Bytes()[:100])
	fmt.Println(errors.Is(err, xlsx.ErrCorrupt))
	var ie *xlsx.ImportError
	if errors.As(err, &ie) {
		fmt.Println(ie.File)
	}
	// Output:
	// true
	// truncated.xlsx
}
