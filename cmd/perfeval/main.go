// Command perfeval checks budget performance forms (预算绩效管理) with the
// perfeval library: it evaluates files and folders of forms (figures,
// scores, findings, the stages of a project-year linked), draws a form in
// its official layout, lists the rules, and imports and exports published
// forms. It parses flags and calls the library: package batch walks and
// evaluates the inputs, package rules chooses the rule sets, package
// report writes the output. docs/cli.md describes it.
//
//	perfeval evaluate [-profile NAME | -rules FILE] [-rubric FILE] [-format text|json|markdown|html] [-lang zh|en] PATH...
//	perfeval render   [-format markdown|html] [-annotate] [-profile NAME | -rules FILE] [-rubric FILE] [-lang zh|en] FILE
//	perfeval rules    [-profile NAME | -rules FILE] [-format text|json|markdown] [-lang zh|en]
//	perfeval import   [-o FILE] [-from md|xlsx] [-rubric FILE] [-lang zh|en] FILE.md|FILE.xlsx|-
//	perfeval export   [-rubric FILE] [-lang zh|en] -o FILE.xlsx FILE
//	perfeval version
//
// PATH is a form file, a folder of them, or - for standard input (once).
// Exit status: 0 no error finding; 1 some error finding (evaluate); 2
// usage error (before any output); 3 some input could not be read or is
// invalid, an import left a cell unplaced, or the output could not be
// written.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
)

// Exit statuses (docs/cli.md).
const (
	exitOK      = 0
	exitFinding = 1
	exitUsage   = 2
	exitInput   = 3
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "devel"

func main() {
	// A run over a folder allocates briefly per form and keeps little: a
	// live heap of a few MB. The default GOGC of 100 would collect every
	// few dozen forms; 400 trades a few MB for a third less CPU. GOGC in
	// the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(runWith(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  perfeval evaluate [-profile NAME | -rules FILE] [-rubric FILE] [-format text|json|markdown|html] [-lang zh|en] PATH...
  perfeval render   [-format markdown|html] [-annotate] [-profile NAME | -rules FILE] [-rubric FILE] [-lang zh|en] FILE
  perfeval rules    [-profile NAME | -rules FILE] [-format text|json|markdown] [-lang zh|en]
  perfeval import   [-o FILE] [-from md|xlsx] [-rubric FILE] [-lang zh|en] FILE.md|FILE.xlsx|-
  perfeval export   [-rubric FILE] [-lang zh|en] -o FILE.xlsx FILE
  perfeval version
PATH is a form file, a folder of them, or - for standard input. -rubric
gives the rubric department-evaluation forms are scored, drawn and read by.
`

// run is the whole command with no standard input, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	return runWith(args, nil, stdout, stderr)
}

// runWith is the whole command, with its streams passed in so tests can
// run it.
func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lang := argsLang(args)
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText(lang))
		return exitUsage
	}
	switch args[0] {
	case "evaluate":
		return evaluate(args[1:], stdin, stdout, stderr)
	case "rules":
		return listRules(args[1:], stdout, stderr)
	case "render":
		return renderForm(args[1:], stdout, stderr)
	case "import":
		return importForm(args[1:], stdin, stdout, stderr)
	case "export":
		return exportForm(args[1:], stdout, stderr)
	case "version":
		out := newOutput(stdout, lang)
		fmt.Fprintln(out, "perfeval", version)
		return out.finish(stderr, exitOK)
	case "help", "-h", "-help", "--help":
		out := newOutput(stdout, lang)
		fmt.Fprint(out, usageText(lang))
		return out.finish(stderr, exitOK)
	}
	diag(stderr, "perfeval: %s", say(lang, "没有命令 "+quote(args[0]), "unknown command "+quote(args[0])))
	fmt.Fprint(stderr, usageText(lang))
	return exitUsage
}

// diag writes one diagnostic line on standard error, its control
// characters made visible: a file name or an input's text in it cannot
// repaint a terminal or forge a line. Every message the command prints
// about its input goes through here (or quote), and every one quotes at
// most a short prefix of the input.
func diag(stderr io.Writer, format string, args ...any) {
	fmt.Fprintln(stderr, safetext.Line(fmt.Sprintf(format, args...)))
}

// quote is a flag's value or a name from the command line as a message
// quotes it: a short prefix, control characters visible.
func quote(s string) string { return safetext.Quote(s) }

// output is the command's standard output: buffered, and checked. A
// report that cannot be written (a full disk, a closed standard output)
// must not end in a silent exit 0, so output keeps the first write error
// and finish turns it into a message and exit status 3. Every subcommand
// that writes to standard output writes through one:
//
//	out := newOutput(stdout, lang)
//	… write the reports to out …
//	return out.finish(stderr, status)
type output struct {
	w    *bufio.Writer
	err  error
	lang evaluation.Lang // of the message a failed write gets
}

func newOutput(w io.Writer, lang evaluation.Lang) *output {
	return &output{w: bufio.NewWriterSize(w, 64<<10), lang: lang}
}

// Write writes p, or nothing once a write has failed.
func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	o.err = err
	return n, err
}

// failed reports whether a write has failed, so a long run can stop.
func (o *output) failed() bool { return o.err != nil }

// finish flushes the output and returns status, or, when any write
// failed, reports the failure on stderr and returns exitInput.
func (o *output) finish(stderr io.Writer, status int) int {
	if o.err == nil {
		o.err = o.w.Flush()
	}
	if o.err != nil {
		diag(stderr, "perfeval: %s", writeFailure(o.err, o.lang))
		return exitInput
	}
	return status
}
