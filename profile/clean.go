package profile

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/model"
	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// GlyphError reports a character in the framework's text that the job
// profiles cannot print as it reads: one the embedded typeface has no glyph
// for, a letter of a right-to-left script (which would print reversed) or
// a combining mark with no composed form (which would print apart from its
// letter). Profile returns it rather than print a box, a question mark or
// garbled text.
type GlyphError struct {
	Role   string // role id
	Field  string // where the text is, e.g. `level "senior" skill "Testing" item 2`
	Char   rune
	Pos    model.Pos // where the role, level or skill the text belongs to is; may be unset
	Reason string    // why it cannot be printed, e.g. "the Liberation Sans font has no glyph for it"
	text   string    // the text, so one text shared by many documents is reported once
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("role %s, %s: character %U %q cannot be printed in the PDF job profiles (%s)", e.Role, e.Field, e.Char, string(e.Char), e.Reason)
}

// Why a character cannot be printed, for GlyphError.Reason.
var (
	reasonNoGlyph = "the " + assets.FontFamily + " font has no glyph for it"
	reasonRTL     = "it is of a right-to-left script, which the profiles would print reversed; give the text in a left-to-right script"
	reasonMark    = "it is a combining mark with no composed form with the letter before it, which the profiles would print apart from the letter; use a composed letter"
)

// textCleaner prepares the framework's text for layout: it normalises the
// characters that only shape spacing and checks that the font has every
// other one. It keeps the first error, so building a document reads as a
// sequence of clean calls and one check at the end.
//
// With all set it goes on after an error, leaves the character out and keeps
// every error in errs: that is how CheckPrintable sees every character the
// documents would fail on, through the very code that makes them.
type textCleaner struct {
	cov  *coverage
	role string
	pos  model.Pos // of what the text being cleaned belongs to
	err  error
	all  bool
	errs []*GlyphError
	buf  strings.Builder
}

// at sets the position the next texts belong to, for errors.
func (c *textCleaner) at(p model.Pos) { c.pos = p }

// fail records that r in field cannot be printed. It reports whether
// cleaning goes on.
func (c *textCleaner) fail(field, text string, r rune, reason string) bool {
	e := &GlyphError{Role: c.role, Field: field, Char: r, Pos: c.pos, Reason: reason, text: text}
	if !c.all {
		c.err = e
		return false
	}
	c.errs = append(c.errs, e)
	return true
}

// clean returns s with Unicode spacing normalised: line and paragraph
// separators, tabs, newlines and every kind of space (no-break, thin, …)
// become one ordinary space, runs of spaces collapse, format characters
// (zero-width spaces and joiners, soft hyphens, direction marks) and
// variation selectors go, and letters with combining accents are composed
// (normal form C). Any other character that would not print as it reads
// is an error naming field: one the font lacks, a combining mark left
// over, a letter of a right-to-left script (once a text: the whole text is
// the problem). With no coverage (plain text, HTML) every other character
// is kept.
func (c *textCleaner) clean(field, orig string) string {
	if c.err != nil {
		return orig
	}
	if plain(orig) {
		return orig
	}
	s := norm.NFC.String(orig)
	b := &c.buf
	b.Reset()
	space, rtl := false, false
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		reason := ""
		switch {
		case r == utf8.RuneError && n == 1:
			reason = reasonNoGlyph
		case unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
			continue
		case c.cov == nil:
			// Plain text and HTML show any other character as it reads.
		case rightToLeft(r):
			if rtl {
				continue
			}
			rtl, reason = true, reasonRTL
		case unicode.In(r, unicode.Mn, unicode.Me):
			reason = reasonMark
		case !c.cov.has(r):
			reason = reasonNoGlyph
		}
		if reason != "" {
			if !c.fail(field, orig, r, reason) {
				return orig
			}
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// rightToLeft reports whether r is a letter or digit of a right-to-left
// script (Hebrew, Arabic, Syriac, Thaana, N'Ko…), by its bidirectional
// class.
func rightToLeft(r rune) bool {
	if r < 0x0590 {
		return false
	}
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL:
		return true
	}
	return false
}

// cleanAll cleans every item of a list; field gets the item's number.
func (c *textCleaner) cleanAll(field string, items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = c.clean(fmt.Sprintf("%s, item %d", field, i+1), s)
	}
	return out
}

// plain reports whether s is printable ASCII with single inner spaces, the
// common case, which needs no copy.
func plain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < ' ' || ch >= 0x7f || ch == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}
