package profile_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// created is the fixed creation date of every test document.
var created = time.Date(2024, 9, 1, 12, 0, 0, 0, time.UTC)

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

func render(tb testing.TB, fw *model.Framework, ref model.LevelRef, opts profile.Options) ([]byte, int) {
	tb.Helper()
	if opts.Created.IsZero() {
		opts.Created = created
	}
	if opts.Creator == "" {
		opts.Creator = "ddat test"
	}
	var buf bytes.Buffer
	n, err := profile.Write(&buf, fw, ref, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), n
}

// TestProfileGolden compares each profile of the default framework, and the
// text of its layout, with the golden files, and checks the bytes do not
// change from one run to the next.
func TestProfileGolden(t *testing.T) {
	fw := fixture.Default(t)
	fonts, err := profile.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range goldenCases(fw) {
		t.Run(c.name, func(t *testing.T) {
			opts := profile.Options{Fonts: fonts}
			pdf, pages := render(t, fw, c.ref, opts)
			again, _ := render(t, fw, c.ref, profile.Options{}) // fonts loaded afresh
			if !bytes.Equal(pdf, again) {
				t.Fatalf("two runs made different bytes")
			}
			var text bytes.Buffer
			if err := profile.Dump(&text, fw, c.ref, opts); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&text, "pages %d\n", pages)
			testkit.Golden(t, "profile-"+c.name+".txt", text.Bytes())
			testkit.Golden(t, "profile-"+c.name+".pdf", pdf)
		})
	}
}

// TestProfileContent extracts the text of each profile and looks for every
// framework text of the role or level in it, and checks the page count.
func TestProfileContent(t *testing.T) {
	pdftotext := testkit.Tool(t, "pdftotext")
	fw := fixture.Default(t)
	for _, c := range goldenCases(fw) {
		t.Run(c.name, func(t *testing.T) {
			pdf, pages := render(t, fw, c.ref, profile.Options{})
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
			// No seed row is taller than a page, so none is split.
			if strings.Contains(raw, "(continued)") {
				t.Error("a table row is split across pages")
			}
			// Every page with skills repeats the table's header row, which
			// says "You can:" once for the lists below it.
			header := regexp.MustCompile(`(?m)^\s*Skill\s+Skill level\s+Description\s*\n\s*You can:\s*$`)
			for i, page := range strings.Split(layout, "\f") {
				if hasSkillRow(fw, c.ref, page) && !header.MatchString(page) {
					t.Errorf("page %d has skills but no table header:\n%s", i+1, page)
				}
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

// hasSkillRow reports whether a page of pdftotext -layout holds the start
// of a "You can:" item of a skill of ref.
func hasSkillRow(fw *model.Framework, ref model.LevelRef, page string) bool {
	levels := ref.Role.Levels
	if ref.Level != nil {
		levels = []model.RoleLevel{*ref.Level}
	}
	for _, l := range levels {
		for _, q := range l.Skills {
			for _, it := range fw.Skill(q.Skill).Can(q.Level) {
				if w := strings.Fields(it); len(w) >= 3 && strings.Contains(page, "•   "+strings.Join(w[:3], " ")) {
					return true
				}
			}
		}
	}
	return false
}

// TestProfilePages checks the length of the seed roles' profiles on A4: a
// recruiter attaches a level profile as it is, so it takes at most two
// pages, and the infrastructure engineer's whole-role profile at most ten.
func TestProfilePages(t *testing.T) {
	fw := fixture.Default(t)
	fonts, err := profile.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"infrastructure-engineer", "infrastructure-operations-engineer"} {
		r, err := fw.Role(id)
		if err != nil {
			t.Fatal(err)
		}
		logo, err := profile.PrepareLogo(encodePNG(t, 200, 80))
		if err != nil {
			t.Fatal(err)
		}
		// Plain, and with the header a department adds, on both papers.
		for _, opts := range []profile.Options{
			{Fonts: fonts},
			{Fonts: fonts, Paper: "letter"},
			{Fonts: fonts, Logo: logo, Organisation: "Department for Examples"},
			{Fonts: fonts, Logo: logo, Organisation: "Department for Examples", Paper: "letter"},
		} {
			for i := range r.Levels {
				if _, pages := render(t, fw, model.LevelRef{Role: r, Level: &r.Levels[i]}, opts); pages > 2 {
					t.Errorf("%s level %d (paper %q, header %t): %d pages, want at most 2", id, i+1, opts.Paper, opts.Logo != nil, pages)
				}
			}
		}
	}
	r, _ := fw.Role("infrastructure-engineer")
	if _, pages := render(t, fw, model.LevelRef{Role: r}, profile.Options{Fonts: fonts}); pages > 10 {
		t.Errorf("infrastructure-engineer: %d pages, want at most 10", pages)
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
	qpdf := testkit.Tool(t, "qpdf")
	fw := fixture.Default(t)
	logo := testPNG(t)
	for _, c := range goldenCases(fw) {
		for i, opts := range []profile.Options{{}, {Paper: "letter", Organisation: "Cabinet Office", Logo: logo}, {Organisation: "Welsh Government – Llywodraeth Cymru", Logo: testJPEG(t)}} {
			t.Run(fmt.Sprintf("%s-%d", c.name, i), func(t *testing.T) {
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

// TestProfileConcurrent makes profiles from many goroutines with shared
// fonts, as batch generation does; run with -race.
func TestProfileConcurrent(t *testing.T) {
	fw := fixture.Default(t)
	fonts, err := profile.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cases := goldenCases(fw)
	want := make([][]byte, len(cases))
	for i, c := range cases {
		want[i], _ = render(t, fw, c.ref, profile.Options{Fonts: fonts})
	}
	errs := make(chan error, len(cases)*2)
	for round := 0; round < 2; round++ {
		for i, c := range cases {
			go func() {
				var buf bytes.Buffer
				_, err := profile.Write(&buf, fw, c.ref, profile.Options{Fonts: fonts, Created: created, Creator: "ddat test"})
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
