package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/export"
	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// created is the fixed creation date of every test document.
var created = time.Date(2024, 9, 1, 12, 0, 0, 0, time.UTC)

func defaultFramework(tb testing.TB) *model.Framework {
	tb.Helper()
	fw, err := model.Load(assets.FrameworkYAML(), assets.FrameworkName, model.LoadOptions{Format: model.FormatYAML})
	if err != nil {
		tb.Fatal(err)
	}
	return fw
}

func loadFile(tb testing.TB, path string) *model.Framework {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	fw, err := model.Load(f, path, model.LoadOptions{Format: model.FormatYAML})
	if err != nil {
		tb.Fatal(err)
	}
	return fw
}

// tool finds an external program; without it the test is skipped, or fails
// on CI.
func tool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("%s is needed on CI: %v", name, err)
		}
		tb.Skipf("%s not installed", name)
	}
	return p
}

// profileCase is a document the tests make: a whole role or one level.
type profileCase struct {
	name string
	ref  model.LevelRef
}

// goldenCases are one level (the third, or the last if fewer) of every role
// of the default framework, and every whole role.
func goldenCases(fw *model.Framework) []profileCase {
	var cases []profileCase
	for i := range fw.Roles {
		r := &fw.Roles[i]
		if len(r.Levels) == 0 {
			continue
		}
		l := &r.Levels[min(2, len(r.Levels)-1)]
		cases = append(cases,
			profileCase{name: r.ID + "-" + l.ID, ref: model.LevelRef{Role: r, Level: l}},
			profileCase{name: r.ID, ref: model.LevelRef{Role: r}},
		)
	}
	return cases
}

func render(tb testing.TB, fw *model.Framework, ref model.LevelRef, opts export.ProfileOptions) ([]byte, int) {
	tb.Helper()
	if opts.Created.IsZero() {
		opts.Created = created
	}
	if opts.Creator == "" {
		opts.Creator = "ddat test"
	}
	var buf bytes.Buffer
	n, err := export.Profile(&buf, fw, ref, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), n
}

// TestProfileGolden compares each profile of the default framework, and the
// text of its layout, with the golden files, and checks the bytes do not
// change from one run to the next.
func TestProfileGolden(t *testing.T) {
	fw := defaultFramework(t)
	fonts, err := export.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range goldenCases(fw) {
		t.Run(c.name, func(t *testing.T) {
			opts := export.ProfileOptions{Fonts: fonts}
			pdf, pages := render(t, fw, c.ref, opts)
			again, _ := render(t, fw, c.ref, export.ProfileOptions{}) // fonts loaded afresh
			if !bytes.Equal(pdf, again) {
				t.Fatalf("two runs made different bytes")
			}
			var text bytes.Buffer
			if err := export.ProfileText(&text, fw, c.ref, opts); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&text, "pages %d\n", pages)
			base := filepath.Join("..", "testdata", "golden", "profile-"+c.name)
			if *update {
				for ext, b := range map[string][]byte{".pdf": pdf, ".txt": text.Bytes()} {
					if err := os.WriteFile(base+ext, b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			wantText, err := os.ReadFile(base + ".txt")
			if err != nil {
				t.Fatalf("%v (run go test ./export -update to make it)", err)
			}
			if d := cmp.Diff(string(wantText), text.String()); d != "" {
				t.Errorf("layout of %s differs from %s.txt (-want +got):\n%s", c.name, base, d)
			}
			wantPDF, err := os.ReadFile(base + ".pdf")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(wantPDF, pdf) {
				t.Errorf("%s.pdf differs from the PDF made now (%d bytes, want %d); look at both, then go test ./export -update", base, len(pdf), len(wantPDF))
			}
		})
	}
}

// TestProfileContent extracts the text of each profile and looks for every
// framework text of the role or level in it, and checks the page count.
func TestProfileContent(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	fw := defaultFramework(t)
	for _, c := range goldenCases(fw) {
		t.Run(c.name, func(t *testing.T) {
			pdf, pages := render(t, fw, c.ref, export.ProfileOptions{})
			raw := extract(t, pdftotext, pdf, "-raw")
			layout := extract(t, pdftotext, pdf, "-layout")
			if got := strings.Count(layout, "\f"); got != pages {
				t.Errorf("pdftotext finds %d pages, Profile says %d", got, pages)
			}
			if !strings.Contains(layout, fmt.Sprintf("Page %d of %d", pages, pages)) {
				t.Errorf("no footer \"Page %d of %d\"", pages, pages)
			}
			flat := squash(raw)
			for _, want := range profileTexts(fw, c.ref) {
				if !strings.Contains(flat, squash(want)) {
					t.Errorf("text missing from the PDF: %q", want)
				}
			}
			if c.ref.Level == nil {
				checkContents(t, c.ref.Role, strings.Split(layout, "\f"))
			}
			// Short texts stand on one line of the laid-out page too.
			for _, want := range []string{c.ref.Role.Name, "Job profile"} {
				if !strings.Contains(layout, want) {
					t.Errorf("pdftotext -layout: %q missing", want)
				}
			}
		})
	}
}

// checkContents checks that the title page of a role profile gives the page
// on which each level starts.
func checkContents(t *testing.T, r *model.Role, pages []string) {
	t.Helper()
	for i, l := range r.Levels {
		caption := fmt.Sprintf("Role level %d of %d", i+1, len(r.Levels))
		at := 0
		for p, text := range pages {
			if strings.Contains(text, caption) {
				at = p + 1
				break
			}
		}
		if at == 0 {
			t.Errorf("no page has %q", caption)
			continue
		}
		row := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(fmt.Sprintf("%d. %s", i+1, l.Title)) + `\s.*\s` + strconv.Itoa(at) + `$`)
		if !row.MatchString(pages[0]) {
			t.Errorf("title page does not give page %d for %q:\n%s", at, l.Title, pages[0])
		}
	}
}

// profileTexts is every framework text a profile of ref must show.
func profileTexts(fw *model.Framework, ref model.LevelRef) []string {
	r := ref.Role
	texts := []string{r.Name, r.Summary, fw.Meta.Source, fw.Meta.Licence, r.Updated.Format("2 January 2006")}
	if f := fw.Family(r.Family); f != nil {
		texts = append(texts, f.Name)
	}
	levels := r.Levels
	if ref.Level != nil {
		levels = []model.RoleLevel{*ref.Level}
		texts = append(texts, fmt.Sprintf("Level %d of %d", ref.Number(), len(r.Levels)))
	}
	for _, l := range levels {
		texts = append(texts, l.Title, l.Summary)
		texts = append(texts, l.Responsibilities...)
		for _, g := range fw.LevelGrades(&l) {
			texts = append(texts, g.Label())
		}
		for _, q := range l.Skills {
			sk := fw.Skill(q.Skill)
			sl := fw.SkillLevel(q.Level)
			texts = append(texts, sk.Name, sl.Name, fw.LevelPhrase(sl.ID))
			texts = append(texts, sk.Can(sl.ID)...)
		}
	}
	for _, s := range fw.RolesSharingSkills(r) {
		texts = append(texts, s.Role.Name)
		for _, id := range s.Skills {
			texts = append(texts, fw.Skill(id).Name)
		}
	}
	return texts
}

func extract(tb testing.TB, pdftotext string, pdf []byte, mode string) string {
	tb.Helper()
	cmd := exec.Command(pdftotext, mode, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v", mode, err)
	}
	return string(out)
}

var spaces = regexp.MustCompile(`\s+`)

// squash joins lines and runs of spaces, so a text wrapped over lines
// matches its source.
func squash(s string) string { return spaces.ReplaceAllString(strings.TrimSpace(s), " ") }

// TestProfileQPDF checks the structure of every profile with qpdf, on both
// paper sizes and with a header.
func TestProfileQPDF(t *testing.T) {
	qpdf := tool(t, "qpdf")
	fw := defaultFramework(t)
	logo := testPNG(t)
	for _, c := range goldenCases(fw) {
		for _, opts := range []export.ProfileOptions{{}, {Paper: "letter", Organisation: "Cabinet Office", Logo: logo}} {
			t.Run(c.name+"-"+opts.Paper, func(t *testing.T) {
				pdf, _ := render(t, fw, c.ref, opts)
				checkQPDF(t, qpdf, pdf)
			})
		}
	}
}

func checkQPDF(tb testing.TB, qpdf string, pdf []byte) {
	tb.Helper()
	f := filepath.Join(tb.TempDir(), "p.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	if out, err := exec.Command(qpdf, "--check", f).CombinedOutput(); err != nil {
		tb.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// TestProfileMetadata checks the document information, language, paper and
// outline.
func TestProfileMetadata(t *testing.T) {
	pdfinfo := tool(t, "pdfinfo")
	fw := defaultFramework(t)
	r := &fw.Roles[0]
	ref := model.LevelRef{Role: r, Level: &r.Levels[len(r.Levels)-1]}
	for _, tc := range []struct {
		paper, size string
	}{{"", "595.28 x 841.89 pts (A4)"}, {"letter", "612 x 792 pts (letter)"}} {
		t.Run("paper="+tc.paper, func(t *testing.T) {
			pdf, _ := render(t, fw, ref, export.ProfileOptions{Paper: tc.paper, Organisation: "Department for Tests", Creator: "ddat 9.9.9"})
			f := filepath.Join(t.TempDir(), "p.pdf")
			if err := os.WriteFile(f, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdfinfo, f).Output()
			if err != nil {
				t.Fatal(err)
			}
			info := string(out)
			for _, want := range []string{
				"Title:           " + ref.Level.Title,
				"Subject:         Job profile: " + ref.Level.Title,
				"Author:          Department for Tests",
				"Creator:         ddat 9.9.9",
				"Keywords:        job profile, " + r.Name,
				"CreationDate:    Sun Sep  1 12:00:00 2024",
				"Page size:       " + tc.size,
			} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			if !bytes.Contains(pdf, []byte("/Lang (en-GB)")) {
				t.Error("no /Lang (en-GB) in the catalogue")
			}
			if !bytes.Contains(pdf, []byte("/Outlines")) {
				t.Error("no outline (bookmarks)")
			}
		})
	}
}

// TestProfileText covers the text rules: spacing and format characters are
// normalised, typographic characters print, and a character the font lacks
// is an error naming the role, field and character.
func TestProfileText(t *testing.T) {
	tests := []struct {
		name, item string
		want       string // in the layout text; "" when an error is wanted
		wantErr    string
	}{
		{"spaces", "keep\u00a0a\u2028line\u2029and\u200bzero\u00adwidth\u2003spaces\t here", `"keep a line andzerowidth spaces here"`, ""},
		{"typography", "‘quotes’ “double” – — £5 café naïve Ŵ ŵ Ŷ ŷ", `"‘quotes’ “double” – — £5 café naïve Ŵ ŵ Ŷ ŷ"`, ""},
		{"emoji", "smile 😀", "", `role widget-engineer, level "associate", skill "Widget design", "You can:", item 1: character U+1F600 "😀" cannot be printed with the embedded font (Liberation Sans)`},
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

// TestProfileConcurrent makes profiles from many goroutines with shared
// fonts, as batch generation does; run with -race.
func TestProfileConcurrent(t *testing.T) {
	fw := defaultFramework(t)
	fonts, err := export.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cases := goldenCases(fw)
	want := make([][]byte, len(cases))
	for i, c := range cases {
		want[i], _ = render(t, fw, c.ref, export.ProfileOptions{Fonts: fonts})
	}
	errs := make(chan error, len(cases)*2)
	for round := 0; round < 2; round++ {
		for i, c := range cases {
			go func() {
				var buf bytes.Buffer
				_, err := export.Profile(&buf, fw, c.ref, export.ProfileOptions{Fonts: fonts, Created: created, Creator: "ddat test"})
				if err == nil && !bytes.Equal(buf.Bytes(), want[i]) {
					err = fmt.Errorf("%s: concurrent run made different bytes", c.name)
				}
				errs <- err
			}()
		}
	}
	for range len(cases) * 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestProfileOutline reads the bookmarks of a role profile with qpdf: the
// role at the top, its sections and numbered levels below, each level's
// skills below the level.
func TestProfileOutline(t *testing.T) {
	qpdf := tool(t, "qpdf")
	fw := defaultFramework(t)
	r := &fw.Roles[0]
	pdf, _ := render(t, fw, model.LevelRef{Role: r}, export.ProfileOptions{})
	f := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--json", "--json-key=outlines", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(os []outline, indent string)
	walk = func(os []outline, indent string) {
		for _, o := range os {
			got = append(got, indent+o.Title)
			walk(o.Kids, indent+"  ")
		}
	}
	walk(doc.Outlines, "")
	want := []string{r.Name, "  What " + "an infrastructure engineer does", "  Skills at each role level"}
	for i, l := range r.Levels {
		want = append(want, fmt.Sprintf("  %d. %s", i+1, l.Title), "    Skills")
	}
	want = append(want, "  Roles that share infrastructure engineer skills")
	if r.ID != "infrastructure-engineer" {
		t.Skip("the expected outline is written for the infrastructure engineer")
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("outline (-want +got):\n%s", d)
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}
