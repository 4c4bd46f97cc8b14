package xlsx

import (
	"strings"
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
		"":                                    general,
		"General":                             general,
		"0":                                   {0, 0, false, false, false},
		"0.00":                                {2, 2, false, false, false},
		"#,##0.00":                            {2, 2, false, false, false},
		"0.0#":                                {1, 2, false, false, false},
		"0.00%":                               {2, 2, true, false, false},
		"0%":                                  {0, 0, true, false, false},
		`0"年"`:                                {0, 0, false, false, false},
		`"¥"#,##0.00;[Red]-"¥"#,##0.00`:       {2, 2, false, false, false},
		`[$-804]0.000`:                        {3, 3, false, false, false},
		"0.00E+00":                            general,
		"yyyy/m/d":                            {-1, -1, false, true, false},
		"0." + strings.Repeat("0", 1_000_000): general, // longer than Excel allows: not honoured
		"@":                                   {-1, -1, false, false, true},
		`0.00_);(0.00)`:                       {2, 2, false, false, false},
	} {
		assert.Equal(t, want, parseFormat(code), code)
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
