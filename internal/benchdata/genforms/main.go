// Command genforms writes a folder of generated project forms for
// measuring perfeval:
//
//	go run ./internal/benchdata/genforms [-n 10000] [-style block|flow|quoted|json] DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/perfeval/perfeval/internal/benchdata"
)

func main() {
	n := flag.Int("n", 10000, "number of forms")
	style := flag.String("style", string(benchdata.Block), "how the forms are written: block, flow or quoted YAML, or json")
	asJSON := flag.Bool("json", false, "write JSON (the same as -style json)")
	flag.Parse()
	s := benchdata.Style(*style)
	if *asJSON {
		s = benchdata.JSON
	}
	if flag.NArg() != 1 || !slices.Contains(benchdata.Styles, s) {
		fmt.Fprintln(os.Stderr, "usage: genforms [-n N] [-style block|flow|quoted|json] DIR")
		os.Exit(2)
	}
	if err := benchdata.WriteFolder(flag.Arg(0), *n, s); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
