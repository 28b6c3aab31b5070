package model_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
)

// step is the weight of the standard skill levels: awareness 1 … expert 4.
func step(level string) int {
	return slices.Index([]string{"", "awareness", "working", "practitioner", "expert"}, level)
}

// needs is a role level that needs one skill per level given.
func needs(title string, levels ...string) model.RoleLevel {
	l := model.RoleLevel{Title: title}
	for i, lv := range levels {
		l.Skills = append(l.Skills, model.Requirement{Skill: string(rune('a' + i)), Level: lv})
	}
	return l
}

func titles(r *model.Role, order []int) []string {
	var out []string
	for _, i := range order {
		out = append(out, r.Levels[i].Title)
	}
	return out
}

func TestSeniorityOrder(t *testing.T) {
	tests := []struct {
		name   string
		role   string
		levels []model.RoleLevel // as a download lists them: alphabetically
		want   []string
	}{
		{"seed infrastructure engineer", "Infrastructure engineer", []model.RoleLevel{
			needs("Associate infrastructure engineer", "awareness"),
			needs("Infrastructure engineer", "working"),
			needs("Lead infrastructure engineer", "expert"),
			needs("Principal infrastructure engineer", "expert"),
			needs("Senior infrastructure engineer", "practitioner"),
		}, []string{"Associate infrastructure engineer", "Infrastructure engineer", "Senior infrastructure engineer", "Lead infrastructure engineer", "Principal infrastructure engineer"}},
		{"words decide against the skills", "Widget engineer", []model.RoleLevel{
			needs("Lead widget engineer", "working"),
			needs("Senior widget engineer", "expert", "expert"),
			needs("Widget engineer", "expert", "expert", "expert"),
		}, []string{"Widget engineer", "Senior widget engineer", "Lead widget engineer"}},
		{"other wording placed by skills", "Gadget analyst", []model.RoleLevel{
			needs("Gadget analyst", "working", "working"),
			needs("Head of gadget analysis", "expert", "expert", "practitioner"),
			needs("Junior gadget analyst", "awareness"),
		}, []string{"Junior gadget analyst", "Gadget analyst", "Head of gadget analysis"}},
		{"role name with a seniority word", "Lead developer", []model.RoleLevel{
			needs("Lead developer", "working"),
			needs("Senior lead developer", "working"),
		}, []string{"Lead developer", "Senior lead developer"}},
		{"whole words only", "Data engineer", []model.RoleLevel{
			needs("Data engineering lead", "working"),
			needs("Headline data engineer", "working"),
		}, []string{"Headline data engineer", "Data engineering lead"}},
		{"ties keep the source order", "X", []model.RoleLevel{needs("B x"), needs("A x")}, []string{"B x", "A x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &model.Role{Name: tt.role, Levels: tt.levels}
			order := model.SeniorityOrder(r, step)
			if got := titles(r, order); !slices.Equal(got, tt.want) {
				t.Errorf("order = %q\nwant    %q", got, tt.want)
			}
			r.ReorderLevels(order)
			var got []string
			for _, l := range r.Levels {
				got = append(got, l.Title)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("after ReorderLevels: %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSeniorityOrderOfSeeds shuffles the levels of the two seed roles into
// alphabetical order, as the download lists them, and expects the seed
// pages' order back.
func TestSeniorityOrderOfSeeds(t *testing.T) {
	fw := fixture.Default(t)
	weight := func(level string) int { return fw.SkillLevelIndex(level) + 1 }
	for i := range fw.Roles {
		r := fw.Roles[i]
		want := make([]string, len(r.Levels))
		for j := range r.Levels {
			want[j] = r.Levels[j].Title
		}
		r.Levels = slices.Clone(r.Levels)
		slices.SortFunc(r.Levels, func(a, b model.RoleLevel) int { return strings.Compare(a.Title, b.Title) })
		if got := titles(&r, model.SeniorityOrder(&r, weight)); !slices.Equal(got, want) {
			t.Errorf("%s: order = %q\nwant %q (the seed page's)", r.Name, got, want)
		}
	}
}

func TestValidateInferredOrder(t *testing.T) {
	fw := fixture.Valid(t, "small.yaml")
	count := func() (n int, msg string) {
		for _, f := range fw.Validate() {
			if f.Subject == "role levels" {
				n++
				msg = f.Message
			}
		}
		return n, msg
	}
	if n, _ := count(); n != 0 {
		t.Fatalf("a YAML file gives its order; got %d notices", n)
	}
	fw.SetLevelOrderInferred("Widget engineer", true)
	fw.SetLevelOrderInferred("team lead", true) // one level: nothing to say
	n, msg := count()
	if n != 1 || !strings.Contains(msg, "Widget engineer: 1. Associate widget engineer, 2. Widget engineer") || strings.Contains(msg, "Team lead") {
		t.Errorf("notices = %d, last %q; want one listing Widget engineer's order only", n, msg)
	}
	fw.SetLevelOrderInferred("widget engineer", false)
	if n, _ := count(); n != 0 || fw.LevelOrderInferred("Widget engineer") {
		t.Errorf("after the order is given: %d notices", n)
	}
}

func TestValidateSeniorCivilService(t *testing.T) {
	build := func(typ string, q model.Requirement) *model.Framework {
		fw := &model.Framework{
			SkillLevels: []model.SkillLevel{{Name: "Awareness"}, {Name: "Working"}},
			Skills:      []model.Skill{{Name: "Strategy"}},
			Roles: []model.Role{{Name: "Chief widget officer", Family: "Executive", Type: typ,
				Levels: []model.RoleLevel{{Title: "Chief widget officer", Skills: []model.Requirement{q}}}}},
		}
		return fw.Build()
	}
	errs := func(fw *model.Framework) (out []string) {
		for _, f := range fw.Validate() {
			if f.Severity == model.Error || strings.Contains(f.Message, "You can") {
				out = append(out, f.Severity.String()+": "+f.Message)
			}
		}
		return out
	}
	tests := []struct {
		name string
		typ  string
		q    model.Requirement
		want string // in the one finding; "" for none
	}{
		{"no level, own list", "Senior Civil Service", model.Requirement{Skill: "Strategy", Items: []string{"set a strategy"}}, ""},
		{"type in any case", "senior civil service", model.Requirement{Skill: "Strategy", Items: []string{"set a strategy"}}, ""},
		{"no level, no list", "Senior Civil Service", model.Requirement{Skill: "Strategy"}, `warning: no "You can:" list`},
		{"no level outside the type", "", model.Requirement{Skill: "Strategy", Items: []string{"x"}}, `error: no skill level for skill "Strategy"; expected one of: awareness, working (only the skills of Senior Civil Service roles have none)`},
		{"own list at a level", "Senior Civil Service", model.Requirement{Skill: "Strategy", Level: "working", Items: []string{"x"}}, `has a "You can:" list of its own`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errs(build(tt.typ, tt.q))
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("findings %q, want none", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
				t.Errorf("findings %q, want one with %q", got, tt.want)
			}
		})
	}
	fw := build("Senior Civil Service", model.Requirement{Skill: "Strategy", Items: []string{"set a strategy"}})
	p := fw.Progression(&fw.Roles[0])
	if !p.Needed[0][0] || p.Levels[0][0] != "" {
		t.Errorf("progression of a skill without a level: needed %v, level %q; want needed, no level", p.Needed, p.Levels[0][0])
	}
}
