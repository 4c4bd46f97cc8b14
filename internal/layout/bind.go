package layout

import (
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// field binds a label of a form to its value: the key path, the type and
// where the value lives in the form value. The layouts draw a field's
// value next to its label, and the importers put the value next to the
// label there: the one table of labels → key paths of each kind.
type field struct {
	id     vocab.ID
	path   string
	typ    Type
	text   *string
	amount **budget.Amount
	rate   **budget.Rate
	number **decimal.Decimal
	year   *int
}

// fieldsOf lists the form's labelled single values. Weight and Score are
// the budget row's (分值 and 得分 of 预算执行); indicators have their own.
func fieldsOf(f evaluation.Form) []field {
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		fu := &f.Funds
		return []field{
			{id: vocab.DepartmentName, path: "department", text: &f.Department},
			{id: vocab.Year, path: "year", typ: YearType, year: &f.Year},
			{id: vocab.Code, path: "code", text: &f.Code},
			{id: vocab.AdjustedBudget, path: "funds.adjusted_budget", typ: AmountType, amount: &fu.AdjustedBudget},
			{id: vocab.InitialBudget, path: "funds.initial_budget", typ: AmountType, amount: &fu.InitialBudget},
			{id: vocab.ActualExpenditure, path: "funds.actual_expenditure", typ: AmountType, amount: &fu.ActualExpenditure},
			{id: vocab.Adjustment, path: "funds.adjustment", typ: AmountType, amount: &fu.Adjustment},
			{id: vocab.CompletionRate, path: "funds.reported.completion_rate", typ: RateType, rate: &fu.Reported.CompletionRate},
			{id: vocab.AdjustmentRate, path: "funds.reported.adjustment_rate", typ: RateType, rate: &fu.Reported.AdjustmentRate},
			{id: vocab.Weight, path: "funds.weight", typ: NumberType, number: &fu.Weight},
			{id: vocab.Score, path: "funds.reported.score", typ: NumberType, number: &fu.Reported.Score},
			{id: vocab.TotalScore, path: "reported.total_score", typ: NumberType, number: &f.Reported.TotalScore},
			{id: vocab.Grade, path: "reported.grade", text: &f.Reported.Grade},
			{id: vocab.Overall, path: "overall", text: &f.Overall},
			{id: vocab.Problems, path: "problems", text: &f.Problems},
			{id: vocab.Improvements, path: "improvements", text: &f.Improvements},
			{id: vocab.Profile, path: "profile", text: &f.Profile},
		}
	case *evaluation.ProjectForm:
		fu := &f.Funds
		return []field{
			{id: vocab.ProjectName, path: "project", text: &f.Project},
			{id: vocab.Authority, path: "department", text: &f.Department},
			{id: vocab.ImplementingUnit, path: "implementing_unit", text: &f.ImplementingUnit},
			{id: vocab.Year, path: "year", typ: YearType, year: &f.Year},
			{id: vocab.Code, path: "code", text: &f.Code},
			{id: vocab.AdjustedBudget, path: "funds.adjusted_budget", typ: AmountType, amount: &fu.AdjustedBudget},
			{id: vocab.InitialBudget, path: "funds.initial_budget", typ: AmountType, amount: &fu.InitialBudget},
			{id: vocab.ActualExpenditure, path: "funds.actual_expenditure", typ: AmountType, amount: &fu.ActualExpenditure},
			{id: vocab.Adjustment, path: "funds.adjustment", typ: AmountType, amount: &fu.Adjustment},
			{id: vocab.CompletionRate, path: "funds.reported.execution_rate", typ: RateType, rate: &fu.Reported.ExecutionRate},
			{id: vocab.Weight, path: "funds.weight", typ: NumberType, number: &fu.Weight},
			{id: vocab.Score, path: "funds.reported.score", typ: NumberType, number: &fu.Reported.Score},
			{id: vocab.TotalScore, path: "reported.total_score", typ: NumberType, number: &f.Reported.TotalScore},
			{id: vocab.Grade, path: "reported.grade", text: &f.Reported.Grade},
			{id: vocab.Overall, path: "overall", text: &f.Overall},
			{id: vocab.Problems, path: "problems", text: &f.Problems},
			{id: vocab.Improvements, path: "improvements", text: &f.Improvements},
			{id: vocab.Profile, path: "profile", text: &f.Profile},
		}
	case *evaluation.DeclarationForm:
		return declarationFields(f)
	case *evaluation.MonitoringForm:
		return monitoringFields(f)
	}
	return nil
}

// fieldOf returns the form's field for a label.
func fieldOf(fs []field, id vocab.ID) (field, bool) {
	for _, f := range fs {
		if f.id == id {
			return f, true
		}
	}
	return field{}, false
}

// cell draws a field's value.
func (b *builder) field(fs []field, id vocab.ID) *Cell {
	f, ok := fieldOf(fs, id)
	if !ok {
		return b.text("")
	}
	switch f.typ {
	case AmountType:
		return b.amount(*f.amount, f.path)
	case RateType:
		return b.rate(*f.rate, f.path)
	case NumberType:
		return b.number(*f.number, f.path)
	case YearType:
		return b.year(*f.year, f.path)
	}
	return b.text(*f.text, f.path)
}
