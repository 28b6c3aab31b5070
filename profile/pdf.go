package profile

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// pdfMeta is what a PDF says about itself and its pages' header.
type pdfMeta struct {
	paper        paper
	organisation string
	logo         []byte
	creator      string
	created      time.Time
}

// pdfWriter draws a document with fpdf. It is also the layout's measurer, so
// text is wrapped with the metrics it is drawn with.
type pdfWriter struct {
	f        *fpdf.Fpdf
	fs       *faces
	cur      *face
	meta     pdfMeta
	logo     *fpdf.ImageInfoType
	links    map[string]int        // anchor → fpdf link
	orgLines []string              // the header's lines, once measured
	fonts    docFonts              // the typeface: the fast path's, or files for the UTF-8 path
	added    [len(fontStyles)]bool // styles registered with fpdf
}

func newPDFWriter(fonts docFonts, meta pdfMeta) (*pdfWriter, error) {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: meta.paper.w, Ht: meta.paper.h},
	})
	f.SetCatalogSort(true)
	// Page streams stay uncompressed: fpdf makes a new zlib writer for each
	// (over a megabyte), which tripled the time of a level profile and
	// multiplied its garbage by seven, for some 20 kB of the file.
	f.SetCompression(false)
	f.SetCreationDate(meta.created)
	f.SetModificationDate(meta.created)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	f.SetMargins(marginX, marginTop, marginX)
	w := &pdfWriter{f: f, fs: newFaces(), meta: meta, fonts: fonts}
	if len(meta.logo) > 0 {
		tp := imageType(meta.logo)
		if tp == "" {
			return nil, fmt.Errorf("logo: not a PNG or JPEG image")
		}
		w.logo = f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(meta.logo))
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("logo: %w", err)
		}
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return w, nil
}

// imageType tells PNG from JPEG by their signatures.
func imageType(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "PNG"
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		return "JPG"
	}
	return ""
}

func (w *pdfWriter) setFace(f *face) {
	if w.cur == f {
		return
	}
	prev := w.cur
	w.cur = f
	// A style is embedded only when a document uses it.
	if i := slices.Index(fontStyles[:], f.style); !w.added[i] {
		w.added[i] = true
		if cp := w.fonts.cp1252; cp != nil {
			cp.add(w.f, fontFamily, i)
		} else {
			w.f.AddUTF8FontFromBytes(fontFamily, f.style, w.fonts.files[i])
		}
	}
	w.f.SetFont(fontFamily, f.style, f.size)
	if prev == nil || prev.colour != f.colour {
		w.f.SetTextColor(f.colour.r, f.colour.g, f.colour.b)
	}
}

// wrap and width measure text in a face. On the fast path they need not
// select the face in fpdf: the widths are at hand.
func (w *pdfWriter) wrap(f *face, text string, width float64) []string {
	if cp := w.fonts.cp1252; cp != nil {
		return cp.split(slices.Index(fontStyles[:], f.style), text, w.unitSize(f), math.Max(width, 1))
	}
	w.setFace(f)
	return w.f.SplitText(text, math.Max(width, 1))
}

func (w *pdfWriter) width(f *face, text string) float64 {
	if cp := w.fonts.cp1252; cp != nil {
		return float64(cp.width(slices.Index(fontStyles[:], f.style), text)) * w.unitSize(f) / 1000
	}
	w.setFace(f)
	return w.f.GetStringWidth(text)
}

// unitSize is f's size in the document's unit, as fpdf.SetFont computes it.
func (w *pdfWriter) unitSize(f *face) float64 { return f.size / w.f.GetConversionRatio() }

// text draws s at (x, y) in the current face, encoded for its font.
func (w *pdfWriter) text(x, y float64, s string) {
	if cp := w.fonts.cp1252; cp != nil {
		s = cp.text(s)
	}
	w.f.Text(x, y, s)
}

// hasHeader reports whether pages carry the organisation's header.
func (w *pdfWriter) hasHeader() bool { return w.meta.organisation != "" || w.logo != nil }

// textTop is where the text of page n (from 1) starts: below the
// organisation's header on the first page, at the top margin on the others.
func (w *pdfWriter) textTop(n int) float64 {
	if n == 1 && w.hasHeader() {
		return marginTop*0.6 + headerHeight + headerGap
	}
	return marginTop
}

// layout places d's blocks on pages.
func (w *pdfWriter) layout(d *document) *pager {
	fl := w.flow(d)
	// The organisation's header is on the first page only, as on a letter:
	// later pages give its room to the text (the footer names the document).
	p := &pager{left: marginX, top: w.textTop(2), firstTop: w.textTop(1), bottom: w.meta.paper.h - marginBottom, width: fl.w}
	p.place(fl.items)
	return p
}

// flow measures d's blocks into lines and rows for the text area.
func (w *pdfWriter) flow(d *document) *flow {
	fl := &flow{m: w, fs: w.fs, w: w.meta.paper.w - 2*marginX, body: w.meta.paper.h - marginBottom - w.textTop(1)}
	fl.addBlocks(d.Blocks)
	return fl
}

// write draws the pages and writes the PDF to out.
func (w *pdfWriter) write(out io.Writer, d *document, laid *pager) error {
	f := w.f
	pages := laid.pages
	w.links = map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(laid.anchors)) {
		a := laid.anchors[name]
		w.links[name] = f.AddLink()
		f.SetLink(w.links[name], a.y, a.page)
	}
	f.SetTitle(d.Title, true)
	f.SetSubject(d.Subject, true)
	f.SetKeywords(strings.Join(d.Keywords, ", "), true)
	if w.meta.organisation != "" {
		f.SetAuthor(w.meta.organisation, true)
	}
	f.SetCreator(w.meta.creator, true)
	f.SetProducer(w.meta.creator+" with go-pdf/fpdf", true)
	f.SetLang("en-GB")
	f.SetDisplayMode("fullwidth", "continuous")
	for i, pg := range pages {
		f.AddPage()
		w.cur = nil
		if i == 0 {
			w.header()
		}
		for _, o := range pg.ops {
			w.draw(o)
		}
		running := d.Title
		if i > 0 && pg.section != "" && pg.section != d.Title { // a title page has no running head
			running += " · " + pg.section
		}
		w.footer(running, i+1, len(pages))
	}
	if err := f.Output(out); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

func (w *pdfWriter) draw(o op) {
	f := w.f
	switch o.kind {
	case opText:
		w.setFace(o.face)
		w.text(o.x, o.y+0.5*o.h+0.3*o.face.size*ptToMM, o.text)
	case opRule:
		f.SetDrawColor(o.colour.r, o.colour.g, o.colour.b)
		f.SetLineWidth(o.h)
		f.Line(o.x, o.y, o.x+o.w, o.y)
	case opFill:
		f.SetFillColor(o.colour.r, o.colour.g, o.colour.b)
		f.Rect(o.x, o.y, o.w, o.h, "F")
	case opGauge:
		y := o.y + (o.h-gaugeStepH)/2
		for i := 0; i < o.gauge[1]; i++ {
			c := colourEmpty
			if i < o.gauge[0] {
				c = colourAccent
			}
			f.SetFillColor(c.r, c.g, c.b)
			f.Rect(o.x+float64(i)*(gaugeStepW+gaugeStepGap), y, gaugeStepW, gaugeStepH, "F")
		}
	case opMark:
		title := o.text
		if w.fonts.cp1252 != nil {
			title = outline(title) // fpdf converts a title only for a UTF-8 font
		}
		f.Bookmark(title, o.level, o.y)
	case opLink:
		if id, ok := w.links[o.text]; ok {
			f.Link(o.x, o.y, o.w, o.h, id)
		}
	}
}

// header draws the logo and the organisation's name above a rule.
func (w *pdfWriter) header() {
	if !w.hasHeader() {
		return
	}
	f := w.f
	top := marginTop * 0.6
	right := w.meta.paper.w - marginX
	if w.logo != nil && w.logo.Height() > 0 {
		lw := w.logo.Width() * headerHeight / w.logo.Height()
		lh := headerHeight
		if maxW := (right - marginX) / 2; lw > maxW {
			lw, lh = maxW, maxW*w.logo.Height()/w.logo.Width()
		}
		f.ImageOptions("logo", marginX, top+(headerHeight-lh)/2, lw, lh, false, fpdf.ImageOptions{}, 0, "")
	}
	if w.orgLines == nil {
		w.orgLines = w.headerLines()
	}
	if lines := w.orgLines; len(lines) > 0 {
		fc := w.fs.head
		w.setFace(fc)
		y := top + (headerHeight-float64(len(lines))*fc.height)/2
		for _, l := range lines {
			w.text(right-w.width(fc, l), y+0.5*fc.height+0.3*fc.size*ptToMM, l)
			y += fc.height
		}
	}
	f.SetDrawColor(colourBorder.r, colourBorder.g, colourBorder.b)
	f.SetLineWidth(ruleWidth)
	y := top + headerHeight + 2
	f.Line(marginX, y, right, y)
}

// headerLines is the organisation's name as the header prints it, right of
// the logo if any: on one line, or wrapped on two, the second cut short with
// an ellipsis only when the name needs more.
func (w *pdfWriter) headerLines() []string {
	org := w.meta.organisation
	if org == "" {
		return nil
	}
	fc := w.fs.head
	width := w.meta.paper.w - 2*marginX
	if w.logo != nil {
		width /= 2
	}
	lines := w.wrap(fc, org, width)
	if len(lines) == 1 {
		return lines
	}
	if len(lines) <= maxHeaderLines {
		// Balance the two lines: the narrowest width that still takes two
		// reads better than a long line over a single word.
		lo, hi := width/2, width
		for hi-lo > 0.5 {
			mid := (lo + hi) / 2
			if len(w.wrap(fc, org, mid)) <= maxHeaderLines {
				hi = mid
			} else {
				lo = mid
			}
		}
		return w.wrap(fc, org, hi)
	}
	// The rest of the name from the last line on, cut to one line.
	rest := strings.TrimSpace(strings.Join(lines[maxHeaderLines-1:], " "))
	return append(lines[:maxHeaderLines-1:maxHeaderLines-1], w.fit(fc, rest, width))
}

// maxHeaderLines is the most lines the organisation's name takes in the
// header: two fit beside a logo in headerHeight.
const maxHeaderLines = 2

// footer draws the document title and "Page X of Y".
func (w *pdfWriter) footer(title string, n, total int) {
	f := w.f
	fc := w.fs.footer
	right := w.meta.paper.w - marginX
	y := w.meta.paper.h - footerBase
	f.SetDrawColor(colourBorder.r, colourBorder.g, colourBorder.b)
	f.SetLineWidth(ruleWidth)
	f.Line(marginX, y-5, right, y-5)
	num := "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(total)
	w.setFace(fc)
	nw := w.width(fc, num)
	w.text(right-nw, y, num)
	w.text(marginX, y, w.fit(fc, title, right-marginX-nw-8))
}

// fit shortens text with an ellipsis to fit width.
func (w *pdfWriter) fit(fc *face, text string, width float64) string {
	if w.width(fc, text) <= width {
		return text
	}
	for text != "" {
		_, n := utf8.DecodeLastRuneInString(text)
		text = strings.TrimRight(text[:len(text)-n], " ,;:")
		if w.width(fc, text+"…") <= width {
			return text + "…"
		}
	}
	return ""
}
