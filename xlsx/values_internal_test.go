package xlsx

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExactNumber(t *testing.T) {
	for raw, want := range map[string]string{
		"2395.15":             "2395.15",
		"16.60":               "16.60", // trailing zeros are the written precision
		"2395.1500000000001":  "2395.15",
		"2394.8299999999999":  "2394.83",
		"0.30000000000000004": "0.3",
		"0.1":                 "0.1",
		"1E-3":                "0.001",
		"2.39515E3":           "2395.15",
		"-507.49":             "-507.49",
		"123456789012345":     "123456789012345",
		"1234567890123456":    "1234567890123460", // 16 digits: more than a double keeps
		"0.333333333333333":   "0.333333333333333",
	} {
		d, err := exactNumber(raw)
		require.NoError(t, err, raw)
		assert.Equal(t, want, d.StringFixed(places(d)), raw)
	}
	for _, raw := range []string{"", "abc", "1e999999999", "1.2.3", "0x10", "NaN", "Inf", "1e", "--1", "１２"} {
		_, err := exactNumber(raw)
		assert.Error(t, err, raw)
	}
}

func TestFitDecimals(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		min  int
		want string
	}{
		{"16.6", 2, "16.60"},    // shown with the format's decimals
		{"89.974", 2, "89.974"}, // never loses a digit
		{"0.333333333333333", -1, "0.333333"},
		{"1.0000004", 0, "1"},
		{"24", -1, "24"},
		{"24", 9, "24.000000"},
	} {
		d, err := exactNumber(tt.raw)
		require.NoError(t, err)
		assert.Equal(t, tt.want, fitDecimals(d, tt.min), tt.raw)
	}
}

func TestParseFormat(t *testing.T) {
	for code, want := range map[string]numFmt{
		"":                              general,
		"General":                       general,
		"0":                             {0, 0, false},
		"0.00":                          {2, 2, false},
		"#,##0.00":                      {2, 2, false},
		"0.0#":                          {1, 2, false},
		"0.00%":                         {2, 2, true},
		"0%":                            {0, 0, true},
		`0"年"`:                          {0, 0, false},
		`"¥"#,##0.00;[Red]-"¥"#,##0.00`: {2, 2, false},
		`[$-804]0.000`:                  {3, 3, false},
		"0.00E+00":                      general,
		"yyyy/m/d":                      general,
		"@":                             general,
		`0.00_);(0.00)`:                 {2, 2, false},
	} {
		assert.Equal(t, want, parseFormat(code), code)
	}
}

func TestLabelKey(t *testing.T) {
	for text, want := range map[string]string{
		"部门调整预算收入":          "部门调整预算收入",
		" 部门 调整预算\n收入： ":    "部门调整预算收入",
		"*项目名称":             "项目名称",
		"全年预算数（A）":          "全年预算数",
		"执行率（B/A）":          "执行率",
		"执行率（计算值）":          "执行率(计算值)",
		"项目资金（万元）":          "项目资金",
		"其中：一般公共预算":         keySourcePrefix + "general_public_budget",
		"其中:当年财政拨款":         keySourcePrefix + "current_appropriation",
		"上年结转资金":            keySourcePrefix + "prior_carryover",
		"单位：万元":             keyUnit,
		"2021年度部门整体支出绩效自评表": keyTitleDepartment,
		"矛盾纠纷化解率":           "",
		"":                  "",
	} {
		assert.Equal(t, want, labelKey(text), text)
	}
}

func TestEscapeLiteral(t *testing.T) {
	for in, want := range map[string]string{
		"plain":         "plain",
		"_x0041_":       "_x005F_x0041_",
		"a_x00e9_b":     "a_x005F_x00e9_b",
		"_x0041_x0042_": "_x005F_x0041_x005F_x0042_",
		"_X0041_":       "_X0041_",
		"_x004_":        "_x004_",
	} {
		assert.Equal(t, want, escapeLiteral(in), in)
	}
}
