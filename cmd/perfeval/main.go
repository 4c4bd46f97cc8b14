// Command perfeval checks budget performance self-evaluation forms
// (预算绩效自评表) with the perfeval library: figures, scores and findings
// for files and folders of forms.
//
//	perfeval evaluate [-profile NAME | -rules FILE] [-format text|json|markdown|html] [-lang zh|en] PATH...
//	perfeval render   [-format markdown|html] [-annotate] FILE
//	perfeval rules    [-profile NAME | -rules FILE] [-format text|json]
//	perfeval import   [-o FILE] [-from md|xlsx] FILE.md|FILE.xlsx|-
//	perfeval export   -o FILE.xlsx FILE
//	perfeval version
//
// Exit status: 0 no error finding; 1 some error finding; 2 usage error;
// 3 some input could not be read or is invalid.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Exit statuses (SPEC §6).
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
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  perfeval evaluate [-profile NAME | -rules FILE] [-format text|json|markdown|html] [-lang zh|en] PATH...
  perfeval render   [-format markdown|html] [-annotate] [-profile NAME | -rules FILE] FILE
  perfeval rules    [-profile NAME | -rules FILE] [-format text|json]
  perfeval import   [-o FILE] [-from md|xlsx] [-lang zh|en] FILE.md|FILE.xlsx|-
  perfeval export   -o FILE.xlsx FILE
  perfeval version
`

// run is the whole command, with its streams passed in so tests can run it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "evaluate":
		return evaluate(args[1:], stdout, stderr)
	case "rules":
		return listRules(args[1:], stdout, stderr)
	case "render":
		return renderForm(args[1:], stdout, stderr)
	case "import":
		return importForm(args[1:], stdout, stderr)
	case "export":
		return exportForm(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "perfeval", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "perfeval: unknown command %q\n%s", args[0], usage)
	return exitUsage
}
