package profile_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// TestProfileFontPaths makes a level profile on each of the fonts' paths: the
// fast one (every character in cp1252: curly quotes, dashes, bullets, the
// euro), fpdf's UTF-8 path with the cut files (Welsh ŵ and ŷ) and with the
// whole files (Greek). On each, the text pdftotext copies from the PDF is
// the framework's, character for character, the bookmarks carry the level's
// title as written, and qpdf finds the file sound.
func TestProfileFontPaths(t *testing.T) {
	pdftotext, qpdf := testkit.Tool(t, "pdftotext"), testkit.Tool(t, "qpdf")
	fonts, err := profile.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, title string
		simple            bool // the PDF's fonts are simple TrueType fonts, not Type0
	}{
		{"cp1252", "explain ‘what’ a “widget” is – or isn’t — at 50% … for €5 or £5, at the café", "Widget engineer – “associate”", true},
		{"utf8 cut", "explain what a widget is in Welsh: ‘Gŵyl’ — “dŵr” and “tŷ”", "Widget engineer – ŵ", false},
		{"utf8 whole", "explain what a widget Ω is – “omega”", "Widget engineer – Ω", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fw := fixture.Load(t, filepath.Join("..", "testdata", "frameworks", "small.yaml"))
			fw.Skill("widget-design").Levels["awareness"] = []string{tc.text}
			r, err := fw.Role("widget-engineer")
			if err != nil {
				t.Fatal(err)
			}
			ref := model.LevelRef{Role: r, Level: &r.Levels[0]}
			ref.Level.Title = tc.title
			pdf, _ := render(t, fw, ref, profile.Options{Fonts: fonts})
			if got := bytes.Contains(pdf, []byte("/Subtype /Type0")); got == tc.simple {
				t.Errorf("Type0 fonts %v, want %v", got, !tc.simple)
			}
			raw := squash(extract(t, pdftotext, pdf, "-raw"))
			for _, want := range []string{tc.text, tc.title, ref.Level.Summary} {
				if !strings.Contains(raw, squash(want)) {
					t.Errorf("pdftotext: %q missing from\n%s", want, raw)
				}
			}
			checkQPDF(t, qpdf, pdf)
			if got := outlineTitles(t, qpdf, pdf); len(got) == 0 || got[0] != tc.title {
				t.Errorf("bookmarks %q, want the first %q", got, tc.title)
			}
		})
	}
}

// outlineTitles returns the titles of a PDF's top-level bookmarks, as qpdf
// reads them.
func outlineTitles(t *testing.T, qpdf string, pdf []byte) []string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--json", "--json-key=outlines", f).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct{ Outlines []struct{ Title string } }
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, o := range doc.Outlines {
		titles = append(titles, o.Title)
	}
	return titles
}
