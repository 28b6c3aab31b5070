package profile

// The look of a job profile, in one place: page geometry, the type scale,
// colours and spacing. Lengths are in millimetres, font sizes in points.

// paper is a page size.
type paper struct {
	name string // fpdf's size name
	w, h float64
}

var papers = map[string]paper{
	"a4":     {"A4", 210, 297},
	"letter": {"Letter", 215.9, 279.4},
}

const (
	marginX      = 16.0 // left and right
	marginTop    = 14.0 // without a page header
	marginBottom = 18.0 // space below the text, footer included
	headerHeight = 10.0 // logo height; the organisation's name is centred on it
	headerGap    = 4.0  // from the header's rule to the text
	footerBase   = 10.0 // footer baseline, from the bottom edge
	ptToMM       = 25.4 / 72
)

// rgb is a colour.
type rgb struct{ r, g, b int }

var (
	colourText   = rgb{11, 12, 12}    // GOV.UK text
	colourSecond = rgb{80, 90, 95}    // secondary text
	colourBorder = rgb{177, 180, 182} // table rules
	colourAccent = rgb{29, 112, 184}  // gauge, title rule
	colourShade  = rgb{243, 242, 241} // table header background
	colourEmpty  = rgb{222, 224, 226} // the unfilled steps of a gauge
)

// face is a font, size, line height and colour.
type face struct {
	style  string  // "", "B" or "I"
	size   float64 // points
	height float64 // line height, mm
	colour rgb
}

func newFace(style string, size, leading float64, c rgb) *face {
	return &face{style: style, size: size, height: size * ptToMM * leading, colour: c}
}

// faces is the type scale. Each document uses these values only.
type faces struct {
	caption, title, h1, h2, body, lead, strong, note, label, head, footer *face
	cellBody, cellStrong                                                  *face // body and strong text in a table cell
}

func newFaces() *faces {
	return &faces{
		caption: newFace("", 13, 1.3, colourSecond),
		title:   newFace("B", 24, 1.15, colourText),
		h1:      newFace("B", 20, 1.2, colourText),
		h2:      newFace("B", 13, 1.3, colourText),
		body:    newFace("", 10, 1.45, colourText),
		lead:    newFace("", 11, 1.4, colourText),
		strong:  newFace("B", 10, 1.45, colourText),
		note:    newFace("", 8.5, 1.4, colourSecond),
		label:   newFace("B", 9, 1.45, colourText),
		head:    newFace("B", 9.5, 1.35, colourText),
		footer:  newFace("", 8, 1.2, colourSecond),
		// A table is read row by row, so its text can be a little smaller
		// and closer than running text.
		cellBody:   newFace("", 9, 1.3, colourText),
		cellStrong: newFace("B", 9, 1.3, colourText),
	}
}

// paragraphFace is the face of a paragraph style, on the page or in a
// table cell.
func (fs *faces) paragraphFace(s textStyle, inCell bool) *face {
	switch {
	case inCell && s == styleBody:
		return fs.cellBody
	case inCell && s == styleStrong:
		return fs.cellStrong
	}
	switch s {
	case styleLead:
		return fs.lead
	case styleStrong:
		return fs.strong
	case styleNote:
		return fs.note
	case styleLabel:
		return fs.label
	case styleHead:
		return fs.head
	}
	return fs.body
}

// Spacing: the space before and after each kind of block, on the page and in
// a table cell. Between two blocks the larger of the two counts.
type spacing struct{ before, after float64 }

var pageSpacing = map[blockKind]spacing{
	kindCaption:   {8, 1},
	kindTitle:     {0, 5},
	kindParagraph: {2, 2},
	kindList:      {2, 2},
	kindGauge:     {1.5, 1.5},
	kindTable:     {3, 4},
}

var headingSpacing = map[int]spacing{1: {4, 4}, 2: {5, 2}}

// cellPadY is the space above and below a row's text, by table kind: a
// grid's rows need more to part them than a summary's or a legend's.
var cellPadY = map[tableKind]float64{tableGrid: 1.3, tableSummary: 1.4, tableLegend: 1.2}

var cellSpacing = map[blockKind]spacing{
	kindParagraph: {1.2, 0},
	kindList:      {1.2, 0},
	kindGauge:     {1.4, 0.6},
}

const (
	itemGap      = 1.0 // between list items on the page
	cellItemGap  = 0.4 // between list items in a table cell
	bulletIndent = 5.0 // text of a list item, from the bullet
	cellPadX     = 2.0
	gaugeStepW   = 4.2
	gaugeStepH   = 2.4
	gaugeStepGap = 1.0
	ruleWidth    = 0.25
	headRule     = 0.6
)
