package formats_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
)

// The fixture in testdata/download has the shape and every quirk of the
// framework's published download, with invented text.
var (
	roleContent       = testkit.Testdata("download", "role-content.csv")
	skillDescriptions = testkit.Testdata("download", "skill-descriptions.csv")
)

// readFiles reads files as one framework, as "ddat --data a --data b" does.
func readFiles(t testing.TB, paths ...string) (*model.Framework, error) {
	t.Helper()
	var inputs []formats.Input
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, formats.Input{Name: filepath.Base(p), R: bytes.NewReader(data)})
	}
	return formats.ReadAll(inputs)
}

func mustReadFiles(t testing.TB, paths ...string) *model.Framework {
	t.Helper()
	fw, err := readFiles(t, paths...)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// levelTitles lists each role's level titles, "role: title, title".
func levelTitles(fw *model.Framework) []string {
	var out []string
	for _, r := range fw.Roles {
		var ts []string
		for _, l := range r.Levels {
			ts = append(ts, l.Title)
		}
		out = append(out, r.Name+": "+strings.Join(ts, ", "))
	}
	return out
}

func TestReadDownload(t *testing.T) {
	fw := mustReadFiles(t, roleContent, skillDescriptions)
	findings := fw.Validate()
	if n := findings.Errors(); n != 0 {
		t.Fatalf("%d errors: %v", n, findings)
	}
	var notices []string
	for _, f := range findings {
		if f.Subject == "repeated rows" || f.Subject == "role levels" || strings.Contains(f.Message, "description") {
			notices = append(notices, f.String())
		}
	}
	want := []string{
		"role-content.csv: warning: repeated rows: 2 rows repeat an earlier row exactly and were read once: row 11 (as row 10), row 26 (as row 25)",
		"warning: role levels: the input gives no order of role levels: the levels of 2 roles are put in seniority order, " +
			"by the seniority words of their titles and the skill levels each needs; check it, and give a level number column or a --grades file listing the levels to set another:" +
			"\n  Gadget analyst: 1. Junior gadget analyst, 2. Gadget analyst, 3. Head of gadget analysis" +
			"\n  Widget engineer: 1. Associate widget engineer, 2. Widget engineer, 3. Senior widget engineer, 4. Lead widget engineer, 5. Principal widget engineer",
	}
	if diff := cmp.Diff(want, notices); diff != "" {
		t.Errorf("notices (-want +got):\n%s", diff)
	}

	scs, err := fw.Role("Chief widget officer")
	if err != nil {
		t.Fatal(err)
	}
	if scs.Type != model.SeniorCivilService || !scs.SeniorCivilService() {
		t.Errorf("role type %q, want %q", scs.Type, model.SeniorCivilService)
	}
	if len(scs.Levels) != 1 || scs.Levels[0].Title != "Chief widget officer" || scs.Levels[0].Summary != "" {
		t.Fatalf("levels of the Senior Civil Service role: %+v; want one, named after the role, without a summary", scs.Levels)
	}
	wantReqs := []model.Requirement{
		{Skill: "strategic-widgetry", Items: []string{"set the direction of widget work across the department", "secure money for widgets"}},
		{Skill: "teamwork", Items: []string{"build a leadership team for widgets"}},
	}
	if diff := cmp.Diff(wantReqs, scs.Levels[0].Skills, sameModel); diff != "" {
		t.Errorf("skills of the Senior Civil Service level (-want +got):\n%s", diff)
	}
	for name, want := range map[string]string{
		"Teamwork":           "Working with others towards a shared goal.",
		"Fixture care":       "Looking after the fixtures a team depends on.",
		"Widget design":      "Designing widgets that work for the people who use them.",
		"Strategic widgetry": "Shaping where widget work goes over the years.",
	} {
		s := fw.Skill(name)
		if s == nil || s.Description != want {
			t.Errorf("skill %q: %+v; want the description %q", name, s, want)
		}
	}
	if got := fw.Skill("Teamwork").Can("practitioner"); !slices.Equal(got, []string{"bring teams together around a goal"}) {
		t.Errorf(`Teamwork at practitioner ("You can" without its colon): %q`, got)
	}
	if got := fw.Skill("Fixture care").Can("working"); !slices.Equal(got, []string{"repair a fixture"}) {
		t.Errorf("Fixture care at working (a list split by U+2028): %q", got)
	}
	if n := len(fw.Skills); n != 5 {
		t.Errorf("%d skills, want 5 (names that differ by invisible characters and spaces are one)", n)
	}
	var yaml bytes.Buffer
	if err := formats.Write(&yaml, fw, formats.FormatYAML); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"MISSING", "NOT IN USE", "\u2028", "\u00a0", "\u200b"} {
		if strings.Contains(strings.ToUpper(yaml.String()), bad) {
			t.Errorf("the framework holds %q", bad)
		}
	}
}

// TestReadDownloadAnyOrder gives the two files the other way round: the
// same framework.
func TestReadDownloadAnyOrder(t *testing.T) {
	a := mustReadFiles(t, roleContent, skillDescriptions)
	b := mustReadFiles(t, skillDescriptions, roleContent)
	if diff := cmp.Diff(a, b, sameModel); diff != "" {
		t.Errorf("skill descriptions first gives another framework (-first +second):\n%s", diff)
	}
}

// TestReadRoleContentAlone: without the skill descriptions, each skill
// the file marks MISSING is one warning, not one per row.
func TestReadRoleContentAlone(t *testing.T) {
	fw := mustReadFiles(t, roleContent)
	var got []string
	for _, f := range fw.Validate() {
		if f.Severity == model.Error {
			t.Errorf("error: %s", f)
		}
		if strings.Contains(f.Message, "no description: the file marks it missing") {
			got = append(got, f.Subject+" at "+f.Pos.String())
		}
	}
	want := []string{
		`skill "Teamwork" at role-content.csv: row 5, column "Skill Description"`,
		`skill "Fixture care" at role-content.csv: row 12, column "Skill Description"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("missing descriptions (-want +got):\n%s", diff)
	}
	if s := fw.Skill("Teamwork"); s.Description != "" {
		t.Errorf("description %q, want none: a placeholder is not a description", s.Description)
	}
}

// TestReadSkillDescriptionsAlone reads the skills file on its own: a
// catalogue without roles, which Validate says.
func TestReadSkillDescriptionsAlone(t *testing.T) {
	fw := mustReadFiles(t, skillDescriptions)
	if len(fw.Skills) != 5 || len(fw.Roles) != 0 {
		t.Fatalf("%d skills, %d roles; want 5 and none", len(fw.Skills), len(fw.Roles))
	}
	if got := fw.Skill("Gadget testing").Can("practitioner"); !slices.Equal(got, []string{"lead the gadget test work of a team"}) {
		t.Errorf("Gadget testing at practitioner: %q", got)
	}
}

// TestReadDownloadDisagreement changes a text of the skills file: an error
// naming both files and rows.
func TestReadDownloadDisagreement(t *testing.T) {
	skills, err := os.ReadFile(skillDescriptions)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tests := []struct{ name, from, to, want string }{
		{"skill description", "Checking that gadgets do what they should.", "Checking gadgets.",
			`skill-descriptions.csv: row 3, column "Skill Description": error: skill "Gadget testing": Skill Description "Checking gadgets." differs from "Checking that gadgets do what they should." at role-content.csv: row 4`},
		{"level description", "- write gadget tests", "- write gadget tests quickly",
			`skill-descriptions.csv: row 3, column "Working": error: skill "Gadget testing" at level working: described differently here and at role-content.csv: row 4, column "Skill Level Description"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "skill-descriptions.csv")
			if err := os.WriteFile(p, bytes.Replace(skills, []byte(tt.from), []byte(tt.to), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range mustReadFiles(t, roleContent, p).Validate() {
				if f.Severity == model.Error {
					got = append(got, f.String())
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("errors %q\nwant   %q", got, tt.want)
			}
		})
	}
}

// TestReadDownloadRoundTrip: the download → model → ddat's CSV or XLSX →
// model gives the same model, the order of levels and skills included.
func TestReadDownloadRoundTrip(t *testing.T) {
	want := mustReadFiles(t, roleContent, skillDescriptions)
	for _, format := range []formats.Format{formats.FormatCSV, formats.FormatXLSX} {
		t.Run(string(format), func(t *testing.T) {
			got, _ := roundTrip(t, want, format)
			got.Meta.Name = want.Meta.Name // a flat file is named after itself
			if diff := cmp.Diff(want, got, sameModel); diff != "" {
				t.Errorf("download → %s → model differs (-download +%s):\n%s", format, format, diff)
			}
			if got.LevelOrderInferred("Widget engineer") {
				t.Errorf("ddat's own %s gives the level order, yet it reads as inferred", format)
			}
			if n := got.Validate().Errors(); n != 0 {
				t.Errorf("%d errors after the round trip", n)
			}
		})
	}
	var yaml bytes.Buffer
	if err := formats.Write(&yaml, want, formats.FormatYAML); err != nil {
		t.Fatal(err)
	}
	got, err := formats.Read(&yaml, "download.yaml", formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, sameModel); diff != "" {
		t.Errorf("download → YAML → model differs:\n%s", diff)
	}
}

// TestGradesOrderLevels: a grades file that lists every level of a role
// whose order was inferred sets the order; one that lists some does not.
func TestGradesOrderLevels(t *testing.T) {
	fw := mustReadFiles(t, roleContent, skillDescriptions)
	grades := "Gadget analyst:\n  Head of gadget analysis: G6\n  Gadget analyst: SEO\n  Junior gadget analyst: HEO\n" +
		"Widget engineer:\n  Widget engineer: HEO\n"
	g, err := formats.ReadGrades(strings.NewReader(grades), "grades.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(fw); err != nil {
		t.Fatal(err)
	}
	got := levelTitles(fw)
	want := []string{
		"Chief widget officer: Chief widget officer",
		"Gadget analyst: Head of gadget analysis, Gadget analyst, Junior gadget analyst",
		"Widget engineer: Associate widget engineer, Widget engineer, Senior widget engineer, Lead widget engineer, Principal widget engineer",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	if fw.LevelOrderInferred("Gadget analyst") || !fw.LevelOrderInferred("Widget engineer") {
		t.Errorf("inferred: gadget analyst %v, widget engineer %v; want false, true", fw.LevelOrderInferred("Gadget analyst"), fw.LevelOrderInferred("Widget engineer"))
	}
	r, _ := fw.Role("Gadget analyst")
	if l, _ := r.Level("1"); len(l.Grades) != 1 || l.Grades[0] != "g6" {
		t.Errorf("level 1 grades %q; want the grades to move with their level", l.Grades)
	}
}

// published writes fw in the layout of the framework's download: role
// content in alphabetical order of family, role, level and skill, and one
// row per skill of skill descriptions.
func published(tb testing.TB, fw *model.Framework) (roles, skills []byte) {
	tb.Helper()
	type rec = []string
	var rows []rec
	for _, r := range fw.Roles {
		family := fw.Family(r.Family).Name
		for _, l := range r.Levels {
			for _, q := range l.Skills {
				s := fw.Skill(q.Skill)
				rows = append(rows, rec{family, r.Name, model.FormatText(r.Summary, "In this role, you will:", r.Responsibilities),
					l.Title, model.FormatText(l.Summary, "At this role level, you will:", l.Responsibilities),
					s.Name, s.Description, fw.SkillLevel(q.Level).Name, model.FormatText("", "You can:", s.Can(q.Level)), r.Type})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b rec) int {
		for _, i := range []int{0, 1, 3, 5} {
			if c := strings.Compare(a[i], b[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	write := func(head rec, rows []rec) []byte {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write(head)
		w.WriteAll(rows)
		if err := w.Error(); err != nil {
			tb.Fatal(err)
		}
		return buf.Bytes()
	}
	roles = write(rec{"Role Family", "Role", "Role Description", "Role Level", "Role Level Description", "Skill Name", "Skill Description", "Skill Level", "Skill Level Description", "Role Type"}, rows)
	var srows []rec
	for _, s := range fw.Skills {
		row := rec{s.Name, s.Description}
		for _, l := range fw.SkillLevels {
			row = append(row, model.FormatText("", "You can:", s.Can(l.ID)))
		}
		srows = append(srows, append(row, ""))
	}
	skills = write(rec{"Skill Name", "Skill Description", "Awareness", "Working", "Practitioner", "Expert", "Roles that require Skill"}, srows)
	return roles, skills
}

// BenchmarkReadDownload reads a synthetic pair of files the size of the
// framework's download: 52 roles of 4 levels needing 9 skills each (1,872
// role-content rows), 190 skills.
func BenchmarkReadDownload(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 8, Roles: 52, LevelsPerRole: 4, Skills: 190, SkillsPerRole: 9})
	roles, skills := published(b, fw)
	b.SetBytes(int64(len(roles) + len(skills)))
	b.ReportAllocs()
	for b.Loop() {
		got, err := formats.ReadAll([]formats.Input{
			{Name: "role-content.csv", R: bytes.NewReader(roles)},
			{Name: "skill-descriptions.csv", R: bytes.NewReader(skills)},
		})
		if err != nil {
			b.Fatal(err)
		}
		if n := got.LevelCount(); n != 208 || len(got.Skills) != 190 {
			b.Fatalf("%d role levels and %d skills, want 208 and 190", n, len(got.Skills))
		}
	}
}
