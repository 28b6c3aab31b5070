package model_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/seedref"
	"github.com/ddat-tools/ddat/model"
)

// named turns changes into the pairs seedref computes from the pages.
func named(fw *model.Framework, cs []model.Change) []seedref.Pair {
	var out []seedref.Pair
	for _, c := range cs {
		out = append(out, seedref.Pair{Name: fw.Skill(c.Skill).Name, From: c.From, To: c.To})
	}
	return out
}

func pairs(ss []seedref.Skill, new bool) []seedref.Pair {
	var out []seedref.Pair
	for _, s := range ss {
		if new {
			out = append(out, seedref.Pair{Name: s.Name, To: s.Level})
		} else {
			out = append(out, seedref.Pair{Name: s.Name, From: s.Level})
		}
	}
	return out
}

func checkChanges(t *testing.T, fw *model.Framework, got model.Changes, want seedref.Diff, wantResp []string) {
	t.Helper()
	for _, c := range []struct {
		name      string
		got, want []seedref.Pair
	}{
		{"new", named(fw, got.New), pairs(want.New, true)},
		{"raised", named(fw, got.Raised), want.Raised},
		{"unchanged", named(fw, got.Unchanged), want.Unchanged},
		{"lowered", named(fw, got.Lowered), want.Lowered},
		{"dropped", named(fw, got.Dropped), pairs(want.Dropped, false)},
	} {
		if d := cmp.Diff(c.want, c.got); d != "" {
			t.Errorf("%s skills (-seed +ddat):\n%s", c.name, d)
		}
	}
	if len(got.Other) > 0 {
		t.Errorf("skills at levels that cannot be ordered: %v", got.Other)
	}
	if d := cmp.Diff(wantResp, got.NewResponsibilities); d != "" {
		t.Errorf("new responsibilities (-seed +ddat):\n%s", d)
	}
}

// TestStepSeeds checks every step of both seed roles against the pages
// themselves: which skills are new, raised, unchanged and dropped, at which
// levels, and which responsibilities are new.
func TestStepSeeds(t *testing.T) {
	fw := fixture.Default(t)
	for _, tc := range []struct {
		role   string
		levels []seedref.Level
	}{
		{"infrastructure-engineer", seedref.InfrastructureEngineer(t)},
		{"infrastructure-operations-engineer", seedref.InfrastructureOperationsEngineer(t)},
	} {
		r := mustRole(t, fw, tc.role)
		if len(r.Levels) != len(tc.levels) || len(r.Levels) != 5 {
			t.Fatalf("%s: %d levels, the seed %d", tc.role, len(r.Levels), len(tc.levels))
		}
		for n := 2; n <= len(r.Levels); n++ {
			t.Run(tc.role+"/"+r.Levels[n-1].ID, func(t *testing.T) {
				a, b := tc.levels[n-2], tc.levels[n-1]
				want := seedref.Compare(a, b)
				if len(want.New)+len(want.Raised)+len(want.Unchanged)+len(want.Lowered) != len(b.Skills) || len(b.Skills) == 0 {
					t.Fatalf("seed level %d: %d skills, %+v", n, len(b.Skills), want)
				}
				checkChanges(t, fw, fw.Step(r, n), want, seedref.NewResponsibilities(a, b))
			})
		}
	}
}

// TestCompareAcrossRoles compares two levels of different roles.
func TestCompareAcrossRoles(t *testing.T) {
	fw := fixture.Default(t)
	ie, ioe := seedref.InfrastructureEngineer(t), seedref.InfrastructureOperationsEngineer(t)
	from, to := &mustRole(t, fw, "infrastructure-engineer").Levels[2], &mustRole(t, fw, "infrastructure-operations-engineer").Levels[2]
	got := fw.Compare(from, to)
	want := seedref.Compare(ie[2], ioe[2])
	if got.Shared() != 5 || len(want.New) != 9 {
		t.Errorf("shared %d, only the second %d; the seeds share 5 and leave 9", got.Shared(), len(want.New))
	}
	checkChanges(t, fw, got, want, seedref.NewResponsibilities(ie[2], ioe[2]))
}

// TestCompareUnknownLevels keeps levels the framework does not know apart.
func TestCompareUnknownLevels(t *testing.T) {
	fw := fixture.Default(t)
	a := &model.RoleLevel{Skills: []model.Requirement{{Skill: "Testing", Level: "working"}, {Skill: "Made up", Level: "guru"}, {Skill: "Gone", Level: "expert"}}}
	b := &model.RoleLevel{Skills: []model.Requirement{{Skill: "testing", Level: "Awareness"}, {Skill: "made up", Level: "novice"}, {Skill: "Extra", Level: ""}}}
	c := fw.Compare(a, b)
	if len(c.Lowered) != 1 || len(c.Other) != 1 || len(c.New) != 1 || len(c.Dropped) != 1 || c.Shared() != 2 {
		t.Errorf("Compare = %+v", c)
	}
}
