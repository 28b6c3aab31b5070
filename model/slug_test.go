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
