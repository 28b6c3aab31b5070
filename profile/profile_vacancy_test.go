package profile_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/ddat-tools/ddat/vacancy"
)

// fullVacancy is the fixture vacancy with every field given.
func fullVacancy(tb testing.TB) *vacancy.Vacancy {
	tb.Helper()
	f, err := os.Open(testkit.Testdata("vacancies", "full.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	v, err := vacancy.Read(f, "full.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// seniorRef is the third level of the first seed role.
func seniorRef(tb testing.TB, fw *model.Framework) model.LevelRef {
	tb.Helper()
	r, err := fw.Role("infrastructure-engineer")
	if err != nil {
		tb.Fatal(err)
	}
	return model.LevelRef{Role: r, Level: &r.Levels[2]}
}

// TestProfileVacancyGolden compares a level profile with the full fixture
// vacancy, and its description, with the golden files; checks every field
// is in the PDF's text, on page 1, and the reference in its metadata.
func TestProfileVacancyGolden(t *testing.T) {
	fw := fixture.Default(t)
	ref := seniorRef(t, fw)
	v := fullVacancy(t)
	opts := profile.Options{Vacancy: v}
	pdf, pages := render(t, fw, ref, opts)
	if again, _ := render(t, fw, ref, opts); !bytes.Equal(pdf, again) {
		t.Fatal("two runs made different bytes")
	}
	var text bytes.Buffer
	if err := profile.Dump(&text, fw, ref, opts); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&text, "pages %d\n", pages)
	testkit.Golden(t, "profile-vacancy-infrastructure-engineer-senior.txt", text.Bytes())
	testkit.Golden(t, "profile-vacancy-infrastructure-engineer-senior.pdf", pdf)

	page1 := squash(strings.Split(testkit.PDFText(t, pdf), "\f")[0])
	for _, want := range vacancyTexts(v) {
		if !strings.Contains(page1, squash(want)) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	// The advertised title heads the page; the level's title is said too.
	for _, want := range []string{"Job profile Senior platform engineer (fixture)", "Senior infrastructure engineer, level 3 of 5"} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	pdfinfo := testkit.Tool(t, "pdfinfo")
	f := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, f).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Title:           Senior platform engineer (fixture)",
		"; vacancy reference TEST-2025-0142",
		"Keywords:        job profile, Infrastructure engineer, IT operations, Senior infrastructure engineer, SEO, G7, TEST-2025-0142, Senior platform engineer (fixture)",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

// vacancyTexts are the texts of v a profile shows, as pdftotext reads them.
func vacancyTexts(v *vacancy.Vacancy) []string {
	texts := []string{v.Reference, v.Title, v.Salary, v.WorkingPattern, v.ContactName, v.ContactEmail, v.SecurityClearance}
	texts = append(texts, v.Locations...)
	texts = append(texts, v.Behaviours...)
	for _, p := range strings.Split(v.About, "\n\n") {
		texts = append(texts, p)
	}
	if !v.ClosingDate.IsZero() {
		texts = append(texts, v.ClosingDate.Format("2 January 2006"))
	}
	if v.Posts > 0 {
		texts = append(texts, fmt.Sprintf("Number of posts %d", v.Posts))
	}
	var out []string
	for _, s := range texts {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TestProfileVacancyPartial checks that only the fields given appear:
// a vacancy with a reference and a salary says nothing of the rest.
func TestProfileVacancyPartial(t *testing.T) {
	fw := fixture.Default(t)
	ref := seniorRef(t, fw)
	v := &vacancy.Vacancy{Reference: "P-1", Salary: "Fixture pay"}
	var text bytes.Buffer
	if err := profile.WriteText(&text, fw, ref, profile.TextOptions{Vacancy: v}); err != nil {
		t.Fatal(err)
	}
	got := text.String()
	for _, want := range []string{"Vacancy\n-------", "Reference", "P-1", "Salary", "Fixture pay", "Senior infrastructure engineer\n====="} {
		if !strings.Contains(got, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	for _, absent := range []string{"Closing date", "Location", "Contact", "About the job", "Behaviours", "Number of posts", "level 3 of 5"} {
		if strings.Contains(got, absent) {
			t.Errorf("show says %q, which the vacancy does not give", absent)
		}
	}
}

// TestProfileVacancyErrors: the vacancy's text passes the same check as
// the framework's, located where the vacancy gave it; a vacancy needs a
// role level.
func TestProfileVacancyErrors(t *testing.T) {
	fw := fixture.Default(t)
	ref := seniorRef(t, fw)
	v, err := vacancy.Read(strings.NewReader("reference: A1\nabout: |\n  Smile 😀\n"), "v.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	_, err = profile.Write(&pdf, fw, ref, profile.Options{Vacancy: v, Created: created})
	var ge *profile.GlyphError
	if !errors.As(err, &ge) || !strings.HasPrefix(err.Error(), `v.yaml:2:8: role infrastructure-engineer, vacancy about: character U+1F600`) {
		t.Errorf("got %v; want a located *GlyphError", err)
	}
	if pdf.Len() != 0 {
		t.Errorf("%d bytes written despite the error", pdf.Len())
	}
	_, err = profile.Write(&pdf, fw, model.LevelRef{Role: ref.Role}, profile.Options{Vacancy: &vacancy.Vacancy{Reference: "A1"}, Created: created})
	if err == nil || !strings.Contains(err.Error(), "vacancy details belong on the profile of one role level") {
		t.Errorf("a vacancy on a whole role's profile: got %v", err)
	}
}

// TestProfileVacancyHTML checks that the HTML profile carries the vacancy
// as the PDF does: every line of the text with the vacancy is in the page.
func TestProfileVacancyHTML(t *testing.T) {
	fw := fixture.Default(t)
	ref := seniorRef(t, fw)
	v := fullVacancy(t)
	var text, page bytes.Buffer
	if err := profile.WriteText(&text, fw, ref, profile.TextOptions{Vacancy: v}); err != nil {
		t.Fatal(err)
	}
	if err := profile.WriteHTML(&page, fw, ref, profile.HTMLOptions{Vacancy: v}); err != nil {
		t.Fatal(err)
	}
	got := words(htmlText(parseHTML(t, page.Bytes())))
	if !strings.Contains(got, words(v.Reference)) {
		t.Fatalf("the page lacks the reference %q", v.Reference)
	}
	for _, line := range strings.Split(text.String(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.Trim(line, "=-") == "" {
			continue
		}
		for _, part := range strings.SplitN(line, ": ", 2) {
			if part = words(strings.TrimSuffix(part, ":")); !strings.Contains(got, part) {
				t.Errorf("the HTML lacks %q", part)
			}
		}
	}
}
