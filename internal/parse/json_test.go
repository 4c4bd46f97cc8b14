package parse

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// jsonTree writes a node tree compactly, each node with its position:
// "text"@line:col for a string, text@line:col for another scalar,
// null@line:col, [@line:col item, …] and {@line:col key: value, …}.
func jsonTree(n *Node) string {
	var b strings.Builder
	var walk func(n *Node)
	walk = func(n *Node) {
		pos := fmt.Sprintf("@%d:%d", n.Line, n.Col)
		switch n.Kind {
		case Null:
			b.WriteString("null" + pos)
		case Scalar:
			if n.Quoted {
				b.WriteString(strconv.Quote(n.Text) + pos)
			} else {
				b.WriteString(n.Text + pos)
			}
		case Sequence, Mapping:
			open, end := "[", "]"
			if n.Kind == Mapping {
				open, end = "{", "}"
			}
			b.WriteString(open + pos)
			for i, c := range n.Children {
				switch {
				case i == 0:
					b.WriteString(" ")
				case n.Kind == Mapping && i%2 == 1:
					b.WriteString(": ")
				default:
					b.WriteString(", ")
				}
				walk(c)
			}
			b.WriteString(end)
		}
	}
	walk(n)
	return b.String()
}

// jsonTreeDiff describes the first difference between two trees, or is "".
func jsonTreeDiff(a, b *Node, path string) string {
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("%s: kind %s, want %s", path, a.Kind, b.Kind)
	case a.Text != b.Text:
		return fmt.Sprintf("%s: text %q, want %q", path, a.Text, b.Text)
	case a.Quoted != b.Quoted:
		return fmt.Sprintf("%s: quoted %v, want %v", path, a.Quoted, b.Quoted)
	case a.Line != b.Line || a.Col != b.Col:
		return fmt.Sprintf("%s: at %d:%d, want %d:%d", path, a.Line, a.Col, b.Line, b.Col)
	case len(a.Children) != len(b.Children):
		return fmt.Sprintf("%s: %d children, want %d", path, len(a.Children), len(b.Children))
	case cap(a.Children) != len(a.Children):
		// Children slices are cut from a shared arena: an append to one
		// must not write over its neighbour.
		return fmt.Sprintf("%s: children slice has spare capacity", path)
	}
	for i := range a.Children {
		if d := jsonTreeDiff(a.Children[i], b.Children[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkAgainstOracle parses data with both parsers and fails t unless
// they agree: the same tree, or errors with the same sentinel and, for a
// byte no JSON text can hold where it stands or for a limit, the same
// position. Messages are not compared: they are each parser's own words.
func checkAgainstOracle(t *testing.T, data []byte) {
	t.Helper()
	orig := bytes.Clone(data)
	got, err := parseJSON(nil, data)
	if !bytes.Equal(data, orig) {
		t.Fatalf("parseJSON modified its input")
	}
	// The same parse on pooled working memory, which still holds the
	// nodes of earlier inputs, must read the same tree or the same error.
	sc := getScratch()
	pooled, perr := parseJSON(sc, data)
	if (err == nil) != (perr == nil) || err != nil && err.Error() != perr.Error() {
		t.Fatalf("input %q: fresh memory: %v; pooled memory: %v", data, err, perr)
	}
	if err == nil {
		if d := jsonTreeDiff(pooled, got, ""); d != "" {
			t.Fatalf("input %q: pooled memory reads another tree: %s", data, d)
		}
	}
	sc.release()
	want, werr := parseJSONOracle(data)
	if (err == nil) != (werr == nil) {
		t.Fatalf("input %q:\nfast:   %v\noracle: %v", data, err, werr)
	}
	if werr == nil {
		if d := jsonTreeDiff(got, want, ""); d != "" {
			t.Fatalf("input %q: %s\nfast:   %s\noracle: %s", data, d, jsonTree(got), jsonTree(want))
		}
		return
	}
	var fe, oe *Error
	if !errors.As(err, &fe) || !errors.As(werr, &oe) {
		t.Fatalf("input %q: errors not *Error: %#v, %#v", data, err, werr)
	}
	if fe.Err != oe.Err {
		t.Fatalf("input %q:\nfast:   %v (%v)\noracle: %v", data, err, fe.Err, oe.Err)
	}
	wantLine, wantCol := oe.Line, oe.Col
	if oe.Err == ErrSyntax {
		bad := firstBadByte(data)
		if bad < 0 {
			// Cut short: at the start of the token the end cuts, or at
			// the end; the table tests hold each case to its place.
			if end, _ := pos(data, len(data)); fe.Line > end {
				t.Fatalf("input %q: error past the end: %v", data, err)
			}
			return
		}
		wantLine, wantCol = pos(data, bad)
	}
	if fe.Line != wantLine || fe.Col != wantCol {
		t.Fatalf("input %q:\nfast:   %v\nwant the error at %d:%d", data, err, wantLine, wantCol)
	}
}

func nested(n int, inner string) string {
	return strings.Repeat("[", n) + inner + strings.Repeat("]", n)
}

type jsonCase struct {
	name string
	in   string
	want string // the tree, as jsonTree writes it, when there is no error
	err  error
	pos  string // line:col of the error
	msg  string // the error message
}

var jsonCases = []jsonCase{
	// Values and positions.
	{name: "empty object", in: `{}`, want: `{@1:1}`},
	{name: "empty array", in: `[]`, want: `[@1:1]`},
	{name: "nested empties", in: `{"a":[{},[[]],{"b":{}}],"c":[]}`,
		want: `{@1:1 "a"@1:2: [@1:6 {@1:7}, [@1:10 [@1:11]], {@1:15 "b"@1:16: {@1:20}}], "c"@1:25: [@1:29]}`},
	{name: "scalars", in: `[true,false,null,"",0]`, want: `[@1:1 true@1:2, false@1:7, null@1:13, ""@1:18, 0@1:21]`},
	{name: "negative zero", in: `-0`, want: `-0@1:1`},
	{name: "small exponent", in: `1.5e-3`, want: `1.5e-3@1:1`},
	{name: "trailing zero kept", in: `[2395.150, -0.0E+00, 1E5]`, want: `[@1:1 2395.150@1:2, -0.0E+00@1:12, 1E5@1:22]`},
	{name: "huge exponent kept", in: `1e999999999`, want: `1e999999999@1:1`},
	{name: "number over the text limit", in: `[` + strings.Repeat("9", MaxTextBytes+1) + `]`, err: ErrLimit, pos: "1:2"},
	{name: "white space", in: " \t\r\n 1 \r\n", want: `1@2:2`},
	{name: "CR is a character", in: "\r\r[1]", want: `[@1:3 1@1:4]`},
	{name: "tabs and lines", in: "\t{\r\n\t\"a\" :\n1\n,\"b\"\n:\t[ ]\n}\n",
		want: `{@1:2 "a"@2:2: 1@3:1, "b"@4:2: [@5:3]}`},
	{name: "duplicate keys kept", in: `{"a":1,"a":2}`, want: `{@1:1 "a"@1:2: 1@1:6, "a"@1:8: 2@1:12}`},
	{name: "columns in characters", in: `{"名称": "值", "b": 1}`, want: `{@1:1 "名称"@1:2: "值"@1:8, "b"@1:13: 1@1:18}`},
	{name: "columns after invalid UTF-8", in: "[\"\xe4\xb8\", 1]", want: "[@1:1 \"\ufffd\ufffd\"@1:2, 1@1:8]"},

	// Strings.
	{name: "escapes", in: `"\"\\\/\b\f\n\r\t"`, want: strconv.Quote("\"\\/\b\f\n\r\t") + `@1:1`},
	{name: "unicode escapes", in: `"\u00e9\u4E2D\u0000"`, want: strconv.Quote("é中\x00") + `@1:1`},
	{name: "surrogate pair", in: `"\ud83d\ude00!"`, want: `"😀!"@1:1`},
	{name: "lone high surrogate", in: `"\ud83d"`, want: "\"\ufffd\"@1:1"},
	{name: "high surrogate then text", in: `"\ud83dx"`, want: "\"\ufffdx\"@1:1"},
	{name: "high surrogate then escape", in: `"\ud83d\u0041"`, want: "\"\ufffdA\"@1:1"},
	{name: "high surrogate then \\n", in: `"\ud83d\n"`, want: "\"\ufffd\\n\"@1:1"},
	{name: "two high surrogates then low", in: `"\ud83d\ud83d\ude00"`, want: "\"\ufffd😀\"@1:1"},
	{name: "lone low surrogate", in: `"\ude00\ud83d"`, want: "\"\ufffd\ufffd\"@1:1"},
	{name: "invalid UTF-8", in: "\"a\xffb\xc0\xafc\"", want: "\"a\ufffdb\ufffd\ufffdc\"@1:1"},
	{name: "UTF-8 of a surrogate", in: "\"\xed\xa0\x80\"", want: "\"\ufffd\ufffd\ufffd\"@1:1"},
	{name: "U+FFFD itself", in: "\"\xef\xbf\xbd\"", want: "\"\ufffd\"@1:1"},
	{name: "DEL and high characters", in: "\"\x7f\u00a0\u2028\"", want: strconv.Quote("\x7f\u00a0\u2028") + `@1:1`},
	{name: "escaped key", in: `{"k\u0065y":"v"}`, want: `{@1:1 "key"@1:2: "v"@1:13}`},
	{name: "string at the text limit", in: `"` + strings.Repeat("x", MaxTextBytes) + `"`, want: strconv.Quote(strings.Repeat("x", MaxTextBytes)) + `@1:1`},
	{name: "limit counts unescaped bytes", in: `"` + strings.Repeat(`\u0041`, MaxTextBytes/4) + `"`,
		want: strconv.Quote(strings.Repeat("A", MaxTextBytes/4)) + `@1:1`},
	{name: "long key is not text", in: `{"` + strings.Repeat("k", MaxTextBytes+1) + `":1}`,
		want: `{@1:1 ` + strconv.Quote(strings.Repeat("k", MaxTextBytes+1)) + `@1:2: 1@1:` + strconv.Itoa(MaxTextBytes+6) + `}`},

	// Nesting.
	{name: "nested to the limit", in: nested(MaxDepth+1, "")},
	{name: "nested too deep", in: nested(MaxDepth+2, ""), err: ErrLimit, pos: fmt.Sprintf("1:%d", MaxDepth+2),
		msg: fmt.Sprintf("nested deeper than %d levels", MaxDepth)},
	{name: "scalar too deep", in: nested(MaxDepth+1, "1"), err: ErrLimit, pos: fmt.Sprintf("1:%d", MaxDepth+2)},
	{name: "limit before a later syntax error", in: nested(MaxDepth+2, "x"), err: ErrLimit},
	{name: "syntax error in a scalar before the limit", in: nested(MaxDepth+1, `"\x"`), err: ErrSyntax,
		msg: `invalid character 'x' in string escape code`},

	// Empty.
	{name: "empty", in: ``, err: ErrEmpty, pos: "1:1", msg: "the file holds no form"},
	{name: "only white space", in: " \n\t\r\n ", err: ErrEmpty, pos: "1:1"},

	// Malformed.
	{name: "byte order mark", in: "\xef\xbb\xbf{}", err: ErrSyntax, pos: "1:1", msg: `invalid character 'ï' looking for beginning of value`},
	{name: "vertical tab", in: "\v1", err: ErrSyntax, pos: "1:1", msg: `invalid character '\v' looking for beginning of value`},
	{name: "tru", in: `tru`, err: ErrSyntax, pos: "1:1", msg: "unexpected EOF"},
	{name: "nul", in: `[nul]`, err: ErrSyntax, pos: "1:5", msg: `invalid character ']' in literal null (expecting 'l')`},
	{name: "fals", in: ` fals`, err: ErrSyntax, pos: "1:2", msg: "unexpected EOF"},
	{name: "trUe", in: `trUe`, err: ErrSyntax, pos: "1:3", msg: `invalid character 'U' in literal true (expecting 'u')`},
	{name: "True", in: `True`, err: ErrSyntax, pos: "1:1", msg: `invalid character 'T' looking for beginning of value`},
	{name: "unterminated string", in: `"abc`, err: ErrSyntax, pos: "1:1", msg: "unexpected EOF"},
	{name: "unterminated string in object", in: "{\"a\":\n  \"b", err: ErrSyntax, pos: "2:3", msg: "unexpected EOF"},
	{name: "unterminated key", in: `{"ab`, err: ErrSyntax, pos: "1:2", msg: "unexpected EOF"},
	{name: "string ends in backslash", in: `["a\`, err: ErrSyntax, pos: "1:2", msg: "unexpected EOF"},
	{name: "string ends in \\u escape", in: `"\u12`, err: ErrSyntax, pos: "1:1", msg: "unexpected EOF"},
	{name: "tab in string", in: "[\"名\tb\"]", err: ErrSyntax, pos: "1:4", msg: `invalid character '\t' in string literal`},
	{name: "line break in string", in: "\"a\nb\"", err: ErrSyntax, pos: "1:3", msg: `invalid character '\n' in string literal`},
	{name: "NUL in string", in: "\"\x00\"", err: ErrSyntax, pos: "1:2", msg: `invalid character '\x00' in string literal`},
	{name: "bad escape", in: `"\x"`, err: ErrSyntax, pos: "1:3", msg: `invalid character 'x' in string escape code`},
	{name: "single quote escape", in: `"\'"`, err: ErrSyntax, pos: "1:3", msg: `invalid character '\'' in string escape code`},
	{name: "bad \\u escape", in: `"\u12G4"`, err: ErrSyntax, pos: "1:6", msg: `invalid character 'G' in \u hexadecimal character escape`},
	{name: "single quotes", in: `['a']`, err: ErrSyntax, pos: "1:2", msg: `invalid character '\'' looking for beginning of value`},
	{name: "lone minus", in: `-`, err: ErrSyntax, pos: "1:1", msg: "unexpected EOF"},
	{name: "minus letter", in: `-a`, err: ErrSyntax, pos: "1:2", msg: `invalid character 'a' in numeric literal`},
	{name: "plus", in: `+1`, err: ErrSyntax, pos: "1:1", msg: `invalid character '+' looking for beginning of value`},
	{name: "leading zero", in: `[01]`, err: ErrSyntax, pos: "1:3", msg: `invalid character '1' after array element`},
	{name: "leading zero at the top", in: `01`, err: ErrSyntax, pos: "1:2", msg: "data after the JSON value"},
	{name: "point at the end", in: `1.`, err: ErrSyntax, pos: "1:1", msg: "unexpected EOF"},
	{name: "point then exponent", in: `1.e5`, err: ErrSyntax, pos: "1:3", msg: `invalid character 'e' after decimal point in numeric literal`},
	{name: "leading point", in: `.5`, err: ErrSyntax, pos: "1:1", msg: `invalid character '.' looking for beginning of value`},
	{name: "exponent at the end", in: `1e+`, err: ErrSyntax, pos: "1:1", msg: "unexpected EOF"},
	{name: "bad exponent", in: `[1ex]`, err: ErrSyntax, pos: "1:4", msg: `invalid character 'x' in exponent of numeric literal`},
	{name: "NaN", in: `NaN`, err: ErrSyntax, pos: "1:1", msg: `invalid character 'N' looking for beginning of value`},
	{name: "open array", in: `[`, err: ErrSyntax, pos: "1:2", msg: "unexpected end of JSON"},
	{name: "open array after comma", in: "[1,\n", err: ErrSyntax, pos: "2:1", msg: "unexpected end of JSON"},
	{name: "open object after colon", in: `{"a":`, err: ErrSyntax, pos: "1:6", msg: "unexpected end of JSON"},
	{name: "open object after key", in: `{"a"`, err: ErrSyntax, pos: "1:5", msg: "unexpected end of JSON"},
	{name: "open object after value", in: `{"a":1 `, err: ErrSyntax, pos: "1:8", msg: "unexpected end of JSON"},
	{name: "trailing comma in array", in: `[1,]`, err: ErrSyntax, pos: "1:4", msg: `invalid character ']' looking for beginning of value`},
	{name: "trailing comma in object", in: `{"a":1,}`, err: ErrSyntax, pos: "1:8", msg: `invalid character '}' looking for beginning of object key string`},
	{name: "leading comma", in: `[,1]`, err: ErrSyntax, pos: "1:2", msg: `invalid character ',' looking for beginning of value`},
	{name: "double comma", in: `[1,,2]`, err: ErrSyntax, pos: "1:4", msg: `invalid character ',' looking for beginning of value`},
	{name: "missing comma", in: `[1 2]`, err: ErrSyntax, pos: "1:4", msg: `invalid character '2' after array element`},
	{name: "missing comma in object", in: `{"a":1 "b":2}`, err: ErrSyntax, pos: "1:8", msg: `invalid character '"' after object key:value pair`},
	{name: "missing colon", in: `{"a" 1}`, err: ErrSyntax, pos: "1:6", msg: `invalid character '1' after object key`},
	{name: "missing value", in: `{"a"}`, err: ErrSyntax, pos: "1:5", msg: `invalid character '}' after object key`},
	{name: "empty value", in: `{"a":}`, err: ErrSyntax, pos: "1:6", msg: `invalid character '}' looking for beginning of value`},
	{name: "number key", in: `{1:2}`, err: ErrSyntax, pos: "1:2", msg: `invalid character '1' looking for beginning of object key string`},
	{name: "bad first key", in: `{]`, err: ErrSyntax, pos: "1:2", msg: `invalid character ']' looking for beginning of object key string`},
	{name: "mismatched close", in: `[1}`, err: ErrSyntax, pos: "1:3", msg: `invalid character '}' after array element`},
	{name: "mismatched close of object", in: `{"a":1]`, err: ErrSyntax, pos: "1:7", msg: `invalid character ']' after object key:value pair`},
	{name: "colon in array", in: `["a":1]`, err: ErrSyntax, pos: "1:5", msg: `invalid character ':' after array element`},
	{name: "close at the top", in: `]`, err: ErrSyntax, pos: "1:1", msg: `invalid character ']' looking for beginning of value`},
	{name: "two values", in: `{} {}`, err: ErrSyntax, pos: "1:4", msg: "data after the JSON value"},
	{name: "value then garbage", in: "1\n x", err: ErrSyntax, pos: "2:2", msg: "data after the JSON value"},
	{name: "literal then letters", in: `truex`, err: ErrSyntax, pos: "1:5", msg: "data after the JSON value"},
	{name: "extra close", in: `{}}`, err: ErrSyntax, pos: "1:3", msg: "data after the JSON value"},
	{name: "error column after wide characters", in: `{"名称": "值" x}`, err: ErrSyntax, pos: "1:12", msg: `invalid character 'x' after object key:value pair`},
	{name: "error on a later line", in: "{\"kind\": \"department-self-evaluation\",\n\"year\": }", err: ErrSyntax, pos: "2:9"},
	{name: "comment", in: "// c\n{}", err: ErrSyntax, pos: "1:1", msg: `invalid character '/' looking for beginning of value`},

	// Limits.
	{name: "string over the text limit", in: `["` + strings.Repeat("é", MaxTextBytes/2+1) + `"]`, err: ErrLimit, pos: "1:2",
		msg: fmt.Sprintf("text longer than %d bytes", MaxTextBytes)},
	{name: "unescaped string over the text limit", in: `"` + strings.Repeat(`\u20ac`, MaxTextBytes/3+1) + `"`, err: ErrLimit, pos: "1:1"},
	{name: "invalid UTF-8 grows past the limit", in: "\"" + strings.Repeat("\xff", MaxTextBytes/3+1) + "\"", err: ErrLimit, pos: "1:1"},
	{name: "syntax before the text limit", in: `"` + strings.Repeat("x", MaxTextBytes+1), err: ErrSyntax, pos: "1:1", msg: "unexpected EOF"},
	{name: "values at the limit", in: "[" + strings.Repeat("0,", MaxNodes-2) + "0]",
		want: "[@1:1 " + strings.TrimSuffix(func() string {
			var b strings.Builder
			for i := range MaxNodes - 1 {
				fmt.Fprintf(&b, "0@1:%d, ", 2+2*i)
			}
			return b.String()
		}(), ", ") + "]"},
	{name: "too many values", in: "[" + strings.Repeat("0,", MaxNodes-1) + "0]", err: ErrLimit,
		pos: fmt.Sprintf("1:%d", 2*MaxNodes), msg: fmt.Sprintf("more than %d values", MaxNodes)},
	{name: "keys are not values", in: "[" + strings.Repeat(`{"k":0},`, MaxNodes/2-1) + "0]",
		want: "[@1:1 " + func() string {
			var b strings.Builder
			for i := range MaxNodes/2 - 1 {
				c := 2 + 8*i
				fmt.Fprintf(&b, `{@1:%d "k"@1:%d: 0@1:%d}, `, c, c+1, c+5)
			}
			fmt.Fprintf(&b, "0@1:%d", 2+8*(MaxNodes/2-1))
			return b.String()
		}() + "]"},
}

// oracleMaxInput bounds the inputs the tests hand the oracle: it places
// each token by counting from the start of the file, which takes minutes
// on the hundred thousand values of the MaxNodes cases.
const oracleMaxInput = 100_000

func TestParseJSON(t *testing.T) {
	for _, tc := range jsonCases {
		t.Run(tc.name, func(t *testing.T) {
			n, err := parseJSON(nil, []byte(tc.in))
			if tc.err == nil {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if got := jsonTree(n); tc.want != "" && got != tc.want {
					t.Errorf("tree\n got %s\nwant %s", got, tc.want)
				}
			} else {
				var se *Error
				if !errors.As(err, &se) {
					t.Fatalf("error %#v, want a *Error", err)
				}
				if !errors.Is(err, tc.err) {
					t.Errorf("error %v, want %v", err, tc.err)
				}
				if pos := fmt.Sprintf("%d:%d", se.Line, se.Col); tc.pos != "" && pos != tc.pos {
					t.Errorf("error at %s, want %s (%v)", pos, tc.pos, err)
				}
				if tc.msg != "" && se.Msg != tc.msg {
					t.Errorf("message %q, want %q", se.Msg, tc.msg)
				}
			}
			if len(tc.in) <= oracleMaxInput {
				checkAgainstOracle(t, []byte(tc.in))
			}
		})
	}
}

func TestParseJSONTestdata(t *testing.T) {
	files, err := filepath.Glob("../../evaluation/testdata/*.json")
	if err != nil || len(files) == 0 {
		t.Fatal("no evaluation/testdata/*.json", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := parseJSON(nil, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if n.Kind != Mapping || len(n.Children) == 0 {
			t.Fatalf("%s: root %s", f, jsonTree(n))
		}
		checkAgainstOracle(t, data)
		// A form cut short is malformed the same way for both: every
		// prefix of the first two kilobytes, then every 13th.
		for i := 0; i < len(data); i++ {
			checkAgainstOracle(t, data[:i])
			if i >= 2048 {
				i += 12
			}
		}
	}
}

// randomJSON writes a random document: mostly well formed, with strings
// full of escapes, surrogates, Chinese and invalid UTF-8, numbers at the
// edges of the grammar, any white space, nesting near MaxDepth, and now
// and then a byte dropped, doubled or changed.
func randomJSON(r *rand.Rand) []byte {
	var b []byte
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	space := func() {
		for r.IntN(3) == 0 {
			b = append(b, pick(" ", "\t", "\n", "\r\n", "\r", "  ")...)
		}
	}
	deep := 0 // nest containers down to here, once
	if r.IntN(8) == 0 {
		deep = MaxDepth - 2 + r.IntN(6)
	}
	str := func() {
		b = append(b, '"')
		for range r.IntN(6) {
			b = append(b, pick("a", "名称", "，", "😀", `\"`, `\\`, `\/`, `\n`, `\t`, `\u00e9`, `\u4E2D`,
				`\ud83d`, `\ude00`, `\ud83d\ude00`, `\uD800\uDBFF`, "\xff", "\xe4\xb8", "\xed\xa0\x80", "\xc0\xaf",
				"\xef\xbf\xbd", "\x7f", "2,395.15", " ")...)
			if r.IntN(50) == 0 {
				b = append(b, pick("\x01", "\t", "\n", `\x`, `\u12`, `\u12G4`, `\'`)...)
			}
		}
		b = append(b, '"')
	}
	items := func(depth int) int {
		if depth < deep {
			return 1 // one way down: two would grow as 2^depth
		}
		return r.IntN(4)
	}
	var value func(depth int)
	value = func(depth int) {
		space()
		k := r.IntN(10)
		switch {
		case depth < deep:
			k = 2 * r.IntN(2) // a container
		case depth > MaxDepth+2:
			k = 4 + r.IntN(6) // a scalar
		}
		if depth >= deep {
			deep = 0 // only the first way down
		}
		switch {
		case k < 2 || depth < 2 && k < 6:
			b = append(b, '{')
			for i := range items(depth) {
				if i > 0 {
					b = append(b, ',')
				}
				space()
				str()
				space()
				b = append(b, ':')
				value(depth + 1)
			}
			space()
			b = append(b, '}')
		case k < 4 || r.IntN(30) == 0:
			b = append(b, '[')
			for i := range items(depth) {
				if i > 0 {
					b = append(b, ',')
				}
				value(depth + 1)
			}
			space()
			b = append(b, ']')
		case k < 7:
			str()
		case k < 9:
			b = append(b, pick("", "", "-")...)
			b = append(b, pick("0", "7", "2395", "01")...)
			b = append(b, pick("", "", ".150", ".", ".5")...)
			b = append(b, pick("", "", "e5", "E+00", "e-3", "e", "e+", "e999999999")...)
		default:
			b = append(b, pick("true", "false", "null", "tru", "nul", "True")...)
		}
		space()
	}
	value(0)
	for r.IntN(4) == 0 && len(b) > 0 {
		i := r.IntN(len(b))
		switch r.IntN(4) {
		case 0:
			b = append(b[:i], b[i+1:]...)
		case 1:
			b = append(b[:i+1], b[i:]...)
		case 2:
			b[i] = pick("{", "}", "[", "]", ",", ":", "\"", "\\", "x", "\n")[0]
		case 3:
			b = b[:i]
		}
	}
	return b
}

func TestParseJSONRandom(t *testing.T) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range n {
		checkAgainstOracle(t, randomJSON(r))
	}
}

func FuzzJSONParsers(f *testing.F) {
	files, _ := filepath.Glob("../../evaluation/testdata/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tc := range jsonCases {
		if len(tc.in) < 256 {
			f.Add([]byte(tc.in))
		}
	}
	for _, s := range []string{
		`{"kind":"project-self-evaluation","funds":{"adjusted_budget":"2,395.15","weight":10},"indicators":[{"name":"设备","target":"≥100台"}]}`,
		"[\"\\ud800\\udc00\", \"\\udbff\\udfff\", \"\\ud800\\u0000\"]",
		"{\"a\" : [ 1 , -2.5E+3 , true , null ] }\r\n",
		"[\"\xf0\x9f\x98\", 0]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstOracle(t, data)
	})
}

func BenchmarkParseJSON(b *testing.B) {
	benchmarkParse(b, func(data []byte) (*Node, error) { return parseJSON(nil, data) })
}

// BenchmarkParseJSONOracle is the parser jsonfast.go replaced, for
// comparison.
func BenchmarkParseJSONOracle(b *testing.B) {
	benchmarkParse(b, parseJSONOracle)
}

func benchmarkParse(b *testing.B, parse func([]byte) (*Node, error)) {
	data, err := os.ReadFile("../../evaluation/testdata/tianhe-strings.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
