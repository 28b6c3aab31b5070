package profile

import (
	"fmt"

	"github.com/ddat-tools/ddat/model"
)

// CheckPrintable finds every character of fw's text that the job profiles
// could not print as it reads with fonts (nil = the embedded ones), so
// that validation reports what Profile and Batch would otherwise fail on.
// It lays out every role and role level through the exporter's own text
// cleaning, so the two never disagree: spacing and format characters the
// profiles normalise are not findings. Each finding is an error naming the
// role, the field and the character, at the position of the role, level
// or skill the text belongs to; a text that several documents share is
// reported once.
//
// The skills' texts that no profile prints yet (a skill no role level
// needs, or needs at that level; often one a misspelt reference misses)
// are checked too, as warnings: one run lists every character to fix.
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
	report := func(sev model.Severity, subject string, fallback model.Pos, errs []*GlyphError, note string) {
		for _, e := range errs {
			k := key{e.Char, e.text}
			if seen[k] {
				continue
			}
			seen[k] = true
			pos := e.Pos
			if !pos.IsValid() {
				pos = fallback
			}
			out = append(out, model.Finding{
				Severity: sev,
				Pos:      pos,
				Subject:  subject + e.Field,
				Message:  fmt.Sprintf("character %U %q cannot be printed in the PDF job profiles (%s)%s", e.Char, string(e.Char), e.Reason, note),
			})
		}
	}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for _, ref := range r.Documents() {
			b := &profileBuilder{fw: fw, role: r, tc: &textCleaner{cov: cov, role: r.ID, all: true}}
			if ref.Level != nil {
				b.levelProfile(ref.Level)
			} else {
				b.roleProfile()
			}
			report(model.Error, fmt.Sprintf("role %q, ", r.Name), r.Pos, b.tc.errs, "")
		}
	}
	tc := &textCleaner{cov: cov, all: true}
	for i := range fw.Skills {
		sk := &fw.Skills[i]
		tc.at(sk.Pos)
		tc.clean("name", sk.Name)
		tc.clean("description", sk.Description)
		for _, l := range fw.SkillLevels {
			if p, ok := sk.LevelPos[l.ID]; ok && p.IsValid() {
				tc.at(p)
			}
			tc.cleanAll(fmt.Sprintf("%s, %q", l.ID, "You can:"), sk.Levels[l.ID])
		}
		report(model.Warning, fmt.Sprintf("skill %q, ", sk.Name), sk.Pos, tc.errs, "; no profile prints this text yet, one will when a role level needs it")
		tc.errs = tc.errs[:0]
	}
	return out
}
