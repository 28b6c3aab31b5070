package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/vacancy"
)

var fullVacancyFile = filepath.Join("testdata", "vacancies", "full.yaml")

// flat is a PDF's text with every run of white space one space.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestProfileVacancyFlags: the vacancy file's fields are on the profile,
// the flags override them, and the reference names the file.
func TestProfileVacancyFlags(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, stderr, code := ddat(t, "profile", "infrastructure-engineer", "--grade", "EO", "--vacancy", fullVacancyFile,
		"--closing-date", "30 April 2025", "--location", "Override Place", "--location", "Second Place", "--posts", "7",
		"--date", "2024-09-01", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	name := "test-2025-0142-associate-infrastructure-engineer.pdf"
	pdf, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("%v (stderr %s)", err, stderr)
	}
	text := flat(testkit.PDFText(t, pdf))
	for _, want := range []string{"TEST-2025-0142", "Wednesday 30 April 2025", "Override Place", "Second Place", "Number of posts 7", "Jo Fixture", "jo.fixture@example.gov.uk", "Security check (SC)", "Fixture behaviour two"} {
		if !strings.Contains(text, want) {
			t.Errorf("profile lacks %q", want)
		}
	}
	for _, absent := range []string{"31 March 2025", "Fixture House, Leeds"} {
		if strings.Contains(text, absent) {
			t.Errorf("profile still says %q, which a flag overrode", absent)
		}
	}
}

// TestProfileVacancyErrors: mistakes in the vacancy file or flags are
// located, exit non-zero and write nothing.
func TestProfileVacancyErrors(t *testing.T) {
	t.Parallel()
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("reference: A1\nclosing_date: 2025-02-30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad date in the file", []string{"--level", "1", "--vacancy", bad}, exitError, bad + `:2:15: closing_date: expected a date as YYYY-MM-DD`},
		{"no such file", []string{"--level", "1", "--vacancy", "nope.yaml"}, exitUsage, "--vacancy nope.yaml: no such file"},
		{"bad e-mail flag", []string{"--level", "1", "--contact-email", "jo(at)example"}, exitUsage, `--contact-email: expected an e-mail address such as name@example.gov.uk, found "jo(at)example"`},
		{"bad posts flag", []string{"--level", "1", "--posts", "many"}, exitUsage, `--posts: expected a number of posts from 1 to 10000, found "many"`},
		{"whole role", []string{"--reference", "A1"}, exitUsage, "vacancy details belong on one role level's profile; choose it with --level or --grade"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			_, stderr, code := ddat(t, append([]string{"profile", "infrastructure-engineer", "-o", dir}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q\nwant exit %d and %q", code, stderr, tc.code, tc.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("%d files written despite the error", len(entries))
			}
		})
	}
}

// TestBatchVacancies: a campaign of 30 vacancies makes 30 profiles named by
// reference, the same bytes on a second run, each with its vacancy's fields
// in its text.
func TestBatchVacancies(t *testing.T) {
	t.Parallel()
	campaign := filepath.Join("testdata", "vacancies", "campaign.csv")
	args := []string{"--vacancies", campaign, "--date", "2024-09-01", "-q"}
	out, m := batchDir(t, args...)
	again, _ := batchDir(t, args...)
	f, err := os.Open(campaign)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := vacancy.ReadCSV(f, campaign)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 30 || len(m.Files) != 30 {
		t.Fatalf("%d vacancies, %d documents; want 30 of each", len(entries), len(m.Files))
	}
	byRef := map[string]string{} // reference → path
	named := regexp.MustCompile(`^fix-2025-\d{3}-[a-z0-9-]+\.pdf$`)
	for _, item := range m.Files {
		if !named.MatchString(item.Path) || item.Kind != "profile" {
			t.Errorf("document %s (%s): want fix-2025-NNN-<level>.pdf, a profile", item.Path, item.Kind)
		}
		byRef[strings.ToUpper(item.Path[:12])] = item.Path
	}
	for _, e := range entries {
		v := e.Vacancy
		path := byRef[v.Reference]
		if path == "" {
			t.Errorf("no document for %s", v.Reference)
			continue
		}
		a, err := os.ReadFile(filepath.Join(out, path))
		if err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(filepath.Join(again, path)); err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: the second run made different bytes (%v)", path, err)
		}
		text := flat(testkit.PDFText(t, a))
		want := []string{v.Reference, v.Salary, v.WorkingPattern, v.ClosingDate.Format("2 January 2006"), v.ContactName, v.ContactEmail,
			v.SecurityClearance, fmt.Sprintf("Number of posts %d", v.Posts)}
		want = append(want, v.Locations...)
		want = append(want, v.Behaviours...)
		want = append(want, strings.Split(v.About, "\n\n")...)
		if v.Title != "" {
			want = append(want, v.Title)
		}
		for _, s := range want {
			if !strings.Contains(text, flat(s)) {
				t.Errorf("%s lacks %q", path, s)
			}
		}
	}
}

// TestBatchVacanciesErrors: each bad row is an error naming its row and
// column, and nothing is written.
func TestBatchVacanciesErrors(t *testing.T) {
	t.Parallel()
	const head = "Reference,Role,Level,Closing date,Contact email\n"
	tests := []struct {
		name, csv string
		code      int
		want      string
	}{
		{"unknown column", "Reference,Role,Level,Colour\nA1,infrastructure-engineer,1,blue\n", exitError, `: row 1, column "Colour": unknown column; expected Reference, Role, Level or Grade`},
		{"bad date", head + "A1,infrastructure-engineer,1,2025-01-01,\nA2,infrastructure-engineer,2,31/02/2025,\n", exitError, `: row 3, column "Closing date": expected a date as YYYY-MM-DD`},
		{"bad email", head + "A1,infrastructure-engineer,1,,jo@example\n", exitError, `: row 2, column "Contact email": expected an e-mail address such as name@example.gov.uk, found "jo@example"`},
		{"unknown role", head + "\nA1,infrastructure-enginer,1,,\n", exitError, `: row 3, column "Role": `},
		{"unknown level", head + "A1,infrastructure-engineer,9,,\n", exitError, `: row 2, column "Level": `},
		{"grade of two levels", "Reference,Role,Grade\nA1,infrastructure-engineer,G7\n", exitError, `: row 2, column "Grade": levels 3 (senior) and 4 (lead) of Infrastructure engineer are performed at G7`},
		{"repeated reference", head + "A1,infrastructure-engineer,1,,\na1,infrastructure-engineer,2,,\n", exitError, `: row 3, column "Reference": reference "a1" is also the reference of row 2`},
		{"no reference", head + ",infrastructure-engineer,1,,\n", exitError, `: row 2, column "Reference": no reference`},
		{"no level column", "Reference,Role\nA1,infrastructure-engineer\n", exitError, `campaign.csv:1: no Level or Grade column`},
		{"multi-line cell before the bad row", head + "A1,infrastructure-engineer,1,\"1\nJanuary 2025\",\nA2,infrastructure-engineer,1,soon,\n", exitError, `: row 3, column "Closing date": expected a date`},
		{"with --role", head + "A1,infrastructure-engineer,1,,\n", exitUsage, "--role does not apply"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "campaign.csv")
			if err := os.WriteFile(file, []byte(tc.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			args := []string{"batch", "-o", out, "--vacancies", file}
			if tc.code == exitUsage {
				args = append(args, "--role", "infrastructure-engineer")
			}
			_, stderr, code := ddat(t, args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q\nwant exit %d and %q", code, stderr, tc.code, tc.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output %s made despite the error (%v)", out, err)
			}
		})
	}
}

// TestShowVacancy checks that show prints a vacancy's details as the
// profile does, and only on a role level.
func TestShowVacancy(t *testing.T) {
	t.Parallel()
	out, stderr, code := ddat(t, "show", "infrastructure-engineer", "3", "--vacancy", "testdata/vacancies/full.yaml", "--reference", "SHOW-1")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Vacancy", "SHOW-1", "Closing date:", "Monday 31 March 2025"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	if _, _, code := ddat(t, "show", "infrastructure-engineer", "--reference", "SHOW-1"); code != exitUsage {
		t.Errorf("a vacancy on a whole role: exit %d, want %d", code, exitUsage)
	}
}

// TestCommasKeptWhole: a repeatable flag's value is never split at its
// commas: places of work and file names hold them.
func TestCommasKeptWhole(t *testing.T) {
	t.Parallel()
	out, stderr, code := ddat(t, "show", "infrastructure-engineer", "1", "--vacancy", fullVacancyFile, "--location", "Override House, Leeds")
	if code != exitOK || !strings.Contains(out, "Location:             Override House, Leeds\n") {
		t.Errorf("exit %d, stderr %q; want one location, whole:\n%s", code, stderr, out)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "frameworks", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "Roles, March 2025.yaml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := ddat(t, "--data", file, "roles"); code != exitOK {
		t.Errorf("--data %q: exit %d, stderr %q", file, code, stderr)
	}
}
