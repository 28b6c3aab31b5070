package export_test

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/export"
	"github.com/ddat-tools/ddat/model"
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
			fw := loadFile(t, filepath.Join("..", "testdata", "frameworks", "small.yaml"))
			sk := fw.Skill("widget-design")
			sk.Levels["awareness"] = []string{tc.item}
			r, _ := fw.Role("widget-engineer")
			ref := model.LevelRef{Role: r, Level: &r.Levels[0]}
			var text bytes.Buffer
			err := export.ProfileText(&text, fw, ref, export.ProfileOptions{})
			var pdf bytes.Buffer
			_, perr := export.Profile(&pdf, fw, ref, export.ProfileOptions{Created: created})
			if tc.wantErr != "" {
				var ge *export.GlyphError
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
// shows its name and level and no list.
func TestProfileNoDescription(t *testing.T) {
	fw := loadFile(t, filepath.Join("..", "testdata", "frameworks", "small.yaml"))
	r, _ := fw.Role("gadget-keeper")
	ref := model.LevelRef{Role: r, Level: &r.Levels[0]}
	fw.Skill("gadget-care").Levels = nil
	var text bytes.Buffer
	if err := export.ProfileText(&text, fw, ref, export.ProfileOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `      paragraph strong "Gadget care"
    cell 2
      paragraph strong "Working"
      gauge 2/4
      paragraph note "Working is the second of 4 ascending skill levels"
    cell 3
  row 2`
	if !strings.Contains(text.String(), want) {
		t.Errorf("layout lacks\n%s\ngot:\n%s", want, text.String())
	}
	render(t, fw, ref, export.ProfileOptions{})
}

// TestProfileOptionsErrors: bad options are errors and nothing is written.
func TestProfileOptionsErrors(t *testing.T) {
	fw := defaultFramework(t)
	ref := model.LevelRef{Role: &fw.Roles[0]}
	for _, tc := range []struct {
		name string
		opts export.ProfileOptions
		want string
	}{
		{"paper", export.ProfileOptions{Paper: "a3"}, `paper "a3": expected a4 or letter`},
		{"logo", export.ProfileOptions{Logo: []byte("GIF89a")}, "logo: not a PNG or JPEG image"},
		{"broken png", export.ProfileOptions{Logo: []byte("\x89PNG\r\n\x1a\nbroken")}, "logo:"},
		{"no role", export.ProfileOptions{}, "no role given"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ref
			if tc.name == "no role" {
				r = model.LevelRef{}
			}
			var buf bytes.Buffer
			_, err := export.Profile(&buf, fw, r, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if buf.Len() > 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
		})
	}
}
