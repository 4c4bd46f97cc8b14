package report

import (
	"encoding/json"
	"errors"
	"io/fs"

	"github.com/perfeval/perfeval/evaluation"
)

// JSON returns the report as one line of JSON, no trailing newline: the
// report object of docs/report.md. It is the bytes json.Marshal of the
// report gives (evaluation.Report.MarshalJSON), so a service that
// marshals its reports writes what the perfeval command prints; calling
// the method directly spares encoding/json a second pass over them.
func JSON(r *evaluation.Report) ([]byte, error) { return r.MarshalJSON() }

type jsonError struct {
	Source string          `json:"source"`
	Error  jsonErrorBody   `json:"error"`
	Errors []jsonErrorBody `json:"errors,omitempty"`
	// More is how many faults were found beyond those listed.
	More int `json:"more_errors,omitempty"`
}

type jsonErrorBody struct {
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
}

// ErrorJSON returns the line for an input that could not be read:
// {"source":…,"error":{"message":…,"line":…,"column":…,"path":…}}, the
// message in lang. A file with several faults (evaluation.DecodeErrors)
// has the first as "error" and every one listed under "errors", with
// "more_errors" counting those beyond the list. Messages quote
// at most a short prefix of the input, so the line stays small whatever
// the input held.
func ErrorJSON(source string, err error, lang evaluation.Lang) []byte {
	out := jsonError{Source: source, Error: jsonErrorBody{Message: message(err, lang)}}
	if des := evaluation.DecodeErrorsOf(err); len(des) > 0 {
		for _, de := range des {
			if errors.Is(de.Err, evaluation.ErrMoreErrors) {
				out.More = de.More // a count, not a fault of the list
				continue
			}
			out.Errors = append(out.Errors, jsonErrorBody{Message: de.Message(lang), Line: de.Line, Column: de.Column, Path: de.Path})
		}
		out.Error = out.Errors[0]
		if len(out.Errors) == 1 {
			out.Errors = nil
		}
	}
	b, _ := json.Marshal(out) // strings and ints always marshal
	return b
}

// message is an error's text in lang, for the JSON error object: a
// decode error's message without its position (which has fields of its
// own), any other error as Message gives it.
func message(err error, lang evaluation.Lang) string {
	if de := evaluation.DecodeErrorsOf(err); len(de) > 0 {
		return de[0].Message(lang)
	}
	return Message(err, lang)
}

// Message returns an error as the perfeval command shows it, in lang:
// an error that has its own translation (a decode error with its
// position, a rules file's error, an unknown profile) in that language;
// any other error as its text. Control characters are left to the caller
// to make visible.
func Message(err error, lang evaluation.Lang) string {
	type inLang interface{ In(evaluation.Lang) string }
	type messager interface{ Message(evaluation.Lang) string }
	var il inLang
	if errors.As(err, &il) {
		return il.In(lang)
	}
	var m messager
	if errors.As(err, &m) {
		return m.Message(lang)
	}
	var pe *fs.PathError
	if lang != evaluation.English && errors.As(err, &pe) {
		// The system's own words are English: a file that cannot be
		// opened is said in Chinese, the reason by its kind.
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			return pe.Path + "：文件或文件夹不存在"
		case errors.Is(pe.Err, fs.ErrPermission):
			return pe.Path + "：无权读取"
		}
		return pe.Path + "：无法读取（" + pe.Err.Error() + "）"
	}
	return err.Error()
}
