package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// styleKind names the cell styles of an exported sheet.
type styleKind uint8

const (
	stTitle       styleKind = iota // the form's title
	stNote                         // 单位：万元, right-aligned, no border
	stNoteLeft                     // the form's note under the table: left-aligned, wrapped, no border
	stLabel                        // a printed label: centred, bordered
	stText                         // a text cell: wrapped, left-aligned, bordered
	stCenter                       // a short text cell (indicator values): wrapped, centred
	stNumber                       // an amount, weight or score: number format with its decimals
	stPercent                      // a printed rate: percent format with its decimals
	stComputed                     // a formula cell: percent, italic grey, so it reads as derived
	stYear                         // the year: 0"年"
	stValue                        // a value's text: wrapped, left-aligned, in the text format "@"
	stValueCenter                  // a short value's text: wrapped, centred, in the text format "@"
)

type styleKey struct {
	kind     styleKind
	decimals int32
}

const fontFamily = "宋体"

func numberFormat(decimals int32, percent bool) string {
	f := "0"
	if decimals > 0 {
		f += "." + strings.Repeat("0", int(decimals))
	}
	if percent {
		f += "%"
	}
	return f
}

// style returns the id of a style, creating it once per workbook.
func (w *writer) style(kind styleKind, decimals int32) int {
	k := styleKey{kind, decimals}
	if id, ok := w.styles[k]; ok {
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	s := &excelize.Style{
		Border:    border,
		Font:      &excelize.Font{Family: fontFamily, Size: 11},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	}
	switch kind {
	case stTitle:
		s.Border = nil
		s.Font = &excelize.Font{Family: fontFamily, Size: 16, Bold: true}
	case stNote:
		s.Border = nil
		s.Alignment.Horizontal = "right"
	case stNoteLeft:
		s.Border = nil
		s.Alignment.Horizontal = "left"
	case stLabel:
		s.Font.Bold = true
	case stText:
		s.Alignment.Horizontal = "left"
	case stNumber:
		f := numberFormat(decimals, false)
		s.CustomNumFmt = &f
	case stPercent:
		f := numberFormat(decimals, true)
		s.CustomNumFmt = &f
	case stComputed:
		f := numberFormat(decimals, true)
		s.CustomNumFmt = &f
		s.Font.Italic = true
		s.Font.Color = "666666"
	case stYear:
		f := `0"年"`
		s.CustomNumFmt = &f
	case stValue, stValueCenter:
		// The text format marks the cell as a value: a sheet perfeval
		// wrote reads its value cells as data, whatever they say (an
		// indicator named 得分 is not the label 得分).
		f := "@"
		s.CustomNumFmt = &f
		if kind == stValue {
			s.Alignment.Horizontal = "left"
		}
	}
	id, err := w.f.NewStyle(s)
	if err != nil {
		w.fail(err)
		return 0
	}
	w.styles[k] = id
	return id
}
