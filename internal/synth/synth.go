// Package synth generates synthetic frameworks of any size, with text lengths
// like the real framework's, for tests and benchmarks. Its text is invented
// and never ships as framework data.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/model"
)

// Size says how big a synthetic framework is.
type Size struct {
	Families      int // role families (default 1)
	Roles         int // roles, spread over the families
	LevelsPerRole int // role levels in each role (default 5)
	Skills        int // skills in the catalogue
	SkillsPerRole int // skills each role draws on (default 12, at most Skills)
}

// Published is the size of the framework's published download: about 50
// roles in 8 families, 200 role levels, 190 skills and 1,800 skill
// requirements (9 a level).
var Published = Size{Families: 8, Roles: 50, LevelsPerRole: 4, Skills: 190, SkillsPerRole: 9}

var words = strings.Fields(`design build manage support service services infrastructure data
user users team teams technical technology systems system standards
practice practices risk risks change changes plan plans deliver delivery
review reviews lead guide coach others across within the and of to for with
a an in on complex simple appropriate effective operational strategic
security testing quality process processes solutions product products
organisation stakeholders requirements performance improvement monitor
integrate integration document documentation analyse analysis approach`)

// Framework returns a built framework of the given size. The same size gives
// the same framework on every call.
func Framework(s Size) *model.Framework {
	if s.Families <= 0 {
		s.Families = 1
	}
	if s.LevelsPerRole <= 0 {
		s.LevelsPerRole = 5
	}
	if s.SkillsPerRole <= 0 {
		s.SkillsPerRole = 12
	}
	s.SkillsPerRole = min(s.SkillsPerRole, s.Skills)
	g := &gen{rnd: rand.New(rand.NewPCG(1, 2))}
	fw := &model.Framework{
		Meta: model.Meta{Name: "Synthetic Framework", Source: "ddat synthetic data", Licence: "Test data"},
		SkillLevels: []model.SkillLevel{
			{ID: "awareness", Name: "Awareness"}, {ID: "working", Name: "Working"},
			{ID: "practitioner", Name: "Practitioner"}, {ID: "expert", Name: "Expert"},
		},
		Grades: []model.Grade{
			{Code: "AO", Name: "Administrative Officer"}, {Code: "EO", Name: "Executive Officer"},
			{Code: "HEO", Name: "Higher Executive Officer"}, {Code: "SEO", Name: "Senior Executive Officer"},
			{Code: "G7", Name: "Grade 7"}, {Code: "G6", Name: "Grade 6"},
			{Name: "Deputy director or equivalent"},
		},
	}
	for i := range s.Skills {
		sk := model.Skill{
			Name:        fmt.Sprintf("Skill %03d %s", i+1, g.words(2)),
			Description: g.sentence(18),
			Levels:      map[string][]string{},
		}
		for _, l := range fw.SkillLevels {
			sk.Levels[l.ID] = g.items(1 + g.rnd.IntN(4))
		}
		fw.Skills = append(fw.Skills, sk)
	}
	titles := []string{"Associate %s", "%s", "Senior %s", "Lead %s", "Principal %s", "Head of %s"}
	date := time.Date(2020, 1, 7, 0, 0, 0, 0, time.UTC)
	for i := range s.Roles {
		name := fmt.Sprintf("Role %03d %s", i+1, g.words(2))
		r := model.Role{
			Name:      name,
			Family:    fmt.Sprintf("Family %02d", i%s.Families+1),
			Summary:   "A " + strings.ToLower(name) + " " + g.sentence(22),
			Published: date,
			Updated:   date.AddDate(0, i%40, 0),
			Updates:   []model.Update{{Date: date, Changes: []string{"First published."}}},
		}
		first := g.rnd.IntN(max(1, s.Skills))
		for j := range s.LevelsPerRole {
			title := fmt.Sprintf(titles[min(j, len(titles)-1)], strings.ToLower(name))
			if j >= len(titles) {
				title = fmt.Sprintf("%s level %d", name, j+1)
			}
			title = strings.ToUpper(title[:1]) + title[1:]
			l := model.RoleLevel{
				Title:            title,
				Summary:          g.sentence(30),
				Responsibilities: g.items(2 + g.rnd.IntN(4)),
				Grades:           []string{fw.Grades[min(j, 5)].Short(), fw.Grades[min(j+1, 6)].Short()},
			}
			for k := range s.SkillsPerRole {
				lvl := min(3, j*4/max(1, s.LevelsPerRole)+k%2)
				l.Skills = append(l.Skills, model.Requirement{
					Skill: fw.Skills[(first+k)%s.Skills].Name,
					Level: fw.SkillLevels[lvl].ID,
				})
			}
			r.Levels = append(r.Levels, l)
		}
		fw.Roles = append(fw.Roles, r)
	}
	return fw.Build()
}

type gen struct{ rnd *rand.Rand }

func (g *gen) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[g.rnd.IntN(len(words))]
	}
	return strings.Join(w, " ")
}

// sentence is about n words, ending in a full stop.
func (g *gen) sentence(n int) string {
	return g.words(n/2+g.rnd.IntN(n)) + "."
}

// items is a "You can:" style list of n items of 8 to 30 words.
func (g *gen) items(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = g.words(8 + g.rnd.IntN(22))
	}
	return out
}
