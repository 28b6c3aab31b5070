package model

import (
	"fmt"
)

// SkillLevel is one step of the ascending scale a skill is needed at
// (awareness, working, practitioner, expert).
type SkillLevel struct {
	ID   string
	Name string
	Pos  Pos
}

// Skill is an entry of the skills catalogue. Its description at a skill level
// (the "You can:" list) is the same in every role that needs it at that level,
// so it is stored here once.
type Skill struct {
	ID          string
	Name        string
	Description string              // what the skill is; the seeds give none
	Levels      map[string][]string // skill level id → "You can:" items
	Pos         Pos
	LevelPos    map[string]Pos // where each level's description was first given
}

// Can returns the "You can:" items of the skill at a skill level id; nil when
// the framework does not describe that pair.
func (s *Skill) Can(level string) []string { return s.Levels[level] }

// ordinals are the words of the derived level phrase. Scales longer than ten
// steps fall back to numbers.
var ordinals = [...]string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// LevelPhrase is the sentence a role page prints under a skill level, derived
// from the level's position: "Working is the second of 4 ascending skill
// levels". It returns "" for an unknown level.
func (fw *Framework) LevelPhrase(level string) string {
	i := fw.SkillLevelIndex(level)
	if i < 0 {
		return ""
	}
	nth := fmt.Sprintf("%d.", i+1)
	if i < len(ordinals) {
		nth = ordinals[i]
	}
	return fmt.Sprintf("%s is the %s of %d ascending skill levels", fw.SkillLevels[i].Name, nth, len(fw.SkillLevels))
}

// SkillLevelIndex is the 0-based position of the skill level with this id or
// name on the ascending scale, or -1.
func (fw *Framework) SkillLevelIndex(level string) int {
	if i, ok := fw.index.skillLevels[fold(level)]; ok {
		return i
	}
	return -1
}

// SkillLevel returns the skill level with this id or name, or nil.
func (fw *Framework) SkillLevel(level string) *SkillLevel {
	if i := fw.SkillLevelIndex(level); i >= 0 {
		return &fw.SkillLevels[i]
	}
	return nil
}

// Skill returns the catalogue skill with this id or name (case-insensitive),
// or nil.
func (fw *Framework) Skill(skill string) *Skill {
	if i, ok := fw.index.skills[fold(skill)]; ok {
		return &fw.Skills[i]
	}
	return nil
}
