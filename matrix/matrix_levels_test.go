package matrix_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
)

// noLevel is what a cell says of a skill needed without a skill level.
const noLevel = "Needed, no level set"

// frameworks are the frameworks the role level and grade tests read back:
// the default, a department's variant of four roles in two families (with
// a Senior Civil Service role and a grade without a code), and the same with
// the Senior Civil Service role's skills given no level, as the published
// download gives them.
func frameworks(t *testing.T) map[string]*model.Framework {
	t.Helper()
	scs := fixture.Load(t, testkit.Testdata("flat", "four-roles.yaml"))
	for i := range scs.Roles {
		if r := &scs.Roles[i]; r.Type == "Senior Civil Service" {
			for j := range r.Levels {
				for k := range r.Levels[j].Skills {
					r.Levels[j].Skills[k].Level = ""
				}
			}
		}
	}
	return map[string]*model.Framework{
		"default":    fixture.Default(t),
		"four-roles": fixture.Load(t, testkit.Testdata("flat", "four-roles.yaml")),
		"no-level":   scs,
	}
}

// levelKey names a role level by role and level number, as the sheets do.
func levelKey(role string, number int) string { return role + " #" + strconv.Itoa(number) }

// TestMatrixRoleLevels reads back the Role levels sheet and checks, for every
// role level, who it is, its grades, and for every skill the level it needs
// (in the legend's fill) or a blank cell.
func TestMatrixRoleLevels(t *testing.T) {
	for name, fw := range frameworks(t) {
		t.Run(name, func(t *testing.T) {
			f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{}))
			fills := legendFills(t, f, fw)
			tb := readTable(t, f, "Role levels")
			want := []string{"Role family", "Role", "Level number", "Role level", "Role type", "Lowest grade", "Highest grade"}
			for _, g := range fw.Grades {
				want = append(want, g.Short())
			}
			needed := map[string]bool{}
			for _, ref := range allLevels(fw) {
				for _, q := range ref.Level.Skills {
					needed[q.Skill] = true
				}
			}
			firstSkill := len(want)
			for _, sk := range fw.Skills {
				if needed[sk.ID] {
					want = append(want, sk.Name)
				}
			}
			if got := tb.header; !slices.Equal(got, want) {
				t.Errorf("header\n got %q\nwant %q", got, want)
			}
			if len(tb.rows) != fw.LevelCount() {
				t.Errorf("%d rows, want %d", len(tb.rows), fw.LevelCount())
			}
			checked, noLevels := 0, 0
			for _, ref := range allLevels(fw) {
				r, l := ref.Role, ref.Level
				k := slices.IndexFunc(tb.rows, func(row []string) bool {
					return tb.get(row, "Role") == r.Name && tb.get(row, "Level number") == strconv.Itoa(ref.Number())
				})
				if k < 0 {
					t.Errorf("no row for %s", levelKey(r.Name, ref.Number()))
					continue
				}
				row := tb.rows[k]
				grades := fw.LevelGrades(l)
				lo, hi := "", ""
				if len(grades) > 0 {
					slices.SortFunc(grades, func(a, b *model.Grade) int { return fw.GradeIndex(a.ID) - fw.GradeIndex(b.ID) })
					lo, hi = grades[0].Short(), grades[len(grades)-1].Short()
				}
				who := map[string]string{"Role family": fw.Family(r.Family).Name, "Role level": l.Title, "Role type": r.Type, "Lowest grade": lo, "Highest grade": hi}
				for _, g := range fw.Grades {
					who[g.Short()] = "0"
					if slices.ContainsFunc(grades, func(x *model.Grade) bool { return x.ID == g.ID }) {
						who[g.Short()] = "1"
					}
				}
				for col, w := range who {
					if got := tb.get(row, col); got != w {
						t.Errorf("%s %s: %q, want %q", levelKey(r.Name, ref.Number()), col, got, w)
					}
				}
				needs := map[string]string{}
				for _, q := range l.Skills {
					label := noLevel
					if q.Level != "" {
						label = fw.SkillLevel(q.Level).Name
					} else {
						noLevels++
					}
					needs[fw.Skill(q.Skill).Name] = label
				}
				for c := firstSkill; c < len(tb.header); c++ {
					skill, got := tb.header[c], tb.get(row, tb.header[c])
					if got != needs[skill] {
						t.Errorf("%s × %s: %q, want %q", levelKey(r.Name, ref.Number()), skill, got, needs[skill])
					}
					if got == "" {
						continue
					}
					if fill := fillAt(t, f, "Role levels", c, tb.top+1+k); fill != fills[got] || fill == "" {
						t.Errorf("%s × %s: fill %q, want the legend's %q", levelKey(r.Name, ref.Number()), skill, fill, fills[got])
					}
					checked++
				}
			}
			if checked == 0 {
				t.Fatal("no requirement checked")
			}
			if name == "no-level" && (noLevels == 0 || fills[noLevel] == "") {
				t.Errorf("%d requirements without a level; legend fills %v", noLevels, fills)
			}
		})
	}
}

// allLevels is every role level of fw, in framework order.
func allLevels(fw *model.Framework) []model.LevelRef {
	var refs []model.LevelRef
	for i := range fw.Roles {
		for j := range fw.Roles[i].Levels {
			refs = append(refs, model.LevelRef{Role: &fw.Roles[i], Level: &fw.Roles[i].Levels[j]})
		}
	}
	return refs
}

// TestMatrixGradeFilter filters each grade's column of the Role levels, Roles
// and Data sheets to 1, as a planner would, and checks that it gives exactly
// the role levels that the model's selection by that grade gives ("ddat
// roles --grade"), and that every other row says 0.
func TestMatrixGradeFilter(t *testing.T) {
	for name, fw := range frameworks(t) {
		t.Run(name, func(t *testing.T) {
			f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{}))
			sheets := map[string]*table{}
			for _, s := range []string{"Role levels", "Roles", "Data"} {
				sheets[s] = readTable(t, f, s)
			}
			for _, g := range fw.Grades {
				refs, err := fw.Select(model.Selection{Grades: []string{g.Short()}})
				if err != nil && !errors.Is(err, model.ErrEmptySelection) {
					t.Fatal(err)
				}
				var want, withSkills []string
				for _, ref := range refs {
					want = append(want, levelKey(ref.Role.Name, ref.Number()))
					// Data has a row per skill a level needs: none for a
					// level whose skills are not written down.
					if len(ref.Level.Skills) > 0 {
						withSkills = append(withSkills, levelKey(ref.Role.Name, ref.Number()))
					}
				}
				for s, tb := range sheets {
					want := want
					if s == "Data" {
						want = withSkills
					}
					var got []string
					for _, row := range tb.rows {
						switch v := tb.get(row, g.Short()); v {
						case "1":
							n, _ := strconv.Atoi(tb.get(row, "Level number"))
							if key := levelKey(tb.get(row, "Role"), n); !slices.Contains(got, key) {
								got = append(got, key)
							}
						case "0":
						default:
							t.Errorf("%s %s: %q, want 1 or 0", s, g.Short(), v)
						}
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s filtered to %s = 1:\n got %q\nwant %q", s, g.Short(), got, want)
					}
				}
			}
		})
	}
}

// TestMatrixCoverFilters checks that the cover names the filters that chose
// the role levels, or says the workbook holds the whole framework.
func TestMatrixCoverFilters(t *testing.T) {
	fw := fixture.Default(t)
	sel := model.Selection{Families: []string{"IT operations"}, Grades: []string{"G7"}}
	refs, err := fw.Select(sel)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts matrix.Options
		want string
	}{
		{"whole", matrix.Options{}, "None: the whole framework"},
		{"filtered", matrix.Options{Levels: refs, Selection: sel}, "Role levels of family IT operations and grade G7"},
		{"chosen", matrix.Options{Levels: refs}, "Some role levels, chosen without filters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := openWorkbook(t, makeMatrix(t, fw, tt.opts))
			rows := sheetGrid(t, f, "Cover")
			r := findRow(rows, 0, "Filters")
			if got := cellAt(rows, r, 1); r < 0 || got != tt.want {
				t.Errorf("cover Filters: %q, want %q", got, tt.want)
			}
			cover := strings.Join(flatten(rows), "\n")
			for _, want := range []string{"filter its column to 1", "PivotTable", "never twice under one"} {
				if !strings.Contains(cover, want) {
					t.Errorf("cover lacks %q on grades", want)
				}
			}
		})
	}
}

// TestMatrixNoGrades checks a framework without grades, as the published
// download is: no grade columns and no "Grades as data" help, and a cover
// that says the framework gives none.
func TestMatrixNoGrades(t *testing.T) {
	fw := &model.Framework{
		Meta:        model.Meta{Name: "Download"},
		SkillLevels: []model.SkillLevel{{ID: "working", Name: "Working"}},
		Skills:      []model.Skill{{Name: "Teamwork"}},
		Roles: []model.Role{{Name: "Chief widget officer", Family: "Leadership", Type: "Senior Civil Service", Levels: []model.RoleLevel{
			{Title: "Chief widget officer", Skills: []model.Requirement{{Skill: "Teamwork"}}},
		}}},
	}
	fw.Build()
	f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{}))
	want := []string{"Role family", "Role", "Level number", "Role level", "Role type", "Teamwork"}
	tb := readTable(t, f, "Role levels")
	if !slices.Equal(tb.header, want) {
		t.Errorf("Role levels header %q, want %q", tb.header, want)
	}
	if got := strings.Join(tb.rows[0], "|"); got != "Leadership|Chief widget officer|1|Chief widget officer|Senior Civil Service|"+noLevel {
		t.Errorf("Role levels row %q", got)
	}
	if got := readTable(t, f, "Data").header; len(got) != 7 {
		t.Errorf("Data header %q, want no grade columns", got)
	}
	cover := strings.Join(flatten(sheetGrid(t, f, "Cover")), "\n")
	if !strings.Contains(cover, "The framework gives no grades.") || strings.Contains(cover, "Grades as data") {
		t.Errorf("cover on grades:\n%s", cover)
	}
}
