package rubric

import (
	"bytes"
	"encoding/json"
)

type jsonSheet struct {
	Total          string     `json:"total"`
	Grade          *string    `json:"grade"`
	Complete       bool       `json:"complete"`
	UnscoredWeight string     `json:"unscored_weight"`
	Rubric         string     `json:"rubric"`
	Items          []jsonItem `json:"items"`
}

type jsonItem struct {
	Path    []string `json:"path"`
	Weight  *string  `json:"weight"`
	Measure *string  `json:"measure"`
	Basis   string   `json:"basis,omitempty"`
	Value   *string  `json:"value"`
	Score   *string  `json:"score"`
	Status  Status   `json:"status"`
	Reason  string   `json:"reason"`
}

// MarshalJSON writes the sheet as the score object of the JSON report:
//
//	{"total":"86.00","grade":"良","complete":true,"unscored_weight":"0","rubric":"example",
//	 "items":[{"path":["投入","预算配置","在职人员控制率"],"weight":"8","measure":"staff_control_rate",
//	 "value":"95.10%","score":"8.00","status":"scored","reason":"……"}]}
//
// Totals and scores have two decimals, weights as written, values are
// percentages at two decimals. What is undefined is null, never 0: the
// grade of an incomplete sheet, the score of an unscored item, the value
// of an undefined measure, the weight of an absent item whose points are
// not shown. Reasons are in the sheet's language (see In).
func (s Sheet) MarshalJSON() ([]byte, error) {
	out := jsonSheet{
		Total:          s.Total.StringFixed(scorePlaces),
		Complete:       s.Complete,
		UnscoredWeight: s.UnscoredWeight.String(),
		Rubric:         s.Rubric,
		Items:          make([]jsonItem, len(s.Items)),
	}
	if s.Complete {
		g := s.Grade
		out.Grade = &g
	}
	lang := s.Lang()
	for i, is := range s.Items {
		ji := jsonItem{Path: is.Path, Status: is.Status, Reason: is.Reason.In(lang)}
		if ji.Path == nil {
			ji.Path = []string{}
		}
		if !is.Weight.IsZero() || is.Status != Absent {
			w := is.Weight.String()
			ji.Weight = &w
		}
		if is.Measure.Name != "" {
			m := string(is.Measure.Name)
			ji.Measure = &m
			if is.Measure.Basis != BasisBudget {
				ji.Basis = string(is.Measure.Basis)
			}
		}
		if is.Value != nil {
			v := pctValue(*is.Value)
			ji.Value = &v
		}
		if is.Score != nil {
			sc := is.Score.StringFixed(scorePlaces)
			ji.Score = &sc
		}
		out.Items[i] = ji
	}
	// Without HTML escaping: json.Marshal of the sheet escapes < > & as it
	// does for any value, an encoder told not to does not.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
