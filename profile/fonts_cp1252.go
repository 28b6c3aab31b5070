package profile

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/assets"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/charmap"
)

// cp1252Fonts is the fast path of the documents' text: the typeface cut to
// the characters of the Windows-1252 code page, as font definitions made
// once by fpdf's MakeFont (internal/fontgen, go generate) and embedded. A
// document adds them as they are: fpdf parses, hashes and subsets nothing,
// where its UTF-8 path does all three for every style of every document. A
// document whose text has any character beyond them takes the UTF-8 path.
//
// Text goes to fpdf encoded in cp1252 and is measured here, with the widths
// the definitions declare in the PDF, wrapped as fpdf.SplitText wraps.
type cp1252Fonts struct {
	defs [len(fontStyles)]cp1252Def
	has  [256]bool // the codes every style has a glyph for
}

// cp1252Def is one style's font definition.
type cp1252Def struct {
	def, file []byte
	widths    [256]int // per code, in thousandths of the font size
}

// loadCP1252 reads the embedded definitions and finds which characters
// their fonts have.
func loadCP1252() (*cp1252Fonts, error) {
	var f cp1252Fonts
	for i := range f.has {
		f.has[i] = i >= ' ' && i != 0x7f
	}
	var buf sfnt.Buffer
	for i, style := range fontStyles {
		d := &f.defs[i]
		d.def, d.file = assets.FontDefinition(style)
		var def struct{ Cw []int }
		if err := json.Unmarshal(d.def, &def); err != nil {
			return nil, fmt.Errorf("load font %s %q: cp1252 definition: %w", assets.FontFamily, style, err)
		}
		if len(def.Cw) != len(d.widths) {
			return nil, fmt.Errorf("load font %s %q: cp1252 definition: %d widths, want %d", assets.FontFamily, style, len(def.Cw), len(d.widths))
		}
		copy(d.widths[:], def.Cw)
		face, err := parseCompressedFont(d.file)
		if err != nil {
			return nil, fmt.Errorf("load font %s %q: cp1252 font file: %w", assets.FontFamily, style, err)
		}
		for c := range f.has {
			if !f.has[c] {
				continue
			}
			g, err := face.GlyphIndex(&buf, charmap.Windows1252.DecodeByte(byte(c)))
			f.has[c] = err == nil && g != 0
		}
	}
	for c := ' '; c < 0x7f; c++ {
		if !f.has[c] {
			// coverage.has takes ASCII for granted
			return nil, fmt.Errorf("load font %s: cp1252 fonts lack %q", assets.FontFamily, c)
		}
	}
	return &f, nil
}

// parseCompressedFont parses a zlib-compressed TrueType file.
func parseCompressedFont(z []byte) (*sfnt.Font, error) {
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return sfnt.Parse(data)
}

// encode returns r's code in cp1252 and whether the fonts print it.
func (f *cp1252Fonts) encode(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		return byte(r), f.has[r]
	}
	b, ok := charmap.Windows1252.EncodeRune(r)
	return b, ok && f.has[b]
}

// covers reports whether the fonts print r.
func (f *cp1252Fonts) covers(r rune) bool {
	_, ok := f.encode(r)
	return ok
}

// text returns s encoded in cp1252, as fpdf draws it with these fonts.
// Every character of s is one the fonts print: the document's coverage
// checked them all.
func (f *cp1252Fonts) text(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s)
	for _, r := range s[i:] {
		c, _ := f.encode(r)
		b = append(b, c)
	}
	return string(b)
}

// outline returns s as a PDF text string for a bookmark: UTF-16BE with its
// byte order mark, which fpdf writes as given when the current font is not
// a UTF-8 one (as it makes it itself on its UTF-8 path).
func outline(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xfe, 0xff
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return string(b)
}

// width returns the width of s in style style, in thousandths of the font size,
// as fpdf.GetStringSymbolWidth sums it.
func (f *cp1252Fonts) width(style int, s string) int {
	w := 0
	cw := &f.defs[style].widths
	for i := 0; i < len(s); {
		c, _, n := f.next(s, i)
		w += cw[c]
		i += n
	}
	return w
}

// next decodes the character at s[i]: its code, whether it is a space as
// unicode.IsSpace says, and its length in s. ASCII, most of any text, takes
// neither the UTF-8 decoder nor the code page's table.
func (f *cp1252Fonts) next(s string, i int) (code byte, space bool, n int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c, c == ' ' || c >= '\t' && c <= '\r', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	code, _ = f.encode(r)
	return code, unicode.IsSpace(r), n
}

// split wraps s to lines no wider than width at font size size (both in the
// document's unit), in style style. It is fpdf.SplitText (with no cell margin)
// over these widths, so both paths break lines alike: after a line's last
// space, or within a word longer than a line.
func (f *cp1252Fonts) split(style int, s string, size, width float64) []string {
	wmax := int(math.Ceil(width * 1000 / size))
	cw := &f.defs[style].widths
	s = strings.TrimRight(s, "\n")
	var lines []string
	sep, j, l := -1, 0, 0 // the last space, the line's start and width so far
	for i := 0; i < len(s); {
		c, space, n := f.next(s, i)
		l += cw[c]
		if space {
			sep = i
		}
		if s[i] != '\n' && l <= wmax {
			i += n
			continue
		}
		if sep == -1 {
			if i == j {
				i += n
			}
			sep = i
		} else {
			_, _, sn := f.next(s, sep)
			i = sep + sn
		}
		lines = append(lines, s[j:sep])
		sep, j, l = -1, i, 0
	}
	if i := len(s); i != j {
		lines = append(lines, s[j:i])
	}
	return lines
}

// add registers style i of the fonts with pdf under family.
func (f *cp1252Fonts) add(pdf *fpdf.Fpdf, family string, i int) {
	pdf.AddFontFromBytes(family, fontStyles[i], f.defs[i].def, f.defs[i].file)
}
