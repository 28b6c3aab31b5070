package vacancy_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/vacancy"
	"github.com/google/go-cmp/cmp"
)

func readFile(t *testing.T, name string) *vacancy.Vacancy {
	t.Helper()
	f, err := os.Open(testkit.Testdata("vacancies", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := vacancy.Read(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestReadFull reads the full fixture as YAML and as JSON: the same
// vacancy, every field, each located in its own file.
func TestReadFull(t *testing.T) {
	want := vacancy.Vacancy{
		Reference:         "TEST-2025-0142",
		Title:             "Senior platform engineer (fixture)",
		Salary:            "£52,000 to £60,000 (fixture pay band)",
		Locations:         []string{"Fixture House, Leeds", "Test Quay, Bristol"},
		WorkingPattern:    "Full-time, part-time or job share",
		ClosingDate:       time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC),
		ContactName:       "Jo Fixture",
		ContactEmail:      "jo.fixture@example.gov.uk",
		SecurityClearance: "Security check (SC)",
		Posts:             2,
		About:             "This is fixture text for ddat's tests. It stands where a recruiter's own description of the job would go.\n\nA second paragraph of fixture text: the team, the place, the way of working.",
		Behaviours:        []string{"Fixture behaviour one", "Fixture behaviour two", "Fixture behaviour three"},
	}
	wantPos := map[string]map[string]model.Pos{
		"full.yaml": {"reference": {File: "full.yaml", Line: 2, Col: 12}, "posts": {File: "full.yaml", Line: 13, Col: 8}, "about": {File: "full.yaml", Line: 14, Col: 8}},
		"full.json": {"reference": {File: "full.json", Line: 2, Col: 15}, "posts": {File: "full.json", Line: 11, Col: 11}, "about": {File: "full.json", Line: 12, Col: 11}},
	}
	for _, name := range []string{"full.yaml", "full.json"} {
		t.Run(name, func(t *testing.T) {
			v := readFile(t, name)
			got := *v
			got.Pos = nil
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("vacancy (-want +got):\n%s", d)
			}
			for f, p := range wantPos[name] {
				if v.Pos[f] != p {
					t.Errorf("position of %s: got %v, want %v", f, v.Pos[f], p)
				}
			}
			if len(v.Pos) != len(vacancy.Fields) {
				t.Errorf("%d positions, want one for each of %d fields", len(v.Pos), len(vacancy.Fields))
			}
		})
	}
}

// TestReadErrors checks that each mistake in a vacancy file is a located
// error naming the field and what was expected.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"unknown field", "v.yaml", "reference: A1\nsalry: £50,000\n", `v.yaml:2:1: salry: unknown field "salry"; expected one of: reference, title, salary`},
		{"bad date", "v.yaml", "reference: A1\nclosing_date: 31/03/2025\n", `v.yaml:2:15: closing_date: expected a date as YYYY-MM-DD (e.g. 2025-03-31) or as an advert writes it (31 March 2025), found "31/03/2025"`},
		{"impossible date", "v.yaml", "closing date: 2025-02-30\n", `v.yaml:1:15: closing date: expected a date as YYYY-MM-DD`},
		{"bad email", "v.yaml", "contact_email: jo at example\n", `v.yaml:1:16: contact_email: expected an e-mail address such as name@example.gov.uk, found "jo at example"`},
		{"email with a name", "v.yaml", "contact_email: Jo <jo@example.gov.uk>\n", `v.yaml:1:16: contact_email: expected an e-mail address`},
		{"posts not a number", "v.yaml", "posts: two\n", `v.yaml:1:8: posts: expected a number of posts from 1 to 10000, found "two"`},
		{"posts zero", "v.yaml", "posts: 0\n", `v.yaml:1:8: posts: expected a number of posts`},
		{"list for text", "v.yaml", "salary:\n  - a\n  - b\n", `v.yaml:2:3: salary: expected text, found a list`},
		{"mapping in a list", "v.yaml", "locations:\n  - {a: b}\n", `v.yaml:2:5: locations: expected text for each item, found a mapping of fields`},
		{"twice", "v.yaml", "reference: A\nReference: B\n", `v.yaml:2:1: Reference: field reference given twice; first at line 1`},
		{"not a mapping", "v.yaml", "- reference\n", `v.yaml:1:1: expected a mapping of the vacancy's fields`},
		{"empty", "v.yaml", "\n  \n", `v.yaml: file is empty`},
		{"syntax", "v.yaml", "reference: A1\n  salary: [\n", `v.yaml:2: syntax error near here`},
		{"second document", "v.yaml", "reference: A1\n---\nreference: A2\n", `v.yaml:2:1: a second YAML document`},
		{"control character", "v.json", "{\"about\": \"ring \\u0007 bell\"}", `v.json:1:11: about: control character U+0007 in the text; remove it`},
		{"json unknown field", "v.json", "{\n  \"reference\": \"A1\",\n  \"grade\": \"G7\"\n}\n", `v.json:3:3: grade: unknown field "grade"`},
		{"json bad date", "v.json", "{\n\t\"closing_date\": \"2025-13-01\"\n}\n", `v.json:2:18: closing_date: expected a date`},
		{"not utf-8", "v.yaml", "about: caf\xe9\n", `v.yaml: the file is not UTF-8 text`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := vacancy.Read(strings.NewReader(tc.text), tc.file)
			var le *model.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, %v; want a *model.LoadError", v, err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error\n got %s\nwant %s…", err, tc.want)
			}
		})
	}
}

// TestSet covers the fields as the command line sets them: other names,
// lists split at semicolons, a blank value clearing the field.
func TestSet(t *testing.T) {
	var v vacancy.Vacancy
	flag := model.Pos{File: "--location"}
	for _, s := range []struct{ field, value string }{
		{"closing-date", "1 April 2025"}, {"Pay band", "SEO"}, {"Number of posts", "3"}, {"job title", "Fixture title"},
	} {
		if err := v.Set(s.field, model.Pos{File: "--" + s.field}, s.value); err != nil {
			t.Fatalf("Set(%q, %q): %v", s.field, s.value, err)
		}
	}
	if err := v.Set("location", flag, "Leeds; York", "Fixture House, Bristol"); err != nil {
		t.Fatal(err)
	}
	want := vacancy.Vacancy{ClosingDate: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), Salary: "SEO", Posts: 3, Title: "Fixture title",
		Locations: []string{"Leeds", "York", "Fixture House, Bristol"}}
	got := v
	got.Pos = nil
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("vacancy (-want +got):\n%s", d)
	}
	if v.Pos["locations"] != flag {
		t.Errorf("position of locations: %v", v.Pos["locations"])
	}
	if err := v.Set("salary", flag, ""); err != nil || v.Salary != "" {
		t.Errorf("a blank value: %v, salary %q", err, v.Salary)
	}
	if err := v.Set("colour", flag, "blue"); err == nil || !strings.Contains(err.Error(), `unknown field "colour"`) {
		t.Errorf("unknown field: %v", err)
	}
	if !(&vacancy.Vacancy{}).Empty() || v.Empty() {
		t.Errorf("Empty: wrong")
	}
}

// FuzzRead checks that any input is read or refused with a located error,
// never a crash, and that what is read has a valid e-mail address and
// number of posts.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"full.yaml", "full.json"} {
		b, err := os.ReadFile(testkit.Testdata("vacancies", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := vacancy.Read(strings.NewReader(string(b)), "f.yaml")
		if err != nil {
			var le *model.LoadError
			if !errors.As(err, &le) || le.Pos.File != "f.yaml" {
				t.Fatalf("error %v: not a located *model.LoadError", err)
			}
			return
		}
		if v.Posts < 0 || v.Posts > vacancy.MaxPosts || v.ContactEmail != "" && !strings.Contains(v.ContactEmail, "@") {
			t.Fatalf("read an invalid vacancy: %+v", v)
		}
	})
}
