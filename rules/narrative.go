package rules

import (
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/narrative"
)

var narrativeMismatch = New(Info{
	ID: "narrative.mismatch", Severity: evaluation.Warning,
	Title: text("文字部分对同一事项所述数字与指标不一致（如表中120人次，文中102人）",
		"a narrative section states a different figure for the same subject as an indicator (the table says 120人次, the text 102人)"),
}, func(c *Context) {
	if cycleNarrative(c) {
		return
	}
	var sections []narrative.Section
	switch f := c.Form.(type) {
	case *evaluation.DepartmentForm:
		sections = append(sections, narrative.Section{Path: "goals.achieved", Text: f.Goals.Achieved})
		for i, t := range f.Tasks {
			sections = append(sections, narrative.Section{Path: fmt.Sprintf("tasks[%d].achieved", i), Text: t.Achieved})
		}
		for i, k := range f.KeyProjects {
			sections = append(sections, narrative.Section{Path: fmt.Sprintf("key_projects[%d].summary", i), Text: k.Summary})
		}
		sections = append(sections, narrative.Section{Path: "overall", Text: f.Overall})
	case *evaluation.ProjectForm:
		sections = append(sections,
			narrative.Section{Path: "goals.achieved", Text: f.Goals.Achieved},
			narrative.Section{Path: "overall", Text: f.Overall})
	}
	var claims []narrative.Claim
	for _, r := range c.Indicators {
		if r.Actual.Kind() != indicator.Quantity && r.Actual.Kind() != indicator.Text {
			continue
		}
		n, ok := r.Actual.Number()
		if !ok {
			continue
		}
		claims = append(claims, narrative.Claim{Path: r.Path + ".actual", Name: r.Indicator.Name, Value: n, Unit: r.Actual.Unit()})
	}
	for _, m := range narrative.FindForYear(c.Form.Header().Year, sections, claims) {
		// A mismatch is rare: its row is looked up then, not indexed for
		// every form.
		var table string
		for _, r := range c.Indicators {
			if r.Path+".actual" == m.Claim.Path {
				table = r.Actual.Raw()
				break
			}
		}
		c.Report(m.Section,
			text(fmt.Sprintf("“%s”所述 %s 与指标“%s”（%s）的 %s 不一致", m.Clause, m.Text, m.Claim.Name, m.Claim.Path, table),
				fmt.Sprintf("%q states %s, but the indicator %q (%s) says %s", m.Clause, m.Text, m.Claim.Name, m.Claim.Path, table)),
			table, m.Text)
	}
})
