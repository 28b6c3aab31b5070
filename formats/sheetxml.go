package formats

import (
	"bytes"
	"encoding/xml"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// What excelize reads of a sheet beyond its rows (its merged ranges, a
// cell's raw value) it reads by parsing the whole sheet into memory, laid
// out up to its last row however few rows hold values, and it merges
// overlapping ranges in time that grows with the square of their number.
// The reader takes what it needs from the sheet's XML instead.

// sheetXML returns the XML of a sheet of f, found as excelize finds it:
// the workbook's part from the package relationships, the sheet's part
// from the workbook's. It returns nil when it cannot tell.
func sheetXML(f *excelize.File, sheet string) []byte {
	book := "xl/workbook.xml"
	for _, r := range relationships(f, "_rels/.rels") {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			book = partName("", r.Target)
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.Unmarshal(part(f, book), &wb) != nil {
		return nil
	}
	id := ""
	for _, s := range wb.Sheets {
		if strings.EqualFold(s.Name, sheet) {
			id = s.ID
		}
	}
	dir, base := path.Split(book)
	for _, r := range relationships(f, dir+"_rels/"+base+".rels") {
		if r.ID == id && id != "" {
			return part(f, partName(dir, r.Target))
		}
	}
	return nil
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// relationships reads a relationships part.
func relationships(f *excelize.File, name string) []relationship {
	var rels struct {
		List []relationship `xml:"Relationship"`
	}
	if xml.Unmarshal(part(f, name), &rels) != nil {
		return nil
	}
	return rels.List
}

// partName resolves a relationship's target against the directory of the
// part that holds it.
func partName(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(dir + target)
}

// part returns the bytes of a part of the package, by name in any case.
func part(f *excelize.File, name string) []byte {
	if v, ok := f.Pkg.Load(name); ok {
		b, _ := v.([]byte)
		return b
	}
	var found []byte
	f.Pkg.Range(func(k, v any) bool {
		if s, _ := k.(string); strings.EqualFold(s, name) {
			found, _ = v.([]byte)
			return false
		}
		return true
	})
	return found
}

// mergedRefs returns the ranges a sheet's XML merges ("J200:XFD1048576"),
// read from its list of merged cells alone.
func mergedRefs(data []byte) []string {
	i := bytes.Index(data, []byte("mergeCells"))
	if i < 0 {
		return nil
	}
	d := xml.NewDecoder(bytes.NewReader(data[bytes.LastIndexByte(data[:i], '<'):]))
	var refs []string
	for {
		tok, err := d.Token()
		if err != nil {
			return refs
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local != "mergeCell" {
				continue
			}
			for _, a := range e.Attr {
				if a.Name.Local == "ref" {
					refs = append(refs, a.Value)
				}
			}
		case xml.EndElement:
			if e.Name.Local == "mergeCells" {
				return refs
			}
		}
	}
}
