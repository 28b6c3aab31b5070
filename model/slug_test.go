package model_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Infrastructure engineer", "infrastructure-engineer"},
		{"Coding and scripting (infrastructure engineer)", "coding-and-scripting-infrastructure-engineer"},
		{"IT operations", "it-operations"},
		{"G7", "g7"},
		{"Deputy director or equivalent", "deputy-director-or-equivalent"},
		{"  Senior  --  infrastructure\tengineer  ", "senior-infrastructure-engineer"},
		{"Gwasanaeth Ŵyl", "gwasanaeth-wyl"},
		{"Café données", "cafe-donnees"},
		{"Ünïcödé ßtraße", "unicode-sstrasse"},
		{"Œuvre Ærø Łódź", "oeuvre-aero-lodz"},
		{"they're", "theyre"},
		{"they’re", "theyre"},
		{"Change and release manager / C&R", "change-and-release-manager-c-r"},
		{"already-a-slug", "already-a-slug"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := model.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := model.Slug(tt.want); again != tt.want {
			t.Errorf("Slug(%q) = %q: a slug must be its own slug", tt.want, again)
		}
	}
}

func TestBuildIDWithoutLatinLetters(t *testing.T) {
	fw := (&model.Framework{
		SkillLevels: []model.SkillLevel{{Name: "Awareness"}},
		Roles:       []model.Role{{Name: "基础设施工程师", Family: "运营"}, {Name: "数据科学家", Family: "运营"}},
	}).Build()
	a, b := fw.Roles[0].ID, fw.Roles[1].ID
	if a == "" || b == "" || a == b {
		t.Errorf("role ids = %q, %q; want two distinct non-empty ids", a, b)
	}
	if r, err := fw.Role(a); err != nil || r.Name != "基础设施工程师" {
		t.Errorf("Role(%q) = %v, %v", a, r, err)
	}
}

func TestBuildIDsOfNamesThatSlugAlike(t *testing.T) {
	fw := (&model.Framework{
		SkillLevels: []model.SkillLevel{{Name: "Awareness"}},
		Roles: []model.Role{
			{Name: "C developer", Family: "Software"},
			{Name: "C++ developer", Family: "Software"},
			{Name: "C# developer", Family: "Software", ID: "c-developer-2"}, // taken on purpose
			{Name: "C-- developer", Family: "Software"},
		},
	}).Build()
	var ids []string
	for _, r := range fw.Roles {
		ids = append(ids, r.ID)
	}
	want := []string{"c-developer", "c-developer-3", "c-developer-2", "c-developer-4"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	for _, f := range fw.Validate() {
		if strings.Contains(f.Message, "duplicate") {
			t.Errorf("finding %v: distinct names must not be duplicates", f)
		}
	}
	for _, r := range fw.Roles {
		if got, err := fw.Role(r.Name); err != nil || got.ID != r.ID {
			t.Errorf("Role(%q) = %v, %v; want id %s", r.Name, got, err, r.ID)
		}
	}
}

// TestValidateRejectsIDsThatAreNotSlugs checks that an id that could name a
// file outside the output directory, a device or a hidden file is an error
// naming the id, for every kind of thing that has an id.
func TestValidateRejectsIDsThatAreNotSlugs(t *testing.T) {
	bad := []string{"../escaped", "/abs", "a\x00b", "CON", "a/b", `a\b`, ".hidden", "-lead", "trail-", "two--hyphens", "Senior", "é", "a b"}
	kinds := []struct {
		kind string
		set  func(fw *model.Framework, id string)
	}{
		{"role", func(fw *model.Framework, id string) { fw.Roles[0].ID = id }},
		{"role level", func(fw *model.Framework, id string) { fw.Roles[0].Levels[0].ID = id }},
		{"skill", func(fw *model.Framework, id string) { fw.Skills[0].ID = id }},
		{"skill level", func(fw *model.Framework, id string) { fw.SkillLevels[0].ID = id }},
		{"grade", func(fw *model.Framework, id string) { fw.Grades[0].ID = id }},
	}
	for _, k := range kinds {
		for _, id := range bad {
			t.Run(k.kind+"/"+id, func(t *testing.T) {
				fw := fixture.Default(t)
				k.set(fw, id)
				found := false
				for _, f := range fw.Validate() {
					if f.Severity == model.Error && strings.Contains(f.String(), fmt.Sprintf("%s id %q", k.kind, id)) && strings.Contains(f.String(), "not a valid id") {
						found = true
					}
				}
				if !found {
					t.Errorf("%s id %q: no error; findings:\n%v", k.kind, id, fw.Validate())
				}
			})
		}
	}
	for _, good := range []string{"senior", "g7", "level-2", "x1f3a"} {
		if !model.IsSlug(good) {
			t.Errorf("IsSlug(%q) = false", good)
		}
	}
}
