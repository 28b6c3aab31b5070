package formats

import (
	"github.com/ddat-tools/ddat/internal/yamlnode"
	"github.com/ddat-tools/ddat/model"
	"gopkg.in/yaml.v3"
)

// The schema of a framework file, one function per kind of node. The field
// names are those documented in docs/format.md.

func (d *decoder) document(n *yaml.Node, fw *model.Framework) {
	d.fields(n, "", map[string]func(*yaml.Node, string){
		"framework": func(v *yaml.Node, p string) { d.meta(v, p, &fw.Meta) },
		"skill_levels": func(v *yaml.Node, p string) {
			d.seq(v, p, func(_ int, v *yaml.Node, p string) {
				l := model.SkillLevel{Pos: d.pos(v)}
				d.fields(v, p, map[string]func(*yaml.Node, string){
					"id":   func(v *yaml.Node, p string) { l.ID = d.str(v, p) },
					"name": func(v *yaml.Node, p string) { l.Name = d.str(v, p) },
				})
				fw.SkillLevels = append(fw.SkillLevels, l)
			})
		},
		"grades": func(v *yaml.Node, p string) {
			d.seq(v, p, func(_ int, v *yaml.Node, p string) {
				g := model.Grade{Pos: d.pos(v)}
				d.fields(v, p, map[string]func(*yaml.Node, string){
					"id":   func(v *yaml.Node, p string) { g.ID = d.str(v, p) },
					"code": func(v *yaml.Node, p string) { g.Code = d.str(v, p) },
					"name": func(v *yaml.Node, p string) { g.Name = d.str(v, p) },
				})
				fw.Grades = append(fw.Grades, g)
			})
		},
		"skills": func(v *yaml.Node, p string) {
			d.seq(v, p, func(_ int, v *yaml.Node, p string) { fw.Skills = append(fw.Skills, d.skill(v, p)) })
		},
		"roles": func(v *yaml.Node, p string) {
			d.seq(v, p, func(_ int, v *yaml.Node, p string) { fw.Roles = append(fw.Roles, d.role(v, p)) })
		},
	})
	if d.err == nil && n.Kind == yaml.MappingNode && len(fw.Roles) == 0 {
		d.fail(n, "roles", "no roles; a framework file needs a \"roles:\" list")
	}
}

func (d *decoder) meta(n *yaml.Node, path string, m *model.Meta) {
	m.Pos = d.pos(n)
	d.fields(n, path, map[string]func(*yaml.Node, string){
		"name":    func(v *yaml.Node, p string) { m.Name = d.str(v, p) },
		"source":  func(v *yaml.Node, p string) { m.Source = d.str(v, p) },
		"url":     func(v *yaml.Node, p string) { m.URL = d.str(v, p) },
		"licence": func(v *yaml.Node, p string) { m.Licence = d.str(v, p) },
	})
}

func (d *decoder) skill(n *yaml.Node, path string) model.Skill {
	s := model.Skill{Pos: d.pos(n)}
	d.fields(n, path, map[string]func(*yaml.Node, string){
		"id":          func(v *yaml.Node, p string) { s.ID = d.str(v, p) },
		"name":        func(v *yaml.Node, p string) { s.Name = d.str(v, p) },
		"description": func(v *yaml.Node, p string) { s.Description = d.str(v, p) },
		"levels": func(v *yaml.Node, p string) {
			if isNull(v) {
				return
			}
			if v.Kind != yaml.MappingNode {
				d.fail(v, p, "expected a mapping of skill level to its \"You can:\" items, found %s", yamlnode.KindName(v))
				return
			}
			s.Levels = map[string][]string{}
			s.LevelPos = map[string]model.Pos{}
			seen := map[string]*yaml.Node{}
			for i := 0; i+1 < len(v.Content) && d.err == nil; i += 2 {
				k := v.Content[i]
				if d.repeated(seen, k, join(p, k.Value)) {
					return
				}
				items := d.list(d.deref(v.Content[i+1], join(p, k.Value)), join(p, k.Value))
				if len(items) > 0 {
					s.Levels[k.Value] = items
					s.LevelPos[k.Value] = d.pos(k)
				}
			}
		},
	})
	return s
}

func (d *decoder) role(n *yaml.Node, path string) model.Role {
	r := model.Role{Pos: d.pos(n)}
	var summary *yaml.Node
	d.fields(n, path, map[string]func(*yaml.Node, string){
		"id":               func(v *yaml.Node, p string) { r.ID = d.str(v, p) },
		"name":             func(v *yaml.Node, p string) { r.Name = d.str(v, p) },
		"family":           func(v *yaml.Node, p string) { r.Family = d.str(v, p) },
		"type":             func(v *yaml.Node, p string) { r.Type = d.str(v, p) },
		"summary":          func(v *yaml.Node, p string) { summary = v },
		"responsibilities": func(v *yaml.Node, p string) { r.Responsibilities = d.list(v, p) },
		"published":        func(v *yaml.Node, p string) { r.Published = d.date(v, p) },
		"updated":          func(v *yaml.Node, p string) { r.Updated = d.date(v, p) },
		"updates": func(v *yaml.Node, p string) {
			d.seq(v, p, func(_ int, v *yaml.Node, p string) {
				u := model.Update{Pos: d.pos(v)}
				d.fields(v, p, map[string]func(*yaml.Node, string){
					"date":    func(v *yaml.Node, p string) { u.Date = d.date(v, p) },
					"changes": func(v *yaml.Node, p string) { u.Changes = d.list(v, p) },
				})
				r.Updates = append(r.Updates, u)
			})
		},
		"levels": func(v *yaml.Node, p string) {
			d.seq(v, p, func(_ int, v *yaml.Node, p string) { r.Levels = append(r.Levels, d.level(v, p)) })
		},
	})
	if summary != nil {
		r.Summary, r.Responsibilities = d.summary(summary, join(path, "summary"), r.Responsibilities)
	}
	return r
}

// summary reads a summary text; a list in it (after "In this role, you
// will:" or "At this role level, you will:") gives the responsibilities,
// unless they are given on their own too.
func (d *decoder) summary(n *yaml.Node, path string, given []string) (string, []string) {
	t := model.ParseText(d.str(n, path))
	if len(t.Items) == 0 {
		return t.Summary(), given
	}
	if len(given) > 0 {
		d.fail(n, path, "responsibilities are given both in the summary and in \"responsibilities\"; keep one")
	}
	return t.Summary(), t.Items
}

func (d *decoder) level(n *yaml.Node, path string) model.RoleLevel {
	l := model.RoleLevel{Pos: d.pos(n)}
	var summary *yaml.Node
	d.fields(n, path, map[string]func(*yaml.Node, string){
		"id":               func(v *yaml.Node, p string) { l.ID = d.str(v, p) },
		"title":            func(v *yaml.Node, p string) { l.Title = d.str(v, p) },
		"summary":          func(v *yaml.Node, p string) { summary = v },
		"responsibilities": func(v *yaml.Node, p string) { l.Responsibilities = d.list(v, p) },
		"grades":           func(v *yaml.Node, p string) { l.Grades = d.codes(v, p) },
		"skills": func(v *yaml.Node, p string) {
			d.seq(v, p, func(_ int, v *yaml.Node, p string) {
				q := model.Requirement{Pos: d.pos(v)}
				var items []string
				d.fields(v, p, map[string]func(*yaml.Node, string){
					"skill":       func(v *yaml.Node, p string) { q.Skill = d.str(v, p) },
					"level":       func(v *yaml.Node, p string) { q.Level = d.str(v, p) },
					"description": func(v *yaml.Node, p string) { items = d.list(v, p) },
				})
				if d.err == nil && q.Skill == "" {
					d.fail(v, p, "no skill; expected e.g. {skill: Testing, level: working}")
				}
				if d.err == nil && q.Level == "" && len(items) == 0 {
					d.fail(v, p, "no level for skill %q; expected a skill level such as working (a skill of a Senior Civil Service role has none, and a description of its own)", q.Skill)
				}
				if q.Level == "" {
					// Needed without a level: the description is the
					// role's own list for the skill.
					q.Items = items
				} else if len(items) > 0 {
					d.inline = append(d.inline, inlineDescription{skill: q.Skill, level: q.Level, items: items, pos: d.pos(v)})
				}
				l.Skills = append(l.Skills, q)
			})
		},
	})
	if summary != nil {
		l.Summary, l.Responsibilities = d.summary(summary, join(path, "summary"), l.Responsibilities)
	}
	return l
}
