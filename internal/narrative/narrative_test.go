package narrative_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/internal/narrative"
)

func claim(path, name, value, unit string) narrative.Claim {
	return narrative.Claim{Path: path, Name: name, Value: decimal.RequireFromString(value), Unit: unit}
}

func TestFindTianhe2021(t *testing.T) {
	got := narrative.Find(tianheSections(), tianheClaims())
	require.Len(t, got, 1, "exactly one mismatch on the Tianhe form: %+v", got)
	m := got[0]
	assert.Equal(t, "tasks[1].indicators[3].actual", m.Claim.Path)
	assert.Equal(t, "来穗人员子女入学人数", m.Claim.Name)
	assert.True(t, m.Claim.Value.Equal(decimal.NewFromInt(2423)))
	assert.Equal(t, "人次", m.Claim.Unit)
	assert.Equal(t, "overall", m.Section)
	assert.Equal(t, len(tianheSections())-1, m.Index, "the index of the section")
	assert.Equal(t, "2432人积分入学", m.Clause)
	assert.True(t, m.Value.Equal(decimal.NewFromInt(2432)), "value %s", m.Value)
	assert.Equal(t, "人", m.Unit)
	assert.Equal(t, "2432人", m.Text)
}

// Each clause of the Tianhe texts that must stay silent, against all 13
// indicators, one at a time.
func TestFindTianheSilentClauses(t *testing.T) {
	silent := []string{
		"累计开展专题讲座99次",
		"“一把手”上党课94次",
		"开展红色教育751次",
		"组织党规党纪培训2811人次",
		"帮助3057名来穗人员积分入户",
		"重大不稳定问题化解率98.7%",
		"大力推进顽瘴痼疾整治，线索按期核查办结率100%",
		"压实意识形态和网络安全责任制，破案率93.37%",
		"全市首个来穗人员服务示范中心在天河区揭牌启用，开展融合行动30余场次",
		"帮助3057名来穗人员积分入户，103户家庭分配公租房",
		"全区政法系统制定规章制度81项",
		"天河区连续七年获全市平安建设（综治工作）考核排名第一",
		"获评“2017-2020年度平安中国建设示范区”",
		"截止2021年底线上线下服务来穗人员超1万余人次，服务满意度达95%以上。",
		"5个项目绩效指标均完成，指标完成率100%。",
		"已配备工作人员不少于24人，并符合不少于1名党员",
	}
	for _, text := range silent {
		t.Run(text, func(t *testing.T) {
			got := narrative.Find([]narrative.Section{{Path: "overall", Text: text}}, tianheClaims())
			assert.Empty(t, got)
		})
	}
	// The Tianhe texts other than overall are silent as a whole.
	for _, s := range tianheSections() {
		if s.Path == "overall" {
			continue
		}
		assert.Empty(t, narrative.Find([]narrative.Section{s}, tianheClaims()), s.Path)
	}
}

func TestFind(t *testing.T) {
	train := claim("tasks[0].indicators[0].actual", "来穗人员技能培训人数", "120", "人次")
	lecture := claim("tasks[3].indicators[0].actual", "专题讲座", "99", "次")
	party := claim("tasks[3].indicators[1].actual", "党规党纪培训", "2811", "人")
	rate := claim("tasks[0].indicators[0].actual", "矛盾纠纷化解率", "98.70", "%")
	school := claim("tasks[1].indicators[3].actual", "来穗人员子女入学人数", "2423", "人次")
	huji := claim("tasks[1].indicators[2].actual", "来穗人员积分入户人数", "3057", "人次")
	serve := claim("key_projects[0].indicators[0].actual", "服务来穗人员人次", "12000", "人次")
	money := claim("key_projects[0].indicators[1].actual", "示范中心建设投入资金", "620", "万元")

	type want struct {
		claim        string // Claim.Path
		clause, text string
		value, unit  string
	}
	tests := []struct {
		name   string
		text   string
		claims []narrative.Claim
		want   []want
	}{
		{
			name:   "the catalogue's example: 120人次 in the table, 102人 in the text",
			text:   "全年开展来穗人员技能培训102人，满意度较高。",
			claims: []narrative.Claim{train},
			want:   []want{{train.Path, "全年开展来穗人员技能培训102人", "102人", "102", "人"}},
		},
		{
			name:   "same subject, same number",
			text:   "全年开展来穗人员技能培训120人次。",
			claims: []narrative.Claim{train},
		},
		{
			name:   "人 and 人次 compare as people",
			text:   "开展来穗人员技能培训120人。",
			claims: []narrative.Claim{train},
		},
		{
			name:   "名 counts people",
			text:   "来穗人员技能培训120名学员；来穗人员技能培训学员102名。",
			claims: []narrative.Claim{train},
			want:   []want{{train.Path, "来穗人员技能培训学员102名", "102名", "102", "名"}},
		},
		{
			name:   "same subject, different number",
			text:   "累计开展专题讲座98次，组织党规党纪培训2811人次。",
			claims: []narrative.Claim{lecture, party},
			want:   []want{{lecture.Path, "累计开展专题讲座98次", "98次", "98", "次"}},
		},
		{
			name:   "different subject, same unit",
			text:   "开展红色教育98次，开展消防安全培训2812人次，组织业务培训300人次。",
			claims: []narrative.Claim{lecture, party},
		},
		{
			name:   "% against 人",
			text:   "党规党纪培训覆盖98.7%，化解矛盾纠纷98人。",
			claims: []narrative.Claim{party, rate},
		},
		{
			name:   "次 is not people",
			text:   "组织党规党纪培训2812次。",
			claims: []narrative.Claim{party},
		},
		{
			name:   "equal at the printed precision",
			text:   "矛盾纠纷化解率98.7%；矛盾纠纷化解率99%。",
			claims: []narrative.Claim{rate},
		},
		{
			name:   "a rate that differs",
			text:   "矛盾纠纷化解率达到97.5%。",
			claims: []narrative.Claim{rate},
			want:   []want{{rate.Path, "矛盾纠纷化解率达到97.5%", "97.5%", "97.5", "%"}},
		},
		{
			name:   "another subject with the same head",
			text:   "重大不稳定问题化解率90%。",
			claims: []narrative.Claim{rate},
		},
		{
			name:   "full-width digits",
			text:   "累计开展专题讲座９８次。",
			claims: []narrative.Claim{lecture},
			want:   []want{{lecture.Path, "累计开展专题讲座９８次", "９８次", "98", "次"}},
		},
		{
			name:   "full-width percent",
			text:   "矛盾纠纷化解率９８．７０％。",
			claims: []narrative.Claim{rate},
		},
		{
			name:   "thousands separator, same number",
			text:   "组织党规党纪培训2,811人次。",
			claims: []narrative.Claim{party},
		},
		{
			name:   "thousands separator, different number",
			text:   "组织党规党纪培训2,812 人次。",
			claims: []narrative.Claim{party},
			want:   []want{{party.Path, "组织党规党纪培训2,812 人次", "2,812 人次", "2812", "人次"}},
		},
		{
			name:   "a full-width comma separates clauses, never groups digits",
			text:   "组织党规党纪培训2，812人次。",
			claims: []narrative.Claim{party},
		},
		{
			name:   "scaled units",
			text:   "服务来穗人员1.2万人次；服务来穗人员1.5万人次。",
			claims: []narrative.Claim{serve},
			want:   []want{{serve.Path, "服务来穗人员1.5万人次", "1.5万人次", "1.5", "万人次"}},
		},
		{
			name:   "money in 万元",
			text:   "示范中心建设投入资金600万元。",
			claims: []narrative.Claim{money},
			want:   []want{{money.Path, "示范中心建设投入资金600万元", "600万元", "600", "万元"}},
		},
		{
			name:   "years and date ranges are not figures",
			text:   "2017-2020年度专题讲座成效明显，2021年专题讲座持续开展，专题讲座自2021年11月启动。",
			claims: []narrative.Claim{lecture, claim("x", "专题讲座", "2021", "次")},
		},
		{
			name:   "a figure of the reporting year is read",
			text:   "2021年累计开展专题讲座98次。",
			claims: []narrative.Claim{lecture},
			want:   []want{{lecture.Path, "2021年累计开展专题讲座98次", "98次", "98", "次"}},
		},
		{
			name:   "a figure of an earlier year is not",
			text:   "2020年开展专题讲座80次，2021年开展专题讲座99次。",
			claims: []narrative.Claim{lecture},
		},
		{
			name:   "Chinese numerals are not read",
			text:   "开展专题讲座九十八次，形成三个专题讲座品牌。",
			claims: []narrative.Claim{lecture},
		},
		{
			name:   "approximations and bounds",
			text:   "开展专题讲座100余次；党规党纪培训超3000人次；矛盾纠纷化解率95%以上；专题讲座约90次；专题讲座不少于50次；专题讲座50-60次；党规党纪培训2000至2900人次。",
			claims: []narrative.Claim{lecture, party, rate},
		},
		{
			name:   "parts, changes, averages and targets",
			text:   "其中党规党纪培训1200人次；党规党纪培训较上年增加300人；平均每月专题讲座8次；计划开展专题讲座100次；同比增长专题讲座12次。",
			claims: []narrative.Claim{lecture, party},
		},
		{
			name:   "a wider scope than the unit's (全市, 全省) is another figure",
			text:   "全市共培训干部3000人次，我单位培训干部300人次；全省法律援助案件3500件。",
			claims: []narrative.Claim{claim("a", "干部培训人次", "300", "人次"), claim("b", "法律援助案件数", "350", "件")},
		},
		{
			name:   "a scope the name states too is compared",
			text:   "全市培训干部3100人次。",
			claims: []narrative.Claim{claim("a", "全市干部培训人次", "3000", "人次")},
			want:   []want{{"a", "全市培训干部3100人次", "3100人次", "3100", "人次"}},
		},
		{
			name:   "a subgroup (男生, 女学生) is another figure",
			text:   "资助学生200人，资助男生120人，资助女学生80人。",
			claims: []narrative.Claim{claim("a", "资助学生人数", "200", "人")},
		},
		{
			name:   "a subgroup the name states too is compared",
			text:   "开展女职工技能培训210人次。",
			claims: []narrative.Claim{claim("a", "女职工技能培训人次", "120", "人次")},
			want:   []want{{"a", "开展女职工技能培训210人次", "210人次", "210", "人次"}},
		},
		{
			name:   "a list after 其中 is parts of the total",
			text:   "全年开展干部培训300人次，其中处级干部培训120人次、科级干部培训180人次。",
			claims: []narrative.Claim{claim("a", "干部培训人次", "300", "人次")},
		},
		{
			name:   "a weak match with a number of another magnitude stays silent",
			text:   "帮助3057名来穗人员积分入户，1200人积分入学。",
			claims: []narrative.Claim{school, huji},
		},
		{
			name:   "a weak match with transposed digits is reported",
			text:   "帮助3057名来穗人员积分入户，2432人积分入学。",
			claims: []narrative.Claim{school, huji},
			want:   []want{{school.Path, "2432人积分入学", "2432人", "2432", "人"}},
		},
		{
			name:   "the topic must be in the sentence",
			text:   "帮助3057名来穗人员积分入户；2432人积分入学。",
			claims: []narrative.Claim{school, huji},
		},
		{
			name:   "a figure that agrees with one of two candidates is silent",
			text:   "组织党规党纪培训2811人次。",
			claims: []narrative.Claim{claim("a", "党规党纪培训", "2800", "人"), party},
		},
		{
			name: "a tie between two claims with different numbers is silent",
			text: "组织党规党纪培训2700人次。",
			claims: []narrative.Claim{
				claim("a", "党规党纪培训", "2800", "人"),
				claim("b", "党规党纪培训", "2811", "人"),
			},
		},
		{
			name:   "a claim without a unit or a subject is not compared",
			text:   "开展专题讲座98次，完成98人。",
			claims: []narrative.Claim{claim("a", "专题讲座", "99", ""), claim("b", "人数", "99", "人")},
		},
		{
			name:   "a stage of the subject the name does not state (受理 vs the indicator)",
			text:   "全年受理法律援助案件350件，办结320件。",
			claims: []narrative.Claim{claim("a", "法律援助案件数", "320", "件")},
		},
		{
			name:   "the same subject with the stage named is reported",
			text:   "全年办结法律援助案件350件。",
			claims: []narrative.Claim{claim("a", "办结法律援助案件数", "320", "件")},
			want:   []want{{"a", "全年办结法律援助案件350件", "350件", "350", "件"}},
		},
		{
			name:   "a weak match with one digit different beyond 1% stays silent",
			text:   "帮助3057名来穗人员积分入户，2523人积分入学。",
			claims: []narrative.Claim{school, huji},
		},
		{
			name:   "a weak match with one digit different within 1% is reported",
			text:   "帮助3057名来穗人员积分入户，2424人积分入学。",
			claims: []narrative.Claim{school, huji},
			want:   []want{{school.Path, "2424人积分入学", "2424人", "2424", "人"}},
		},
		{
			name:   "a counting word in the name is not its subject",
			text:   "开展培训12场，开展宣传活动21场。",
			claims: []narrative.Claim{claim("a", "宣传活动场次", "20", "场次"), claim("b", "培训场次", "12", "场")},
			want:   []want{{"a", "开展宣传活动21场", "21场", "21", "场"}},
		},
		{
			name:   "codes and enumerations are not figures",
			text:   "12345热线专题讲座；（1）专题讲座；专题讲座G20次；专题讲座1.2.3次；专题讲座No.5次。",
			claims: []narrative.Claim{lecture},
		},
		{
			name:   "one mismatch per figure, in clause order",
			text:   "累计开展专题讲座98次，组织党规党纪培训2812人次。",
			claims: []narrative.Claim{party, lecture},
			want: []want{
				{lecture.Path, "累计开展专题讲座98次", "98次", "98", "次"},
				{party.Path, "组织党规党纪培训2812人次", "2812人次", "2812", "人次"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := narrative.Find([]narrative.Section{{Path: "overall", Text: tt.text}}, tt.claims)
			if len(tt.want) == 0 {
				assert.Nil(t, got)
				return
			}
			require.Len(t, got, len(tt.want), "%+v", got)
			for i, w := range tt.want {
				m := got[i]
				assert.Equal(t, w.claim, m.Claim.Path)
				assert.Equal(t, "overall", m.Section)
				assert.Equal(t, w.clause, m.Clause)
				assert.Equal(t, w.text, m.Text)
				assert.True(t, m.Value.Equal(decimal.RequireFromString(w.value)), "value %s, want %s", m.Value, w.value)
				assert.Equal(t, w.unit, m.Unit)
			}
		})
	}
}

func TestFindOrderAndLimits(t *testing.T) {
	lecture := claim("p", "专题讲座", "99", "次")
	sections := []narrative.Section{
		{Path: "goals.achieved", Text: "累计开展专题讲座97次。"},
		{Path: "tasks[3].achieved", Text: ""},
		{Path: "overall", Text: "专题讲座98次；专题讲座96次。"},
		{Path: "huge", Text: strings.Repeat("专题讲座98次。", narrative.MaxSectionBytes/16)},
	}
	got := narrative.Find(sections, []narrative.Claim{lecture})
	require.Len(t, got, 3)
	assert.Equal(t, []string{"goals.achieved", "overall", "overall"},
		[]string{got[0].Section, got[1].Section, got[2].Section})
	assert.Equal(t, []string{"97次", "98次", "96次"}, []string{got[0].Text, got[1].Text, got[2].Text})

	assert.Nil(t, narrative.Find(nil, []narrative.Claim{lecture}))
	assert.Nil(t, narrative.Find(sections, nil))
}

func TestFindEarlierYearInAnotherSection(t *testing.T) {
	lecture := claim("p", "专题讲座", "99", "次")
	sections := []narrative.Section{
		{Path: "goals.achieved", Text: "2021年，全面开展党史学习教育。"},
		{Path: "overall", Text: "2020年开展专题讲座80次。"},
	}
	assert.Nil(t, narrative.Find(sections, []narrative.Claim{lecture}))
	// Without a later year anywhere, 2020 is taken for the form's year.
	got := narrative.Find(sections[1:], []narrative.Claim{lecture})
	require.Len(t, got, 1)
	assert.Equal(t, "80次", got[0].Text)
}

func TestFindLongClauseIsShortened(t *testing.T) {
	text := strings.Repeat("lorem ipsum ", 10) + "累计开展专题讲座98次" + strings.Repeat(" dolor", 20)
	got := narrative.Find([]narrative.Section{{Path: "overall", Text: text}}, []narrative.Claim{claim("p", "专题讲座", "99", "次")})
	require.Len(t, got, 1)
	assert.True(t, strings.HasPrefix(got[0].Clause, "…"), got[0].Clause)
	assert.True(t, strings.HasSuffix(got[0].Clause, "…"), got[0].Clause)
	assert.Contains(t, got[0].Clause, "专题讲座98次")
}

func TestFindIsPure(t *testing.T) {
	sections, claims := tianheSections(), tianheClaims()
	first := narrative.Find(sections, claims)
	done := make(chan []narrative.Mismatch, 8)
	for range 8 {
		go func() { done <- narrative.Find(sections, claims) }()
	}
	for range 8 {
		assert.Equal(t, first, <-done)
	}
	assert.Equal(t, tianheClaims(), claims, "claims are not modified")
}

func FuzzFind(f *testing.F) {
	f.Add(tianheOverall, "来穗人员子女入学人数", "2423", "人次")
	f.Add("累计开展专题讲座９８次，2,811 人次", "专题讲座", "99", "次")
	f.Add("矛盾纠纷化解率98.7%以上；2017-2020年度", "矛盾纠纷化解率", "98.70", "%")
	f.Add("服务1.2万余人次，1.5万人次。10至20人", "服务人次", "12000", "万人次")
	f.Add("1.2.3人 G20人 ，,1,000,000人 9999999999999999999999999人", "人", "0", "人")
	f.Fuzz(func(t *testing.T, text, name, value, unit string) {
		d, err := decimal.NewFromString(value)
		if err != nil || len(value) > 40 {
			d = decimal.NewFromInt(1)
		}
		sections := []narrative.Section{{Path: "s", Text: text}, {Path: "t", Text: name + text}}
		claims := []narrative.Claim{
			{Path: "c", Name: name, Value: d, Unit: unit},
			{Path: "d", Name: text, Value: d, Unit: "人"},
		}
		a := narrative.Find(sections, claims)
		b := narrative.Find(sections, claims)
		if len(a) != len(b) {
			t.Fatalf("not deterministic: %d then %d", len(a), len(b))
		}
		for i := range a {
			if a[i].Section != b[i].Section || a[i].Clause != b[i].Clause || a[i].Text != b[i].Text ||
				!a[i].Value.Equal(b[i].Value) || a[i].Claim.Path != b[i].Claim.Path {
				t.Fatalf("not deterministic: %+v then %+v", a[i], b[i])
			}
			if a[i].Value.Equal(a[i].Claim.Value) && a[i].Unit == a[i].Claim.Unit {
				t.Fatalf("a mismatch with equal numbers: %+v", a[i])
			}
		}
	})
}

func TestFindTooManyCandidates(t *testing.T) {
	var claims []narrative.Claim
	for i := range 40 {
		claims = append(claims, claim(fmt.Sprint(i), "专题讲座", fmt.Sprint(100+i), "次"))
	}
	assert.Nil(t, narrative.Find([]narrative.Section{{Path: "overall", Text: "专题讲座98次"}}, claims))
}

func BenchmarkFindTianhe(b *testing.B) {
	sections, claims := tianheSections(), tianheClaims()
	b.ReportAllocs()
	for b.Loop() {
		narrative.Find(sections, claims)
	}
}

// BenchmarkFindWorstCase: a section of the largest size that is nothing
// but figures, each fitting every one of 32 claims.
func BenchmarkFindWorstCase(b *testing.B) {
	text := strings.Repeat("党员干部教育培训1人", narrative.MaxSectionBytes/len("党员干部教育培训1人"))
	sections := []narrative.Section{{Path: "s", Text: text}}
	var claims []narrative.Claim
	for i := range 32 {
		claims = append(claims, claim(fmt.Sprint(i), "党员干部教育培训", fmt.Sprint(2+i), "人"))
	}
	b.ReportAllocs()
	for b.Loop() {
		narrative.Find(sections, claims)
	}
}

func TestFindForYearSkipsOtherYears(t *testing.T) {
	claims := []narrative.Claim{{Path: "tasks[0].indicators[0].actual", Name: "教师培训人次", Value: decimal.NewFromInt(1500), Unit: "人次"}}
	sections := []narrative.Section{{Path: "overall", Text: "2021年教师培训1000人次。"}}
	assert.NotEmpty(t, narrative.Find(sections, claims), "without the form's year, 2021 is the latest year named")
	assert.Empty(t, narrative.FindForYear(2022, sections, claims), "a 2022 form: the 2021 figure is about another year")
	assert.NotEmpty(t, narrative.FindForYear(2021, sections, claims))
}
