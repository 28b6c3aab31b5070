package profile

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// TestHeaderLines checks the organisation's name in the page header: whole on
// one or two lines, with or without a logo, and cut with an ellipsis only
// when it needs more than two.
func TestHeaderLines(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	logo := wideLogo(t)
	const dept = "Ministry of Housing, Communities and Local Government"
	long := strings.Repeat("Department for Very Long Names and Their Administration ", 6)
	for _, tc := range []struct {
		name  string
		org   string
		logo  []byte
		lines int
		whole bool
		first string // the first line, when it matters
	}{
		{"short", "Cabinet Office", nil, 1, true, ""},
		{"department-no-logo", dept, nil, 1, true, ""},
		{"department-logo", dept, logo, 2, true, "Ministry of Housing, Communities"}, // balanced, not one word on line 2
		{"long-no-logo", long, nil, 2, false, ""},
		{"long-logo", long, logo, 2, false, ""},
		{"none", "", nil, 0, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pw, err := newPDFWriter(docFonts{cp1252: fonts.cp1252}, pdfMeta{paper: papers["a4"], organisation: strings.TrimSpace(tc.org), logo: tc.logo})
			if err != nil {
				t.Fatal(err)
			}
			lines := pw.headerLines()
			if len(lines) != tc.lines {
				t.Fatalf("%d lines %q, want %d", len(lines), lines, tc.lines)
			}
			width := pw.meta.paper.w - 2*marginX
			if tc.logo != nil {
				width /= 2
			}
			for _, l := range lines {
				if w := pw.width(pw.fs.head, l); w > width+0.01 {
					t.Errorf("line %q is %.1f mm wide, more than %.1f", l, w, width)
				}
			}
			if tc.first != "" && lines[0] != tc.first {
				t.Errorf("first line %q, want %q", lines[0], tc.first)
			}
			joined := strings.Join(lines, " ")
			if tc.whole && joined != strings.TrimSpace(tc.org) {
				t.Errorf("header %q, want the whole name %q", joined, tc.org)
			}
			if !tc.whole && !strings.HasSuffix(joined, "…") {
				t.Errorf("header %q: a name too long for two lines should end with an ellipsis", joined)
			}
		})
	}
}

// wideLogo is a 3:1 PNG, the shape of many departments' logos.
func wideLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 90, 30))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
