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
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/xlsx"
)

// maxDocumentSize bounds a published document read by import.
const maxDocumentSize = 16 << 20

// importForm is `perfeval import`: a form published as Markdown tables or
// as an Excel sheet, written out in the YAML file format.
func importForm(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	outPath := fl.String("o", "", "write the YAML to `FILE` instead of standard output")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() != 1 {
		fmt.Fprintf(stderr, "perfeval import: want exactly one FILE.md or FILE.xlsx\n%s", usage)
		return exitUsage
	}
	path := fl.Arg(0)
	data, err := readLimited(path, maxDocumentSize)
	if err != nil {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
		return exitInput
	}
	var form evaluation.Form
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		form, err = xlsx.Import(path, data)
	case ".md", ".markdown":
		form, err = markdown.Import(path, data)
	default:
		fmt.Fprintf(stderr, "perfeval import: %s: want a .md or .xlsx file\n", path)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
		return exitInput
	}
	yaml, err := evaluation.Encode(form)
	if err != nil {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
		return exitInput
	}
	header := fmt.Sprintf("# Imported by perfeval from %s.\n", filepath.Base(path))
	yaml = append([]byte(header), yaml...)
	if *outPath == "" {
		_, _ = stdout.Write(yaml)
		return exitOK
	}
	if err := os.WriteFile(*outPath, yaml, 0o644); err != nil {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
		return exitInput
	}
	return exitOK
}

// exportForm is `perfeval export -o FILE.xlsx FILE`: the form as an Excel
// sheet in the official layout.
func exportForm(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	fl.SetOutput(stderr)
	outPath := fl.String("o", "", "the `FILE.xlsx` to write (required)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if *outPath == "" || fl.NArg() != 1 {
		fmt.Fprintf(stderr, "perfeval export: want -o FILE.xlsx and one form FILE\n%s", usage)
		return exitUsage
	}
	form, err := evaluation.ReadFile(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
		return exitInput
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, form); err != nil {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
		return exitInput
	}
	if err := os.WriteFile(*outPath, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
		return exitInput
	}
	return exitOK
}

// readLimited reads a file, refusing one larger than limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, limit)
	}
	return data, nil
}
