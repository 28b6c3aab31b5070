package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/ddat-tools/ddat/model"
)

// writeDoc writes fw to w in the YAML or JSON schema that Read reads (see
// docs/format.md), so that reading the output gives the same framework. The
// output is deterministic: catalogues and roles in the framework's order, a
// skill's level descriptions in the order of the skill-level scale, and ids
// only where they differ from the ones Read would derive from the names.
func writeDoc(w io.Writer, fw *model.Framework, format Format) error {
	doc := newDocFile(fw)
	var buf bytes.Buffer
	switch format {
	case FormatYAML:
		if err := encodeYAML(&buf, doc); err != nil {
			return fmt.Errorf("write yaml: %w", err)
		}
	case FormatJSON:
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// The documented schema as Go values, in the order the fields are written.
type (
	docFile struct {
		Framework   *docMeta        `yaml:"framework,omitempty" json:"framework,omitempty"`
		SkillLevels []docSkillLevel `yaml:"skill_levels" json:"skill_levels"`
		Grades      []docGrade      `yaml:"grades,omitempty" json:"grades,omitempty"`
		Skills      []docSkill      `yaml:"skills,omitempty" json:"skills,omitempty"`
		Roles       []docRole       `yaml:"roles" json:"roles"`
	}
	docMeta struct {
		Name    string `yaml:"name,omitempty" json:"name,omitempty"`
		Source  string `yaml:"source,omitempty" json:"source,omitempty"`
		URL     string `yaml:"url,omitempty" json:"url,omitempty"`
		Licence string `yaml:"licence,omitempty" json:"licence,omitempty"`
	}
	docSkillLevel struct {
		ID   string `yaml:"id" json:"id"`
		Name string `yaml:"name" json:"name"`
	}
	docGrade struct {
		ID   string `yaml:"id,omitempty" json:"id,omitempty"`
		Code string `yaml:"code,omitempty" json:"code,omitempty"`
		Name string `yaml:"name,omitempty" json:"name,omitempty"`
	}
	docSkill struct {
		ID          string        `yaml:"id,omitempty" json:"id,omitempty"`
		Name        string        `yaml:"name" json:"name"`
		Description string        `yaml:"description,omitempty" json:"description,omitempty"`
		Levels      docSkillItems `yaml:"levels,omitempty" json:"levels,omitempty"`
	}
	docRole struct {
		ID               string      `yaml:"id,omitempty" json:"id,omitempty"`
		Name             string      `yaml:"name" json:"name"`
		Family           string      `yaml:"family,omitempty" json:"family,omitempty"`
		Type             string      `yaml:"type,omitempty" json:"type,omitempty"`
		Summary          string      `yaml:"summary,omitempty" json:"summary,omitempty"`
		Responsibilities []string    `yaml:"responsibilities,omitempty" json:"responsibilities,omitempty"`
		Published        string      `yaml:"published,omitempty" json:"published,omitempty"`
		Updated          string      `yaml:"updated,omitempty" json:"updated,omitempty"`
		Updates          []docUpdate `yaml:"updates,omitempty" json:"updates,omitempty"`
		Levels           []docLevel  `yaml:"levels" json:"levels"`
	}
	docUpdate struct {
		Date    string   `yaml:"date,omitempty" json:"date,omitempty"`
		Changes []string `yaml:"changes,omitempty" json:"changes,omitempty"`
	}
	docLevel struct {
		ID               string           `yaml:"id,omitempty" json:"id,omitempty"`
		Title            string           `yaml:"title" json:"title"`
		Summary          string           `yaml:"summary,omitempty" json:"summary,omitempty"`
		Responsibilities []string         `yaml:"responsibilities,omitempty" json:"responsibilities,omitempty"`
		Grades           []string         `yaml:"grades,omitempty" json:"grades,omitempty"`
		Skills           []docRequirement `yaml:"skills,omitempty" json:"skills,omitempty"`
	}
	docRequirement struct {
		Skill       string   `yaml:"skill" json:"skill"`
		Level       string   `yaml:"level,omitempty" json:"level,omitempty"`
		Description []string `yaml:"description,omitempty" json:"description,omitempty"` // a skill needed without a level: the role's own list
	}
)

// docSkillItems is a skill's "You can:" items by skill level, kept in the
// order of the scale (a Go map would be written alphabetically).
type docSkillItems []docLevelItems

type docLevelItems struct {
	Level string
	Items []string
}

// MarshalJSON writes the levels as one object with keys in scale order.
func (s docSkillItems) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, l := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(l.Level)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(l.Items)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func newDocFile(fw *model.Framework) *docFile {
	doc := &docFile{SkillLevels: []docSkillLevel{}, Roles: []docRole{}}
	if m := (docMeta{Name: fw.Meta.Name, Source: fw.Meta.Source, URL: fw.Meta.URL, Licence: fw.Meta.Licence}); m != (docMeta{}) {
		doc.Framework = &m
	}
	for _, l := range fw.SkillLevels {
		doc.SkillLevels = append(doc.SkillLevels, docSkillLevel{ID: l.ID, Name: l.Name})
	}
	for _, g := range fw.Grades {
		d := docGrade{Code: g.Code, Name: g.Name}
		if g.ID != model.Slug(firstNonEmpty(g.Code, g.Name)) {
			d.ID = g.ID
		}
		doc.Grades = append(doc.Grades, d)
	}
	for i := range fw.Skills {
		doc.Skills = append(doc.Skills, newDocSkill(fw, &fw.Skills[i]))
	}
	for i := range fw.Roles {
		doc.Roles = append(doc.Roles, newDocRole(fw, &fw.Roles[i]))
	}
	return doc
}

func newDocSkill(fw *model.Framework, s *model.Skill) docSkill {
	d := docSkill{Name: s.Name, Description: s.Description}
	if s.ID != model.Slug(s.Name) {
		d.ID = s.ID
	}
	// Levels of the scale first, in its order; any others (which Validate
	// reports) after them, sorted. Each once, even when the scale gives an
	// id twice (which Validate reports too): a key twice would not load.
	done := map[string]bool{}
	for _, l := range fw.SkillLevels {
		if items := s.Levels[l.ID]; len(items) > 0 && !done[l.ID] {
			d.Levels = append(d.Levels, docLevelItems{Level: l.ID, Items: items})
			done[l.ID] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(s.Levels)) {
		if !done[k] && len(s.Levels[k]) > 0 {
			d.Levels = append(d.Levels, docLevelItems{Level: k, Items: s.Levels[k]})
		}
	}
	return d
}

func newDocRole(fw *model.Framework, r *model.Role) docRole {
	d := docRole{
		Name:             r.Name,
		Family:           r.Family,
		Type:             r.Type,
		Summary:          r.Summary,
		Responsibilities: r.Responsibilities,
		Published:        formatDate(r.Published),
		Updated:          formatDate(r.Updated),
		Levels:           []docLevel{},
	}
	if r.ID != model.Slug(r.Name) {
		d.ID = r.ID
	}
	if f := fw.Family(r.Family); f != nil {
		d.Family = f.Name
	}
	for _, u := range r.Updates {
		d.Updates = append(d.Updates, docUpdate{Date: formatDate(u.Date), Changes: u.Changes})
	}
	for i := range r.Levels {
		l := &r.Levels[i]
		dl := docLevel{Title: l.Title, Summary: l.Summary, Responsibilities: l.Responsibilities}
		if l.ID != model.LevelID(r.Name, l.Title) {
			dl.ID = l.ID
		}
		for _, g := range l.Grades {
			if gr := fw.Grade(g); gr != nil {
				g = gr.Short()
			}
			dl.Grades = append(dl.Grades, g)
		}
		for _, q := range l.Skills {
			dq := docRequirement{Skill: q.Skill, Level: q.Level}
			if q.Level == "" {
				dq.Description = q.Items
			}
			if s := fw.Skill(q.Skill); s != nil && s.Name != "" {
				dq.Skill = s.Name
			}
			dl.Skills = append(dl.Skills, dq)
		}
		d.Levels = append(d.Levels, dl)
	}
	return d
}
