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
