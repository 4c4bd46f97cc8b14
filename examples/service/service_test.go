package service_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"

	"example.com/bureau/service"
)

// A form marshals with encoding/json to the JSON file format, which
// Decode reads back to an equal form; the service evaluates it under its
// own profile: key and answers with the report's JSON object.
func TestServiceEvaluatesAPostedForm(t *testing.T) {
	data, err := os.ReadFile("../tianhe2021/form.yaml")
	require.NoError(t, err)
	form, err := evaluation.Decode("form.yaml", data)
	require.NoError(t, err)
	body, err := json.Marshal(form)
	require.NoError(t, err)
	back, err := evaluation.Decode("form.json", body)
	require.NoError(t, err)
	assert.Equal(t, form, back, "json.Marshal of a form is the file format")

	set, err := rules.ForForm(form)
	require.NoError(t, err)
	assert.Equal(t, rules.Guangzhou2021, set.Name(), "the form's own profile: key")

	// The same department with a smaller initial budget: 495.15/1900 =
	// 26.06% adjusted, above the bureau's 20%.
	dept := back.(*evaluation.DepartmentForm)
	dept.Funds.InitialBudget = budget.MustAmount("1900")
	dept.Funds.Adjustment = nil
	body, err = json.Marshal(dept)
	require.NoError(t, err)

	srv := httptest.NewServer(service.Handler{Extra: []rules.Rule{execution95, adjustment20}})
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/evaluate", "application/json", strings.NewReader(string(body)))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var rep struct {
		Source, Kind, Name, Profile string
		Year                        int
		Figures                     map[string]string
		Findings                    []struct{ Rule, Severity, Path string }
		Counts                      map[string]int
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&rep))
	assert.Equal(t, "/evaluate", rep.Source)
	assert.Equal(t, "department-self-evaluation", rep.Kind)
	assert.Equal(t, 2021, rep.Year)
	assert.Equal(t, "99.99%", rep.Figures["completion_rate"])
	var ids []string
	for _, f := range rep.Findings {
		ids = append(ids, f.Rule)
	}
	assert.Equal(t, "26.06%", rep.Figures["adjustment_rate"])
	assert.Contains(t, ids, "bureau.adjustment-20")
	assert.NotContains(t, ids, "funds.large-adjustment", "26.06% is within the built-in's 30%")
	assert.NotContains(t, ids, "bureau.execution-95", "99.99% is at least 95%")
}

// A form that cannot be read is answered with its position.
func TestServiceRefusesABadForm(t *testing.T) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/evaluate", strings.NewReader("kind: project-self-evaluation\nfunds: {adjusted_budget: 12x}\n"))
	service.Handler{}.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusUnprocessableEntity, rec.Code)
	var got struct {
		Line int
		Path string
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
	assert.Equal(t, 2, got.Line)
	assert.Equal(t, "funds.adjusted_budget", got.Path)
}
