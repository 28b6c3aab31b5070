package profile_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// testPNG is a small logo.
func testPNG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for x := 0; x < 120; x++ {
		for y := 0; y < 40; y++ {
			img.Set(x, y, color.RGBA{uint8(x * 2), 80, 160, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// testJPEG is a small logo as a JPEG.
func testJPEG(tb testing.TB) []byte {
	tb.Helper()
	img, err := png.Decode(bytes.NewReader(testPNG(tb)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// TestProfileLongTexts: a role with very long texts (a 200-character title,
// 40 skills, a 3,000-character "You can:" item) makes a valid PDF, and
// every word pdftotext finds lies within the margins: the text area, or the
// footer below it.
func TestProfileLongTexts(t *testing.T) {
	pdftotext := testkit.Tool(t, "pdftotext")
	qpdf := testkit.Tool(t, "qpdf")
	fw := fixture.Load(t, filepath.Join("..", "testdata", "frameworks", "long.yaml"))
	r := &fw.Roles[0]
	if n := len([]rune(r.Levels[0].Title)); n != 200 {
		t.Fatalf("fixture title has %d characters, want 200", n)
	}
	if n := len(r.Levels[0].Skills); n != 40 {
		t.Fatalf("fixture has %d skills, want 40", n)
	}
	if n := len(fw.Skills[0].Levels["practitioner"][0]); n != 3000 {
		t.Fatalf("fixture's long item has %d characters, want 3000", n)
	}
	// Twice as long, so that its row is taller than a page in the wide
	// Description column too.
	long := &fw.Skills[0].Levels["practitioner"][0]
	*long += " " + *long
	const mm = 72 / 25.4
	for _, tc := range []struct {
		name string
		ref  model.LevelRef
		opts profile.Options
	}{
		{"level", model.LevelRef{Role: r, Level: &r.Levels[0]}, profile.Options{}},
		{"role-letter", model.LevelRef{Role: r}, profile.Options{Paper: "letter", Organisation: "An organisation whose name is far too long to fit in the header of a page, which it shares with a logo", Logo: testPNG(t)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf, pages := render(t, fw, tc.ref, tc.opts)
			checkQPDF(t, qpdf, pdf)
			// The row of the 3,000-character item is taller than a page: it
			// goes on over the next with its skill's name repeated.
			if text := squash(extract(t, pdftotext, pdf, "-raw")); !strings.Contains(text, "Fixture skill 01 (continued)") {
				t.Error("the long row is not continued on the next page")
			}
			cmd := exec.Command(pdftotext, "-bbox", "-", "-")
			cmd.Stdin = bytes.NewReader(pdf)
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			pageParts := bboxPage.FindAllSubmatchIndex(out, -1)
			if len(pageParts) != pages {
				t.Fatalf("pdftotext finds %d pages, Profile says %d", len(pageParts), pages)
			}
			words := 0
			for i, pp := range pageParts {
				w, _ := strconv.ParseFloat(string(out[pp[2]:pp[3]]), 64)
				h, _ := strconv.ParseFloat(string(out[pp[4]:pp[5]]), 64)
				end := len(out)
				if i+1 < len(pageParts) {
					end = pageParts[i+1][0]
				}
				left, right := 16*mm-0.5, w-16*mm+0.5
				top, bottom := 8*mm-0.5, h-18*mm+0.5
				footTop, footBottom := h-18*mm, h-6*mm
				for _, m := range bboxWord.FindAllSubmatch(out[pp[1]:end], -1) {
					words++
					var v [4]float64
					for k := range v {
						v[k], _ = strconv.ParseFloat(string(m[k+1]), 64)
					}
					inBody := v[1] >= top && v[3] <= bottom
					inFoot := v[1] >= footTop && v[3] <= footBottom
					if v[0] < left || v[2] > right || !inBody && !inFoot {
						t.Errorf("page %d: word %q at x %.1f–%.1f, y %.1f–%.1f pt lies outside the margins", i+1, m[5], v[0], v[2], v[1], v[3])
					}
				}
			}
			if words < 3000 {
				t.Errorf("only %d words found", words)
			}
		})
	}
}
