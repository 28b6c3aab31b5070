package formats

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/ddat-tools/ddat/model"
)

// The bounds of what Read accepts, beyond MaxInputSize and
// model.MaxCellText: a hostile or mistaken file fails fast with a message
// naming the bound, and memory stays proportional to what the file holds.
// A framework's flat file is far inside them: the published download is a
// few thousand rows of 21 columns, and the 20,000-row benchmark file
// unzips to 15 MiB.
const (
	// maxCells bounds the cells of a sheet (about 32 bytes of memory each
	// beside their text): five times the 20,000-row benchmark file's.
	maxCells = 2_000_000
	// maxColumns bounds the cells of a row: Excel's limit, column XFD.
	maxColumns = 16_384
	// maxUnzipped bounds what the parts of an XLSX workbook unzip to, all
	// together; excelize then keeps every part in memory, none in
	// temporary files.
	maxUnzipped = 64 << 20
	// maxEntries bounds the parts of an XLSX workbook.
	maxEntries = 10_000
)

var (
	zipMagic = []byte("PK\x03\x04")
	// oleMagic starts the files of old Excel (.xls) and encrypted workbooks.
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// readWorkbook reads an XLSX file into memory after checking, from its
// first bytes and then its zip directory, that it is a zip archive within
// maxEntries and maxUnzipped, so that excelize never unzips more.
func readWorkbook(r io.Reader, name string) ([]byte, error) {
	br := bufio.NewReader(io.LimitReader(r, MaxInputSize+1))
	head, _ := br.Peek(len(oleMagic))
	switch {
	case bytes.HasPrefix(head, oleMagic):
		return nil, loadErr(name, 0, "", "this is an old Excel (.xls) or a password-protected workbook, not an .xlsx file; remove the password and save it from your spreadsheet as .xlsx")
	case !bytes.HasPrefix(head, zipMagic):
		return nil, loadErr(name, 0, "", "not a readable XLSX workbook: an .xlsx file is a zip archive, and this file does not start as one; save it from your spreadsheet as .xlsx, or give its --format")
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxInputSize {
		return nil, loadErr(name, 0, "", "file is larger than %d MiB", MaxInputSize>>20)
	}
	if n, ok := zipEntries(data); ok && n > maxEntries {
		return nil, loadErr(name, 0, "", "the workbook has %d parts, more than the %d ddat reads; a framework's workbook has a few dozen", n, maxEntries)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, loadErr(name, 0, "", "not a readable XLSX workbook (%v); save it from your spreadsheet as .xlsx", err)
	}
	if len(z.File) > maxEntries {
		return nil, loadErr(name, 0, "", "the workbook has %d parts, more than the %d ddat reads; a framework's workbook has a few dozen", len(z.File), maxEntries)
	}
	var total uint64
	for _, f := range z.File {
		// archive/zip fails a part that unzips to more than its
		// declared size, so the declared sizes bound what excelize reads.
		if total += f.UncompressedSize64; total > maxUnzipped || f.UncompressedSize64 > maxUnzipped {
			return nil, loadErr(name, 0, "", "the workbook unzips to more than %d MiB (at %s), more than ddat reads; a framework's workbook unzips to a few MiB", maxUnzipped>>20, f.Name)
		}
	}
	return data, nil
}

// zipEntries reads the number of entries a zip archive's end of central
// directory record gives, so that an archive of millions of tiny entries
// is refused before its directory is read. It reports false when the
// record is not found; archive/zip then says what is wrong.
func zipEntries(data []byte) (uint64, bool) {
	const eocdLen, locatorLen = 22, 20
	from := max(0, len(data)-(eocdLen+0xffff))
	i := bytes.LastIndex(data[from:], []byte("PK\x05\x06"))
	if i < 0 || from+i+eocdLen > len(data) {
		return 0, false
	}
	eocd := data[from+i:]
	n := uint64(binary.LittleEndian.Uint16(eocd[10:]))
	if n != 0xffff {
		return n, true
	}
	// A zip64 archive: the locator before the record gives the place of
	// the zip64 record, which holds the count.
	at := from + i - locatorLen
	if at < 0 || !bytes.HasPrefix(data[at:], []byte("PK\x06\x07")) {
		return n, true
	}
	off := binary.LittleEndian.Uint64(data[at+8:])
	if off > uint64(len(data)-56) || !bytes.HasPrefix(data[off:], []byte("PK\x06\x06")) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(data[off+32:]), true
}

// cellLimits checks each cell of a row against model.MaxCellText, and the
// running count of cells against maxCells.
func cellLimits(name string, r row, cells *int) error {
	if *cells += len(r.cells); *cells > maxCells {
		return loadErr(name, r.num, "", "more than %d cells; a framework's sheet has far fewer", maxCells)
	}
	for i, c := range r.cells {
		if len(c) <= model.MaxCellText {
			continue
		}
		if n := model.CellTextLen(c); n > model.MaxCellText {
			return loadErr(name, r.num, "", "the cell in column %d holds %d characters, more than the %d a spreadsheet cell holds", i+1, n, model.MaxCellText)
		}
	}
	return nil
}

// checkCellTexts returns a *model.CellTextError, at its place in the
// framework, for the first text that Write would put in one cell and that
// is longer than a cell holds: a spreadsheet would cut it, and Read
// refuses it. The texts are composed as layout composes them.
func checkCellTexts(fw *model.Framework) error {
	type text struct{ field, s string }
	check := func(pos model.Pos, subject string, texts ...text) error {
		for _, t := range texts {
			if err := model.CheckCellText(t.s, pos, subject, t.field); err != nil {
				return err
			}
		}
		return nil
	}
	m := fw.Meta
	if err := check(m.Pos, "framework", text{"the name", m.Name}, text{"the source", m.Source}, text{"the licence", m.Licence}, text{"the URL", m.URL}); err != nil {
		return err
	}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		subject := fmt.Sprintf("role %q", r.Name)
		family := r.Family
		if f := fw.Family(r.Family); f != nil {
			family = f.Name
		}
		err := check(r.Pos, subject, text{"the family", family}, text{"the name", r.Name}, text{"the id", r.ID}, text{"the type", r.Type},
			text{"the summary with its responsibilities", model.FormatText(r.Summary, roleLeadIn, r.Responsibilities)},
			text{"the update history", formatUpdates(r.Updates)})
		if err != nil {
			return err
		}
		for j := range r.Levels {
			l := &r.Levels[j]
			err := check(l.Pos, fmt.Sprintf("%s, level %d", subject, j+1), text{"the title", l.Title},
				text{"the summary with its responsibilities", model.FormatText(l.Summary, levelLeadIn, l.Responsibilities)},
				text{"the grades", gradeLabels(fw, l)})
			if err != nil {
				return err
			}
			for _, q := range l.Skills {
				if err := check(q.Pos, fmt.Sprintf("%s, level %d", subject, j+1), text{"the skill", q.Skill}, text{"the skill level", q.Level}); err != nil {
					return err
				}
			}
		}
	}
	for i := range fw.Skills {
		s := &fw.Skills[i]
		subject := fmt.Sprintf("skill %q", s.Name)
		if err := check(s.Pos, subject, text{"the name", s.Name}, text{"the id", s.ID}, text{"the description", s.Description}); err != nil {
			return err
		}
		for _, l := range slices.Sorted(maps.Keys(s.Levels)) {
			items := s.Levels[l]
			pos := s.Pos
			if p, ok := s.LevelPos[l]; ok && p.IsValid() {
				pos = p
			}
			if err := check(pos, subject, text{"the " + l + " description", model.FormatText("", skillLeadIn, items)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkWritten refuses a cell as written, its protecting quote included,
// that is longer than a cell holds: the last guard that nothing is cut
// without a word, for the texts checkCellTexts passed at the very limit.
func checkWritten(row int, c column, s string) error {
	if len(s) <= model.MaxCellText {
		return nil
	}
	if n := model.CellTextLen(s); n > model.MaxCellText {
		return fmt.Errorf("row %d, column %q: a text of %d characters with the quote that keeps it from running as a formula; a spreadsheet cell holds at most %d", row, headings[c], n, model.MaxCellText)
	}
	return nil
}
