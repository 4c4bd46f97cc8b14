package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/evaluation"
)

// A sheet is read into a grid of at most MaxRows × MaxColumns cells. The
// cell values come from excelize's streaming row reader (which resolves
// shared strings and applies number formats); their types, styles and the
// merged ranges from a streaming read of the sheet's XML part. Nothing
// loads the worksheet whole: excelize's whole-sheet model allocates every
// row and column up to the last cell named, which a few bytes naming cell
// XFD1048576 would turn into gigabytes.

// Cell types, from the cell's t attribute.
const (
	typeEmpty  byte = 0
	typeNumber byte = 'n'
	typeString byte = 's' // shared, inline, or a formula's string result
	typeBool   byte = 'b'
	typeError  byte = 'e'
	typeDate   byte = 'd'
)

type gcell struct {
	raw   string // the stored value: text, or a number as stored ("2395.15")
	text  string // the value as displayed, number format applied
	typ   byte
	style int
}

type rect struct{ r0, c0, r1, c1 int } // 0-based, inclusive

type grid struct {
	file, sheet string
	rows, cols  int
	cells       []gcell
	owner       []int32 // 1 + index of the merge covering the cell; 0 for none
	merges      []rect
	keys        []string         // label key of each top cell, "" for a value
	index       map[string][]int // label key → cells holding it, in reading order
	truncated   bool             // cells with values lie below MaxRows
	xf          *excelize.File
	fmts        map[int]numFmt
}

// readValues reads a sheet's values row by row, raw or as displayed.
func readValues(xf *excelize.File, sheet string, raw bool) ([][]string, error) {
	rows, err := xf.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var opts []excelize.Options
	if raw {
		opts = append(opts, excelize.Options{RawCellValue: true})
	}
	var out [][]string
	for n := 0; n < MaxRows && rows.Next(); n++ {
		vals, err := rows.Columns(opts...)
		if err != nil {
			return nil, err
		}
		if len(vals) > MaxColumns {
			vals = vals[:MaxColumns]
		}
		out = append(out, vals)
	}
	return out, rows.Error()
}

type cellMeta struct {
	row, col int // 0-based
	typ      byte
	style    int
	formula  bool
}

type sheetScan struct {
	cells     []cellMeta
	merges    []rect
	truncated bool
}

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// scanSheet streams a worksheet part for its cells' types and styles and
// its merged ranges.
func scanSheet(data []byte) (*sheetScan, error) {
	s := &sheetScan{}
	dec := xml.NewDecoder(bytes.NewReader(data))
	row, col := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return s, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			row++
			if v, ok := attr(se, "r"); ok {
				if row, err = strconv.Atoi(v); err != nil || row < 1 || row > excelize.TotalRows {
					return nil, fmt.Errorf("row number %q", v)
				}
			}
			col = 0
		case "c":
			col++
			if v, ok := attr(se, "r"); ok {
				c, r, err := excelize.CellNameToCoordinates(v)
				if err != nil {
					return nil, fmt.Errorf("cell reference %q", v)
				}
				col, row = c, r
			}
			m := cellMeta{row: row - 1, col: col - 1, typ: typeNumber}
			if v, ok := attr(se, "t"); ok {
				switch v {
				case "s", "str", "inlineStr":
					m.typ = typeString
				case "b":
					m.typ = typeBool
				case "e":
					m.typ = typeError
				case "d":
					m.typ = typeDate
				}
			}
			if v, ok := attr(se, "s"); ok {
				if n, err := strconv.Atoi(v); err == nil && n >= 0 {
					m.style = n
				}
			}
			hasValue, formula, err := cellContent(dec)
			if err != nil {
				return nil, err
			}
			m.formula = formula
			switch {
			case row > MaxRows:
				s.truncated = s.truncated || hasValue
			case col <= MaxColumns && row >= 1:
				s.cells = append(s.cells, m)
			}
		case "mergeCell":
			v, _ := attr(se, "ref")
			rc, err := parseRange(v)
			if err != nil {
				return nil, err
			}
			if len(s.merges) >= MaxMerges {
				return nil, fmt.Errorf("%w: more than %d merged ranges", ErrTooLarge, MaxMerges)
			}
			s.merges = append(s.merges, rc)
		}
	}
}

// cellContent consumes a <c> element and reports whether it holds a
// value and a formula.
func cellContent(dec *xml.Decoder) (has, formula bool, err error) {
	depth, inV := 1, false
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return false, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v":
				inV = true
			case "is":
				has = true
			case "f":
				formula = true
			}
		case xml.EndElement:
			depth--
			inV = false
		case xml.CharData:
			if inV && len(bytes.TrimSpace(t)) > 0 {
				has = true
			}
		}
	}
	return has, formula, nil
}

func parseRange(ref string) (rect, error) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c0, r0, err := excelize.CellNameToCoordinates(a)
	if err != nil {
		return rect{}, fmt.Errorf("merged range %q", ref)
	}
	c1, r1, err := excelize.CellNameToCoordinates(b)
	if err != nil {
		return rect{}, fmt.Errorf("merged range %q", ref)
	}
	return rect{min(r0, r1) - 1, min(c0, c1) - 1, max(r0, r1) - 1, max(c0, c1) - 1}, nil
}

// buildGrid reads the chosen sheet. raw are its values as read by
// readValues(raw=true).
func buildGrid(file string, xf *excelize.File, sp sheetPart, raw [][]string) (*grid, error) {
	data, ok := part(xf, sp.path)
	if !ok {
		return nil, fmt.Errorf("no part %s for the sheet", sp.path)
	}
	scan, err := scanSheet(data)
	if err != nil {
		return nil, err
	}
	shown, err := readValues(xf, sp.name, false)
	if err != nil {
		return nil, err
	}
	g := &grid{file: file, sheet: sp.name, xf: xf, fmts: map[int]numFmt{}, truncated: scan.truncated}
	for r, vals := range raw {
		if len(vals) > 0 {
			g.rows = max(g.rows, r+1)
			g.cols = max(g.cols, len(vals))
		}
	}
	for _, m := range scan.cells {
		g.rows = max(g.rows, m.row+1)
		g.cols = max(g.cols, m.col+1)
	}
	g.rows, g.cols = min(g.rows, MaxRows), min(g.cols, MaxColumns)
	g.cells = make([]gcell, g.rows*g.cols)
	for r := 0; r < len(raw) && r < g.rows; r++ {
		for c := 0; c < len(raw[r]) && c < g.cols; c++ {
			g.cells[r*g.cols+c].raw = raw[r][c]
		}
	}
	for r := 0; r < len(shown) && r < g.rows; r++ {
		for c := 0; c < len(shown[r]) && c < g.cols; c++ {
			g.cells[r*g.cols+c].text = shown[r][c]
		}
	}
	for _, m := range scan.cells {
		if m.row < g.rows && m.col < g.cols {
			cl := &g.cells[m.row*g.cols+m.col]
			cl.typ, cl.style = m.typ, m.style
			// Some writers (excelize among them) type every formula's
			// cached result as a string; a formula whose result is a plain
			// number is read as the number it is.
			if m.formula && cl.typ == typeString {
				if _, err := exactNumber(cl.raw); err == nil {
					cl.typ = typeNumber
				}
			}
		}
	}
	for i := range g.cells {
		if g.cells[i].raw == "" {
			g.cells[i].typ = typeEmpty
		}
	}
	g.merge(scan.merges)
	g.label()
	return g, nil
}

// merge records the merged ranges, clipped to the grid. A range that
// overlaps one already recorded (Excel never writes such) keeps only the
// cells not yet covered; the work is bounded by a multiple of the grid.
func (g *grid) merge(ms []rect) {
	g.owner = make([]int32, len(g.cells))
	work := 4 * len(g.cells)
	for _, m := range ms {
		if m.r0 >= g.rows || m.c0 >= g.cols {
			continue
		}
		m.r1, m.c1 = min(m.r1, g.rows-1), min(m.c1, g.cols-1)
		if (m.r0 == m.r1 && m.c0 == m.c1) || g.owner[m.r0*g.cols+m.c0] != 0 {
			continue
		}
		g.merges = append(g.merges, m)
		id := int32(len(g.merges))
		for r := m.r0; r <= m.r1 && work > 0; r++ {
			for c := m.c0; c <= m.c1 && work > 0; c++ {
				work--
				if i := r*g.cols + c; g.owner[i] == 0 {
					g.owner[i] = id
				}
			}
		}
	}
}

// label finds the label of every top cell and indexes them.
func (g *grid) label() {
	g.keys = make([]string, len(g.cells))
	g.index = map[string][]int{}
	for i := range g.cells {
		cl := &g.cells[i]
		if cl.raw == "" || len(cl.raw) > maxLabelBytes || cl.typ != typeString || !g.isTop(i/g.cols, i%g.cols) {
			continue
		}
		if k := labelKey(cl.raw); k != "" {
			g.keys[i] = k
			g.index[k] = append(g.index[k], i)
		}
	}
}

// top returns the cell holding the value shown at (r, c): the top-left
// cell of the merge covering it, or the cell itself.
func (g *grid) top(r, c int) (int, int) {
	if r < 0 || c < 0 || r >= g.rows || c >= g.cols {
		return r, c
	}
	if o := g.owner[r*g.cols+c]; o != 0 {
		m := g.merges[o-1]
		return m.r0, m.c0
	}
	return r, c
}

func (g *grid) isTop(r, c int) bool {
	tr, tc := g.top(r, c)
	return tr == r && tc == c
}

// extent is the rectangle the cell at (r, c) spans.
func (g *grid) extent(r, c int) rect {
	if r >= 0 && c >= 0 && r < g.rows && c < g.cols {
		if o := g.owner[r*g.cols+c]; o != 0 {
			return g.merges[o-1]
		}
	}
	return rect{r, c, r, c}
}

func (g *grid) at(r, c int) *gcell {
	if r < 0 || c < 0 || r >= g.rows || c >= g.cols {
		return &gcell{}
	}
	return &g.cells[r*g.cols+c]
}

func (g *grid) empty(r, c int) bool { return strings.TrimSpace(g.at(r, c).raw) == "" }

func (g *grid) key(r, c int) string {
	if r < 0 || c < 0 || r >= g.rows || c >= g.cols {
		return ""
	}
	return g.keys[r*g.cols+c]
}

func (g *grid) isLabel(r, c int) bool { return g.key(r, c) != "" }

// find returns the first cell, in reading order, labelled with any of the
// labels.
func (g *grid) find(labels ...string) (int, int, bool) {
	best := -1
	for _, l := range labels {
		if ps := g.index[normalize(l)]; len(ps) > 0 && (best < 0 || ps[0] < best) {
			best = ps[0]
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return best / g.cols, best % g.cols, true
}

// findAll returns every cell labelled with any of the labels, in reading order.
func (g *grid) findAll(labels ...string) []int {
	var out []int
	for _, l := range labels {
		out = append(out, g.index[normalize(l)]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// rowHasLabel reports whether a label starts in row r (a label merged
// down from a row above does not count).
func (g *grid) rowHasLabel(r int) bool {
	for c := 0; c < g.cols; c++ {
		if g.isLabel(r, c) {
			return true
		}
	}
	return false
}

// headerRow reports whether row r is a row of column headers: at least two
// cells start in it and every one that is not empty is a label.
func (g *grid) headerRow(r int) bool {
	n := 0
	for c := 0; c < g.cols; c++ {
		if !g.isTop(r, c) || g.empty(r, c) {
			continue
		}
		if !g.isLabel(r, c) {
			return false
		}
		n++
	}
	return n >= 2
}

// valueOf finds the value of the label at (r, c): the first cell to the
// right of the label that is not empty, unless another label comes first
// (then the value is absent); for a label in a row of column headers with
// nothing to its right, the cell below it, when that row holds no label.
func (g *grid) valueOf(r, c int) (int, int, bool) {
	ext := g.extent(r, c)
	for cc := ext.c1 + 1; cc < g.cols; cc++ {
		tr, tc := g.top(r, cc)
		if (tr == r && tc == c) || g.empty(tr, tc) {
			continue
		}
		if g.isLabel(tr, tc) {
			break
		}
		return tr, tc, true
	}
	// Below a row of column headers, in a row of values only.
	if below := ext.r1 + 1; g.headerRow(r) && below < g.rows && !g.rowHasLabel(below) {
		tr, tc := g.top(below, c)
		if tr > r && !g.empty(tr, tc) {
			return tr, tc, true
		}
	}
	return 0, 0, false
}

// lookup finds a label and its value cell.
func (g *grid) lookup(labels ...string) (r, c int, found bool) {
	lr, lc, ok := g.find(labels...)
	if !ok {
		return 0, 0, false
	}
	return g.valueOf(lr, lc)
}

func (g *grid) errorAt(r, c int, err error) *ImportError {
	return &ImportError{File: g.file, Sheet: g.sheet, Cell: cellRef(c+1, r+1), Err: err}
}

// detect tells the form a sheet holds from its raw values, or "". A title
// decides between the two when a sheet has labels of both.
func detect(raw [][]string) evaluation.Kind {
	var titleDept, titleProj, dept, proj bool
	for _, row := range raw {
		for _, v := range row {
			if v == "" || len(v) > maxLabelBytes {
				continue
			}
			switch k := labelKey(v); k {
			case keyTitleDepartment:
				titleDept = true
			case keyTitleProject:
				titleProj = true
			case normalize(lblAdjusted), normalize(lblInitial), normalize(lblDepartment),
				normalize(lblFundsSection), normalize(lblDeptExpected):
				dept = true
			case normalize(lblProject), normalize(lblPInitial), normalize(lblPAdjusted),
				normalize(lblPActual), normalize(lblLevel3):
				proj = true
			}
		}
	}
	switch {
	case dept && proj:
		if titleProj && !titleDept {
			return evaluation.Project
		}
		return evaluation.Department
	case dept:
		return evaluation.Department
	case proj:
		return evaluation.Project
	}
	return ""
}
