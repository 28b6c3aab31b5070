package profile

import (
	"testing"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestCutFonts: every character of the cut repertoire that the typeface has
// is in the cut files with the same advance width, so documents measure and
// look the same with either; characters beyond the repertoire are not, and
// the cut files are much smaller than the whole ones.
func TestCutFonts(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	files, err := fonts.cut()
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for i, style := range fontStyles {
		full := fonts.faces[i]
		cut, err := sfnt.Parse(files[i])
		if err != nil {
			t.Fatalf("style %q: %v", style, err)
		}
		ppem := fixed.I(int(full.UnitsPerEm()))
		advance := func(f *sfnt.Font, r rune) (fixed.Int26_6, bool) {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				return 0, false
			}
			a, err := f.GlyphAdvance(&buf, g, ppem, font.HintingNone)
			if err != nil {
				t.Fatalf("style %q: advance of %U: %v", style, r, err)
			}
			return a, true
		}
		n := 0
		for _, r := range cutRepertoire() {
			want, ok := advance(full, r)
			if !ok {
				continue
			}
			n++
			if got, ok := advance(cut, r); !ok || got != want {
				t.Errorf("style %q: %U %q: cut font has it %v, advance %v; want advance %v", style, r, string(r), ok, got, want)
			}
		}
		if n < 340 {
			t.Errorf("style %q: only %d characters of the repertoire in the typeface", style, n)
		}
		for _, r := range "Ωα→∞" {
			if _, ok := advance(full, r); !ok {
				t.Fatalf("style %q: test character %U not in the typeface", style, r)
			}
			if _, ok := advance(cut, r); ok {
				t.Errorf("style %q: %U beyond the repertoire is in the cut font", style, r)
			}
		}
		if len(files[i])*4 > len(assets.Font(style)) {
			t.Errorf("style %q: cut font %d bytes, whole %d; want under a quarter", style, len(files[i]), len(assets.Font(style)))
		}
	}
}

// TestFontsForDocument: documents whose characters the fast path's fonts
// all have take that path, and then every character they draw (framework
// text, the exporter's own words and signs, the header and the running
// heads) is one those fonts print; a character beyond them but in the cut
// repertoire, in the framework or in the organisation's name, makes the
// document embed the cut files, and every character drawn is in those; a
// character beyond both, the whole files.
func TestFontsForDocument(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cutFiles, err := fonts.cut()
	if err != nil {
		t.Fatal(err)
	}
	load := func(t *testing.T, name string) *model.Framework { return fixture.Load(t, name) }
	defaults := func(t *testing.T) *model.Framework { return fixture.Default(t) }
	with := func(text string) func(t *testing.T) *model.Framework {
		return func(t *testing.T) *model.Framework {
			fw := load(t, "small.yaml")
			fw.Skill("widget-design").Levels["awareness"] = []string{text}
			return fw
		}
	}
	const (
		cp1252 = "cp1252"
		cut    = "cut"
		whole  = "whole"
	)
	all := func(path string) func(model.LevelRef) string {
		return func(model.LevelRef) string { return path }
	}
	// The documents with the skill at that level: its level and its role.
	widget := func(path string) func(model.LevelRef) string {
		return func(ref model.LevelRef) string {
			if ref.Role.ID == "widget-engineer" && (ref.Level == nil || ref.Level == &ref.Role.Levels[0]) {
				return path
			}
			return cp1252
		}
	}
	for _, tc := range []struct {
		name string
		fw   func(*testing.T) *model.Framework
		org  string
		path func(model.LevelRef) string // the fonts a document embeds
	}{
		{"default", defaults, "", all(cp1252)},
		{"default with organisation", defaults, "Department for “Widgets” – Ltd…", all(cp1252)},
		{"Welsh organisation", defaults, "Cyngor Sir Ŵ – “Org”…", all(cut)},
		{"long texts", func(t *testing.T) *model.Framework { return load(t, "long.yaml") }, "", all(cp1252)},
		{"typography", with("‘quotes’ “double” – — £5 café naïve • … · € ™ ƒ ‰ Œ"), "", all(cp1252)},
		{"Welsh", with("‘quotes’ Ŵ ŵ Ŷ ŷ • …"), "", widget(cut)},
		{"greek in the framework", with("Ω"), "", widget(whole)},
		{"greek in the organisation", defaults, "Ωmega", all(whole)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fw := tc.fw(t)
			for i := range fw.Roles {
				r := &fw.Roles[i]
				for _, ref := range r.Documents() {
					pw, d, err := prepareProfile(fw, ref, Options{Fonts: fonts, Organisation: tc.org})
					if err != nil {
						t.Fatal(err)
					}
					var got string
					switch df := pw.fonts; {
					case df.cp1252 == fonts.cp1252 && df.files == nil:
						got = cp1252
					case df.cp1252 == nil && df.files == cutFiles:
						got = cut
					case df.cp1252 == nil && df.files == &fonts.files:
						got = whole
					}
					if want := tc.path(ref); got != want {
						t.Fatalf("%s: fonts %q, want %q", refName(ref), got, want)
					}
					if got == whole {
						continue
					}
					in := inCut
					if got == cp1252 {
						in = fonts.cp1252.covers
					}
					texts := []string{d.Title, pw.meta.organisation, " · ", "…", "•", "Page 1 of 2"}
					for _, pg := range pw.layout(d).pages {
						texts = append(texts, pg.section)
						for _, o := range pg.ops {
							if o.kind == opText {
								texts = append(texts, o.text)
							}
						}
					}
					for _, s := range texts {
						for _, r := range s {
							if !in(r) {
								t.Errorf("%s: %U %q in %q is drawn with the %s fonts but not in them", refName(ref), r, string(r), s, got)
							}
						}
					}
				}
			}
		})
	}
}
