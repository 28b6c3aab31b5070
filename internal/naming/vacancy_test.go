package naming_test

import (
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/model"
)

// TestVacancyFile: a vacancy's profile is named "<reference>-<level>",
// slugged and bounded; references that slug alike get distinct names in a
// batch, and no name reaches outside the output.
func TestVacancyFile(t *testing.T) {
	r := &model.Role{Name: "Infrastructure engineer", Levels: []model.RoleLevel{{ID: "senior", Title: "Senior infrastructure engineer"}}}
	ref := model.LevelRef{Role: r, Level: &r.Levels[0]}
	for _, tc := range []struct{ reference, want string }{
		{"CO/2025/0142", "co-2025-0142-senior-infrastructure-engineer.pdf"},
		{"", "senior-infrastructure-engineer.pdf"},
		{"../../etc", "etc-senior-infrastructure-engineer.pdf"},
		{strings.Repeat("x", 100), strings.Repeat("x", 32) + "-senior-infrastructure-engineer.pdf"},
	} {
		got := naming.VacancyFile(tc.reference, ref, ".pdf")
		if got != tc.want {
			t.Errorf("VacancyFile(%q) = %q, want %q", tc.reference, got, tc.want)
		}
		if err := naming.CheckPath(got); err != nil || len(got) > naming.MaxNameLength+4 {
			t.Errorf("VacancyFile(%q) = %q: %v", tc.reference, got, err)
		}
	}
	v := naming.NewVacancies()
	a, b := v.Add("A 1", ref, ".pdf"), v.Add("a-1", ref, ".pdf")
	if a != "a-1-senior-infrastructure-engineer.pdf" || b != "a-1-senior-infrastructure-engineer-2.pdf" {
		t.Errorf("names %q and %q; want distinct, the second with -2", a, b)
	}
}
