package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// Titles as the official layouts print them.
const (
	TitleDepartment = "部门整体支出绩效自评表"
	TitleProject    = "项目支出绩效自评表"
)

// maxTitleBytes bounds the text Title looks at: a title names a
// department and a year at most, never a paragraph.
const maxTitleBytes = 600

// Title tells whether text is the title of a form, and of which kind.
// It accepts every title seen on published forms: 部门整体支出绩效自评表,
// 项目支出绩效自评表, 财政项目支出绩效自评表 (Shanghai),
// 部门预算项目支出绩效自评表 (Sichuan), 市级文物保护专项经费绩效自评表
// (2022年度), a department's name or a year before the title. A title is a
// 自评表 (or 自评情况表); one naming 项目, 专项 or 经费 is a project's,
// any other a department's.
func Title(text string) (Kinds, bool) {
	if len(text) > maxTitleBytes {
		return 0, false
	}
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' || r == '\n' || r == '*' || r == '#' {
			return -1
		}
		return r
	}, Fold(text))
	switch {
	case strings.Contains(t, "绩效目标申报表") || strings.Contains(t, "绩效目标表") || strings.Contains(t, "绩效目标批复表"):
		return Declaration, true
	case strings.Contains(t, "监控表") || strings.Contains(t, "监控情况表"):
		return Monitoring, true
	case strings.Contains(t, "评分表") || strings.Contains(t, "基础数据表"):
		return Evaluation, true
	case !strings.Contains(t, "自评表") && !strings.Contains(t, "自评情况表"):
		return 0, false
	case strings.Contains(t, "项目") || strings.Contains(t, "专项") || strings.Contains(t, "经费"):
		return Project, true
	}
	return Department, true
}

// yearRE finds a year printed in a title or a heading: 2021年, 2021年度,
// （2022年度）.
var yearRE = regexp.MustCompile(`(?:^|[^0-9])((?:19|20|21|22)[0-9]{2})\s*年`)

// YearIn returns the first year (1949 to 2200) a title or heading states:
// "市级文物保护专项经费绩效自评表(2022年度)" gives 2022, "2020年部门整体…"
// gives 2020. ok is false when the text states none.
func YearIn(text string) (year int, ok bool) {
	if len(text) > maxTitleBytes {
		text = text[:maxTitleBytes]
	}
	for _, m := range yearRE.FindAllStringSubmatch(Fold(text), 4) {
		y, err := strconv.Atoi(m[1])
		if err == nil && y >= 1949 && y <= 2200 {
			return y, true
		}
	}
	return 0, false
}

// placeholderRE matches what a blank template prints where a form is to be
// filled in: ……, …, ..., 指标1, 指标 2：, 指标一, 指标1：/, XX.
var placeholderRE = regexp.MustCompile(`^(?:[…\.。·]{2,}|…|指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：]?\s*[/／—\-]?|[xX×]{2,})$`)

// IsPlaceholder reports whether a cell holds only what a blank template
// prints in it: ……, …, ..., 指标1, 指标2：, 指标1：/, XX.
func IsPlaceholder(text string) bool {
	t := strings.TrimSpace(text)
	return len(t) <= 32 && placeholderRE.MatchString(t)
}

// headingRE matches the number a published table carries above it:
// 附件1, 附表2, 公开14表, 表3.
var headingRE = regexp.MustCompile(`^(?:附件|附表|表|公开)\s*[0-9０-９一二三四五六七八九十]+\s*表?$`)

// IsHeading reports whether a line is a table's number printed above it.
func IsHeading(text string) bool {
	t := strings.TrimSpace(text)
	return len(t) <= 32 && headingRE.MatchString(t)
}

// grades are the words a form prints as its 评价等级.
var grades = map[string]bool{"优": true, "良": true, "中": true, "差": true, "优秀": true, "良好": true,
	"合格": true, "不合格": true, "较好": true, "一般": true, "较差": true}

// IsGrade reports whether text is a grade (优, 良, 中, 差, 优秀 …).
func IsGrade(text string) bool { return grades[strings.TrimSpace(text)] }
