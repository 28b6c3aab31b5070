package model_test

import (
	"slices"
	"strings"
	"testing"

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
