// Package xlsx writes a form — a self-evaluation, a declaration or a
// monitoring form — as an Excel sheet in its official layout and reads a
// form back from an .xlsx workbook. It is a
// package of its own so that a service that only evaluates forms does not
// link Excel code. Export writes with github.com/xuri/excelize/v2; the
// import road reads the workbook's XML itself and never hands it to a
// third-party model.
//
//	book, err := xlsx.Workbook(form, xlsx.ExportOptions{})             // *excelize.File, one sheet
//	err = xlsx.Export(w, form)                  // the same, written as .xlsx
//	res, err := xlsx.ImportResult(name, data)  // the form and the account of every cell
//	form, err := xlsx.Import(name, data)       // the form, when every cell was placed
//
// # Layout
//
// The sheet is the layout the Markdown rendering and the HTML page draw
// (one model, internal/layout): the department form as Guangzhou publishes
// it or in the national layout, the project form as the Ministry of
// Finance's template, the declaration and the monitoring form as the
// finance bureaus publish them; cells the layout spans are merged, and
// runs of equal 一级指标 and 二级指标 cells are merged over their rows. Under
// the form, the rates the amounts give are formulas labelled "（计算值）"
// (预算完成率 and 预算调整率, 执行率, or 1-X月执行率), so the sheet
// recalculates in Excel and a reviewer sees the printed rate and the
// computed one side by side; the printed rates stay values, as filed. The
// formulas carry no cached value: the workbook asks the spreadsheet to
// calculate them on load.
//
// Amounts, weights and scores are numeric cells whose stored text is the
// exact decimal ("2395.15", "16.60") and whose number format shows the
// decimals written; a value with more than 15 significant digits, more
// than a double keeps, is written as text. A printed rate is the fraction
// in a percent format with the printed decimals (0.9999 in "0.00%"). The
// year is a number shown as 2021年. Value texts carry the text format "@",
// which marks them as data in a workbook perfeval wrote: an indicator
// named 得分 reads back as the indicator's name, not as the label.
//
// # Reading a sheet
//
// ImportResult reads the first sheet, in tab order, that holds a form, by
// its labels, as the Markdown importer does (the same reader): every
// non-empty cell is placed, kept in the form's extra list, skipped as a
// template row, or reported unplaced with its sheet and reference. A
// merged cell's value is its top-left cell's; an empty 一级指标 cell takes
// the one above only where a merge covers it.
//
// Numbers are read from a cell's stored text, never through float64. A
// stored text with more than 15 significant digits is a binary artefact
// and is rounded to 15 (2395.1500000000001 is 2395.15), which is reported.
// An amount takes the decimals its number format shows when it carries
// fewer (16.6 shown as 16.60 is 16.60). A number in a percent format is
// the rate it shows; any other number in a rate cell is read as the
// Markdown importer reads a bare rate (a ratio or a percentage, whichever
// the form's amounts agree with). A number or date in a text cell of the
// form reads as its format shows it (2021-11-20). Number formats are read
// only for their decimals, percent sign and date, and only up to Excel's
// own 255 characters, so no format costs more than a short one.
//
// # Round trip
//
// Importing what Export wrote gives back every form the file format holds,
// with these exceptions, none of which changes what Evaluate computes: an empty
// list comes back nil; a text holding only white space comes back empty;
// an indicator whose cells are all empty is not read; a task whose own
// cells are all empty is read as further rows of the one above. Export
// refuses (ErrUnrepresentable, naming the key path and the cell) text a
// cell cannot give back: more than 32,767 characters, or characters
// outside the alphabet of a form (control characters other than tab and
// line feed; see layout.CheckText), which no road carries.
//
// # Errors and limits
//
// Every ImportResult failure is an *ImportError naming the file and, where
// it applies, the sheet and cell, wrapping ErrNotAForm, ErrCorrupt,
// ErrEncrypted, ErrTooLarge or ErrValue (a control character in a cell).
// Import refuses data larger than MaxFileSize, archives that unzip to more
// than MaxUnzippedSize or hold a part larger than MaxPartSize, sheets of
// more than MaxCells non-empty cells or MaxMerges merged ranges, and a
// cell longer than a form's text may be. A sheet's memory is that of the
// cells it holds, wherever they are. Import also fails with ErrValue when
// a cell was not placed, naming it. Neither ever panics, and both are safe
// for concurrent use.
package xlsx
