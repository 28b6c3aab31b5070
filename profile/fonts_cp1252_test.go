package profile

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"
)

// utf8PDF returns an fpdf document with the TrueType files of every style
// added on fpdf's UTF-8 path, as the documents beyond the fast path have
// them.
func utf8PDF(t *testing.T, fonts *Fonts) *fpdf.Fpdf {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCellMargin(0)
	for i, style := range fontStyles {
		f.AddUTF8FontFromBytes(fontFamily, style, fonts.files[i])
	}
	if err := f.Error(); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestCP1252Repertoire: the fast path's fonts print every character of the
// code page, in every style, with the advance widths fpdf's UTF-8 path finds
// in the TrueType files, so a text measures the same on either path; and
// nothing beyond the code page.
func TestCP1252Repertoire(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cp := fonts.cp1252
	pdf := utf8PDF(t, fonts)
	n := 0
	for c := 0x20; c < 0x100; c++ {
		r := charmap.Windows1252.DecodeByte(byte(c))
		if c == 0x7f || r == '\ufffd' || r >= 0x80 && r < 0xa0 {
			if cp.has[c] {
				t.Errorf("code %#x (%U) has a glyph", c, r)
			}
			continue
		}
		n++
		if b, ok := cp.encode(r); !ok || int(b) != c {
			t.Errorf("%U %q: encoded %#x, %v; want %#x", r, string(r), b, ok, c)
		}
		for i, style := range fontStyles {
			pdf.SetFont(fontFamily, style, 10)
			if got, want := cp.width(i, string(r)), pdf.GetStringSymbolWidth(string(r)); got != want {
				t.Errorf("style %q: %U %q: width %d, UTF-8 path %d", style, r, string(r), got, want)
			}
		}
	}
	if n != 218 {
		t.Errorf("%d characters in the code page, want 218", n)
	}
	for _, r := range "ŵŷĉΩ→\u2028" {
		if cp.covers(r) {
			t.Errorf("%U %q beyond cp1252 is covered", r, string(r))
		}
	}
}

// TestCP1252Text: text reaches fpdf in cp1252, typographic characters
// included; bookmarks as UTF-16 with a byte order mark.
func TestCP1252Text(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"":               "",
		"plain text (1)": "plain text (1)",
		"‘a’ “b” – — • … € £ é": "\x91a\x92 \x93b\x94 \x96 \x97 \x95 \x85 \x80 \xa3 \xe9",
		"caf\u00e9 · ™":         "caf\xe9 \xb7 \x99",
	} {
		if got := fonts.cp1252.text(in); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := outline("A–é"), "\xfe\xff\x00A\x20\x13\x00\xe9"; got != want {
		t.Errorf("outline = %q, want %q", got, want)
	}
}

// TestCP1252Split: the fast path wraps text exactly as fpdf.SplitText does
// on the UTF-8 path, over texts of words, spaces (no-break and tab too),
// typographic characters and words longer than a line, at many widths and
// sizes in every style.
func TestCP1252Split(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cp := fonts.cp1252
	pdf := utf8PDF(t, fonts)
	words := strings.Fields("a I be the and “quoted” ‘single’ – — • … € £5 café naïve déjà-vu 100% " +
		"infrastructure Supercalifragilisticexpialidocious-and-then-some WWWWWWWWWWWWWWWWWWWWWW iiiiiiiiiii ,.;: " +
		"no\u00a0break tab\tbed")
	rnd := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		var b strings.Builder
		for range 1 + rnd.IntN(30) {
			if b.Len() > 0 {
				b.WriteString(strings.Repeat(" ", 1+rnd.IntN(2)*rnd.IntN(2)))
			}
			b.WriteString(words[rnd.IntN(len(words))])
		}
		text := b.String()
		if n%7 == 0 {
			text += " "
		}
		i := rnd.IntN(len(fontStyles))
		size := []float64{8, 9.5, 10, 14, 26}[rnd.IntN(5)]
		width := 1 + rnd.Float64()*170
		pdf.SetFont(fontFamily, fontStyles[i], size)
		_, unit := pdf.GetFontSize()
		want := pdf.SplitText(text, width)
		if got := cp.split(i, text, unit, width); !slices.Equal(got, want) {
			t.Fatalf("style %q %gpt width %.2f: split(%q)\n got %q\nwant %q", fontStyles[i], size, width, text, got, want)
		}
	}
}
