package formats_test

import (
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
)

// levelGrades lists every role level's grades as "role/level: codes".
func levelGrades(fw *model.Framework) []string {
	var out []string
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for j := range r.Levels {
			var codes []string
			for _, g := range fw.LevelGrades(&r.Levels[j]) {
				codes = append(codes, g.Short())
			}
			out = append(out, r.ID+"/"+r.Levels[j].ID+": "+strings.Join(codes, " "))
		}
	}
	return out
}

// gradeless is the four-role fixture as a flat file without grades.
func gradeless(t *testing.T) *model.Framework {
	t.Helper()
	fw := loadYAML(t, "../testdata/flat/four-roles.yaml")
	for i := range fw.Roles {
		for j := range fw.Roles[i].Levels {
			fw.Roles[i].Levels[j].Grades = nil
		}
	}
	return fw
}

func TestGrades(t *testing.T) {
	want := []string{
		"widget-engineer/associate: AO EO",
		"widget-engineer/widget-engineer: EO HEO",
		"widget-engineer/senior: ",
		"keeper/gadget-keeper: HEO SEO",
		"team-lead/team-lead: G7 G6",
		"team-lead/lead-of-leads: ",
		"director-of-widgets/director-of-widgets: Deputy director or equivalent",
	}
	tests := []struct{ name, file, data string }{
		{"csv", "grades.csv", "Role Level,Grades\n" +
			"Associate widget engineer,AO; EO\n" +
			"Widget engineer,\"EO (Executive Officer), HEO (Higher Executive Officer)\"\n" +
			"Gadget keeper,HEO;SEO\n" +
			"Team lead,G7;G6\n" +
			"Director of widgets,Deputy director or equivalent\n"},
		{"csv with roles, semicolons and a BOM", "grades.csv", "\xef\xbb\xbfRole;Level;Grade\n" +
			"Widget engineer;associate;AO, EO\n" +
			"Widget engineer;2;EO, HEO\n" +
			"keeper;Gadget keeper;HEO, SEO\n" +
			"Team lead;Team lead;G7, G6\n" +
			"Director of widgets;1;Deputy director or equivalent\n"},
		{"yaml", "grades.yaml", "Associate widget engineer: [AO, EO]\n" +
			"Widget engineer: EO (Executive Officer); HEO (Higher Executive Officer)\n" +
			"Gadget keeper: [HEO, SEO]\n" +
			"Team lead:\n  Team lead: [G7, G6]\n" +
			"Director of widgets: [Deputy director or equivalent]\n"},
		{"yaml by role", "grades.yml", "Widget engineer:\n  1: [AO, EO]\n  widget-engineer: EO; HEO\n" +
			"keeper: {Gadget keeper: [HEO, SEO]}\n" +
			"team-lead: {team-lead: [G7, G6]}\n" +
			"Director of widgets/director-of-widgets: [Deputy director or equivalent]\n"},
		{"json", "grades.json", `{"Associate widget engineer": ["AO", "EO"], "Widget engineer": "EO; HEO", "Gadget keeper": ["HEO", "SEO"],` +
			` "Team lead": {"Team lead": "G7; G6"}, "director-of-widgets/director-of-widgets": "Deputy director or equivalent"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fw := gradeless(t)
			g, err := formats.ReadGrades(strings.NewReader(tt.data), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Apply(fw); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, levelGrades(fw)); diff != "" {
				t.Errorf("grades (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGradesErrors(t *testing.T) {
	tests := []struct{ name, file, data, want string }{
		{"unknown level", "g.csv", "Role Level,Grades\nAssociate widget engineer,EO\nChief widget engineer,G6\n",
			`g.csv: row 3, column "Role Level": no role level "Chief widget engineer"`},
		{"ambiguous level", "g.yaml", "Team lead: [G7]\n", `g.yaml:1:1: role level "Team lead" is in more than one role (Gadget keeper, Team lead); name the role too`},
		{"unknown grade", "g.yaml", "Director of widgets: [G7, SCS9]\n", `g.yaml:1:1: unknown grade "SCS9"; expected one of: AO, EO, HEO, SEO, G7, G6, Deputy director or equivalent`},
		{"unknown role", "g.yaml", "Widget maker:\n  1: [EO]\n", `g.yaml:2:3: no role "Widget maker"`},
		{"unknown level of a role", "g.csv", "Role,Role Level,Grades\nTeam lead,7,G7\n", `g.csv: row 2, column "Role Level": no level of Team lead "7"`},
		{"missing column", "g.csv", "Role,Grades\nTeam lead,G7\n", `g.csv: row 1, column "Role Level": the header row needs the columns Role Level and Grades`},
		{"empty level", "g.csv", "Role Level,Grades\n,G7\n", `g.csv: row 2, column "Role Level": empty`},
		{"not a mapping", "g.yaml", "- Team lead\n", "g.yaml:1:1: expected a mapping"},
		{"nested too deep", "g.yaml", "Team lead:\n  Team lead:\n    x: [G7]\n", "g.yaml:3:5: Team lead.Team lead: expected grades"},
		{"empty", "g.yaml", "", "g.yaml: the file is empty"},
		{"syntax", "g.yaml", "a: [b\n", "g.yaml: syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fw := gradeless(t)
			fw.Roles[1].Levels[0].Title = "Team lead"
			g, err := formats.ReadGrades(strings.NewReader(tt.data), tt.file)
			if err == nil {
				err = g.Apply(fw)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}
