package narrative_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/narrative"
)

func ExampleFind() {
	sections := []narrative.Section{{
		Path: "overall",
		Text: "全年开展来穗人员技能培训102人，累计开展专题讲座99次。",
	}}
	claims := []narrative.Claim{
		{Path: "tasks[0].indicators[0].actual", Name: "来穗人员技能培训人数", Value: decimal.NewFromInt(120), Unit: "人次"},
		{Path: "tasks[0].indicators[1].actual", Name: "专题讲座", Value: decimal.NewFromInt(99), Unit: "次"},
	}
	for _, m := range narrative.Find(sections, claims) {
		fmt.Printf("%s: %s%s (%s) but %s says %q\n", m.Claim.Path, m.Claim.Value, m.Claim.Unit, m.Claim.Name, m.Section, m.Clause)
	}
	// Output:
	// tasks[0].indicators[0].actual: 120人次 (来穗人员技能培训人数) but overall says "全年开展来穗人员技能培训102人"
}
