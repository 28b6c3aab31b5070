package formats

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/internal/csvrows"
	"github.com/ddat-tools/ddat/model"
	"gopkg.in/yaml.v3"
)

// GradeMap says which grades role levels are performed at, for a framework
// whose file has none (the framework's own CSV download carries no grades).
// Read one with ReadGrades and apply it with Apply.
type GradeMap struct {
	entries []gradeEntry
}

type gradeEntry struct {
	role   string // "" when the level title alone names the level
	level  string
	grades []gradeRef
	pos    model.Pos
}

// ReadGrades reads a grades mapping, CSV or YAML (told by the name's
// extension: .csv, else YAML, which includes JSON).
//
// A CSV file has a header row with the columns Role Level and Grades, and
// optionally Role (matched like the flat layout's headings), then one row per
// role level, grades written as in the flat layout: "SEO; G7" or "SEO (Senior
// Executive Officer), G7 (Grade 7)".
//
// A YAML file maps a role level's title to its grades, as a list or one text;
// or a role's name to such a mapping of its levels (a level can then also be
// named by its number or its title without the role's name):
//
//	Senior infrastructure engineer: [SEO, G7]
//	Infrastructure operations engineer:
//	  1: EO; HEO
//	  senior: [HEO, SEO]
func ReadGrades(r io.Reader, name string) (*GradeMap, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if f, _ := FormatOf(name); f == FormatCSV {
		return gradesCSV(data, name)
	}
	return gradesYAML(data, name)
}

func gradesCSV(data []byte, name string) (*GradeMap, error) {
	t, err := readCSV(bytes.NewReader(data), name)
	if err != nil {
		return nil, err
	}
	rows := t.rows
	for len(rows) > 0 && blank(rows[0].cells) {
		rows = rows[1:]
	}
	if len(rows) == 0 {
		return nil, loadErr(name, 1, "", "the file is empty; expected a header row with the columns Role Level and Grades, and optionally Role")
	}
	header := rows[0]
	role, level, grades := -1, -1, -1
	for i, h := range header.cells {
		switch c, _ := columnOf(h); {
		case csvrows.HeadingKey(h) == "level" || c == colRoleLevel:
			level = i
		case c == colRole:
			role = i
		case c == colGrades:
			grades = i
		}
	}
	if level < 0 || grades < 0 {
		missing := "Role Level"
		if level >= 0 {
			missing = "Grades"
		}
		return nil, loadErr(name, header.num, missing, "the header row needs the columns Role Level and Grades (and optionally Role); found: %s", strings.Join(header.cells, ", "))
	}
	g := &GradeMap{}
	for _, r := range rows[1:] {
		if blank(r.cells) {
			continue
		}
		cell := func(i int) string {
			if i >= 0 && i < len(r.cells) {
				return strings.TrimSpace(r.cells[i])
			}
			return ""
		}
		if cell(level) == "" {
			return nil, loadErr(name, r.num, strings.TrimSpace(header.cells[level]), "empty; expected a role level's title")
		}
		g.entries = append(g.entries, gradeEntry{
			role:   cell(role),
			level:  cell(level),
			grades: splitGrades(cell(grades)),
			pos:    model.Pos{File: name, Line: r.num, Column: strings.TrimSpace(header.cells[level])},
		})
	}
	return g, nil
}

func gradesYAML(data []byte, name string) (*GradeMap, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if err == io.EOF {
			return nil, loadErr(name, 0, "", "the file is empty; expected a mapping of role levels to grades")
		}
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "syntax error: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	at := func(n *yaml.Node) model.Pos { return model.Pos{File: name, Line: n.Line, Col: n.Column} }
	n := root.Content[0]
	if n.Kind != yaml.MappingNode {
		return nil, &model.LoadError{Pos: at(n), Msg: "expected a mapping of role levels (or roles) to grades"}
	}
	g := &GradeMap{}
	var walk func(n *yaml.Node, role string) error
	walk = func(n *yaml.Node, role string) error {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			e := gradeEntry{role: role, level: k.Value, pos: at(k)}
			switch v.Kind {
			case yaml.MappingNode:
				if role != "" {
					return &model.LoadError{Pos: at(v), Field: role + "." + k.Value, Msg: "expected grades, a list or a text such as \"SEO; G7\""}
				}
				if err := walk(v, k.Value); err != nil {
					return err
				}
				continue
			case yaml.ScalarNode:
				e.grades = splitGrades(v.Value)
			case yaml.SequenceNode:
				for _, c := range v.Content {
					if c.Kind != yaml.ScalarNode {
						return &model.LoadError{Pos: at(c), Field: k.Value, Msg: "expected a grade code such as SEO"}
					}
					e.grades = append(e.grades, splitGrades(c.Value)...)
				}
			default:
				return &model.LoadError{Pos: at(v), Field: k.Value, Msg: "expected grades, a list or a text such as \"SEO; G7\""}
			}
			g.entries = append(g.entries, e)
		}
		return nil
	}
	if err := walk(n, ""); err != nil {
		return nil, err
	}
	return g, nil
}

// Apply sets the grades of the role levels the map names, replacing any they
// had. A role level or grade the framework does not have is an error naming
// the place in the mapping file.
//
// The map also orders levels: a role whose level order the framework file
// did not give (model.Framework.LevelOrderInferred) and whose every level
// the map names gets its levels in the map's order.
func (g *GradeMap) Apply(fw *model.Framework) error {
	listed := map[int][]int{} // role index → its levels' indexes, in the map's order
	for _, e := range g.entries {
		l, err := findLevel(fw, e.role, e.level)
		if err != nil {
			return &model.LoadError{Pos: e.pos, Msg: err.Error()}
		}
		if i, j := levelIndex(fw, l); i >= 0 && !slices.Contains(listed[i], j) {
			listed[i] = append(listed[i], j)
		}
		ids := make([]string, 0, len(e.grades))
		for _, ref := range e.grades {
			gr := fw.Grade(ref.code)
			if gr == nil {
				return &model.LoadError{Pos: e.pos, Msg: fmt.Sprintf("unknown grade %q; expected one of: %s", ref.code, gradeList(fw))}
			}
			ids = append(ids, gr.ID)
		}
		l.Grades = ids
	}
	for i, order := range listed {
		r := &fw.Roles[i]
		if fw.LevelOrderInferred(r.Name) && len(order) == len(r.Levels) {
			r.ReorderLevels(order)
			fw.SetLevelOrderInferred(r.Name, false)
		}
	}
	return nil
}

// levelIndex is the index of the role holding l and of l in it; -1, -1 when
// no role does.
func levelIndex(fw *model.Framework, l *model.RoleLevel) (int, int) {
	for i := range fw.Roles {
		for j := range fw.Roles[i].Levels {
			if &fw.Roles[i].Levels[j] == l {
				return i, j
			}
		}
	}
	return -1, -1
}

// findLevel finds a role level by its role and any name Role.Level takes;
// without a role, by "role/level" (either part as Role and Role.Level take
// them) or by its title across the framework.
func findLevel(fw *model.Framework, role, level string) (*model.RoleLevel, error) {
	if role != "" {
		r, err := fw.Role(role)
		if err != nil {
			return nil, err
		}
		return r.Level(level)
	}
	if rp, lp, ok := strings.Cut(level, "/"); ok {
		if r, err := fw.Role(strings.TrimSpace(rp)); err == nil {
			if l, err := r.Level(strings.TrimSpace(lp)); err == nil {
				return l, nil
			}
		}
	}
	var found *model.RoleLevel
	var where []string
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for j := range r.Levels {
			l := &r.Levels[j]
			if fold(l.Title) == fold(level) {
				found = l
				where = append(where, r.Name)
			}
		}
	}
	switch len(where) {
	case 0:
		return nil, fmt.Errorf("no role level %q; give its title as the framework writes it, or its role too", level)
	case 1:
		return found, nil
	}
	return nil, fmt.Errorf("role level %q is in more than one role (%s); name the role too", level, strings.Join(where, ", "))
}

func gradeList(fw *model.Framework) string {
	names := make([]string, len(fw.Grades))
	for i := range fw.Grades {
		names[i] = fw.Grades[i].Short()
	}
	return strings.Join(names, ", ")
}
