package profile

import (
	"fmt"
	"sync"

	"github.com/ddat-tools/ddat/assets"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// fontFamily is the name documents register the embedded typeface under.
const fontFamily = "LiberationSans"

// fontStyles are the styles documents use, as fpdf names them.
var fontStyles = [...]string{"", "B", "I"}

// fontFiles are the TrueType files of the styles, in fontStyles' order.
type fontFiles [len(fontStyles)][]byte

// Fonts is the typeface of the documents, read once and shared by any number
// of documents, also from many goroutines: the TrueType files, their
// character maps, which tell what the documents can print, the font
// definitions of the fast path (cp1252Fonts), which every document whose
// characters they all have uses, and for the others the files cut down to
// the cut repertoire (see inCut), cut when the first document needs them.
//
// On its UTF-8 path, fpdf parses the whole TrueType file a document embeds,
// once when the document adds it and once more when it writes the subset of the glyphs it
// used. A file cut to a few hundred characters instead of the typeface's
// thousands makes that work small; the glyphs, their widths and so the pages
// are the same, and the subset embedded in the PDF is byte for byte the one
// cut from the whole file.
type Fonts struct {
	files  fontFiles
	faces  [len(fontStyles)]*sfnt.Font
	cp1252 *cp1252Fonts
	cut    func() (*fontFiles, error) // the cut files, made once
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
	var err error
	if f.cp1252, err = loadCP1252(); err != nil {
		return nil, err
	}
	// Most runs make no document beyond the fast path: cutting costs more
	// than the rest of LoadFonts together.
	f.cut = sync.OnceValues(f.cutFiles)
	return &f, nil
}

// cutFiles cuts the TrueType files down to the cut repertoire.
func (f *Fonts) cutFiles() (*fontFiles, error) {
	var cut fontFiles
	cutset := cutRepertoire()
	for i, style := range fontStyles {
		cut[i] = fpdf.UTF8CutFont(f.files[i], cutset)
		if _, err := sfnt.Parse(cut[i]); err != nil {
			return nil, fmt.Errorf("load font %s %q: cut to the common characters: %w", assets.FontFamily, style, err)
		}
	}
	return &cut, nil
}

// cutRanges are the characters of the cut fonts, inclusive ranges: ASCII,
// Latin-1 and Latin Extended-A (Welsh ŵ ŷ, and the accented letters of most
// European languages), the typographic punctuation (dashes, curly quotes,
// bullets, ellipsis, primes, guillemets) and the euro and trade mark signs.
// They hold every character the exporter writes itself (· – • …). A
// document with any other character embeds the whole files: slower, same
// look.
var cutRanges = [...][2]rune{
	{0x20, 0x7e},
	{0xa0, 0x17f},
	{0x2010, 0x2027},
	{0x2030, 0x203a},
	{0x20ac, 0x20ac},
	{0x2122, 0x2122},
}

// inCut reports whether r is in the cut fonts' repertoire.
func inCut(r rune) bool {
	for _, rg := range cutRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// cutRepertoire returns every character of the cut fonts, in order.
func cutRepertoire() string {
	var s []rune
	for _, rg := range cutRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			s = append(s, r)
		}
	}
	return string(s)
}

// docFonts is the typeface as one document embeds it: the fast path's font
// definitions when cp1252 is set, else TrueType files for fpdf's UTF-8 path.
type docFonts struct {
	cp1252 *cp1252Fonts
	files  *fontFiles
}

// forDocument returns the fonts for a document whose text went through c:
// the fast path's unless the text has a character beyond them, else the cut
// files unless it has one beyond those too, else the whole files.
func (f *Fonts) forDocument(c *coverage) (docFonts, error) {
	switch {
	case !c.beyondCP1252:
		return docFonts{cp1252: f.cp1252}, nil
	case !c.beyondCut:
		cut, err := f.cut()
		return docFonts{files: cut}, err
	}
	return docFonts{files: &f.files}, nil
}

// coverage answers whether every style of the typeface has a glyph for a
// character, and remembers whether any character asked about is beyond the
// fast path's fonts, or beyond the cut fonts. It holds a buffer, so each
// document makes its own.
type coverage struct {
	fonts        *Fonts
	buf          sfnt.Buffer
	known        map[rune]bool
	beyondCP1252 bool
	beyondCut    bool
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
	if ok && !c.fonts.cp1252.covers(r) {
		c.beyondCP1252 = true
	}
	if ok && !inCut(r) {
		c.beyondCut = true
	}
	return ok
}
