package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/perfeval/perfeval/internal/layout"
)

// Input limits. They bound the memory and time one workbook can cost,
// whatever it holds: a zip bomb, a sheet claiming a million rows, a
// hundred thousand merged ranges.
const (
	// MaxFileSize is the largest .xlsx Import reads, in bytes.
	MaxFileSize = 16 << 20
	// MaxUnzippedSize bounds the sum of the declared sizes of the
	// workbook's parts once unzipped.
	MaxUnzippedSize = 64 << 20
	// MaxPartSize bounds each XML part (a worksheet, the shared strings).
	MaxPartSize = 16 << 20
	// MaxParts bounds the number of entries of the zip archive.
	MaxParts = 10_000
	// MaxCells bounds the non-empty cells read from a sheet: as many as a
	// form the file format accepts needs (layout.MaxCells). Empty cells
	// cost nothing, wherever they are: a sheet naming cell XFD1048576 is
	// read in the memory of the cells it holds.
	MaxCells = layout.MaxCells
	// MaxMerges bounds the merged ranges of the sheet read.
	MaxMerges = 10_000
)

// cfbMagic opens an OLE compound file: a legacy .xls, or an .xlsx
// encrypted with a password (the package then holds EncryptedPackage).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

var (
	encryptedPackage = utf16le("EncryptedPackage")
	encryptionInfo   = utf16le("EncryptionInfo")
)

// precheck refuses what is not an .xlsx of bounded size before excelize
// sees it, with a precise reason.
func precheck(name string, data []byte) error {
	fail := func(sentinel error, format string, args ...any) error {
		return &ImportError{File: name, Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
	}
	switch {
	case len(data) == 0:
		return fail(ErrCorrupt, "empty file")
	case len(data) > MaxFileSize:
		return fail(ErrTooLarge, "file of %d bytes; at most %d", len(data), MaxFileSize)
	case bytes.HasPrefix(data, cfbMagic):
		if bytes.Contains(data, encryptedPackage) || bytes.Contains(data, encryptionInfo) {
			return fail(ErrEncrypted, "the workbook is protected by a password; save it without one")
		}
		return fail(ErrCorrupt, "an OLE compound file (a legacy .xls?), not an .xlsx workbook")
	case !bytes.HasPrefix(data, []byte("PK")):
		return fail(ErrCorrupt, "not a zip archive, so not an .xlsx workbook")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &ImportError{File: name, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
	}
	if len(zr.File) > MaxParts {
		return fail(ErrTooLarge, "%d entries in the archive; at most %d", len(zr.File), MaxParts)
	}
	var total uint64
	contentTypes, xl := false, false
	for _, f := range zr.File {
		lower := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		size := f.UncompressedSize64
		total += size
		if size > MaxUnzippedSize || total > MaxUnzippedSize {
			return fail(ErrTooLarge, "more than %d bytes once unzipped", MaxUnzippedSize)
		}
		if (strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".rels")) && size > MaxPartSize {
			return fail(ErrTooLarge, "part %s of %d bytes; at most %d", f.Name, size, MaxPartSize)
		}
		contentTypes = contentTypes || lower == "[content_types].xml"
		xl = xl || strings.HasPrefix(lower, "xl/")
	}
	if !contentTypes || !xl {
		return fail(ErrCorrupt, "a zip archive that is not an .xlsx workbook (no [Content_Types].xml or no xl/ part)")
	}
	return nil
}

// pkg is an .xlsx package opened for reading: its parts by name, read
// on demand, each within MaxPartSize.
type pkg struct {
	files map[string]*zip.File // by lower-case name, "\\" as "/"
}

func openPackage(data []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	p := &pkg{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	return p, nil
}

// part reads a part of the package; ok is false when there is none.
func (p *pkg) part(name string) (data []byte, ok bool, err error) {
	f, found := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !found {
		return nil, false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, err
	}
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, MaxPartSize+1))
	if err != nil {
		return nil, true, err
	}
	if len(data) > MaxPartSize {
		return nil, true, fmt.Errorf("%w: part %s larger than %d bytes", ErrTooLarge, name, MaxPartSize)
	}
	return data, true, nil
}

// sheetPart is one worksheet: its name and the path of its XML part.
type sheetPart struct {
	name, path string
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type workbookPart struct {
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
}

func resolveTarget(base, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Join(path.Dir(base), target)
}

// book is what Import needs of the workbook: its worksheets in tab order,
// the shared strings and styles parts, the date system.
type book struct {
	sheets   []sheetPart
	shared   string
	styles   string
	date1904 bool
	// ours is true for a workbook perfeval wrote (docProps/core.xml names
	// it the creator): its value cells carry the text format.
	ours bool
}

// readBook lists the workbook's worksheets in tab order with the paths
// of their parts, read from the package's relationships.
func readBook(p *pkg) (*book, error) {
	wbPath := "xl/workbook.xml"
	if b, ok, err := p.part("_rels/.rels"); err != nil {
		return nil, err
	} else if ok {
		var rels relationships
		if err := xml.Unmarshal(b, &rels); err == nil {
			for _, r := range rels.Rels {
				if strings.HasSuffix(r.Type, "/officeDocument") {
					wbPath = resolveTarget("", r.Target)
					break
				}
			}
		}
	}
	b, ok, err := p.part(wbPath)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("no workbook part %s", wbPath)
	}
	var wb workbookPart
	if err := xml.Unmarshal(b, &wb); err != nil {
		return nil, fmt.Errorf("workbook part %s: %w", wbPath, err)
	}
	out := &book{shared: "xl/sharedStrings.xml", styles: "xl/styles.xml", date1904: wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"}
	if b, ok, err := p.part("docProps/core.xml"); err == nil && ok {
		var core struct {
			Creator string `xml:"creator"`
		}
		if xml.Unmarshal(b, &core) == nil {
			out.ours = strings.TrimSpace(core.Creator) == "perfeval"
		}
	}
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	targets := map[string]string{}
	if b, ok, err := p.part(relsPath); err != nil {
		return nil, err
	} else if ok {
		var rels relationships
		if err := xml.Unmarshal(b, &rels); err != nil {
			return nil, fmt.Errorf("part %s: %w", relsPath, err)
		}
		for _, r := range rels.Rels {
			if strings.EqualFold(r.Mode, "External") {
				continue
			}
			switch {
			case strings.HasSuffix(r.Type, "/worksheet"):
				targets[r.ID] = resolveTarget(wbPath, r.Target)
			case strings.HasSuffix(r.Type, "/sharedStrings"):
				out.shared = resolveTarget(wbPath, r.Target)
			case strings.HasSuffix(r.Type, "/styles"):
				out.styles = resolveTarget(wbPath, r.Target)
			}
		}
	}
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local != "id" || a.Name.Space == "" {
				continue
			}
			if p, ok := targets[a.Value]; ok {
				out.sheets = append(out.sheets, sheetPart{name: s.Name, path: p})
			}
		}
	}
	return out, nil
}
