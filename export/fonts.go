package export

import (
	"fmt"

	"github.com/ddat-tools/ddat/assets"
	"golang.org/x/image/font/sfnt"
)

// fontFamily is the name documents register the embedded typeface under.
const fontFamily = "LiberationSans"

// fontStyles are the styles documents use, as fpdf names them.
var fontStyles = [...]string{"", "B", "I"}

// Fonts is the typeface of the documents, read once and shared by any number
// of documents, also from many goroutines: the TrueType files and their
// character maps, which tell what the documents can print.
type Fonts struct {
	files [len(fontStyles)][]byte
	faces [len(fontStyles)]*sfnt.Font
}

// LoadFonts reads the typeface embedded in ddat (Liberation Sans regular,
// bold and italic).
func LoadFonts() (*Fonts, error) {
	var f Fonts
	for i, style := range fontStyles {
		data := assets.Font(style)
		face, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("load font %s %q: %w", assets.FontFamily, style, err)
		}
		f.files[i], f.faces[i] = data, face
	}
	return &f, nil
}

// coverage answers whether every style of the typeface has a glyph for a
// character. It holds a buffer, so each document makes its own.
type coverage struct {
	fonts *Fonts
	buf   sfnt.Buffer
	known map[rune]bool
}

func (f *Fonts) coverage() *coverage {
	return &coverage{fonts: f, known: map[rune]bool{}}
}

// has reports whether r prints in every style.
func (c *coverage) has(r rune) bool {
	if r >= ' ' && r < 0x7f {
		return true // Liberation Sans covers ASCII; skip the lookup
	}
	if ok, seen := c.known[r]; seen {
		return ok
	}
	ok := r <= 0xffff // fpdf's width tables stop at the BMP
	for _, face := range c.fonts.faces {
		if !ok {
			break
		}
		g, err := face.GlyphIndex(&c.buf, r)
		ok = err == nil && g != 0
	}
	c.known[r] = ok
	return ok
}
