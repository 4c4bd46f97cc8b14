// Package htmltest holds the HTML tree helpers the tests of the packages
// that write HTML (render, report) share.
package htmltest

import "golang.org/x/net/html"

// Find returns the nodes below n (n included) that match, in document
// order.
func Find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}
