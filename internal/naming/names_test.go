package naming_test

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/model"
)

// hostileFramework has roles, families and levels whose names try to leave
// the output directory, are reserved on Windows, are very long, slug to
// nothing, or slug to the same thing.
func hostileFramework() *model.Framework {
	long := strings.Repeat("Very long role name ", 15) // 300 characters
	levels := func(titles ...string) []model.RoleLevel {
		ls := make([]model.RoleLevel, len(titles))
		for i, t := range titles {
			ls[i] = model.RoleLevel{Title: t}
		}
		return ls
	}
	fw := &model.Framework{
		Meta: model.Meta{Name: "Hostile"},
		Roles: []model.Role{
			{Name: "../../etc", Family: "../..", Levels: levels("../../passwd", "/etc/shadow")},
			{Name: "CON", Family: "NUL", Levels: levels("aux", "COM1", "lpt9.pdf")},
			{Name: "a/b", Family: `C:\Windows`, Levels: levels(`a\b`, "a/b")},
			{Name: long, Family: long, Levels: levels(long, long+"2")},
			{Name: "!!!", Family: "???", Levels: levels("...", "   ", "")},
			{Name: "Data engineer", Family: "Data", Levels: levels("Data engineer")},
			{Name: "data  ENGINEER!", Family: "data", Levels: levels("Data engineer", "Data engineer")},
			{Name: "Données ingénieur", Family: "Data", Levels: levels("Ingénieur · données")},
			{Name: "1 Lead", Family: "Data", Levels: levels("Lead")}, // 1-lead.pdf twice
			{Name: "skills matrix.xlsx", Family: "manifest.json", Levels: levels("manifest")},
			{Name: "Trailing dots...", Family: "Spaces   ", Levels: levels("end. ")},
		},
	}
	return fw.Build()
}

var safeComponent = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestPathsHostileNames(t *testing.T) {
	fw := hostileFramework()
	layout := naming.NewPaths(fw)
	seen := map[string]string{}
	var paths []string
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for _, ref := range r.Documents() {
			p := layout.Profile(ref)
			what := r.Name
			if ref.Level != nil {
				what += " / " + ref.Level.Title
			}
			t.Logf("%-40.40q → %s", what, p)
			if other, ok := seen[strings.ToLower(p)]; ok {
				t.Errorf("%q and %q share the path %s", what, other, p)
			}
			seen[strings.ToLower(p)] = what
			paths = append(paths, p)
			elems := strings.Split(p, "/")
			if len(elems) != 3 || path.Ext(p) != ".pdf" {
				t.Errorf("%s: want <family>/<role>/<file>.pdf", p)
			}
			for k, e := range elems {
				if k == 2 {
					e = strings.TrimSuffix(e, ".pdf")
				}
				if !safeComponent.MatchString(e) || len(e) > naming.MaxNameLength {
					t.Errorf("%s: component %q is not a short slug", p, e)
				}
				switch strings.ToUpper(e) {
				case "CON", "PRN", "AUX", "NUL", "COM1", "LPT9":
					t.Errorf("%s: reserved name %q", p, e)
				}
			}
		}
	}
	// Two roles that slug the same get their own directories; so do their
	// families, which are the same family here.
	for _, want := range []string{
		"data/data-engineer/data-engineer.pdf",
		"data/data-engineer/1-data-engineer.pdf",
		"data/data-engineer-2/data-engineer-2.pdf",
		"data/data-engineer-2/1-data-engineer.pdf",
		"data/data-engineer-2/2-data-engineer.pdf",
		"data/donnees-ingenieur/1-ingenieur-donnees.pdf",
		"data/1-lead/1-lead.pdf",
		"data/1-lead/1-lead-2.pdf",
		"nul-family/con-role/con-role.pdf",
		"nul-family/con-role/1-aux.pdf",
		"nul-family/con-role/2-com1.pdf",
		"family/etc/1-passwd.pdf",
		"family/etc/2-etc-shadow.pdf",
		"c-windows/a-b/2-a-b.pdf",
		"spaces/trailing-dots/1-end.pdf",
		"family-2/role/role.pdf",
		"family-2/role/1-level.pdf",
		"manifest-json/skills-matrix-xlsx/skills-matrix-xlsx.pdf",
	} {
		if _, ok := seen[want]; !ok {
			t.Errorf("no document at %s", want)
		}
	}
	if got := layout.Matrix(); got != naming.MatrixFile {
		t.Errorf("Matrix() = %q", got)
	}

	// Every path is one a batch accepts, and stays inside the output.
	for _, p := range paths {
		if err := naming.CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q): %v", p, err)
		}
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			t.Errorf("%q is not inside the output directory", p)
		}
	}
}

// TestPathsStable checks that paths come from the framework alone: the same
// framework gives the same paths, and a role's paths do not depend on which
// documents a batch selects.
func TestPathsStable(t *testing.T) {
	fw := synth.Framework(synth.Size{Families: 3, Roles: 20, LevelsPerRole: 12, Skills: 30})
	a, b := naming.NewPaths(fw), naming.NewPaths(fw)
	r := &fw.Roles[7]
	for j := range r.Levels {
		ref := model.LevelRef{Role: r, Level: &r.Levels[j]}
		if a.Profile(ref) != b.Profile(ref) {
			t.Errorf("level %d: %s, then %s", j, a.Profile(ref), b.Profile(ref))
		}
	}
	// Twelve levels: numbers are zero-padded so files sort in level order.
	if got := path.Base(a.Profile(model.LevelRef{Role: r, Level: &r.Levels[0]})); !strings.HasPrefix(got, "01-") {
		t.Errorf("first of 12 levels is %s, want 01-…", got)
	}
	other := &model.Role{Name: "not in the framework"}
	if got := a.Profile(model.LevelRef{Role: other}); got != "" {
		t.Errorf("a role not in the framework got %q", got)
	}
}
