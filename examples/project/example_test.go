package project_test

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
)

// Score the example project form by 财预〔2020〕10号 and print each row.
func Example() {
	form, err := evaluation.ReadFile("form.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := evaluation.Evaluate(form, rules.NationalProfile())
	s := rep.Score
	fmt.Println("执行率", rep.Figures.ExecutionRate, "得分", s.Budget.Rounded.StringFixed(2))
	for _, is := range s.Indicators {
		fmt.Println(is.Name, is.Rounded.StringFixed(2), is.Status())
	}
	fmt.Println("总分", s.Total.StringFixed(2), s.Grade, "errors:", rep.Counts().Error)
	// Output:
	// 执行率 95.00% 得分 9.50
	// 设备采购数量 20.00 met
	// 设备验收合格率 15.00 met
	// 项目完成时间 10.00 met
	// 项目成本 5.00 met
	// 教学信息化覆盖率 18.89 partly-met
	// 运行维护机制 9.00 met
	// 师生满意度 10.00 met
	// 总分 97.39 优 errors: 0
}

// A province that weights 满意度 20 and 效益 20, with a stricter 优 at 95,
// builds its own scheme from the national one; nothing is forked.
func ExampleScheme() {
	n := decimal.NewFromInt
	province := evaluation.MOF2020()
	province.Name = "province-2025"
	province.Effect, province.Satisfaction = n(20), n(20)
	province.Grades = []evaluation.Grade{{Name: "优", Min: n(95)}, {Name: "良", Min: n(85)}, {Name: "中", Min: n(60)}, {Name: "差", Min: n(0)}}

	set := rules.NationalProfile().WithScheme(province)
	form, _ := evaluation.ReadFile("form.yaml")
	rep := evaluation.Evaluate(form, set)
	fmt.Println(rep.Score.Scheme, rep.Score.Total.StringFixed(2), rep.Score.Grade)
	for _, f := range rep.Findings {
		if f.Rule == "score.weights" {
			fmt.Println(f.Rule, f.Expected, f.Actual)
		}
	}
	// Output:
	// province-2025 97.39 优
	// score.weights 20 30
	// score.weights 20 10
}

// What a service does with a form posted to it as JSON: read it, choose
// the rule set by the form's own profile: key, evaluate, and answer with
// the report as JSON (the object `perfeval evaluate -format json` prints).
// The form itself round-trips through encoding/json.
func Example_service() {
	form, _ := evaluation.ReadFile("form.yaml")
	body, _ := json.Marshal(form) // the JSON file format

	var posted evaluation.ProjectForm
	if err := json.Unmarshal(body, &posted); err != nil {
		fmt.Println(err)
		return
	}
	set, err := rules.ForForm(&posted)
	if err != nil {
		fmt.Println(err) // *rules.UnknownProfileError
		return
	}
	rep := evaluation.Evaluate(&posted, set)
	rep.Source, rep.Lang = "POST /evaluate", evaluation.English
	answer, _ := json.Marshal(rep)

	var got struct {
		Profile string
		Score   struct {
			Total    string
			Grade    string
			Complete bool
		}
	}
	_ = json.Unmarshal(answer, &got)
	fmt.Println(got.Profile, got.Score.Total, got.Score.Grade, got.Score.Complete)
	// Output:
	// national 97.39 优 true
}
