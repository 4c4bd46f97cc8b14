// Package service is a finance bureau's small HTTP service built on
// perfeval from a module of its own, as a service would be: it can use
// only perfeval's public API (the Go toolchain refuses internal packages
// across modules), so its tests show that API is enough. POST a form as
// JSON or YAML to /evaluate and get the report back as the JSON object
// `perfeval evaluate -format json` prints.
package service

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
)

// Handler evaluates each posted form under the rule set its own profile:
// key names (national when none), extended by the bureau's own rules.
type Handler struct {
	// Extra are the bureau's rules, added to every profile.
	Extra []rules.Rule
}

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST a form", http.StatusMethodNotAllowed)
		return
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, evaluation.MaxFileSize+1))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	name := "form.yaml"
	if strings.Contains(r.Header.Get("Content-Type"), "json") {
		name = "form.json"
	}
	form, err := evaluation.Decode(name, data)
	if err != nil {
		// Every fault of the form, each with line, column and key path.
		var de *evaluation.DecodeError
		errors.As(err, &de)
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": err.Error(), "line": de.Line, "path": de.Path})
		return
	}
	set, err := rules.ForForm(form)
	if err == nil && len(h.Extra) > 0 {
		set, err = set.With(h.Extra...)
	}
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": err.Error()})
		return
	}
	rep := evaluation.Evaluate(form, set)
	rep.Source = r.URL.Path
	writeJSON(w, http.StatusOK, &rep)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
