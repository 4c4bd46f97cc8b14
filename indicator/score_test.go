package indicator_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/indicator"
)

func TestScoreRow(t *testing.T) {
	dec := decimal.RequireFromString
	ptr := func(s string) *decimal.Decimal { d := dec(s); return &d }
	bands := indicator.MOF2020Bands()
	tests := []struct {
		name, target, actual string
		dir                  indicator.Direction
		weight               string
		printed              *decimal.Decimal
		want                 string // score at 2 places, "" for unscored
		status               indicator.Status
		estimated, outOfBand bool
	}{
		// Higher is better.
		{"at target", "≥100台", "100台", 0, "10", nil, "10.00", indicator.Met, false, false},
		{"above target", "≥100台", "130台", 0, "10", nil, "10.00", indicator.Met, false, false},
		{"below target", "≥100台", "95台", 0, "10", nil, "9.50", indicator.PartlyMet, false, false},
		{"proportional, exact", "≥95%", "90%", 0, "20", nil, "18.95", indicator.PartlyMet, false, false}, // 20×90/95 = 18.947…
		{"zero actual", "≥100台", "0台", 0, "10", nil, "0.00", indicator.NotMet, false, false},
		{"bare number takes target unit", "≥50个", "40", 0, "10", nil, "8.00", indicator.PartlyMet, false, false},
		{"exact as higher", "=100%", "98%", 0, "10", nil, "9.80", indicator.PartlyMet, false, false},
		{"no operator is exact", "100%", "100%", 0, "10", nil, "10.00", indicator.Met, false, false},
		// Lower is better.
		{"lower at target", "≤5起", "5起", 0, "10", nil, "10.00", indicator.Met, false, false},
		{"lower under", "≤5起", "3起", 0, "10", nil, "10.00", indicator.Met, false, false},
		{"lower over", "≤5起", "6起", 0, "10", nil, "8.00", indicator.PartlyMet, false, false},
		{"lower just under twice", "≤5起", "9.9起", 0, "10", nil, "0.20", indicator.PartlyMet, false, false},
		{"lower at twice", "≤5起", "10起", 0, "10", nil, "0.00", indicator.NotMet, false, false},
		{"lower beyond twice", "≤5起", "15起", 0, "10", nil, "0.00", indicator.NotMet, false, false},
		{"lower target zero met", "0起", "0起", 0, "10", nil, "10.00", indicator.Met, false, false},
		{"lower target zero missed", "0起", "1起", 0, "10", nil, "0.00", indicator.NotMet, false, false},
		{"control rate override", "100%", "100%", indicator.LowerIsBetter, "10", nil, "10.00", indicator.Met, false, false},
		{"control rate over", "90万元", "99万元", indicator.LowerIsBetter, "10", nil, "9.00", indicator.PartlyMet, false, false},
		// Deadlines.
		{"deadline met", "2021年12月底前", "2021年11月30日", 0, "5", nil, "5.00", indicator.Met, false, false},
		{"deadline missed", "2021年12月底前", "2022年1月5日", 0, "5", nil, "0.00", indicator.NotMet, false, false},
		// Qualitative bands.
		{"band met printed inside", "优秀", "优秀", 0, "10", ptr("9"), "9.00", indicator.Met, false, false},
		{"band met printed at low edge", "优秀", "优秀", 0, "10", ptr("8"), "8.00", indicator.Met, false, false},
		{"band met printed below", "优秀", "优秀", 0, "10", ptr("7.99"), "8.00", indicator.Met, false, true},
		{"band met estimated", "严格执行相关制度规定", "达成预期指标", 0, "10", nil, "8.00", indicator.Met, true, false},
		{"band partly at 80 is outside", "达成", "部分达成", 0, "10", ptr("8"), "6.00", indicator.PartlyMet, false, true},
		{"band partly inside", "达成", "部分达成", 0, "10", ptr("7.99"), "7.99", indicator.PartlyMet, false, false},
		{"band not met at 6 is outside", "达成", "未达成", 0, "10", ptr("6"), "0.00", indicator.NotMet, false, true},
		{"band not met zero", "达成", "未达成", 0, "10", ptr("0"), "0.00", indicator.NotMet, false, false},
		{"ordered words below", "优秀", "良好", 0, "10", nil, "6.00", indicator.PartlyMet, true, false},
		// Unscored.
		{"no target", "", "100台", 0, "10", nil, "", indicator.Unknown, false, false},
		{"unit mismatch", "≥100台", "100%", 0, "10", nil, "", indicator.Unknown, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target, actual := indicator.Parse(tt.target), indicator.Parse(tt.actual)
			a := indicator.Assess(target, actual, tt.dir)
			s := indicator.ScoreRow(target, a, dec(tt.weight), tt.printed, bands)
			assert.Equal(t, tt.status, s.Status, "%+v", a)
			if tt.want != "" {
				assert.Equal(t, tt.want, s.Value.Round(2).StringFixed(2))
			}
			assert.Equal(t, tt.estimated, s.Estimated, "estimated")
			assert.Equal(t, tt.outOfBand, s.OutOfBand, "out of band")
		})
	}
}

func TestScoreIsExactBeforeRounding(t *testing.T) {
	target, actual := indicator.Parse("≥3次"), indicator.Parse("1次")
	s := indicator.ScoreRow(target, indicator.Assess(target, actual, 0), decimal.NewFromInt(10), nil, indicator.MOF2020Bands())
	// 10/3 = 3.333…: 3.33 at two places, 3.3 at one, 3 at none; never via 3.33.
	assert.Equal(t, "3.33", s.Value.Round(2).String())
	assert.Equal(t, "3.3", s.Value.Round(1).String())
	target, actual = indicator.Parse("≥8次"), indicator.Parse("1次")
	s = indicator.ScoreRow(target, indicator.Assess(target, actual, 0), decimal.NewFromInt(1), nil, indicator.MOF2020Bands())
	assert.Equal(t, "0.13", s.Value.Round(2).String(), "0.125 rounds half up")
}

// A score prints as points: 20 × 85/90 is 18.89 points, not 1888.89%.
func TestScorePrintsAsPoints(t *testing.T) {
	target, actual := indicator.Parse("≥90%"), indicator.Parse("85%")
	s := indicator.ScoreRow(target, indicator.Assess(target, actual, 0), decimal.NewFromInt(20), nil, indicator.MOF2020Bands())
	assert.Equal(t, "18.89", fmt.Sprint(s.Value))
}

func TestNegatedActualIsNotMet(t *testing.T) {
	for _, actual := range []string{"未达到95%", "不足95%", "没有达到95%"} {
		a := indicator.Assess(indicator.Parse("≥95%"), indicator.Parse(actual), 0)
		assert.Equal(t, indicator.Unknown, a.Status, actual)
		assert.ErrorIs(t, a.Reason, indicator.ErrUnparsed, actual)
	}
	a := indicator.Assess(indicator.Parse("≤15天"), indicator.Parse("12日"), 0)
	assert.Equal(t, indicator.Met, a.Status, "天 and 日 are both days")
}
