package model_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
)

func mustRole(t *testing.T, fw *model.Framework, q string) *model.Role {
	t.Helper()
	r, err := fw.Role(q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRoleLookup(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	for _, q := range []string{"widget-engineer", "Widget engineer", "WIDGET ENGINEER", "  widget   engineer ", "Widget-Engineer"} {
		r, err := fw.Role(q)
		if err != nil || r.ID != "widget-engineer" {
			t.Errorf("Role(%q) = %v, %v; want widget-engineer", q, r, err)
		}
	}
	_, err := fw.Role("astronaut")
	var nf *model.NotFoundError
	if !errors.As(err, &nf) || !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("Role(astronaut) error = %v, want a *NotFoundError", err)
	}
	if want := []string{"widget-engineer", "gadget-keeper", "team-lead"}; !slices.Equal(nf.Choices, want) {
		t.Errorf("choices = %q, want %q", nf.Choices, want)
	}
}

func TestLevelLookup(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	r := mustRole(t, fw, "widget-engineer")
	if got := []string{r.Levels[0].ID, r.Levels[1].ID}; !slices.Equal(got, []string{"associate", "widget-engineer"}) {
		t.Errorf("level ids = %q, want the title without the role name, or the whole title when that leaves nothing", got)
	}
	tests := []struct {
		q    string
		want int // 1-based, 0 = not found
	}{
		{"1", 1}, {" 2 ", 2},
		{"associate", 1}, {"ASSOCIATE", 1},
		{"Associate widget engineer", 1}, {"associate-widget-engineer", 0},
		{"Widget engineer", 2}, {"widget-engineer", 2},
		{"0", 0}, {"3", 0}, {"-1", 0}, {"senior", 0}, {"", 0},
	}
	for _, tt := range tests {
		l, err := r.Level(tt.q)
		switch {
		case tt.want == 0 && err == nil:
			t.Errorf("Level(%q) = %q, want not found", tt.q, l.Title)
		case tt.want == 0:
			var nf *model.NotFoundError
			if !errors.As(err, &nf) || !slices.Equal(nf.Choices, []string{"1 (associate)", "2 (widget-engineer)"}) {
				t.Errorf("Level(%q) error = %v, want a *NotFoundError listing both levels", tt.q, err)
			}
		case err != nil:
			t.Errorf("Level(%q): %v", tt.q, err)
		case r.LevelNumber(l) != tt.want:
			t.Errorf("Level(%q) = level %d, want %d", tt.q, r.LevelNumber(l), tt.want)
		}
	}
}

func TestGradeRange(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	for role, want := range map[string]string{
		"widget-engineer": "EO to SEO",
		"gadget-keeper":   "SEO to G7",
		"team-lead":       "G7",
	} {
		if got := fw.GradeRange(mustRole(t, fw, role)); got != want {
			t.Errorf("GradeRange(%s) = %q, want %q", role, got, want)
		}
	}
	if got := fw.GradeRange(&model.Role{Levels: []model.RoleLevel{{Title: "No grades"}}}); got != "" {
		t.Errorf("GradeRange of a role without grades = %q, want \"\"", got)
	}
	def := fixture.Default(t)
	if got := def.GradeRange(mustRole(t, def, "infrastructure-engineer")); got != "EO to Deputy director or equivalent" {
		t.Errorf("GradeRange(infrastructure-engineer) = %q: a grade without a code is shown by name", got)
	}
}

func TestProgression(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	p := fw.Progression(mustRole(t, fw, "widget-engineer"))
	if want := []string{"widget-design", "teamwork", "gadget-care"}; !slices.Equal(p.Skills, want) {
		t.Errorf("skills = %q, want %q (level by level, in source order)", p.Skills, want)
	}
	want := [][]string{{"awareness", "working"}, {"awareness", "working"}, {"", "working"}}
	if diff := cmp.Diff(want, p.Levels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
}

func TestSharedSkills(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	we, gk, tl := mustRole(t, fw, "widget-engineer"), mustRole(t, fw, "gadget-keeper"), mustRole(t, fw, "team-lead")
	tests := []struct {
		a, b *model.Role
		want []string
	}{
		{we, gk, []string{"teamwork", "gadget-care"}}, // in the order a first needs them
		{gk, we, []string{"gadget-care", "teamwork"}},
		{we, tl, []string{"teamwork"}},
		{we, we, []string{"widget-design", "teamwork", "gadget-care"}},
	}
	for _, tt := range tests {
		if got := fw.SharedSkills(tt.a, tt.b); !slices.Equal(got, tt.want) {
			t.Errorf("SharedSkills(%s, %s) = %q, want %q", tt.a.ID, tt.b.ID, got, tt.want)
		}
	}
}

func TestRolesSharingSkills(t *testing.T) {
	fw := fixture.Valid(t, "sharing.yaml")
	got := fw.RolesSharingSkills(mustRole(t, fw, "anchor"))
	type row struct {
		Role   string
		Skills []string
	}
	var rows []row
	for _, s := range got {
		rows = append(rows, row{s.Role.Name, s.Skills})
	}
	// Most shared first, ties by name ignoring case, at most five, only the
	// same family; skills in the order Anchor first needs them.
	all := []string{"skill-c", "skill-a", "skill-b", "skill-e", "skill-d"}
	want := []row{
		{"Alpha", all},
		{"Zeta", all},
		{"beta", []string{"skill-c", "skill-a", "skill-b"}},
		{"Mid", []string{"skill-c", "skill-a", "skill-b"}},
		{"Delta", []string{"skill-a", "skill-b"}},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("RolesSharingSkills(Anchor) (-want +got):\n%s", diff)
	}
	if len(got) != model.MaxSharedRoles {
		t.Errorf("%d roles, want MaxSharedRoles = %d", len(got), model.MaxSharedRoles)
	}
	// A role sharing nothing with its family lists nobody.
	if got := fw.RolesSharingSkills(mustRole(t, fw, "outsider")); len(got) != 0 {
		t.Errorf("RolesSharingSkills(Outsider) = %d roles, want none: no other role is in its family", len(got))
	}
}

func TestSelect(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	tests := []struct {
		name string
		sel  model.Selection
		want []string // role id/level id
	}{
		{"All", model.Selection{}, []string{"widget-engineer/associate", "widget-engineer/widget-engineer", "gadget-keeper/gadget-keeper", "team-lead/team-lead"}},
		{"FamilyByName", model.Selection{Families: []string{"Engineering"}}, []string{"widget-engineer/associate", "widget-engineer/widget-engineer", "gadget-keeper/gadget-keeper"}},
		{"FamilyByID", model.Selection{Families: []string{"leadership"}}, []string{"team-lead/team-lead"}},
		{"Roles", model.Selection{Roles: []string{"Team lead", "gadget-keeper"}}, []string{"gadget-keeper/gadget-keeper", "team-lead/team-lead"}},
		{"GradeByCode", model.Selection{Grades: []string{"SEO"}}, []string{"widget-engineer/widget-engineer", "gadget-keeper/gadget-keeper"}},
		{"GradeByName", model.Selection{Grades: []string{"executive officer"}}, []string{"widget-engineer/associate"}},
		{"AnyGrade", model.Selection{Grades: []string{"EO", "G7"}}, []string{"widget-engineer/associate", "gadget-keeper/gadget-keeper", "team-lead/team-lead"}},
		{"AllFilters", model.Selection{Families: []string{"Engineering"}, Roles: []string{"widget-engineer"}, Grades: []string{"HEO"}}, []string{"widget-engineer/associate", "widget-engineer/widget-engineer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs, err := fw.Select(tt.sel)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ref := range refs {
				got = append(got, ref.Role.ID+"/"+ref.Level.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Select(%+v) = %q, want %q", tt.sel, got, tt.want)
			}
		})
	}

	errTests := []struct {
		name string
		sel  model.Selection
		is   error
	}{
		{"UnknownFamily", model.Selection{Families: []string{"Astronautics"}}, model.ErrNotFound},
		{"UnknownRole", model.Selection{Roles: []string{"astronaut"}}, model.ErrNotFound},
		{"UnknownGrade", model.Selection{Grades: []string{"G9"}}, model.ErrNotFound},
		{"Empty", model.Selection{Roles: []string{"team-lead"}, Grades: []string{"EO"}}, model.ErrEmptySelection},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			refs, err := fw.Select(tt.sel)
			if !errors.Is(err, tt.is) || refs != nil {
				t.Errorf("Select(%+v) = %d refs, %v; want error %v", tt.sel, len(refs), err, tt.is)
			}
		})
	}
}

func TestLevelPhrase(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	for level, want := range map[string]string{
		"awareness":    "Awareness is the first of 4 ascending skill levels",
		"Working":      "Working is the second of 4 ascending skill levels",
		"practitioner": "Practitioner is the third of 4 ascending skill levels",
		"expert":       "Expert is the fourth of 4 ascending skill levels",
		"mastery":      "",
	} {
		if got := fw.LevelPhrase(level); got != want {
			t.Errorf("LevelPhrase(%q) = %q, want %q", level, got, want)
		}
	}
}

func TestRoleDocuments(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	r, err := fw.Role("widget-engineer")
	if err != nil {
		t.Fatal(err)
	}
	refs := r.Documents()
	if len(refs) != 1+len(r.Levels) || refs[0].Level != nil || refs[0].Role != r {
		t.Fatalf("Documents() = %v; want the whole role, then each level", refs)
	}
	for j, ref := range refs[1:] {
		if ref.Role != r || ref.Level != &r.Levels[j] || ref.Number() != j+1 {
			t.Errorf("Documents()[%d] = %+v, want level %d", j+1, ref, j+1)
		}
	}
}
