// Package markdown reads and writes forms as Markdown tables. Render and
// RenderWith print a form of any kind in its official layout;
// ImportResult reads a published form (usually a PDF converted to
// Markdown) and accounts for every cell of it; Import is the strict form,
// which fails unless every cell was placed. Both sides use the one
// vocabulary of labels and the one layout model the HTML page and the
// Excel sheet use, so Import reads Render's output back to the same form.
//
// # Rendering
//
// Each kind is laid out as it is published: the department form as
// Guangzhou publishes it (with Guangzhou's note under the guangzhou-2021
// profile) or in the Ministry of Finance's national layout, the project
// form as the Ministry's template (财预〔2020〕10号), the declaration and the
// monitoring form as the finance bureaus publish them, a department
// evaluation as its 基础数据表 and its rubric's 评分表 (RenderOptions.Rubric).
// Cells the published forms have no place for get places of their own
// only when the form uses them; a profile other than guangzhou-2021 is
// kept as an HTML comment.
//
// Amounts print with the decimals they were written with, rates as
// printed. Text escapes "|", "\", "&", "<" and ">" and writes control
// characters as character references; a value that would read as a label
// where it stands (an indicator named 得分) has its first character
// written as a character reference, so it reads back as data. Markdown has
// no merged cells, so a blank 一级指标 or 二级指标 reads back as the one
// above it; a goal holding a line break reads back as two goals; texts are
// trimmed.
//
// With findings, each is marked in the cell its path names, or the nearest
// enclosing cell drawn (" ✖[1]" an error, " ⚠[2]" a warning, " ℹ[3]" info),
// and listed under the tables; Import ignores the marks and the list.
//
// # Importing
//
// Import finds cells by their labels, never by position, in every layout
// the vocabulary knows (Guangzhou's, the national ones, the provinces';
// the declarations and monitoring forms of testdata/cycle), and copes with
// what converting a PDF does: tables split across pages, empty columns,
// merged cells printed on their first row only, <br> inside cells,
// entities, full-width forms. Every non-empty cell is accounted for in the
// *imports.Result, and every reading that is not literal is said
// (docs/import.md).
//
// ImportResult fails only when the document holds no form (ErrNotAForm)
// or exceeds a limit (ErrLimit: MaxFileSize, MaxLines, MaxRows, MaxCells,
// and the file format's own limits), so every form it returns is one
// evaluation.Decode reads back; Import fails besides with ErrMalformed,
// naming the first cell not placed. Every failure is an *ImportError with
// the file and line. Neither ever panics.
package markdown
