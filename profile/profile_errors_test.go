package profile_test

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// TestProfileText covers the text rules: spacing and format characters are
// normalised, typographic characters print (also those beyond the cut
// fonts, which make the document embed the whole ones), decomposed accents
// compose, and a character that would not print as it reads (one the font
// lacks, a combining mark left over, right-to-left text) is an error naming
// the role, field and character.
func TestProfileText(t *testing.T) {
	tests := []struct {
		name, item string
		want       string // in the layout text; "" when an error is wanted
		wantErr    string
	}{
		{"spaces", "keep\u00a0a\u2028line\u2029and\u200bzero\u00adwidth\u2003spaces\t here", `"keep a line andzerowidth spaces here"`, ""},
		{"typography", "‘quotes’ “double” – — £5 café naïve Ŵ ŵ Ŷ ŷ", `"‘quotes’ “double” – — £5 café naïve Ŵ ŵ Ŷ ŷ"`, ""},
		{"beyond the cut fonts", "Greek Ω α → ∞ and ‘quotes’ – £5", `"Greek Ω α → ∞ and ‘quotes’ – £5"`, ""},
		{"emoji", "smile 😀", "", `role widget-engineer, level "associate", skill "Widget design", "You can:", item 1: character U+1F600 "😀" cannot be printed in the PDF job profiles (the Liberation Sans font has no glyph for it)`},
		{"decomposed accents compose", "cafe\u0301 and re\u0301sume\u0301", `"café and résumé"`, ""},
		{"variation selector", "a \u00a9\ufe0f sign", `"a © sign"`, ""},
		{"combining mark left over", "q\u0301", "", `character U+0301 "́" cannot be printed in the PDF job profiles (it is a combining mark`},
		{"hebrew", "\u05e9\u05dc\u05d5\u05dd world", "", `character U+05E9 "ש" cannot be printed in the PDF job profiles (it is of a right-to-left script`},
		{"arabic", "\u0645\u0631\u062d\u0628\u0627", "", `character U+0645 "م" cannot be printed in the PDF job profiles (it is of a right-to-left script`},
		{"control", "bell \a", "", `character U+0007`},
		{"han", "中文", "", `character U+4E2D`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fw := fixture.Load(t, filepath.Join("..", "testdata", "frameworks", "small.yaml"))
			sk := fw.Skill("widget-design")
			sk.Levels["awareness"] = []string{tc.item}
			r, _ := fw.Role("widget-engineer")
			ref := model.LevelRef{Role: r, Level: &r.Levels[0]}
			var text bytes.Buffer
			err := profile.Dump(&text, fw, ref, profile.Options{})
			var pdf bytes.Buffer
			_, perr := profile.Write(&pdf, fw, ref, profile.Options{Created: created})
			if tc.wantErr != "" {
				var ge *profile.GlyphError
				if !errors.As(err, &ge) || !errors.As(perr, &ge) {
					t.Fatalf("got errors %v, %v; want a *GlyphError", err, perr)
				}
				if !strings.Contains(perr.Error(), tc.wantErr) {
					t.Errorf("error %q\nwant it to contain %q", perr, tc.wantErr)
				}
				if pdf.Len() != 0 {
					t.Errorf("%d bytes written despite the error", pdf.Len())
				}
				return
			}
			if err != nil || perr != nil {
				t.Fatal(err, perr)
			}
			if !strings.Contains(text.String(), tc.want) {
				t.Errorf("layout lacks %s:\n%s", tc.want, text.String())
			}
			if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
				got := squash(extract(t, pdftotext, pdf.Bytes(), "-raw"))
				if w, _ := strconv.Unquote(tc.want); !strings.Contains(got, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestProfileNoDescription: a skill level the framework does not describe
// shows its name and level, and says the gap in words in the PDF's
// description and in the text "ddat show" prints.
func TestProfileNoDescription(t *testing.T) {
	fw := fixture.Load(t, filepath.Join("..", "testdata", "frameworks", "small.yaml"))
	r, _ := fw.Role("gadget-keeper")
	ref := model.LevelRef{Role: r, Level: &r.Levels[0]}
	fw.Skill("gadget-care").Levels = nil
	var text bytes.Buffer
	if err := profile.Dump(&text, fw, ref, profile.Options{}); err != nil {
		t.Fatal(err)
	}
	want := `      paragraph strong "Gadget care"
    cell 2
      paragraph body "Working"
      gauge 2/4
    cell 3
      paragraph note "The framework gives no description for this skill level."
  row 2`
	if !strings.Contains(text.String(), want) {
		t.Errorf("layout lacks\n%s\ngot:\n%s", want, text.String())
	}
	var shown bytes.Buffer
	if err := profile.WriteText(&shown, fw, ref, profile.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := "  Description: " + profile.NoLevelDescription + "\n"; !strings.Contains(shown.String(), want) {
		t.Errorf("text lacks %q:\n%s", want, shown.String())
	}
	pdf, _ := render(t, fw, ref, profile.Options{})
	if pdftotext := testkit.Tool(t, "pdftotext"); !strings.Contains(squash(extract(t, pdftotext, pdf, "-raw")), profile.NoLevelDescription) {
		t.Errorf("PDF lacks %q", profile.NoLevelDescription)
	}
}

// TestProfileOptionsErrors: bad options are errors and nothing is written.
func TestProfileOptionsErrors(t *testing.T) {
	fw := fixture.Default(t)
	ref := model.LevelRef{Role: &fw.Roles[0]}
	for _, tc := range []struct {
		name string
		opts profile.Options
		want string
	}{
		{"paper", profile.Options{Paper: "a3"}, `paper "a3": expected a4 or letter`},
		{"logo", profile.Options{Logo: []byte("GIF89a")}, "logo: not a PNG or JPEG image"},
		{"broken png", profile.Options{Logo: []byte("\x89PNG\r\n\x1a\nbroken")}, "logo:"},
		{"no role", profile.Options{}, "no role given"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ref
			if tc.name == "no role" {
				r = model.LevelRef{}
			}
			var buf bytes.Buffer
			_, err := profile.Write(&buf, fw, r, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if buf.Len() > 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
		})
	}
}
