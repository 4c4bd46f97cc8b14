package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
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
	// MaxRows and MaxColumns bound the cells read from a sheet: cells
	// below row 2,000 or right of column 64 (BL) are not read. A table of
	// the form that runs past MaxRows is an error (ErrTooLarge), never a
	// silently shortened form.
	MaxRows    = 2_000
	MaxColumns = 64
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

// openOptions bound what excelize unzips. The XML limit equals the total
// limit, so no worksheet is ever spilled to a temporary file: Import
// reads no file and writes none.
var openOptions = excelize.Options{UnzipSizeLimit: MaxUnzippedSize, UnzipXMLSizeLimit: MaxUnzippedSize}

// sheetPart is one worksheet: its name and the path of its XML part.
type sheetPart struct {
	name, path string
}

// part returns a part of the package as excelize holds it.
func part(xf *excelize.File, name string) ([]byte, bool) {
	name = strings.TrimPrefix(name, "/")
	if v, ok := xf.Pkg.Load(name); ok {
		b, ok := v.([]byte)
		return b, ok
	}
	var (
		out   []byte
		found bool
	)
	xf.Pkg.Range(func(k, v any) bool {
		if s, ok := k.(string); ok && strings.EqualFold(s, name) {
			out, found = v.([]byte)
			return false
		}
		return true
	})
	return out, found
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type workbookSheets struct {
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

func resolveTarget(base, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Join(path.Dir(base), target)
}

// worksheets lists the workbook's worksheets in tab order with the paths
// of their parts, read from the package's relationships. (excelize keeps
// this map to itself; reading the parts ourselves lets Import stream a
// sheet instead of loading it whole, see grid.go.)
func worksheets(xf *excelize.File) ([]sheetPart, error) {
	wbPath := "xl/workbook.xml"
	if b, ok := part(xf, "_rels/.rels"); ok {
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
	b, ok := part(xf, wbPath)
	if !ok {
		return nil, fmt.Errorf("no workbook part %s", wbPath)
	}
	var wb workbookSheets
	if err := xml.Unmarshal(b, &wb); err != nil {
		return nil, fmt.Errorf("workbook part %s: %w", wbPath, err)
	}
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	targets := map[string]string{}
	if b, ok := part(xf, relsPath); ok {
		var rels relationships
		if err := xml.Unmarshal(b, &rels); err != nil {
			return nil, fmt.Errorf("part %s: %w", relsPath, err)
		}
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/worksheet") && !strings.EqualFold(r.Mode, "External") {
				targets[r.ID] = resolveTarget(wbPath, r.Target)
			}
		}
	}
	var out []sheetPart
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local != "id" || a.Name.Space == "" {
				continue
			}
			if p, ok := targets[a.Value]; ok {
				out = append(out, sheetPart{name: s.Name, path: p})
			}
		}
	}
	return out, nil
}

// openError sorts an excelize open failure under a sentinel.
func openError(name string, err error) error {
	sentinel := ErrCorrupt
	if strings.Contains(err.Error(), "unzip size") {
		sentinel = ErrTooLarge
	}
	if errors.Is(err, excelize.ErrWorkbookPassword) {
		sentinel = ErrEncrypted
	}
	return &ImportError{File: name, Err: fmt.Errorf("%w: %w", sentinel, err)}
}
