package tianhe2021_test

import (
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
)

// Load the published Tianhe 2021 form and print its computed figures.
func Example() {
	form, err := evaluation.ReadFile("form.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := evaluation.Evaluate(form, nil)
	fmt.Println(r.Header.Name, r.Header.Year)
	fmt.Println("年度预算调整数", r.Figures.Adjustment.Format())
	fmt.Println("预算完成率", r.Figures.CompletionRate)
	fmt.Println("预算调整率", r.Figures.AdjustmentRate)
	fmt.Println("任务涉及资金合计", r.Figures.TaskFundsTotal.Format())
	fmt.Println("任务资金占实际支出", r.Figures.TaskFundsShare)
	// Output:
	// 中国共产党广州市天河区委员会政法委员会 2021
	// 年度预算调整数 507.49万元
	// 预算完成率 99.99%
	// 预算调整率 17.48%
	// 任务涉及资金合计 574.54万元
	// 任务资金占实际支出 23.99%
}
