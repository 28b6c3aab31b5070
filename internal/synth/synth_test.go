package synth_test

import (
	"testing"

	"github.com/ddat-tools/ddat/internal/synth"
)

func TestFramework(t *testing.T) {
	fw := synth.Framework(synth.Size{Families: 3, Roles: 100, LevelsPerRole: 5, Skills: 300})
	if got := fw.LevelCount(); got != 500 {
		t.Errorf("LevelCount = %d, want 500", got)
	}
	if got := len(fw.Skills); got != 300 {
		t.Errorf("skills = %d, want 300", got)
	}
	if got := len(fw.Families); got != 3 {
		t.Errorf("families = %d, want 3", got)
	}
	if fs := fw.Validate(); len(fs) > 0 {
		t.Errorf("Validate: %d findings, first %v", len(fs), fs[0])
	}
	again := synth.Framework(synth.Size{Families: 3, Roles: 100, LevelsPerRole: 5, Skills: 300})
	if fw.Roles[42].Levels[3].Summary != again.Roles[42].Levels[3].Summary {
		t.Error("two calls with the same size differ")
	}
}
