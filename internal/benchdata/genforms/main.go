// Command genforms writes a folder of generated project forms for
// measuring perfeval: go run ./internal/benchdata/genforms -n 10000 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/perfeval/perfeval/internal/benchdata"
)

func main() {
	n := flag.Int("n", 10000, "number of forms")
	asJSON := flag.Bool("json", false, "write JSON instead of YAML")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genforms [-n N] [-json] DIR")
		os.Exit(2)
	}
	if err := benchdata.WriteFolder(flag.Arg(0), *n, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
