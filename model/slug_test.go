package model_test

import (
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
