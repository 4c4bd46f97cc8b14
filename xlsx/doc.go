// Package xlsx writes a form of any kind as an Excel sheet in its official
// layout and reads a form back from an .xlsx workbook. It is a package of
// its own so that a service that only evaluates forms does not link Excel
// code. Export writes with github.com/xuri/excelize/v2; the import reads
// the workbook's XML itself and never hands it to a third-party model.
//
//	err := xlsx.Export(w, form)                                  // one sheet, written as .xlsx
//	book, err := xlsx.Workbook(form, xlsx.ExportOptions{})       // the same, as an *excelize.File
//	res, err := xlsx.ImportResult(name, data)                    // the form and the account of every cell
//	form, err := xlsx.Import(name, data)                         // the form, when every cell was placed
//
// # Writing
//
// The sheet is the layout the Markdown rendering and the HTML page draw,
// with the cells it spans merged and runs of equal 一级指标 and 二级指标
// merged over their rows. Under the form, the rates the amounts give are
// formulas labelled "（计算值）" beside the printed rates, which stay
// values as filed, so a reviewer sees both and the sheet recalculates in
// Excel. Amounts, weights and scores are numeric cells whose stored text
// is the exact decimal and whose number format shows the decimals
// written; a value with more than 15 significant digits is written as
// text. Value texts carry the text format "@", so an indicator named 得分
// reads back as data. Export refuses, with ErrUnrepresentable naming the
// key path and the cell, text a cell cannot give back: more than 32,767
// characters, or control characters other than tab and line feed.
//
// # Reading
//
// ImportResult reads the first sheet that holds a form, by its labels, with
// the Markdown importer's reader: every non-empty cell is placed, kept in
// the form's extra list, skipped as a template row, or reported unplaced
// with its sheet and reference (docs/import.md). Numbers are read from a
// cell's stored text, never through float64; a stored text of more than
// 15 significant digits is a binary artefact, rounded to 15 and reported.
// A number in a percent format is the rate it shows.
//
// Importing what Export wrote gives back the form, except that an empty
// list comes back nil, a text of white space comes back empty, and an
// indicator or task whose cells are all empty is not read as one; none of
// this changes what Evaluate computes.
//
// Every failure is an *ImportError naming the file and, where it applies,
// the sheet and cell, wrapping ErrNotAForm, ErrCorrupt, ErrEncrypted,
// ErrTooLarge or ErrValue. MaxFileSize, MaxUnzippedSize, MaxPartSize,
// MaxCells and MaxMerges bound what a workbook may cost. Import fails
// besides with ErrValue naming a cell that was not placed. Neither ever
// panics, and both are safe for concurrent use.
package xlsx
