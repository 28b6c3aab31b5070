package profile_test

import (
	"io"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/go-pdf/fpdf"
)

// benchRef is the level the benchmarks profile: the third level of the first
// role of the default framework (Senior infrastructure engineer).
func benchRef(b *testing.B) (*model.Framework, model.LevelRef) {
	fw := fixture.Default(b)
	r := &fw.Roles[0]
	return fw, model.LevelRef{Role: r, Level: &r.Levels[min(2, len(r.Levels)-1)]}
}

func benchProfile(b *testing.B, fw *model.Framework, ref model.LevelRef) {
	fonts, err := profile.LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	opts := profile.Options{Fonts: fonts, Created: created, Creator: "ddat bench"}
	b.ReportAllocs()
	pages := 0
	var size testkit.ByteCount
	for b.Loop() {
		size = 0
		if pages, err = profile.Write(&size, fw, ref, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size), "B/doc")
}

// BenchmarkProfileLevel makes the profile of one role level.
func BenchmarkProfileLevel(b *testing.B) {
	fw, ref := benchRef(b)
	benchProfile(b, fw, ref)
}

// BenchmarkProfileLevelUTF8 makes the profile of the same role level with a
// Welsh letter (ŵ) in its summary, which the fast path's cp1252 fonts lack:
// the document takes fpdf's UTF-8 path, with the cut TrueType files.
func BenchmarkProfileLevelUTF8(b *testing.B) {
	fw, ref := benchRef(b)
	ref.Level.Summary += " Gwaith ŵ."
	benchProfile(b, fw, ref)
}

// BenchmarkProfileRole makes the profile of a whole role.
func BenchmarkProfileRole(b *testing.B) {
	fw, ref := benchRef(b)
	ref.Level = nil
	benchProfile(b, fw, ref)
}

// BenchmarkFloor is fpdf used plainly: fpdf alone, with the whole embedded
// TrueType files (all three styles used), writing as many pages of plain text
// as BenchmarkProfileLevel makes, with no layout or measuring. A profile
// beats it because its fonts are made once for every document: font
// definitions on the fast path, files cut down on the UTF-8 path.
func BenchmarkFloor(b *testing.B) {
	fw, ref := benchRef(b)
	fonts, err := profile.LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	pages, err := profile.Write(io.Discard, fw, ref, profile.Options{Fonts: fonts, Created: created})
	if err != nil {
		b.Fatal(err)
	}
	// The same words as the profile, to subset a similar set of glyphs.
	var words []string
	for _, t := range profileTexts(fw, ref) {
		words = append(words, strings.Fields(t)...)
	}
	b.ReportAllocs()
	for b.Loop() {
		f := fpdf.New("P", "mm", "A4", "")
		f.SetCreationDate(created)
		f.SetModificationDate(created)
		f.SetCatalogSort(true)
		for _, style := range []string{"", "B", "I"} {
			f.AddUTF8FontFromBytes("sans", style, assets.Font(style))
		}
		w := 0
		for p := 0; p < pages; p++ {
			f.AddPage()
			for y := 25.0; y < 270; y += 5 {
				f.SetFont("sans", []string{"", "B", "I"}[w%3], 10)
				line := ""
				for len(line) < 90 {
					line += words[w%len(words)] + " "
					w++
				}
				f.Text(20, y, line)
			}
		}
		if err := f.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkLoadFonts is the work LoadFonts does once for any number of
// documents: parsing the character maps of the whole and the fast path's
// fonts. Cutting the files for the UTF-8 path waits for a document that
// needs them.
func BenchmarkLoadFonts(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := profile.LoadFonts(); err != nil {
			b.Fatal(err)
		}
	}
}
