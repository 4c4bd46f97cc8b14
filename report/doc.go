// Package report writes evaluation reports for people and programs, in
// the formats of the perfeval command: JSON Lines (JSON, one object per
// form, and ErrorJSON for an input that cannot be read), text for a
// terminal (Text), a Markdown section for a memo (Markdown) and one HTML
// page for an analyst over many forms (HTMLPage). It sits above
// evaluation and below the command, so a service produces the same output
// the command does.
//
// Every format lists findings in report order (severity, then cell path,
// then rule ID) and writes in the report's Lang: under Chinese every word
// of text, Markdown and HTML output is Chinese, rule IDs and key paths
// aside. Text from a form is made safe for where it goes: control
// characters made visible on a terminal, HTML escaped by html/template,
// Markdown escaped so it carries no HTML or markup of its own.
// docs/report.md describes the formats.
package report
