package assets

import (
	_ "embed"
)

// The documents' typeface: Liberation Sans 2.1.5, metric-compatible with
// Arial, under the SIL Open Font License 1.1 (fonts/OFL.txt, shipped beside
// the font files).
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	fontRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/LiberationSans-Italic.ttf
	fontItalic []byte
	//go:embed fonts/OFL.txt
	fontLicence string
)

// FontFamily is the name of the embedded typeface.
const FontFamily = "Liberation Sans"

// Font returns the TrueType file of the embedded typeface in a style: "" for
// regular, "B" for bold, "I" for italic (fpdf's style letters); nil for any
// other style. The bytes are shared: callers must not modify them.
func Font(style string) []byte {
	switch style {
	case "":
		return fontRegular
	case "B":
		return fontBold
	case "I":
		return fontItalic
	}
	return nil
}

// FontLicence is the licence of the embedded typeface (SIL Open Font
// License 1.1), with its copyright notices.
func FontLicence() string { return fontLicence }

//go:generate go run ../internal/fontgen -src fonts -o fonts/cp1252

// The typeface cut to the characters of the Windows-1252 code page and made
// into fpdf font definitions by internal/fontgen (go generate): a JSON
// definition and a zlib-compressed TrueType file per style, under the same
// licence (fonts/cp1252/OFL.txt).
var (
	//go:embed fonts/cp1252/LiberationSans-Regular.json
	defRegular []byte
	//go:embed fonts/cp1252/LiberationSans-Regular.z
	defFileRegular []byte
	//go:embed fonts/cp1252/LiberationSans-Bold.json
	defBold []byte
	//go:embed fonts/cp1252/LiberationSans-Bold.z
	defFileBold []byte
	//go:embed fonts/cp1252/LiberationSans-Italic.json
	defItalic []byte
	//go:embed fonts/cp1252/LiberationSans-Italic.z
	defFileItalic []byte
)

// FontDefinition returns the embedded typeface in a style ("", "B" or "I",
// as for Font) cut to the Windows-1252 code page, as fpdf.AddFontFromBytes
// takes it: the font definition (JSON) and the compressed font file it
// names; nil for any other style. The bytes are shared: callers must not
// modify them.
func FontDefinition(style string) (def, file []byte) {
	switch style {
	case "":
		return defRegular, defFileRegular
	case "B":
		return defBold, defFileBold
	case "I":
		return defItalic, defFileItalic
	}
	return nil, nil
}
