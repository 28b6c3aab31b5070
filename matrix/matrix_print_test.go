package matrix_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// TestMatrixPrint checks how every sheet prints and what it declares: the
// paper asked for (A4 by default), a fixed scale of 80% or more so that
// 10-point text prints at 8 points or more, a footer in the workbook's
// font, and a dimension that covers exactly the cells used.
func TestMatrixPrint(t *testing.T) {
	wide := synth.Framework(synth.Size{Families: 3, Roles: 30, Skills: 60})
	tests := []struct {
		name  string
		fw    *model.Framework
		paper string
		code  int
	}{
		{"default", fixture.Default(t), "", 9},
		{"a4", fixture.Default(t), matrix.PaperA4, 9},
		{"letter", fixture.Default(t), matrix.PaperLetter, 1},
		{"wide letter", wide, matrix.PaperLetter, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := openWorkbook(t, makeMatrix(t, tt.fw, matrix.Options{PerRole: true, Paper: tt.paper}))
			for _, sheet := range f.GetSheetList() {
				pl, err := f.GetPageLayout(sheet)
				if err != nil {
					t.Fatal(err)
				}
				props, err := f.GetSheetProps(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if got := deref(pl.Size); got != tt.code {
					t.Errorf("%s: paper %d, want %d", sheet, got, tt.code)
				}
				if s := deref(pl.AdjustTo); s < 80 || s > 100 || deref(props.FitToPage) {
					t.Errorf("%s: scale %d%% (fit to page %v), want a fixed 80–100%%", sheet, s, deref(props.FitToPage))
				}
				hf, err := f.GetHeaderFooter(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(hf.OddFooter, `&"Arial,Regular"&10&A`) {
					t.Errorf("%s: footer %q does not name the font", sheet, hf.OddFooter)
				}
				rows := sheetGrid(t, f, sheet)
				cols := 0
				for _, r := range rows {
					cols = max(cols, len(r))
				}
				last, _ := excelize.CoordinatesToCellName(cols, len(rows))
				if got, err := f.GetSheetDimension(sheet); err != nil || got != "A1:"+last {
					t.Errorf("%s: dimension %q (%v), want A1:%s", sheet, got, err, last)
				}
			}
			if pl, _ := f.GetPageLayout("Cover"); deref(pl.Orientation) != "portrait" {
				t.Errorf("Cover prints %s, want portrait", deref(pl.Orientation))
			}
		})
	}
	if err := matrix.Write(io.Discard, fixture.Default(t), matrix.Options{Paper: "A3"}); err == nil || !strings.Contains(err.Error(), `"A3"`) {
		t.Errorf("paper A3: error %v, want one naming it", err)
	}
}

// TestMatrixFonts checks that every font of the workbook's styles, its
// default among them, names Arial, so that no application falls back to a
// serif; the default is 10-point, the size column widths are measured in.
func TestMatrixFonts(t *testing.T) {
	data := makeMatrix(t, fixture.Default(t), matrix.Options{PerRole: true})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var styles struct {
		Fonts []struct {
			Size struct {
				Val string `xml:"val,attr"`
			} `xml:"sz"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"fonts>font"`
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/styles.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		err = xml.NewDecoder(rc).Decode(&styles)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(styles.Fonts) < 2 {
		t.Fatalf("%d fonts in styles.xml", len(styles.Fonts))
	}
	for i, font := range styles.Fonts {
		if font.Name.Val != "Arial" {
			t.Errorf("font %d: %q, want Arial", i, font.Name.Val)
		}
	}
	if got := styles.Fonts[0].Size.Val; got != "10" {
		t.Errorf("default font size %s, want 10", got)
	}
}
