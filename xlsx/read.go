package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/layout"
)

// A sheet is read by streaming its XML part, and only the cells that hold
// something are kept: a sheet's memory is that of its non-empty cells,
// wherever they are (a spreadsheet model that allocates every row and
// column up to the last cell named would turn a few bytes naming cell
// XFD1048576 into gigabytes). Values are read raw, never formatted by a
// third-party formatter: a number format is only read for its decimals,
// its percent sign and whether it is a date (see parseFormat).

// Cell types, from the cell's t attribute.
const (
	typeNumber byte = 'n'
	typeString byte = 's' // shared, inline, or a formula's string result
	typeBool   byte = 'b'
	typeError  byte = 'e'
	typeDate   byte = 'd'
)

// readShared streams the shared strings part: the text of each <si>, its
// rich-text runs joined and its phonetic guides (<rPh>) left out.
func readShared(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var cur strings.Builder
	inSI, inT, inRPh := false, false, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "t":
				inT = inSI
			case "rPh":
				inRPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, decodeEscapes(cur.String()))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inRPh--
			}
		case xml.CharData:
			if inT && inRPh == 0 {
				cur.Write(t)
			}
		}
	}
}

// decodeEscapes decodes the _xHHHH_ escapes OOXML writes for characters
// XML cannot carry (ECMA-376 §22.9.2.19); "_x005F_" escapes the
// underscore itself.
func decodeEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && looksEscaped(s[i:]) {
			v, _ := strconv.ParseUint(s[i+2:i+6], 16, 16)
			b.WriteRune(rune(v))
			i += 6
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// readStyles reads the number format of each cell style (cellXfs).
func readStyles(data []byte) ([]numFmt, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	codes := map[int]string{}
	var ids []int
	inXfs := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				id, err := strconv.Atoi(attr(t, "numFmtId"))
				if err == nil {
					codes[id] = attr(t, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, err := strconv.Atoi(attr(t, "numFmtId"))
					if err != nil {
						id = 0
					}
					ids = append(ids, id)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	out := make([]numFmt, len(ids))
	parsed := map[int]numFmt{}
	for i, id := range ids {
		f, ok := parsed[id]
		if !ok {
			code, custom := codes[id]
			if !custom {
				code = builtinFormats[id]
			}
			f = parseFormat(code)
			parsed[id] = f
		}
		out[i] = f
	}
	return out, nil
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// rawCell is a non-empty cell as the sheet stores it.
type rawCell struct {
	row, col int // 1-based
	typ      byte
	style    int
	formula  bool
	value    string
}

type rect struct{ r0, c0, r1, c1 int } // 1-based, inclusive

// maxSheetRows and maxSheetColumns are a worksheet's bounds.
const (
	maxSheetRows    = 1_048_576
	maxSheetColumns = 16_384
)

// scanSheet streams a worksheet part for its non-empty cells (shared
// strings resolved) and its merged ranges. More than MaxCells non-empty
// cells is ErrTooLarge.
func scanSheet(data []byte, sst []string) ([]rawCell, []rect, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var cells []rawCell
	var merges []rect
	row, col := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return cells, merges, nil
		}
		if err != nil {
			return nil, nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			row++
			if v := attr(se, "r"); v != "" {
				if row, err = strconv.Atoi(v); err != nil || row < 1 || row > maxSheetRows {
					return nil, nil, fmt.Errorf("row number %q", v)
				}
			}
			col = 0
		case "c":
			col++
			if v := attr(se, "r"); v != "" {
				c, r, err := cellCoordinates(v)
				if err != nil {
					return nil, nil, fmt.Errorf("cell reference %q", v)
				}
				col, row = c, r
			}
			if col > maxSheetColumns {
				return nil, nil, fmt.Errorf("cell in column %d, beyond a worksheet's %d", col, maxSheetColumns)
			}
			c := rawCell{row: max(row, 1), col: col, typ: typeNumber}
			t := attr(se, "t")
			switch t {
			case "s", "str", "inlineStr":
				c.typ = typeString
			case "b":
				c.typ = typeBool
			case "e":
				c.typ = typeError
			case "d":
				c.typ = typeDate
			}
			if v := attr(se, "s"); v != "" {
				if n, err := strconv.Atoi(v); err == nil && n >= 0 {
					c.style = n
				}
			}
			value, formula, err := cellContent(dec)
			if err != nil {
				return nil, nil, err
			}
			c.formula = formula
			if t == "s" {
				i, err := strconv.Atoi(strings.TrimSpace(value))
				if err != nil || i < 0 || i >= len(sst) {
					value = ""
				} else {
					value = sst[i]
				}
			}
			if c.typ != typeString {
				value = strings.TrimSpace(value)
			}
			if value == "" {
				continue
			}
			c.value = value
			if len(cells) >= MaxCells {
				return nil, nil, fmt.Errorf("%w: more than %d non-empty cells", ErrTooLarge, MaxCells)
			}
			cells = append(cells, c)
		case "mergeCell":
			rc, err := parseRange(attr(se, "ref"))
			if err != nil {
				return nil, nil, err
			}
			if len(merges) >= MaxMerges {
				return nil, nil, fmt.Errorf("%w: more than %d merged ranges", ErrTooLarge, MaxMerges)
			}
			merges = append(merges, rc)
		}
	}
}

// maxCellText bounds the text read from one cell's XML: well beyond what
// a cell holds (32,767 characters) and the file format's text limit, so
// that an over-long cell is reported, not read whole.
const maxCellText = 4 * layout.MaxTextBytes

// cellContent consumes a <c> element and returns its value (<v>, or an
// inline string's <t> texts) and whether it holds a formula.
func cellContent(dec *xml.Decoder) (value string, formula bool, err error) {
	depth, inV, inT, inRPh := 1, false, false, 0
	var b strings.Builder
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return "", false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v":
				inV = true
			case "t":
				inT = true
			case "rPh":
				inRPh++
			case "f":
				formula = true
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "rPh":
				inRPh--
			}
		case xml.CharData:
			if (inV || inT) && inRPh == 0 && b.Len() < maxCellText {
				b.Write(t)
			}
		}
	}
	return decodeEscapes(b.String()), formula, nil
}

// cellCoordinates reads "B3" as column 2, row 3.
func cellCoordinates(ref string) (col, row int, err error) {
	i := 0
	for i < len(ref) && (ref[i] >= 'A' && ref[i] <= 'Z' || ref[i] >= 'a' && ref[i] <= 'z') {
		if i >= 3 {
			return 0, 0, errors.New("column out of range")
		}
		c := ref[i]
		if c >= 'a' {
			c -= 'a' - 'A'
		}
		col = col*26 + int(c-'A'+1)
		i++
	}
	if i == 0 || i == len(ref) || len(ref)-i > 7 {
		return 0, 0, errors.New("bad reference")
	}
	row, err = strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > maxSheetRows || col > maxSheetColumns {
		return 0, 0, errors.New("reference out of range")
	}
	return col, row, nil
}

// cellRef writes column and row as a reference: 2, 3 is "B3".
func cellRef(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(row)
}

func parseRange(ref string) (rect, error) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c0, r0, err := cellCoordinates(a)
	if err != nil {
		return rect{}, fmt.Errorf("merged range %q", ref)
	}
	c1, r1, err := cellCoordinates(b)
	if err != nil {
		return rect{}, fmt.Errorf("merged range %q", ref)
	}
	return rect{min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)}, nil
}

// sheetInput turns a sheet's cells into what the layout reader reads: its
// rows in order, each with its non-empty cells. A merged range's value is
// its top-left cell's; the top of a range merged down over several rows
// is marked (a task's name over its indicator rows).
func sheetInput(sheet string, cells []rawCell, merges []rect, styles []numFmt, bk *book) (*layout.Input, error) {
	date1904 := bk.date1904
	sort.SliceStable(cells, func(i, j int) bool {
		if cells[i].row != cells[j].row {
			return cells[i].row < cells[j].row
		}
		return cells[i].col < cells[j].col
	})
	vmerge := map[[2]int]bool{}
	for _, m := range merges {
		if m.r1 > m.r0 {
			vmerge[[2]int{m.r0, m.c0}] = true
		}
	}
	in := &layout.Input{Merged: true}
	lastRow := -1
	rowOf := map[int]int{} // sheet row → index in in.Rows
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if i > 0 && c.row == cells[i-1].row && c.col == cells[i-1].col {
			continue // the same cell twice: the first counts
		}
		ref := cellRef(c.col, c.row)
		x := &layout.In{Col: c.col - 1, Pos: imports.Position{Sheet: sheet, Ref: ref}, VMerge: vmerge[[2]int{c.row, c.col}]}
		f := general
		if c.style < len(styles) {
			f = styles[c.style]
		}
		switch c.typ {
		case typeNumber:
			d, err := exactNumber(c.value)
			if err != nil {
				x.Kind, x.Text = layout.TextCell, c.value
				break
			}
			x.Kind = layout.NumberCell
			x.Num = &layout.Number{Value: d, Stored: c.value, MinPlaces: f.min, MaxPlaces: f.max, Percent: f.percent, Date: f.date}
			x.Text = shown(d, f, date1904)
		case typeString:
			text := strings.ReplaceAll(strings.ReplaceAll(c.value, "\r\n", "\n"), "\r", "\n")
			// Some writers type every formula's cached result as a string;
			// a formula whose result is a plain number is the number it is.
			if d, err := exactNumber(text); err == nil && c.formula {
				x.Kind = layout.NumberCell
				x.Num = &layout.Number{Value: d, Stored: text, MinPlaces: f.min, MaxPlaces: f.max, Percent: f.percent, Date: f.date}
				x.Text = shown(d, f, date1904)
				break
			}
			if strings.TrimSpace(text) == "" {
				continue
			}
			if len(text) > layout.MaxTextBytes {
				return nil, &ImportError{Sheet: sheet, Cell: ref, Err: fmt.Errorf("%w: a text of more than %d bytes, longer than a form's cell may hold", ErrTooLarge, layout.MaxTextBytes)}
			}
			if err := layout.CheckText(text); err != nil {
				return nil, &ImportError{Sheet: sheet, Cell: ref, Err: fmt.Errorf("%w: %s", ErrValue, strings.TrimPrefix(err.Error(), layout.ErrText.Error()+": "))}
			}
			x.Kind, x.Text = layout.TextCell, text
			// A sheet perfeval wrote gives its value cells the text
			// format: they are data, whatever they say.
			x.Literal = bk.ours && f.text
		case typeBool:
			x.Kind, x.Text = layout.BoolCell, map[bool]string{true: "TRUE", false: "FALSE"}[c.value == "1" || strings.EqualFold(c.value, "true")]
		case typeError:
			x.Kind, x.Text = layout.ErrorCell, c.value
		case typeDate:
			x.Kind, x.Text = layout.TextCell, c.value
		}
		if c.row != lastRow {
			in.Rows = append(in.Rows, layout.Row{})
			lastRow = c.row
			rowOf[c.row] = len(in.Rows) - 1
		}
		r := &in.Rows[len(in.Rows)-1]
		r.Cells = append(r.Cells, x)
	}
	// The columns each row's cells merged down from above cover, for the
	// rows that hold a cell. The work is bounded by the cells present.
	rows := make([]int, 0, len(rowOf))
	for r := range rowOf {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	work := 16 * (len(cells) + 1)
	for _, m := range merges {
		if m.r1 == m.r0 {
			continue
		}
		for k := sort.SearchInts(rows, m.r0+1); k < len(rows) && rows[k] <= m.r1; k++ {
			row := &in.Rows[rowOf[rows[k]]]
			for c := m.c0; c <= m.c1; c++ {
				if work--; work < 0 {
					return nil, fmt.Errorf("%w: merged ranges over more cells than the sheet holds", ErrTooLarge)
				}
				row.Covered = append(row.Covered, c-1)
			}
		}
	}
	return in, nil
}
