// Package dedent serves the test helpers rulestest and rubrictest: a form
// or a rubric item written as an indented raw string literal in a test.
package dedent

import "strings"

// String removes the common indentation of a raw string literal, so a
// YAML literal can be written indented inside a test function; tabs left
// in the indentation become two spaces each, as YAML wants.
func String(s string) string {
	lines := strings.Split(s, "\n")
	prefix := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if prefix < 0 || n < prefix {
			prefix = n
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		if len(l) >= prefix && prefix > 0 {
			lines[i] = l[prefix:]
		}
	}
	return strings.Join(lines, "\n")
}
