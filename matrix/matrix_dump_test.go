package matrix_test

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openWorkbook reads a workbook back as Excel would.
func openWorkbook(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// table is an Excel table read back: its header and the rows under it,
// each cell as stored (numbers unformatted).
type table struct {
	t      testing.TB
	sheet  string
	top    int // the 0-based row of the header; rows[k] is row top+1+k
	header []string
	col    map[string]int
	rows   [][]string
}

// readTable reads the one table of sheet.
func readTable(t testing.TB, f *excelize.File, sheet string) *table {
	t.Helper()
	tables, err := f.GetTables(sheet)
	if err != nil || len(tables) != 1 {
		t.Fatalf("sheet %s: %d tables (%v), want 1", sheet, len(tables), err)
	}
	first, last, _ := strings.Cut(tables[0].Range, ":")
	_, top, _ := excelize.CellNameToCoordinates(first)
	_, bottom, _ := excelize.CellNameToCoordinates(last)
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	tb := &table{t: t, sheet: sheet, top: top - 1, header: rows[top-1], col: map[string]int{}}
	for i, h := range tb.header {
		tb.col[h] = i
	}
	for r := top; r < bottom && r < len(rows); r++ {
		tb.rows = append(tb.rows, rows[r])
	}
	return tb
}

// get is the cell of row under the header name; it fails the test if the
// table has no such column.
func (tb *table) get(row []string, name string) string {
	tb.t.Helper()
	c, ok := tb.col[name]
	if !ok {
		tb.t.Fatalf("sheet %s: no column %q in %q", tb.sheet, name, tb.header)
	}
	if c < len(row) {
		return row[c]
	}
	return ""
}

// find is the first row whose cell under the header name is v, or nil.
func (tb *table) find(name, v string) []string {
	for _, r := range tb.rows {
		if tb.get(r, name) == v {
			return r
		}
	}
	return nil
}

// dumpWorkbook renders a workbook as text for a readable golden file: the
// properties, default font, defined names, and for each sheet its print
// setup, declared dimension, panes, merged ranges, column widths, tables,
// the fonts its cells use and every non-empty cell with its fill colour.
func dumpWorkbook(t testing.TB, data []byte) string {
	t.Helper()
	f := openWorkbook(t, data)
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "properties: title=%q subject=%q creator=%q created=%s modified=%s language=%s\n",
		p.Title, p.Subject, p.Creator, p.Created, p.Modified, p.Language)
	font, err := f.GetDefaultFont()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "default font: %s\n", font)
	for _, d := range f.GetDefinedName() {
		fmt.Fprintf(&b, "defined name: %s scope=%s refers to %s\n", d.Name, d.Scope, d.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== sheet %q\n", sheet)
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "print: paper=%d orientation=%s scale=%d fitToPage=%v\n",
			deref(pl.Size), deref(pl.Orientation), deref(pl.AdjustTo), deref(props.FitToPage))
		dim, err := f.GetSheetDimension(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "dimension: %s\n", dim)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "panes: freeze=%v xSplit=%d ySplit=%d topLeft=%s\n", panes.Freeze, panes.XSplit, panes.YSplit, panes.TopLeftCell)
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "merged ranges: %d\n", len(merged))
		for _, m := range merged {
			fmt.Fprintf(&b, "  merged %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		tables, err := f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			fmt.Fprintf(&b, "table %s %s style=%s\n", tb.Name, tb.Range, tb.StyleName)
		}
		cols, err := f.GetCols(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var widths []string
		for i := range cols {
			name, _ := excelize.ColumnNumberToName(i + 1)
			w, err := f.GetColWidth(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			widths = append(widths, fmt.Sprintf("%s=%g", name, w))
		}
		fmt.Fprintf(&b, "column widths: %s\n", strings.Join(widths, " "))
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "fonts: %s\n", strings.Join(cellFonts(t, f, sheet, rows), ", "))
		for r, row := range rows {
			h, err := f.GetRowHeight(sheet, r+1)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "row %d (height %g)\n", r+1, h)
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fill := ""
				if id, err := f.GetCellStyle(sheet, cell); err == nil && id > 0 {
					if st, err := f.GetStyle(id); err == nil && len(st.Fill.Color) > 0 {
						fill = " [fill " + st.Fill.Color[0] + "]"
					}
				}
				if link, target, _ := f.GetCellHyperLink(sheet, cell); link {
					fill += " [link " + target + "]"
				}
				fmt.Fprintf(&b, "  %s%s: %q\n", cell, fill, v)
			}
		}
	}
	return b.String()
}

// cellFonts lists the fonts of a sheet's non-empty cells, as "Arial 10
// bold", sorted.
func cellFonts(t testing.TB, f *excelize.File, sheet string, rows [][]string) []string {
	t.Helper()
	seen := map[string]bool{}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			id, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			name := "(no font named)"
			if st, err := f.GetStyle(id); err == nil && st.Font != nil && st.Font.Family != "" {
				name = fmt.Sprintf("%s %g", st.Font.Family, st.Font.Size)
				if st.Font.Bold {
					name += " bold"
				}
			}
			seen[name] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
