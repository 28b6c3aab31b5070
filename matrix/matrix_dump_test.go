package matrix_test

import (
	"bytes"
	"fmt"
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

// dumpWorkbook renders a workbook as text for a readable golden file: the
// properties, defined names, and for each sheet its print setup, panes,
// merged ranges, column widths, tables and every non-empty cell with its
// fill colour.
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
		fmt.Fprintf(&b, "print: orientation=%s fitToPage=%v fitToWidth=%d fitToHeight=%d\n",
			deref(pl.Orientation), deref(props.FitToPage), deref(pl.FitToWidth), deref(pl.FitToHeight))
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

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
