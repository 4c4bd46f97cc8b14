package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/report"
	"github.com/perfeval/perfeval/xlsx"
)

// maxDocumentSize bounds a published document read by import.
const maxDocumentSize = 16 << 20

// maxListed bounds the cells import lists on standard error, so that a
// document of ten thousand stray cells does not flood a terminal.
const maxListed = 50

// importForm is `perfeval import`: a form published as Markdown tables or
// as an Excel sheet, written out in the YAML file format, with an account
// of every cell on standard error. It exits 0 when every cell was placed
// and the form has its name, year and funds; 3 with the YAML still written
// when some cell was not placed or one of those is missing; 3 with nothing
// written when the document cannot be read as a form; 2 for a usage
// error. Never 1: import finds no findings.
func importForm(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	l := argsLang(args)
	fl := newFlags("import")
	outPath := fl.String("o", "", say(l, "把 YAML 写入`文件`而非标准输出", "write the YAML to `FILE` instead of standard output"))
	from := fl.String("from", "", say(l, "文档格式：md 或 xlsx（默认按文件名判断；读标准输入时必须给出）", "the document's format: md or xlsx (default: from the file name; required for -)"))
	lang := fl.String("lang", "zh", say(l, "标准错误上说明的语言：zh 或 en", "language of the account on standard error: zh or en"))
	rubricFile := fl.String("rubric", "", say(l, "把评分表各行对应到评分办法各项的评分办法`文件`", "rubric `file` mapping a department evaluation's 评分表 rows to its items"))
	if code, ok := parseFlags(fl, args, l, stdout, stderr); !ok {
		return code
	}
	l, ok := parseLang(*lang, stderr)
	if !ok {
		return exitUsage
	}
	if fl.NArg() != 1 {
		diag(stderr, "perfeval import: %s", say(l, "应给出一个 .md 或 .xlsx 文件，或 -", "want exactly one FILE.md, FILE.xlsx or -"))
		fmt.Fprint(stderr, usageText(l))
		return exitUsage
	}
	rub, code := resolveRubric(*rubricFile, l, stderr)
	if code != exitOK {
		return code
	}
	path := fl.Arg(0)
	format := strings.ToLower(*from)
	switch format {
	case "":
		if path == "-" {
			diag(stderr, "perfeval import: %s", say(l, "读标准输入须给出 -from md 或 -from xlsx", "reading standard input needs -from md or -from xlsx"))
			return exitUsage
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".xlsx", ".xlsm":
			format = "xlsx"
		case ".md", ".markdown":
			format = "md"
		default:
			diag(stderr, "perfeval import: %s: %s", safetext.Quote(path), say(l, "应为 .md 或 .xlsx 文件（或给出 -from md|xlsx）", "want a .md or .xlsx file (or -from md|xlsx)"))
			return exitUsage
		}
	case "md", "markdown":
		format = "md"
	case "xlsx":
	default:
		diag(stderr, "perfeval import: -from %s: %s", safetext.Quote(*from), say(l, "应为 md 或 xlsx", "want md or xlsx"))
		return exitUsage
	}
	name := path
	var data []byte
	var err error
	if path == "-" {
		name = "<stdin>"
		if stdin == nil {
			stdin = strings.NewReader("")
		}
		data, err = readAllLimited(stdin, name, maxDocumentSize)
	} else {
		data, err = readLimited(path, maxDocumentSize)
	}
	if err != nil {
		diagErr(stderr, err, l)
		return exitInput
	}
	var res *imports.Result
	if format == "xlsx" {
		res, err = xlsx.ImportResultWith(name, data, xlsx.ImportOptions{Rubric: rub})
	} else {
		res, err = markdown.ImportResultWith(name, data, markdown.ImportOptions{Rubric: rub})
	}
	if err != nil {
		diagErr(stderr, err, l)
		return exitInput
	}
	yaml, err := evaluation.Encode(res.Form)
	if err != nil {
		diag(stderr, "perfeval: %s: %s", name, report.Message(err, l))
		return exitInput
	}
	header := fmt.Sprintf("# Imported by perfeval from %s.\n", strings.ReplaceAll(safetext.Line(filepath.Base(name)), "\n", " "))
	yaml = append([]byte(header), yaml...)
	account(stderr, name, res, l)
	status := exitOK
	if !res.Complete() {
		status = exitInput
	}
	if *outPath != "" {
		if err := os.WriteFile(*outPath, yaml, 0o644); err != nil {
			diag(stderr, "perfeval: %s", report.Message(err, l))
			return exitInput
		}
		return status
	}
	out := newOutput(stdout, l)
	_, _ = out.Write(yaml)
	return out.finish(stderr, status)
}

// account writes what the import did that the YAML does not show: the
// readings that were not literal and the template rows skipped (info),
// the cells not placed and what the form misses. At most maxListed cells
// of each kind are listed, each quoted as safetext does.
func account(w io.Writer, name string, res *imports.Result, l evaluation.Lang) {
	zh := l != evaluation.English
	file := safetext.Line(name)
	say := func(zhWord, enWord string) string {
		if zh {
			return zhWord
		}
		return enWord
	}
	list := func(n int, each func(i int)) {
		for i := range min(n, maxListed) {
			each(i)
		}
		if n > maxListed {
			fmt.Fprintf(w, "perfeval: %s: %s\n", file, say(fmt.Sprintf("另有 %d 处未列出", n-maxListed), fmt.Sprintf("and %d more not listed", n-maxListed)))
		}
	}
	list(len(res.Readings), func(i int) {
		r := res.Readings[i]
		fmt.Fprintf(w, "perfeval: %s: %s: %s: %s\n", say("说明", "info"), file, r.Position.In(l), safetext.Line(r.Note.In(l)))
	})
	list(len(res.Skipped), func(i int) {
		s := res.Skipped[i]
		fmt.Fprintf(w, "perfeval: %s: %s: %s: %s\n", say("说明", "info"), file, s.Cells[0].Position.In(l), safetext.Line(s.Why.In(l)))
	})
	list(len(res.Unplaced), func(i int) {
		u := res.Unplaced[i]
		fmt.Fprintf(w, "perfeval: %s: %s: %s %s: %s\n", say("未放入", "unplaced"), file, u.Position.In(l), safetext.Quote(u.Text), safetext.Line(u.Why.In(l)))
	})
	for _, m := range res.Missing {
		fmt.Fprintf(w, "perfeval: %s: %s: %s\n", say("缺少", "missing"), file, safetext.Line(m.Why.In(l)))
	}
	if !res.Complete() {
		fmt.Fprintf(w, "perfeval: %s: %s\n", file, say(
			fmt.Sprintf("%d 个单元格未放入表单，缺少 %d 项；已写出的 YAML 不完整", len(res.Unplaced), len(res.Missing)),
			fmt.Sprintf("%d cells not placed, %d things missing; the YAML written is incomplete", len(res.Unplaced), len(res.Missing))))
	}
}

// exportForm is `perfeval export -o FILE.xlsx FILE`: the form as an Excel
// sheet in the official layout.
func exportForm(args []string, stdout, stderr io.Writer) int {
	l := argsLang(args)
	fl := newFlags("export")
	outPath := fl.String("o", "", say(l, "要写的 `文件.xlsx`（必须给出）", "the `FILE.xlsx` to write (required)"))
	rubricFile := fl.String("rubric", "", say(l, "绘制部门整体支出绩效评价表评分表的评分办法`文件`（代替表中的 rubric:）", "rubric `file` drawing a department-evaluation form's 评分表 (instead of the rubric: it names)"))
	lang := fl.String("lang", "zh", say(l, "语言：zh 或 en", "language: zh or en"))
	if code, ok := parseFlags(fl, args, l, stdout, stderr); !ok {
		return code
	}
	l, ok := parseLang(*lang, stderr)
	if !ok {
		return exitUsage
	}
	if *outPath == "" || fl.NArg() != 1 {
		diag(stderr, "perfeval export: %s", say(l, "应给出 -o 文件.xlsx 和一个表单文件", "want -o FILE.xlsx and one form FILE"))
		fmt.Fprint(stderr, usageText(l))
		return exitUsage
	}
	rub, code := resolveRubric(*rubricFile, l, stderr)
	if code != exitOK {
		return code
	}
	path := fl.Arg(0)
	if err := regular(path); err != nil {
		diagErr(stderr, err, l)
		return exitInput
	}
	form, err := evaluation.ReadFile(path)
	if err != nil {
		diagErr(stderr, err, l)
		return exitInput
	}
	var buf bytes.Buffer
	if err := xlsx.ExportWith(&buf, form, xlsx.ExportOptions{Rubric: rub}); err != nil {
		// The library's error names the key path and the cell; the file
		// is the command's to name.
		diag(stderr, "perfeval: %s: %s", path, report.Message(err, l))
		return exitInput
	}
	if err := os.WriteFile(*outPath, buf.Bytes(), 0o644); err != nil {
		diag(stderr, "perfeval: %s", report.Message(err, l))
		return exitInput
	}
	return exitOK
}

// regular refuses a path that is not a regular file (a FIFO would block
// the read for ever, a device would never end).
func regular(path string) error { return batch.CheckRegular(path) }

// readLimited reads a regular file, refusing one larger than limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	if err := regular(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAllLimited(f, path, limit)
}

func readAllLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, limit)
	}
	return data, nil
}
