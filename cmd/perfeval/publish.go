package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/markdown"
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
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	outPath := fl.String("o", "", "write the YAML to `FILE` instead of standard output")
	from := fl.String("from", "", "the document's format: md or xlsx (default: from the file name; required for -)")
	lang := fl.String("lang", "zh", "language of the account on standard error: zh or en")
	rubricFile := fl.String("rubric", "", "rubric `file` mapping a department evaluation's 评分表 rows to its items")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() != 1 {
		fmt.Fprintf(stderr, "perfeval import: want exactly one FILE.md, FILE.xlsx or -\n%s", usage)
		return exitUsage
	}
	l, ok := parseLang(*lang, stderr)
	if !ok {
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
			fmt.Fprintln(stderr, "perfeval import: reading standard input needs -from md or -from xlsx")
			return exitUsage
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".xlsx", ".xlsm":
			format = "xlsx"
		case ".md", ".markdown":
			format = "md"
		default:
			fmt.Fprintf(stderr, "perfeval import: %s: want a .md or .xlsx file (or -from md|xlsx)\n", safetext.Quote(path))
			return exitUsage
		}
	case "md", "markdown":
		format = "md"
	case "xlsx":
	default:
		fmt.Fprintf(stderr, "perfeval import: -from %s: want md or xlsx\n", safetext.Quote(*from))
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
		diag(stderr, "perfeval: %v", err)
		return exitInput
	}
	var res *imports.Result
	if format == "xlsx" {
		res, err = xlsx.ImportResultWith(name, data, xlsx.ImportOptions{Rubric: rub})
	} else {
		res, err = markdown.ImportResultWith(name, data, markdown.ImportOptions{Rubric: rub})
	}
	if err != nil {
		diag(stderr, "perfeval: %v", err)
		return exitInput
	}
	yaml, err := evaluation.Encode(res.Form)
	if err != nil {
		diag(stderr, "perfeval: %s: %v", name, err)
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
			diag(stderr, "perfeval: %v", err)
			return exitInput
		}
		return status
	}
	out := newOutput(stdout)
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
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	fl.SetOutput(stderr)
	outPath := fl.String("o", "", "the `FILE.xlsx` to write (required)")
	rubricFile := fl.String("rubric", "", "rubric `file` drawing a department-evaluation form's 评分表 (instead of the rubric: it names)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if *outPath == "" || fl.NArg() != 1 {
		fmt.Fprintf(stderr, "perfeval export: want -o FILE.xlsx and one form FILE\n%s", usage)
		return exitUsage
	}
	rub, code := resolveRubric(*rubricFile, evaluation.Chinese, stderr)
	if code != exitOK {
		return code
	}
	path := fl.Arg(0)
	if err := regular(path); err != nil {
		diag(stderr, "perfeval: %v", err)
		return exitInput
	}
	form, err := evaluation.ReadFile(path)
	if err != nil {
		// export has no -lang: its diagnostics are Chinese, the
		// command's default.
		diagErr(stderr, err, evaluation.Chinese)
		return exitInput
	}
	var buf bytes.Buffer
	if err := xlsx.ExportWith(&buf, form, xlsx.ExportOptions{Rubric: rub}); err != nil {
		// The library's error names the key path and the cell; the file
		// is the command's to name.
		diag(stderr, "perfeval: %s: %v", path, err)
		return exitInput
	}
	if err := os.WriteFile(*outPath, buf.Bytes(), 0o644); err != nil {
		diag(stderr, "perfeval: %v", err)
		return exitInput
	}
	return exitOK
}

// regular refuses a path that is not a regular file (a FIFO would block
// the read for ever, a device would never end).
func regular(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	return nil
}

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
