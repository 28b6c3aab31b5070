package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
)

// seedInfrastructureEngineer is the complete seed role page.
const seedInfrastructureEngineer = "000_feb4cb126deefb83.txt"

// TestShowGolden holds "ddat show ROLE N" for every role level of the
// default framework.
func TestShowGolden(t *testing.T) {
	t.Parallel()
	fw := fixture.Default(t)
	var all strings.Builder
	for _, r := range fw.Roles {
		for n := range r.Levels {
			args := []string{"show", r.ID, fmt.Sprint(n + 1)}
			stdout, stderr, code := ddat(t, args...)
			if code != exitOK || stderr != "" {
				t.Fatalf("ddat %q: exit %d, stderr %q", args, code, stderr)
			}
			fmt.Fprintf(&all, "$ ddat %s\n%s", strings.Join(args, " "), stdout)
		}
	}
	testkit.GoldenString(t, "show.txt", all.String())
}

// TestShowRoleGolden holds "ddat show ROLE", the whole role.
func TestShowRoleGolden(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := ddat(t, "show", "infrastructure-engineer")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	testkit.GoldenString(t, "show-role.txt", stdout)
}

// A role level can be named by number, id, title or title without the role
// name, and the role by id or name, in any case.
func TestShowLookups(t *testing.T) {
	t.Parallel()
	want, _, _ := ddat(t, "show", "infrastructure-engineer", "3")
	for _, args := range [][]string{
		{"infrastructure-engineer", "senior"},
		{"Infrastructure engineer", "Senior"},
		{"INFRASTRUCTURE-ENGINEER", "senior infrastructure engineer"},
		{"infrastructure engineer", " 3 "},
	} {
		got, stderr, code := ddat(t, append([]string{"show"}, args...)...)
		if code != exitOK || got != want {
			t.Errorf("ddat show %q: exit %d, stderr %q; output differs from ddat show infrastructure-engineer 3", args, code, stderr)
		}
	}
}

// Every line of text wraps within 80 columns unless a single word is longer,
// and --width 0 does not wrap.
func TestShowWraps(t *testing.T) {
	t.Parallel()
	stdout, _, _ := ddat(t, "show", "infrastructure-engineer")
	for i, line := range strings.Split(stdout, "\n") {
		if n := len([]rune(line)); n > defaultWidth {
			t.Errorf("line %d is %d characters long: %q", i+1, n, line)
		}
	}
	stdout, _, _ = ddat(t, "show", "--width", "0", "infrastructure-engineer", "3")
	long := "• provide input into overall management - workforce, budget, technology roadmaps, projects and tasks"
	if !strings.Contains(stdout, long) {
		t.Errorf("--width 0: output lacks the unwrapped line %q", long)
	}
}

var (
	seedHeading = regexp.MustCompile(`^(\d+)\. (.+)$`)
	spaces      = regexp.MustCompile(`\s+`)
)

// seedLevels reads the role level sections of a seed page: for each level,
// its non-blank lines with bullets removed, in order, from the numbered
// heading to the next section.
func seedLevels(t *testing.T, file string) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", file))
	if err != nil {
		t.Fatal(err)
	}
	var levels [][]string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "•"))
		switch {
		case line == "":
			continue
		case seedHeading.MatchString(line):
			levels = append(levels, nil)
		case line == "Role Shared skills":
			return levels
		}
		if len(levels) > 0 && line != "Skill Description" {
			levels[len(levels)-1] = append(levels[len(levels)-1], line)
		}
	}
	return levels
}

// seedShared reads the table "Roles that share … skills" at the end of a
// seed page: role name → shared skill names, in the page's order.
func seedShared(t *testing.T, file string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", file))
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "Role Shared skills")
	if !ok {
		t.Fatalf("%s: no shared skills table", file)
	}
	table, _, _ = strings.Cut(table, "Updates")
	skills := map[string]bool{}
	fw := fixture.Default(t)
	for _, s := range fw.Skills {
		skills[s.Name] = true
	}
	shared := map[string][]string{}
	role := ""
	for _, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case skills[line]:
			shared[role] = append(shared[role], line)
		default:
			role = line
		}
	}
	return shared
}

// flatten reduces text to its words, so that wrapping and bullets do not
// matter when looking for a sentence.
func flatten(s string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(strings.ReplaceAll(s, "•", " "), " "))
}

// TestShowHoldsSeed checks that "ddat show infrastructure-engineer N" prints
// every text of level N of the first seed page: title, summary,
// responsibilities and each skill's name, level and "You can:" items in the
// page's order, and the grades (which the profile gives with the level's
// facts, before the summary) and level phrases (which its legend gives once,
// before the skills). The page's own labels become
// ddat's: "Level: awareness" is "Skill level: Awareness".
func TestShowHoldsSeed(t *testing.T) {
	t.Parallel()
	levels := seedLevels(t, seedInfrastructureEngineer)
	if len(levels) != 5 {
		t.Fatalf("seed has %d levels, want 5", len(levels))
	}
	for i, lines := range levels {
		t.Run(fmt.Sprint(i+1), func(t *testing.T) {
			stdout, stderr, code := ddat(t, "show", "infrastructure-engineer", fmt.Sprint(i+1))
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := flatten(stdout)
			var ordered, anywhere []string
			seedSkills, grades := 0, false
			for _, line := range lines {
				switch {
				case line == "This role level is often performed at the Civil Service job grade of:":
					grades = true
				case strings.HasPrefix(line, "Level: "):
					grades = false
					seedSkills++
					level := strings.TrimPrefix(line, "Level: ")
					ordered = append(ordered, "Skill level: "+strings.ToUpper(level[:1])+level[1:])
				case grades, strings.HasSuffix(line, " ascending skill levels"):
					// The grades are with the level's facts; the level
					// phrases are said once, in the legend before the skills.
					anywhere = append(anywhere, line)
				case seedHeading.MatchString(line):
					ordered = append(ordered, seedHeading.FindStringSubmatch(line)[2])
				default:
					ordered = append(ordered, line)
				}
			}
			at := 0
			for _, line := range ordered {
				line = flatten(line)
				j := strings.Index(got[at:], line)
				if j < 0 {
					if strings.Contains(got, line) {
						t.Errorf("out of the seed's order: %q", line)
					} else {
						t.Errorf("missing: %q", line)
					}
					continue
				}
				at += j + len(line)
			}
			for _, line := range anywhere {
				if !strings.Contains(got, flatten(line)) {
					t.Errorf("missing grade: %q", line)
				}
			}
			if gotSkills := strings.Count(stdout, "\n  Skill level: "); gotSkills != seedSkills {
				t.Errorf("%d skills shown, the seed has %d", gotSkills, seedSkills)
			}
		})
	}
}

// TestShowRolesSharing checks "Roles that share … skills": each seed role
// lists the other with the five skills the first seed names.
func TestShowRolesSharing(t *testing.T) {
	t.Parallel()
	want := seedShared(t, seedInfrastructureEngineer)["Infrastructure operations engineer"]
	if len(want) != 5 {
		t.Fatalf("seed table: infrastructure operations engineer shares %q, want five skills", want)
	}
	for _, tt := range []struct{ role, heading, other string }{
		{"infrastructure-engineer", "Roles that share infrastructure engineer skills", "Infrastructure operations engineer"},
		{"infrastructure-operations-engineer", "Roles that share infrastructure operations engineer skills", "Infrastructure engineer"},
	} {
		t.Run(tt.role, func(t *testing.T) {
			for n := 1; n <= 5; n++ {
				stdout, _, _ := ddat(t, "show", "--width", "0", tt.role, fmt.Sprint(n))
				_, section, ok := strings.Cut(stdout, tt.heading+"\n")
				if !ok {
					t.Fatalf("level %d: no %q section", n, tt.heading)
				}
				lines := strings.Split(strings.TrimSpace(section), "\n")
				// "Other role:  skill, skill, …" on one line (--width 0).
				if len(lines) < 3 {
					t.Fatalf("level %d: section is %q, want %q and its skills", n, lines, tt.other)
				}
				names, ok := strings.CutPrefix(lines[2], tt.other+":")
				if !ok {
					t.Fatalf("level %d: section is %q, want %q and its skills", n, lines, tt.other)
				}
				got := strings.Split(strings.TrimSpace(names), ", ")
				if tt.role == "infrastructure-engineer" {
					// The page's own table, in the page's order.
					if !slices.Equal(got, want) {
						t.Errorf("level %d: shared skills %q, want %q", n, got, want)
					}
					continue
				}
				slices.Sort(got)
				w := slices.Sorted(slices.Values(want))
				if !slices.Equal(got, w) {
					t.Errorf("level %d: shared skills %q, want %q in any order", n, got, w)
				}
			}
		})
	}
}
