package rules

import (
	"strconv"

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
	// The cells a figure of the text is compared in. Their key paths are
	// made for a mismatch only (every form passes here, a mismatch is
	// rare): sections carry the paths that need no building, and
	// sectionPath makes the others from a mismatch's section index.
	var sections []narrative.Section
	var sectionPath func(i int) string
	switch f := c.Form.(type) {
	case *evaluation.DepartmentForm:
		sections = make([]narrative.Section, 0, 2+len(f.Tasks)+len(f.KeyProjects))
		sections = append(sections, narrative.Section{Path: "goals.achieved", Text: f.Goals.Achieved})
		for _, t := range f.Tasks {
			sections = append(sections, narrative.Section{Text: t.Achieved})
		}
		for _, k := range f.KeyProjects {
			sections = append(sections, narrative.Section{Text: k.Summary})
		}
		sections = append(sections, narrative.Section{Path: "overall", Text: f.Overall})
		sectionPath = func(i int) string {
			switch {
			case i >= 1 && i <= len(f.Tasks):
				return "tasks[" + strconv.Itoa(i-1) + "].achieved"
			case i > len(f.Tasks) && i <= len(f.Tasks)+len(f.KeyProjects):
				return "key_projects[" + strconv.Itoa(i-1-len(f.Tasks)) + "].summary"
			}
			return sections[i].Path
		}
	case *evaluation.ProjectForm:
		sections = []narrative.Section{
			{Path: "goals.achieved", Text: f.Goals.Achieved},
			{Path: "overall", Text: f.Overall},
		}
		sectionPath = func(i int) string { return sections[i].Path }
	}
	// A claim is named by its row's key path, the actual cell's made for
	// a mismatch only.
	claims := make([]narrative.Claim, 0, len(c.Indicators))
	for _, r := range c.Indicators {
		if r.Actual.Kind() != indicator.Quantity && r.Actual.Kind() != indicator.Text {
			continue
		}
		n, ok := r.Actual.Number()
		if !ok {
			continue
		}
		claims = append(claims, narrative.Claim{Path: r.Path, Name: r.Indicator.Name, Value: n, Unit: r.Actual.Unit()})
	}
	for _, m := range narrative.FindForYear(c.Form.Header().Year, sections, claims) {
		// A mismatch is rare: its row is looked up then, not indexed for
		// every form.
		var table string
		for _, r := range c.Indicators {
			if r.Path == m.Claim.Path {
				table = r.Actual.Raw()
				break
			}
		}
		cell := m.Claim.Path + ".actual"
		c.Report(sectionPath(m.Index),
			text("“"+m.Clause+"”所述 "+m.Text+" 与指标“"+m.Claim.Name+"”（"+cell+"）的 "+table+" 不一致",
				strconv.Quote(m.Clause)+" states "+m.Text+", but the indicator "+strconv.Quote(m.Claim.Name)+" ("+cell+") says "+table),
			table, m.Text)
	}
})
