package indicator_test

import (
	"errors"
	"fmt"

	"github.com/perfeval/perfeval/indicator"
)

// A row of a project form: target ≥95%, actual 98.70%.
func Example() {
	target := indicator.Parse("≥95%")
	actual := indicator.Parse("98.70%")
	a := indicator.Assess(target, actual, indicator.Unspecified)
	fmt.Println(a.Status, a.Direction, a.Target.String()+a.Unit, a.Actual.StringFixed(2)+a.Unit)
	// Output: met higher 95% 98.70%
}

func ExampleParse() {
	for _, s := range []string{"2,811 人", "不超过90万元", "百分之九十五", "第一名", "12月底前", "扫黑除恶线索办结率100%。"} {
		v := indicator.Parse(s)
		fmt.Printf("%s: %s", s, v.Kind())
		if n, ok := v.Number(); ok {
			fmt.Printf(" %s%s", n, v.Unit())
		}
		if y, m, d, ok := v.Deadline(); ok {
			fmt.Printf(" %d-%02d-%02d", y, m, d)
		}
		if v.Word() != "" {
			fmt.Printf(" %s", v.Word())
		}
		if v.Operator() != indicator.Unspecified {
			fmt.Printf(" (%s)", v.Operator())
		}
		fmt.Println()
	}
	// Output:
	// 2,811 人: quantity 2811人
	// 不超过90万元: quantity 90万元 (lower)
	// 百分之九十五: quantity 95%
	// 第一名: qualitative 第一名 (qualitative)
	// 12月底前: deadline 0-12-31 (qualitative)
	// 扫黑除恶线索办结率100%。: text 100%
}

// Lower is better: within twice the ceiling the target is partly met.
func ExampleAssess_lowerIsBetter() {
	target := indicator.Parse("≤5起")
	for _, s := range []string{"5起", "7起", "10起"} {
		fmt.Println(s, indicator.Assess(target, indicator.Parse(s), indicator.Unspecified).Status)
	}
	// Output:
	// 5起 met
	// 7起 partly-met
	// 10起 not-met
}

// A form's `direction:` overrides the target's wording: a 控制率 of 100%.
func ExampleAssess_override() {
	dir, _ := indicator.ParseDirection("lower")
	a := indicator.Assess(indicator.Parse("100%"), indicator.Parse("120%"), dir)
	fmt.Println(a.Status, a.Direction)
	// Output: partly-met lower
}

// Qualitative words compare by their order.
func ExampleAssess_qualitative() {
	fmt.Println(indicator.Assess(indicator.Parse("优秀"), indicator.Parse("良好"), indicator.Unspecified).Status)
	fmt.Println(indicator.Assess(indicator.Parse("下降"), indicator.Parse("同比下降8%"), indicator.Unspecified).Status)
	fmt.Println(indicator.Assess(indicator.Parse("严格执行相关制度规定"), indicator.Parse("达成预期指标"), indicator.Unspecified).Status)
	// Output:
	// partly-met
	// met
	// met
}

// Units that cannot be compared are a finding, not a guess.
func ExampleAssess_unitMismatch() {
	a := indicator.Assess(indicator.Parse("≥20台"), indicator.Parse("95%"), indicator.Unspecified)
	fmt.Println(a.Status, errors.Is(a.Reason, indicator.ErrUnitMismatch))
	fmt.Println(a.Reason)
	// Output:
	// unknown true
	// indicator: target in "台", actual in "%": units cannot be compared
}

func ExampleValue_Deadline() {
	y, m, d, ok := indicator.Parse("12月底前").Deadline()
	fmt.Println(y, m, d, ok)
	// Output: 0 12 31 true
}

func ExampleParseLevel() {
	level, name, weight, ok := indicator.ParseLevel("产出指标（50分）")
	fmt.Println(level == indicator.Output, name, weight, ok)
	// Output: true 产出指标 50 true
}
