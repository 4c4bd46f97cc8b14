// Package vocab is the one vocabulary of the published forms: every label
// of every layout perfeval draws or reads (Guangzhou's department form, the
// Ministry of Finance's national department and project forms, the
// provinces' variants), the other spellings those layouts use for the same
// cell, the names of the funds' source rows and the money units.
//
// A label is known by its ID, the cell's meaning. An ID has one canonical
// text per layout (Text), which the renderers print, and any number of
// spellings (Lookup), which the importers accept: a spelling added here is
// read by the Markdown and the Excel importers alike, and the renderers
// never print one the importers do not read.
//
// Labels are matched on their normalised text (Normalize): full-width
// forms folded to ASCII, white space and line breaks removed (labels wrap
// inside their cells: 经济效益<br>指标), Markdown emphasis and a trailing
// colon dropped, and a trailing note in brackets set apart (项目资金（万元）,
// 全年预算数（A）, 产出指标（50分）), so that a unit or a weight printed in a
// label neither hides the label nor is lost.
//
// The vocabulary is data, kept in one table per group of labels (labels.go)
// and one for the source rows (sources.go). A new form kind adds its
// labels in a table of the same shape and IDs of its own, and so every
// reader and writer learns them at once. The declaration and the
// monitoring form keep theirs in cycle.go, with their Kinds bits; a label
// of theirs printed on a self-evaluation (项目属性, 备注) is, to the
// self-evaluation's reader, a label the file format has no key for there.
// The department evaluation's 评分表 and 基础数据表 (evaluation.go) keep
// theirs in an ID range of their own, read with LookupEvaluation, because
// the 基础数据表 reuses short labels (预算数, 年初预算) that mean another cell
// of the self-evaluations; a figure's label is read within its group.
package vocab
