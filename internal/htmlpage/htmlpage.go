// Package htmlpage is the frame every HTML page of perfeval shares: the
// document head, one stylesheet for the form in its official layout and
// for the analyst report, and the page's language. Pages are built with
// html/template, so every text from a form is escaped by the template,
// never by hand.
package htmlpage

import (
	"html/template"
	"io"
)

// Style is the shared stylesheet: A4 landscape, no external assets, no
// script. The form classes (table.form, a.mark, ol.findings) serve the
// official layout; the report classes (table.forms, figure) the
// analyst page.
const Style template.CSS = `@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #111; margin: 16px; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4px; }
p.unit { text-align: right; margin: 0 0 4px; }
table.form { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.form td, table.form th { border: 1px solid #333; padding: 3px 5px; vertical-align: middle; word-wrap: break-word; }
table.form th { background: #f1f1f1; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td p, th p { margin: 0 0 3px; }
.flag-error { background: #fde2e1; } .flag-warning { background: #fff4d6; } .flag-info { background: #e6f0fb; }
a.mark { font-size: 8pt; font-weight: 700; text-decoration: none; margin-left: 3px; white-space: nowrap; }
a.mark.error { color: #b3261e; } a.mark.warning { color: #8a5a00; } a.mark.info { color: #1a5fb4; }
ol.findings { padding-left: 22px; } ol.findings li { margin: 2px 0; }
ol.findings .rule { font-family: monospace; } ol.findings .path { font-family: monospace; color: #555; }
.sev-error { color: #b3261e; font-weight: 700; } .sev-warning { color: #8a5a00; font-weight: 700; } .sev-info { color: #1a5fb4; }
.notes { font-size: 9pt; margin-top: 4px; }
body.report { font-size: 10pt; display: flex; flex-direction: column; }
body.report main { order: 2; } body.report section.summary { order: 1; }
table.forms { border-collapse: collapse; width: 100%; }
table.forms th, table.forms td { border: 1px solid #999; padding: 2px 5px; }
table.forms th { background: #eee; }
tr.findings td { background: #fafafa; font-size: 9pt; }
tr.invalid td { background: #fde2e1; }
.error { color: #b3261e; font-weight: 700; } .warning { color: #8a5a00; } .info { color: #1a5fb4; }
code { font-size: 9pt; }
figure { display: inline-block; margin: 0 24px 12px 0; vertical-align: top; }
svg text { font-family: inherit; font-size: 10px; }
@media print { a.mark { color: #000; } }
`

// Head is what opens a page: its language, title and body class.
type Head struct {
	// Lang is the page's language tag: "zh-CN" or "en".
	Lang string
	// Title is the page's title, as plain text.
	Title string
	// Class is the body's class ("report" for the analyst page); "" for none.
	Class string
}

// LangTag returns the HTML language tag of a message language: "en" for
// "en", else "zh-CN".
func LangTag(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "zh-CN"
}

var frame = template.Must(template.New("open").Parse(`<!DOCTYPE html>
<html lang="{{.Head.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Head.Title}}</title>
<style>
{{.Style}}</style>
</head>
<body{{with .Head.Class}} class="{{.}}"{{end}}>
`))

// Open writes the page's head and opens its body.
func Open(w io.Writer, h Head) error {
	return frame.Execute(w, struct {
		Head  Head
		Style template.CSS
	}{h, Style})
}

// Close closes the body and the page.
func Close(w io.Writer) error {
	_, err := io.WriteString(w, "</body>\n</html>\n")
	return err
}
