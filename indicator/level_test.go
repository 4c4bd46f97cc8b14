package indicator

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLevel(t *testing.T) {
	for _, c := range []struct {
		in     string
		level  Level
		name   string
		weight string // "" for none
	}{
		{"产出指标", Output, "产出指标", ""},
		{"产出指标(50分)", Output, "产出指标", "50"},
		{"产出指标（50分）", Output, "产出指标", "50"},
		{" 产出指标 （ ５０分 ） ", Output, "产出指标", "50"},
		{"效益指标(30)", Effect, "效益指标", "30"},
		{"效益指标 30分", Effect, "效益指标", "30"},
		{"满意度指标【分值：10】", Satisfaction, "满意度指标", "10"},
		{"满意度指标[10分]", Satisfaction, "满意度指标", "10"},
		{"满意度指标（权重10）", Satisfaction, "满意度指标", "10"},
		{"产出(50分)", Output, "产出", "50"},
		{"效益", Effect, "效益", ""},
		{"产出指标(12.5分)", Output, "产出指标", "12.5"},
		// level two: not a level, but its name and weight are read
		{"数量指标(20分)", LevelUnknown, "数量指标", "20"},
		{"社会效益指标", LevelUnknown, "社会效益指标", ""},
		// not a weight
		{"产出指标(数量)", LevelUnknown, "产出指标(数量)", ""},
		{"产出指标(-5分)", LevelUnknown, "产出指标(-5分)", ""},
		{"产出指标(1e9分)", LevelUnknown, "产出指标(1e9分)", ""},
		{"(50分)", LevelUnknown, "(50分)", ""},
		{"", LevelUnknown, "", ""},
		{strings.Repeat("产", 1000), LevelUnknown, "", ""},
	} {
		level, name, w, has := ParseLevel(c.in)
		assert.Equal(t, c.level, level, c.in)
		assert.Equal(t, c.name, name, c.in)
		assert.Equal(t, c.weight != "", has, c.in)
		if c.weight != "" {
			assert.True(t, dec(c.weight).Equal(w), "%q: weight %v", c.in, w)
		}
	}
}

func TestLevelString(t *testing.T) {
	assert.Equal(t, "产出指标", Output.String())
	assert.Equal(t, "效益指标", Effect.String())
	assert.Equal(t, "满意度指标", Satisfaction.String())
	assert.Equal(t, "", LevelUnknown.String())
	assert.Equal(t, "Level(9)", Level(9).String())
	for _, l := range []Level{Output, Effect, Satisfaction} {
		got, name, _, has := ParseLevel(l.String())
		assert.Equal(t, l, got)
		assert.Equal(t, l.String(), name)
		assert.False(t, has)
	}
}

func TestDirection(t *testing.T) {
	for _, d := range []Direction{Unspecified, HigherIsBetter, LowerIsBetter, Exact, QualitativeDirection} {
		got, err := ParseDirection(d.String())
		assert.NoError(t, err)
		assert.Equal(t, d, got)
		b, err := d.MarshalText()
		assert.NoError(t, err)
		var back Direction
		assert.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back)
	}
	assert.Equal(t, "higher", HigherIsBetter.String())
	assert.Equal(t, "lower", LowerIsBetter.String())
	assert.Equal(t, "exact", Exact.String())
	assert.Equal(t, "qualitative", QualitativeDirection.String())
	assert.Equal(t, "", Unspecified.String())
	got, err := ParseDirection(" Higher ")
	assert.NoError(t, err)
	assert.Equal(t, HigherIsBetter, got)
	for word, want := range map[string]Direction{"正向": HigherIsBetter, "反向": LowerIsBetter, "定性": QualitativeDirection} {
		got, err := ParseDirection(word)
		assert.NoError(t, err)
		assert.Equal(t, want, got, word)
	}
	for _, bad := range []string{"up", "正", "higher-is-better", "hi"} {
		_, err := ParseDirection(bad)
		assert.ErrorIs(t, err, ErrUnknownDirection, bad)
	}
	var d Direction
	assert.ErrorIs(t, d.UnmarshalText([]byte("sideways")), ErrUnknownDirection)
	_, err = Direction(9).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownDirection)
	assert.Equal(t, "Direction(9)", Direction(9).String())
}

func TestStatus(t *testing.T) {
	for s, want := range map[Status]string{Unknown: "unknown", Met: "met", PartlyMet: "partly-met", NotMet: "not-met"} {
		assert.Equal(t, want, s.String())
		b, err := s.MarshalText()
		assert.NoError(t, err)
		assert.Equal(t, want, string(b))
		var back Status
		assert.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	assert.Equal(t, "Status(7)", Status(7).String())
	_, err := Status(7).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownName, "a status that cannot be read back is not written")
}

func TestTextRoundTrip(t *testing.T) {
	type row struct {
		Kind      Kind      `json:"kind"`
		Direction Direction `json:"direction"`
		Status    Status    `json:"status"`
		Level     Level     `json:"level"`
		Target    Value     `json:"target"`
	}
	in := row{Kind: Deadline, Direction: LowerIsBetter, Status: PartlyMet, Level: Effect, Target: Parse("≤5起")}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"deadline","direction":"lower","status":"partly-met","level":"效益指标","target":"≤5起"}`, string(b))
	var out row
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in.Kind, out.Kind)
	assert.Equal(t, in.Direction, out.Direction)
	assert.Equal(t, in.Status, out.Status)
	assert.Equal(t, in.Level, out.Level)
	assert.True(t, in.Target.Equal(out.Target))

	var l Level
	require.NoError(t, l.UnmarshalText([]byte("产出指标(50分)")))
	assert.Equal(t, Output, l)
	assert.ErrorIs(t, l.UnmarshalText([]byte("数量指标")), ErrUnknownName)
	var k Kind
	assert.ErrorIs(t, k.UnmarshalText([]byte("prose")), ErrUnknownName)
	var s Status
	assert.ErrorIs(t, s.UnmarshalText([]byte("done")), ErrUnknownName)
}

func TestAssessmentJSON(t *testing.T) {
	b, err := json.Marshal(Assess(Parse("≥95%"), Parse("98.70%"), Unspecified))
	require.NoError(t, err)
	assert.JSONEq(t, `{"status":"met","direction":"higher","quantitative":true,"target":"95","actual":"98.7","unit":"%"}`, string(b))
	b, err = json.Marshal(Assess(Parse(""), Parse("1个"), Unspecified))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"status":"unknown"`)
	assert.Contains(t, string(b), `"reason":"indicator: no target"`)
}
