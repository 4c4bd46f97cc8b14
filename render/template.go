package render

// formTemplate draws a laid-out form (see page). html/template escapes
// every text of the form, in text and in attributes alike; build has
// made its control characters visible, which html/template leaves raw.
const formTemplate = `{{define "mark"}}<a class="mark {{.Severity}}" href="#finding-{{.N}}" title="{{.Title}}">{{.Symbol}}{{.N}}</a>{{end -}}
{{define "content"}}{{if eq (len .Paras) 1}}{{index .Paras 0}}{{else}}{{range .Paras}}<p>{{.}}</p>{{end}}{{end}}{{range .Marks}}{{template "mark" .}}{{end}}{{end -}}
{{define "attrs"}}{{if gt .ColSpan 1}} colspan="{{.ColSpan}}"{{end}}{{if gt .RowSpan 1}} rowspan="{{.RowSpan}}"{{end}}{{with .Class}} class="{{.}}"{{end}}{{with .Path}} data-path="{{.}}"{{end}}{{end -}}
<h1>{{.Title}}</h1>
{{range .Lines}}<p class="{{.Path}}"{{with .Path}} data-path="{{.}}"{{end}}>{{.Text}}{{range .Marks}}{{template "mark" .}}{{end}}</p>
{{end}}
{{- with .General}}<p class="general">{{range .}}{{template "mark" .Mark}} {{.Message}} {{end}}</p>
{{end}}
{{- range .Tables}}<table class="form">
<colgroup>{{range .Cols}}<col>{{end}}</colgroup>
{{range .Rows}}<tr>{{range .}}{{if .Header}}<th{{template "attrs" .}}>{{template "content" .}}</th>{{else}}<td{{template "attrs" .}}>{{template "content" .}}</td>{{end}}{{end}}</tr>
{{end}}</table>
{{end}}
{{- with .Note}}<div class="notes">{{range $i, $l := .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</div>
{{end}}
{{- with .Chart}}<figure class="chart"><figcaption>{{.Caption}}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="score against weight">
{{range .Bars}}<text x="{{.LabelX}}" y="{{.Y}}" text-anchor="end">{{.Label}}</text><rect x="{{.Left}}" y="{{.BY}}" width="{{.WeightW}}" height="16" fill="none" stroke="#555"/><rect class="score" x="{{.Left}}" y="{{.BY}}" width="{{.ScoreW}}" height="16" fill="#3b7dd8"/><text x="{{.TextX}}" y="{{.Y}}">{{.Figures}}</text>
{{end}}</svg></figure>
{{end}}
{{- if .Findings}}<h2>{{.Words.Findings}}</h2>
<ol class="findings">
{{range .Findings}}<li id="finding-{{.N}}"><span class="sev-{{.Severity}}">{{.Severity}}</span> <span class="rule">{{.Rule}}</span> <span class="path">{{.Path}}</span> {{.Message}}{{with .Values}}{{$.Words.Open}}{{.}}{{$.Words.Close}}{{end}}</li>
{{end}}</ol>
{{end}}`
