package profile

import (
	"fmt"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/model"
)

// CheckPrintable finds every character of fw's text that the job profiles
// could not print with fonts (nil = the embedded ones), so that validation
// reports what Profile and Batch would otherwise fail on. It lays out every
// role and role level through the exporter's own text cleaning, so the two
// never disagree: spacing and format characters the profiles normalise are
// not findings. Each finding is an error naming the role, the field and the
// character, at the position of the role, level or skill the text belongs
// to; a text that several documents share is reported once.
func CheckPrintable(fw *model.Framework, fonts *Fonts) model.Findings {
	if fw == nil {
		return nil
	}
	if fonts == nil {
		var err error
		if fonts, err = LoadFonts(); err != nil {
			return model.Findings{{Severity: model.Error, Subject: "fonts", Message: err.Error()}}
		}
	}
	cov := fonts.coverage()
	type key struct {
		char rune
		text string
	}
	seen := map[key]bool{}
	var out model.Findings
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for _, ref := range r.Documents() {
			b := &profileBuilder{fw: fw, role: r, tc: &textCleaner{cov: cov, role: r.ID, all: true}}
			if ref.Level != nil {
				b.levelProfile(ref.Level)
			} else {
				b.roleProfile()
			}
			for _, e := range b.tc.errs {
				k := key{e.Char, e.text}
				if seen[k] {
					continue
				}
				seen[k] = true
				pos := e.Pos
				if !pos.IsValid() {
					pos = r.Pos
				}
				out = append(out, model.Finding{
					Severity: model.Error,
					Pos:      pos,
					Subject:  fmt.Sprintf("role %q, %s", r.Name, e.Field),
					Message:  fmt.Sprintf("character %U %q cannot be printed in the PDF job profiles (the %s font has no glyph for it)", e.Char, string(e.Char), assets.FontFamily),
				})
			}
		}
	}
	return out
}
