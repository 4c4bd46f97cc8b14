// Package layout is each form kind's official layout, described once, and
// the reader of a published form by its labels. The HTML page (package
// render), the Markdown rendering (markdown.Render) and the Excel sheet
// (xlsx.Export) all draw the Doc that Of lays out; the Markdown and Excel
// importers cut their input into an Input of rows of non-empty cells and
// read it with Read. A new form kind needs one layout function and its
// labels' key paths (bind.go), not three writers and two readers.
//
// # Drawing
//
// Of lays a form out as blocks: the title and the lines under it, tables
// of cells, and the form's own note. A cell is a label (its vocab.ID and
// the layout's text for it) or a value bound to key paths and a type (an
// amount, a rate, a weight, a year, a list, text), with its column and
// spans. A finding's path finds its cell with CellFor (the nearest drawn
// ancestor). Writers decide only how to draw: spans as empty cells or as
// merges, runs of equal level cells merged or repeated, a profile kept as
// a comment or a row.
//
// # Reading
//
// Read walks the rows: a row's first cell (a block's label, a task's name,
// nothing) says what the row is; column headers say what each cell under
// them is; a field's label takes the cell after it. Labels are read
// through the vocabulary, in every spelling of every layout. Read places
// every non-empty cell, keeps a labelled cell the file format has no key
// for in the form's extra list, skips a blank template's rows, and reports
// the rest unplaced (package imports): nothing is lost without saying so.
// Readings that are not literal are reported with the cell they read.
//
// The declaration and the monitoring form are read with the same
// accounting, lines and label-by-label pairs, and blocks of their own
// (cycleread.go, cyclefunds.go, cycleinds.go): 项目资金申请 label by label
// with further sources by name, the monitoring form's funds in columns
// with the month monitored read from their labels (1-7月执行数), indicator
// tables with a horizon (二级指标(长期) | 二级指标(年度)) or 偏差原因分析 over
// its five columns. A table of names alone, 项目 | 指标值 | 绩效金额, is an
// indicator tree read by its indentation (tree.go).
//
// A department evaluation (rubric.go, rubricread.go) is laid out and read
// the same way, by its rubric (Options, Input.Rubric): the 基础数据表 figure
// by figure, the 评分表 row by item, its 得分 and 扣分原因 as filed or as the
// rubric fills them in.
//
// Read holds the form to the file format's limits (MaxList, MaxTextBytes)
// and proves, by encoding and decoding it, that what it returns is a file
// evaluation.Decode reads: what an import writes, evaluate reads.
//
// # Limits and text
//
// MaxTextBytes, MaxList and MaxCells are the limits every road holds a
// form to; CheckText is the one text alphabet (no control characters but
// tab and line feed) that the importers and the Excel writer apply, with
// the same words.
package layout
