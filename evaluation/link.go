package evaluation

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
)

// Linking the stages of the performance cycle.
//
// A project's targets are declared (DeclarationForm), watched during the
// year (MonitoringForm) and assessed after it (ProjectForm). Linking finds,
// for a monitoring form or a project self-evaluation, the earlier-stage
// forms of the same project and year, so that the trace rules can tell a
// target quietly lowered or an indicator dropped.
//
// Two forms are of one project-year when they are of the same year and
// either both print a 项目编码 and the codes are the same, or one of them
// prints none and their project names and departments are the same.
// Names, departments and codes are compared after folding full-width
// characters to half-width and removing white space.
//
// A monitoring form is linked to the project-year's declaration; a
// self-evaluation to the declaration and to the monitoring form with the
// latest 1-X月. Where one stage has two forms for the project-year (two
// declarations; two monitoring forms of the same month; two
// self-evaluations), neither is linked and the forms that would have been
// are told so (rule trace.duplicate). A declaration is never linked to
// anything: it is the first stage.
//
// Linking keeps only a Summary of each declaration and monitoring form,
// and a 16-byte fingerprint of each project self-evaluation until the
// index is built, so a run over a folder of 100,000 forms can read every
// form's header in a first pass and hold in memory what the linked
// projects need, not the forms.

// Summary is what linking keeps of a declaration or a monitoring form
// (and what the trace rules read of the form being checked): its header,
// its budget and its annual indicators' names and targets. Its strings
// are copies, so a summary does not pin the file it came from.
type Summary struct {
	Source string // the form's source: its path for a command
	Kind   Kind
	// Code, Project and Department are as written.
	Code, Project, Department string
	Year                      int
	// AsOf is a monitoring form's 1-X月; 0 otherwise.
	AsOf Month
	// Budget is the declaration's 资金总额 (the sum of its source rows when
	// no total is printed), the monitoring form's 年初预算数, the
	// self-evaluation's 年初预算数; nil when not stated.
	Budget *budget.Amount
	// Indicators are the annual indicators (年度绩效指标), in form order.
	Indicators []SummaryIndicator
}

// SummaryIndicator is one annual indicator of a Summary.
type SummaryIndicator struct {
	Path string // "indicators[3]", in its own form
	// Level is the row's level-one dimension; Level1 its 一级指标 as
	// written, or the row above's when blank.
	Level  indicator.Level
	Level1 string
	Name   string
	Target string // as written
	// Weight is 分值; nil when the form gives none.
	Weight *decimal.Decimal
	// Direction is a self-evaluation row's direction: override; else
	// Unspecified.
	Direction indicator.Direction

	parsed indicator.Value // Target read, when Summarize made the summary
	read   bool
}

// ParsedTarget returns the target as indicator.Parse reads it; a summary
// made by Summarize has read it once already.
func (s *SummaryIndicator) ParsedTarget() indicator.Value {
	if s.read {
		return s.parsed
	}
	return indicator.Parse(s.Target)
}

// summaryIndicator is a row of a summary, its texts copied and its target
// read once.
func summaryIndicator(i int, level indicator.Level, level1, name, target string) SummaryIndicator {
	target = strings.Clone(target)
	return SummaryIndicator{Path: indexPath("", "indicators", i), Level: level, Level1: strings.Clone(level1),
		Name: strings.Clone(name), Target: target, parsed: indicator.Parse(target), read: true}
}

// MatchKey returns what the indicator is matched on across stages: its
// level-one dimension (or, for a 一级指标 the library does not know, that
// name normalised) and its normalised name.
func (s SummaryIndicator) MatchKey() string {
	return s.levelKey() + "\x00" + normalizeName(s.Name)
}

func (s SummaryIndicator) levelKey() string {
	if s.Level != indicator.LevelUnknown {
		return s.Level.String()
	}
	return normalizeName(s.Level1)
}

// Summarize returns the summary of a declaration, a monitoring form or a
// project self-evaluation; ok is false for any other form.
func Summarize(source string, f Form) (Summary, bool) {
	var s Summary
	c := strings.Clone
	switch f := f.(type) {
	case *DeclarationForm:
		if f == nil {
			return Summary{}, false
		}
		s = Summary{Code: c(f.Code), Project: c(f.Project), Department: c(f.Department), Year: f.Year, Budget: declaredTotal(f)}
		var lr levelReader
		for i := range f.Indicators {
			row := &f.Indicators[i]
			level, level1 := lr.next(row.Level1, row.Level2)
			si := summaryIndicator(i, level, level1, row.Name, row.Target)
			si.Weight = row.Weight
			s.Indicators = append(s.Indicators, si)
		}
	case *MonitoringForm:
		if f == nil {
			return Summary{}, false
		}
		s = Summary{Code: c(f.Code), Project: c(f.Project), Department: c(f.Department), Year: f.Year, AsOf: f.AsOf,
			Budget: f.Funds.AnnualBudget}
		var lr levelReader
		for i := range f.Indicators {
			row := &f.Indicators[i]
			level, level1 := lr.next(row.Level1, row.Level2)
			s.Indicators = append(s.Indicators, summaryIndicator(i, level, level1, row.Name, row.Target))
		}
	case *ProjectForm:
		if f == nil {
			return Summary{}, false
		}
		s = Summary{Code: c(f.Code), Project: c(f.Project), Department: c(f.Department), Year: f.Year,
			Budget: f.Funds.InitialBudget}
		var lr levelReader
		for i := range f.Indicators {
			row := &f.Indicators[i]
			level, level1 := lr.next(row.Level1, row.Level2)
			si := summaryIndicator(i, level, level1, row.Name, row.Target)
			si.Weight, si.Direction = row.Weight, row.Direction
			s.Indicators = append(s.Indicators, si)
		}
	default:
		return Summary{}, false
	}
	s.Source, s.Kind = c(source), f.Kind()
	return s, true
}

// declaredTotal is 资金总额, or the sum of the source rows where the form
// prints none (Sichuan's layout lists 财政拨款小计 … without a total).
func declaredTotal(f *DeclarationForm) *budget.Amount {
	if f.Funds.Total != nil {
		return f.Funds.Total
	}
	return f.Funds.SourcesSum(f.Unit)
}

// ProjectKey is what identifies a form's project-year for linking, its
// texts normalised (full width folded, white space removed).
type ProjectKey struct {
	Code, Project, Department string
	Year                      int
}

// KeyOf returns the project-year key of a declaration, a monitoring form
// or a project self-evaluation. ok is false for other forms, and for a
// form that states no year, or neither a code nor a project name: such a
// form links to nothing.
func KeyOf(f Form) (ProjectKey, bool) {
	var k ProjectKey
	switch f := f.(type) {
	case *DeclarationForm:
		if f == nil {
			return k, false
		}
		k = ProjectKey{f.Code, f.Project, f.Department, f.Year}
	case *MonitoringForm:
		if f == nil {
			return k, false
		}
		k = ProjectKey{f.Code, f.Project, f.Department, f.Year}
	case *ProjectForm:
		if f == nil {
			return k, false
		}
		k = ProjectKey{f.Code, f.Project, f.Department, f.Year}
	default:
		return k, false
	}
	k.Code, k.Project, k.Department = normalizeKey(k.Code), normalizeKey(k.Project), normalizeKey(k.Department)
	return k, k.Year != 0 && (k.Code != "" || k.Project != "")
}

// Links reports whether two keys are of one project-year: the same year,
// and the same code where both have one, else the same project name and
// department.
func (k ProjectKey) Links(o ProjectKey) bool {
	if k.Year == 0 || k.Year != o.Year {
		return false
	}
	if k.Code != "" && o.Code != "" {
		return k.Code == o.Code
	}
	return k.Project != "" && k.Project == o.Project && k.Department == o.Department
}

func (s Summary) key() ProjectKey {
	return ProjectKey{normalizeKey(s.Code), normalizeKey(s.Project), normalizeKey(s.Department), s.Year}
}

// normalizeKey folds full-width forms and removes white space: the same
// project typed on two systems differs in nothing else that matters.
func normalizeKey(s string) string {
	s = foldFullWidth(s)
	if strings.IndexFunc(s, unicode.IsSpace) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// normalizeName is an indicator's name as matched across stages: widths
// folded, white space and punctuation removed, Latin letters in lower
// case. 项目（工程）验收合格率 and 项目(工程) 验收合格率。 are one indicator.
func normalizeName(s string) string {
	s = foldFullWidth(s)
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), unicode.IsPunct(r):
			return -1
		case r < 0x80:
			return unicode.ToLower(r)
		}
		return r
	}, s)
}

// Duplicate says that one stage has more than one form for the
// project-year, so none of them is linked.
type Duplicate struct {
	Kind Kind
	// Sources are the forms of that stage, in the order they were added;
	// nil for project self-evaluations, of which linking keeps only a
	// fingerprint.
	Sources []string
	// Count is the number of forms of that stage for the project-year.
	Count int
}

// Links are the earlier-stage forms a monitoring form or a project
// self-evaluation is checked against. The zero Links link nothing. The
// summaries are those of the index, shared by every form linked to them:
// treat them as read-only.
type Links struct {
	// Declaration is the project-year's declaration; nil when there is
	// none, or more than one.
	Declaration *Summary
	// Monitoring is the project-year's monitoring form with the latest
	// 1-X月 (for a self-evaluation); nil when there is none, or more than
	// one of that month.
	Monitoring *Summary
	// Duplicates are the stages with more than one form for the
	// project-year.
	Duplicates []Duplicate
}

// IsZero reports whether the links link nothing and report no duplicate.
func (l Links) IsZero() bool {
	return l.Declaration == nil && l.Monitoring == nil && len(l.Duplicates) == 0
}

func (l Links) linked() []LinkedForm {
	var out []LinkedForm
	for _, s := range []*Summary{l.Declaration, l.Monitoring} {
		if s != nil {
			out = append(out, LinkedForm{Source: s.Source, Kind: s.Kind})
		}
	}
	return out
}

// EvaluateLinked is Evaluate for a form linked to earlier-stage forms:
// the links are on the Subject for the trace rules, and the report lists
// the forms in Linked. Links given to a declaration or a department form
// are ignored: nothing comes before a declaration.
func EvaluateLinked(f Form, links Links, c Checker) Report { return evaluate(f, c, links) }

// Linker collects, form by form, what linking a run's forms needs: a
// Summary of each declaration and monitoring form and a fingerprint of
// each project self-evaluation. Add every form of the run (in a first
// pass over the files, say), then build the Index. A Linker is not safe
// for concurrent use; the Index it builds is.
type Linker struct {
	summaries []Summary
	selves    []selfPrint
}

// selfPrint is a project self-evaluation's key as two 64-bit hashes (of
// code and year; of project, department and year). Two keys that differ
// share both hashes with a chance of about one in 2⁶⁴ per pair: at
// 100,000 forms, about one run in 10⁹ would see a false trace.duplicate.
type selfPrint struct {
	code, name uint64 // code is 0 when the form has no code
}

// Add takes what linking needs of a form: a summary of a declaration or a
// monitoring form, a fingerprint of a project self-evaluation; any other
// form, or one without a project-year key, is ignored. source names the
// form in Summary.Source and in the reports of the forms linked to it.
func (l *Linker) Add(source string, f Form) {
	key, ok := KeyOf(f)
	if !ok {
		return
	}
	switch f.Kind() {
	case Declaration, Monitoring:
		s, _ := Summarize(source, f)
		l.summaries = append(l.summaries, s)
	case Project:
		l.selves = append(l.selves, printOf(key))
	}
}

// AddSummary adds a summary made elsewhere (kept from an earlier run, or
// built by a service from its own records). Summaries of kinds other than
// declarations and monitoring forms are ignored.
func (l *Linker) AddSummary(s Summary) {
	if (s.Kind == Declaration || s.Kind == Monitoring) && s.Year != 0 {
		l.summaries = append(l.summaries, s)
	}
}

func printOf(k ProjectKey) selfPrint {
	year := strconv.Itoa(k.Year)
	var p selfPrint
	if k.Code != "" {
		p.code = hashOf("c", k.Code, year)
	}
	p.name = hashOf("n", k.Project, k.Department, year)
	return p
}

func hashOf(parts ...string) uint64 {
	h := fnv.New64a()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if v := h.Sum64(); v != 0 {
		return v
	}
	return 1 // 0 stands for "no code"
}

// Index builds the link index of the forms added so far. Fingerprints of
// self-evaluations that link to no declaration or monitoring form are
// dropped, so the index holds what the linked projects need.
func (l *Linker) Index() *LinkIndex {
	x := &LinkIndex{
		summaries: make([]Summary, len(l.summaries)),
		byCode:    map[codeYear][]int32{},
		byName:    map[nameYear][]int32{},
		selfCode:  map[uint64]int32{},
		selfName:  map[uint64]int32{},
		selfBare:  map[uint64]int32{},
	}
	copy(x.summaries, l.summaries)
	x.keys = make([]ProjectKey, len(x.summaries))
	for i := range x.summaries {
		k := x.summaries[i].key()
		x.keys[i] = k
		if k.Code != "" {
			x.byCode[codeYear{k.Code, k.Year}] = append(x.byCode[codeYear{k.Code, k.Year}], int32(i))
		}
		if k.Project != "" {
			n := nameYear{k.Project, k.Department, k.Year}
			x.byName[n] = append(x.byName[n], int32(i))
		}
	}
	// A fingerprint cannot be tested against a key, so a self-evaluation
	// is kept when some summary's key hashes as its code or name does.
	codes, names := map[uint64]bool{}, map[uint64]bool{}
	for _, k := range x.keys {
		p := printOf(k)
		if p.code != 0 {
			codes[p.code] = true
		}
		names[p.name] = true
	}
	for _, p := range l.selves {
		if !codes[p.code] && !names[p.name] {
			continue
		}
		if p.code != 0 {
			x.selfCode[p.code]++
		} else {
			x.selfBare[p.name]++
		}
		x.selfName[p.name]++
	}
	return x
}

type codeYear struct {
	code string
	year int
}

type nameYear struct {
	project, department string
	year                int
}

// LinkIndex finds the earlier-stage forms a form links to. It is
// immutable and safe for concurrent use.
type LinkIndex struct {
	summaries []Summary
	keys      []ProjectKey
	byCode    map[codeYear][]int32
	byName    map[nameYear][]int32
	// Self-evaluations by fingerprint: with a code, by code; without one,
	// by name; and all of them by name.
	selfCode, selfBare, selfName map[uint64]int32
}

// Len returns the number of summaries the index holds.
func (x *LinkIndex) Len() int { return len(x.summaries) }

// candidates returns the summaries of kind that are of key's
// project-year, in the order they were added.
func (x *LinkIndex) candidates(key ProjectKey, kind Kind) []*Summary {
	var idx []int32
	if key.Code != "" {
		idx = append(idx, x.byCode[codeYear{key.Code, key.Year}]...)
	}
	if key.Project != "" {
		for _, i := range x.byName[nameYear{key.Project, key.Department, key.Year}] {
			// By name only where one of the two has no code.
			if key.Code == "" || x.keys[i].Code == "" {
				idx = append(idx, i)
			}
		}
	}
	var out []*Summary
	seen := map[int32]bool{}
	for _, i := range sortedUnique(idx, seen) {
		if x.summaries[i].Kind == kind {
			out = append(out, &x.summaries[i])
		}
	}
	return out
}

func sortedUnique(idx []int32, seen map[int32]bool) []int32 {
	out := idx[:0:0]
	for _, i := range idx {
		if !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	// Insertion sort: a project-year has a handful of forms.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Links returns the earlier-stage forms the form links to. source is the
// form's own source, which tells a monitoring form apart from the others
// of its project-year in the index. A declaration, a department form and
// a form without a project-year key link to nothing.
func (x *LinkIndex) Links(source string, f Form) Links {
	if x == nil {
		return Links{}
	}
	key, ok := KeyOf(f)
	if !ok {
		return Links{}
	}
	var l Links
	switch f := f.(type) {
	case *MonitoringForm:
		if len(x.candidates(key, Declaration)) == 0 {
			return Links{} // nothing to link to, so nothing to report
		}
		var twins []string
		for _, s := range x.candidates(key, Monitoring) {
			if s.AsOf == f.AsOf && s.Source != source {
				twins = append(twins, s.Source)
			}
		}
		if len(twins) > 0 {
			all := append([]string{source}, twins...)
			return Links{Duplicates: []Duplicate{{Kind: Monitoring, Sources: all, Count: len(all)}}}
		}
		l.Declaration, l.Duplicates = x.declaration(key)
	case *ProjectForm:
		mons := x.candidates(key, Monitoring)
		if len(mons) == 0 && len(x.candidates(key, Declaration)) == 0 {
			return Links{} // nothing to link to, so nothing to report
		}
		p := printOf(key)
		n := x.selfName[p.name]
		if p.code != 0 {
			n = x.selfCode[p.code] + x.selfBare[p.name]
		}
		if n > 1 {
			return Links{Duplicates: []Duplicate{{Kind: Project, Count: int(n)}}}
		}
		l.Declaration, l.Duplicates = x.declaration(key)
		var latest []*Summary
		for _, s := range mons {
			switch {
			case len(latest) == 0 || s.AsOf > latest[0].AsOf:
				latest = []*Summary{s}
			case s.AsOf == latest[0].AsOf:
				latest = append(latest, s)
			}
		}
		switch len(latest) {
		case 0:
		case 1:
			l.Monitoring = latest[0]
		default:
			d := Duplicate{Kind: Monitoring, Count: len(latest)}
			for _, s := range latest {
				d.Sources = append(d.Sources, s.Source)
			}
			l.Duplicates = append(l.Duplicates, d)
		}
	}
	return l
}

func (x *LinkIndex) declaration(key ProjectKey) (*Summary, []Duplicate) {
	decls := x.candidates(key, Declaration)
	switch len(decls) {
	case 0:
		return nil, nil
	case 1:
		return decls[0], nil
	}
	d := Duplicate{Kind: Declaration, Count: len(decls)}
	for _, s := range decls {
		d.Sources = append(d.Sources, s.Source)
	}
	return nil, []Duplicate{d}
}

// SourcedForm is a form with its source (its path, for a command).
type SourcedForm struct {
	Source string
	Form   Form
}

// LinkAll links a set of forms at once: the Links of each form, in the
// order given. It is the pure-function form of a Linker and its Index,
// for a set of forms already in memory.
func LinkAll(forms []SourcedForm) []Links {
	var l Linker
	for _, sf := range forms {
		l.Add(sf.Source, sf.Form)
	}
	x := l.Index()
	out := make([]Links, len(forms))
	for i, sf := range forms {
		out[i] = x.Links(sf.Source, sf.Form)
	}
	return out
}

// IndicatorMatch pairs an indicator of an earlier stage with the same
// indicator at a later stage.
type IndicatorMatch struct {
	Earlier, Later *SummaryIndicator
}

// MatchIndicators pairs the indicators of two stages of one project-year
// on their level-one dimension and normalised name; a name twice under
// one dimension pairs first with first. A row whose dimension cannot be
// told on one side (a blank 一级指标 and 二级指标) is then paired on its name
// alone. Matched are in the later form's order, those paired by name
// alone last; missing are the earlier indicators left unpaired, added the
// later ones, each in form order.
func MatchIndicators(earlier, later []SummaryIndicator) (matched []IndicatorMatch, missing, added []*SummaryIndicator) {
	// Each name is normalised once: the fallback below compares names
	// pairwise.
	type keyed struct{ level, name string }
	keys := func(rows []SummaryIndicator) []keyed {
		out := make([]keyed, len(rows))
		for i := range rows {
			out[i] = keyed{rows[i].levelKey(), normalizeName(rows[i].Name)}
		}
		return out
	}
	ek, lk := keys(earlier), keys(later)
	used := make([]bool, len(earlier))
	byKey := make(map[keyed][]int, len(earlier))
	for i, k := range ek {
		byKey[k] = append(byKey[k], i)
	}
	var pending []int
	for j, k := range lk {
		if q := byKey[k]; len(q) > 0 {
			used[q[0]] = true
			byKey[k] = q[1:]
			matched = append(matched, IndicatorMatch{Earlier: &earlier[q[0]], Later: &later[j]})
			continue
		}
		pending = append(pending, j)
	}
	for _, j := range pending {
		paired := false
		for i := range earlier {
			if used[i] || (ek[i].level != "" && lk[j].level != "") || ek[i].name != lk[j].name {
				continue
			}
			used[i], paired = true, true
			matched = append(matched, IndicatorMatch{Earlier: &earlier[i], Later: &later[j]})
			break
		}
		if !paired {
			added = append(added, &later[j])
		}
	}
	for i := range earlier {
		if !used[i] {
			missing = append(missing, &earlier[i])
		}
	}
	return matched, missing, added
}

// Trace is a later-stage form's indicators matched with those of one
// earlier-stage form it is linked to: what the trace rules read.
type Trace struct {
	Earlier *Summary
	// Matched pairs the earlier form's indicators with this form's;
	// Missing are the earlier ones this form lacks, Added this form's that
	// the earlier one lacks (see MatchIndicators).
	Matched        []IndicatorMatch
	Missing, Added []*SummaryIndicator
}

// traceLinks matches the form with each earlier stage it is linked to,
// declaration first.
func traceLinks(f Form, l Links) []Trace {
	if l.Declaration == nil && l.Monitoring == nil {
		return nil
	}
	self, ok := Summarize("", f)
	if !ok {
		return nil
	}
	var out []Trace
	for _, e := range []*Summary{l.Declaration, l.Monitoring} {
		if e == nil {
			continue
		}
		t := Trace{Earlier: e}
		t.Matched, t.Missing, t.Added = MatchIndicators(e.Indicators, self.Indicators)
		out = append(out, t)
	}
	return out
}
