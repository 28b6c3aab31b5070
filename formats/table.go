package formats

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/internal/csvrows"
	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// table is a sheet's non-blank rows, each with its number as a spreadsheet
// shows it.
type table struct {
	rows   []row
	ragged bool // every row must have as many cells as the header (CSV)
}

type row struct {
	num   int
	cells []string
}

func blank(cells []string) bool { return csvrows.Blank(cells) }

// readCSV parses a CSV file: UTF-8 with or without a byte-order mark, its
// separator (comma, semicolon or tab) detected from the header line, quoted
// cells that span lines (internal/csvrows). Cells that Write protected from
// formula injection are restored.
func readCSV(in io.Reader, name string) (*table, error) {
	br := bufio.NewReaderSize(in, 64<<10)
	if b, _ := br.Peek(2); bytes.Equal(b, []byte{0xff, 0xfe}) || bytes.Equal(b, []byte{0xfe, 0xff}) {
		return nil, loadErr(name, 0, "", "the file is UTF-16 text; save it as \"CSV UTF-8\"")
	}
	if b, _ := br.Peek(4); bytes.Equal(b, []byte("PK\x03\x04")) {
		return nil, loadErr(name, 0, "", "this is a workbook or another zip file, not CSV text; give an .xlsx file its extension, or --format xlsx")
	}
	r := csvrows.NewReader(br, name, csvrows.Limits{Bytes: MaxInputSize, Cells: maxCells, Columns: maxColumns, What: "a framework's file"})
	t := &table{ragged: true}
	cells := 0
	for {
		rec, num, err := r.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, err
		}
		rw := row{num: num, cells: cellTexts(rec)} // copies the reused record
		if err := cellLimits(name, rw, &cells); err != nil {
			return nil, err
		}
		t.rows = append(t.rows, rw)
	}
}

// readXLSX reads one sheet of a workbook: the one named, else the first.
// A merged range counts as its top-left value in every cell it covers, as a
// person reading the sheet would take it, within the rows and columns that
// hold values.
func readXLSX(r io.Reader, name, sheet string) (*table, error) {
	data, err := readWorkbook(r, name)
	if err != nil {
		return nil, err
	}
	// With both limits equal excelize keeps every part in memory: it
	// leaves no temporary file behind, even when killed.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return nil, loadErr(name, 0, "", "not a readable XLSX workbook (%v); save it from your spreadsheet as .xlsx", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, loadErr(name, 0, "", "the workbook has no sheets")
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if !containsFold(sheets, sheet) {
		return nil, loadErr(name, 0, "", "no sheet %q; the workbook has: %s", sheet, strings.Join(sheets, ", "))
	} else {
		sheet = findFold(sheets, sheet)
	}
	// excelize reads every shared text into memory, a few dozen bytes more
	// than each takes in the file: they count as cells.
	if n := bytes.Count(part(f, "xl/sharedStrings.xml"), []byte("<si")); n > maxCells {
		return nil, loadErr(name, 0, "", "the workbook holds more than %d texts; a framework's has far fewer", maxCells)
	}
	t, err := sheetRows(f, name, sheet)
	if err != nil {
		return nil, err
	}
	if err := dateCells(f, sheet, t.rows); err != nil {
		return nil, loadErr(name, 0, "", "sheet %q: %v", sheet, err)
	}
	refs, err := sheetMerges(f, sheet, name)
	if err != nil {
		return nil, err
	}
	if err := fillMerges(t, refs, name); err != nil {
		return nil, err
	}
	for i := range t.rows {
		t.rows[i].cells = cellTexts(t.rows[i].cells)
	}
	if blankTable(t) {
		return nil, loadErr(name, 0, "", "sheet %q is empty; expected a header row naming the columns (%s)", sheet, strings.Join(requiredHeadings(), ", "))
	}
	return t, nil
}

// sheetRows reads the rows of a sheet that hold a value, row by row, each
// cell checked against the limits as it comes: a sheet's rows and columns
// are counted, never allocated, up to its last value.
func sheetRows(f *excelize.File, name, sheet string) (*table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, loadErr(name, 0, "", "sheet %q: %v", sheet, err)
	}
	defer rows.Close()
	t := &table{}
	cells := 0
	for num := 1; rows.Next(); num++ {
		c, err := rows.Columns()
		if err != nil {
			return nil, loadErr(name, num, "", "sheet %q: %v", sheet, err)
		}
		if len(c) == 0 {
			continue
		}
		rw := row{num: num, cells: c}
		if err := cellLimits(name, rw, &cells); err != nil {
			return nil, err
		}
		t.rows = append(t.rows, rw)
	}
	if err := rows.Error(); err != nil {
		return nil, loadErr(name, 0, "", "sheet %q: %v", sheet, err)
	}
	return t, nil
}

// maxMergesParsed bounds the merged ranges of a sheet whose XML sheetXML
// cannot find, which excelize reads in time that grows with the square of
// their number.
const maxMergesParsed = 1000

// sheetMerges returns the merged ranges of a sheet, from its XML.
func sheetMerges(f *excelize.File, sheet, name string) ([]string, error) {
	if data := sheetXML(f, sheet); data != nil {
		return mergedRefs(data), nil
	}
	n := 0
	f.Pkg.Range(func(k, v any) bool {
		if s, _ := k.(string); strings.HasPrefix(strings.ToLower(s), "xl/worksheets/") {
			data, _ := v.([]byte)
			n += bytes.Count(data, []byte("mergeCell "))
		}
		return true
	})
	if n == 0 {
		return nil, nil
	}
	if n > maxMergesParsed {
		return nil, loadErr(name, 0, "", "sheet %q has more than %d merged ranges; unmerge them", sheet, maxMergesParsed)
	}
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, loadErr(name, 0, "", "sheet %q: %v", sheet, err)
	}
	refs := make([]string, len(merged))
	for i, m := range merged {
		refs[i] = m.GetStartAxis() + ":" + m.GetEndAxis()
	}
	return refs, nil
}

// fillMerges gives every cell of each merged range its top-left value,
// within the rows and columns that hold values: a range that runs to the
// sheet's edge (J200:XFD1048576) covers only what is there. The cells a
// range adds count against maxCells.
func fillMerges(t *table, refs []string, name string) error {
	if len(refs) == 0 || len(t.rows) == 0 {
		return nil
	}
	lastRow, lastCol, cells := t.rows[len(t.rows)-1].num, 0, 0
	at := make(map[int]int, len(t.rows)) // row number to index in t.rows
	for i, r := range t.rows {
		lastCol = max(lastCol, len(r.cells))
		cells += len(r.cells)
		at[r.num] = i
	}
	type fill struct {
		r1, c1, r2, c2 int
		v              string
	}
	var fills []fill
	for _, ref := range refs {
		from, to, ok := strings.Cut(ref, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if !ok || err1 != nil || err2 != nil {
			continue
		}
		// The top-left value as read, before any range is filled.
		v := ""
		if i, ok := at[r1]; ok && c1 <= len(t.rows[i].cells) {
			v = t.rows[i].cells[c1-1]
		}
		r2, c2 = min(r2, lastRow), min(c2, lastCol)
		if r1 > r2 || c1 > c2 {
			continue
		}
		if cells += (r2 - r1 + 1) * c2; cells > maxCells {
			return loadErr(name, r1, "", "the merged cells %s reach more than %d cells with the rest of the sheet; unmerge them", ref, maxCells)
		}
		fills = append(fills, fill{r1, c1, r2, c2, v})
	}
	for _, m := range fills {
		for y := m.r1; y <= m.r2; y++ {
			i, ok := at[y]
			if !ok {
				i = len(t.rows)
				at[y] = i
				t.rows = append(t.rows, row{num: y})
			}
			rw := &t.rows[i]
			for len(rw.cells) < m.c2 {
				rw.cells = append(rw.cells, "")
			}
			for x := m.c1; x <= m.c2; x++ {
				rw.cells[x-1] = m.v
			}
		}
	}
	slices.SortFunc(t.rows, func(a, b row) int { return a.num - b.num })
	return nil
}

// cellTexts copies a row's cells as a table keeps them: the protection
// against formulas that Write adds undone, and the text in Unicode normal
// form C, so that "e" and a combining accent read as the "é" they show.
// A cell that is not UTF-8 is left for checkUTF8 to name.
func cellTexts(in []string) []string {
	out := make([]string, len(in))
	for i, c := range in {
		c = unprotect(c)
		if utf8.ValidString(c) {
			c = norm.NFC.String(c)
		}
		out[i] = c
	}
	return out
}

func blankTable(t *table) bool {
	for _, r := range t.rows {
		if !blank(r.cells) {
			return false
		}
	}
	return true
}

func containsFold(list []string, s string) bool { return findFold(list, s) != "" }

func findFold(list []string, s string) string {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(s)) {
			return x
		}
	}
	return ""
}

// checkUTF8 names the first cell of r that is not valid UTF-8.
func checkUTF8(name string, r row, heading func(int) string) error {
	for i, c := range r.cells {
		if !utf8.ValidString(c) {
			bad := c
			for len(bad) > 0 {
				rn, size := utf8.DecodeRuneInString(bad)
				if rn == utf8.RuneError && size <= 1 {
					break
				}
				bad = bad[size:]
			}
			return loadErr(name, r.num, heading(i), "invalid UTF-8 (byte 0x%02x at character %d); save the file as UTF-8",
				bad[0], utf8.RuneCountInString(c[:len(c)-len(bad)])+1)
		}
	}
	return nil
}

func requiredHeadings() []string {
	out := make([]string, len(required))
	for i, c := range required {
		out[i] = headings[c]
	}
	return out
}

func loadErr(file string, row int, column, format string, args ...any) error {
	return &model.LoadError{Pos: model.Pos{File: file, Line: row, Column: column}, Msg: fmt.Sprintf(format, args...)}
}

// dateCells rewrites the cells of the date columns (Published, Last
// Updated) that a spreadsheet stores as dates: a date typed into a cell is a
// serial number shown in a format of the user's locale ("07-31-23"), which
// only the number tells apart. Such a cell is read as its date, YYYY-MM-DD;
// a text cell is left as written. rows are the sheet's rows as read; the
// raw values are read in a second pass over the sheet's rows, when a date
// cell does not read as a date.
func dateCells(f *excelize.File, sheet string, rows []row) error {
	head := 0
	for head < len(rows) && blank(rows[head].cells) {
		head++
	}
	if head == len(rows) {
		return nil
	}
	var cols []int
	for i, h := range rows[head].cells {
		if c, ok := columnOf(h); ok && (c == colPublished || c == colLastUpdated) {
			cols = append(cols, i)
		}
	}
	need := map[int]int{} // row number to index in rows
	for y := head + 1; y < len(rows); y++ {
		for _, x := range cols {
			if cells := rows[y].cells; x < len(cells) && strings.TrimSpace(cells[x]) != "" {
				if _, ok := parseDate(cells[x]); !ok {
					need[rows[y].num] = y
				}
			}
		}
	}
	if len(need) == 0 {
		return nil
	}
	use1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		use1904 = *p.Date1904
	}
	it, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer it.Close()
	for num := 1; it.Next(); num++ {
		y, ok := need[num]
		if !ok {
			continue
		}
		raw, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		for _, x := range cols {
			cells := rows[y].cells
			if x >= len(cells) || x >= len(raw) {
				continue
			}
			if _, ok := parseDate(cells[x]); ok {
				continue
			}
			serial, err := strconv.ParseFloat(strings.TrimSpace(raw[x]), 64)
			if err != nil || serial < 1 {
				continue
			}
			if d, err := excelize.ExcelDateToTime(serial, use1904); err == nil {
				cells[x] = formatDate(d)
			}
		}
	}
	return it.Error()
}
