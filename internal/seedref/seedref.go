// Package seedref reads the two seed role pages (testdata/seeds) and the
// reference table of the second page's lost skill names
// (testdata/reference) on their own, without ddat's loaders or model, so
// that tests can check what ddat computes against the source. It is
// imported by tests only.
package seedref

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/testkit"
)

// Skill is one skill row of a role level as the page gives it.
type Skill struct {
	Name  string
	Level string   // awareness, working, practitioner or expert
	Can   []string // the "You can:" items; none on the second page
}

// Level is one role level of a page.
type Level struct {
	Title            string
	Responsibilities []string // "At this role level, you will:"
	Skills           []Skill
}

// Rank is the position of a skill level on the seeds' scale, 0 for
// awareness; -1 for anything else.
func Rank(level string) int {
	for i, l := range []string{"awareness", "working", "practitioner", "expert"} {
		if l == level {
			return i
		}
	}
	return -1
}

var (
	levelHead = regexp.MustCompile(`^([1-9])\. (.+)$`)
	levelLine = regexp.MustCompile(`Level: (awareness|working|practitioner|expert)\b`)
	bullet    = regexp.MustCompile(`^\s*(?:•|-) (.+)$`)
)

// InfrastructureEngineer reads the first seed, the complete page
// "Infrastructure engineer": every skill with its level and "You can:" list.
func InfrastructureEngineer(tb testing.TB) []Level {
	tb.Helper()
	lines := readLines(tb, testkit.Testdata("seeds", "000_feb4cb126deefb83.txt"))
	var levels []Level
	var cur *Level
	var sk *Skill
	prev, inResp, inCan := "", false, false
	for _, ln := range lines {
		t := strings.TrimSpace(ln)
		switch {
		case t == "Role Shared skills":
			return levels
		case levelHead.MatchString(t):
			levels = append(levels, Level{Title: levelHead.FindStringSubmatch(t)[2]})
			cur, sk, inResp, inCan = &levels[len(levels)-1], nil, false, false
		case cur == nil || t == "":
		case t == "At this role level, you will:":
			inResp = true
		case strings.HasPrefix(t, "This role level is often performed"):
			inResp = false
		case levelLine.MatchString(t):
			cur.Skills = append(cur.Skills, Skill{Name: prev, Level: levelLine.FindStringSubmatch(t)[1]})
			sk, inCan = &cur.Skills[len(cur.Skills)-1], false
		case t == "You can:":
			inCan = true
		case bullet.MatchString(ln):
			item := bullet.FindStringSubmatch(ln)[1]
			if inResp {
				cur.Responsibilities = append(cur.Responsibilities, item)
			} else if inCan && sk != nil {
				sk.Can = append(sk.Can, item)
			}
		default:
			inCan = false
		}
		if t != "" {
			prev = t
		}
	}
	tb.Fatal("seedref: first seed: no \"Role Shared skills\" table after the levels")
	return nil
}

// InfrastructureOperationsEngineer reads the second seed's level titles and
// responsibilities, and the skill of each row from the reference table. It
// fails when the table's levels differ from the seed's rows, row by row.
func InfrastructureOperationsEngineer(tb testing.TB) []Level {
	tb.Helper()
	lines := readLines(tb, testkit.Testdata("seeds", "001_78b327b94d82d134.txt"))
	var levels []Level
	var rows [][]string // the seed's skill levels, row by row, per role level
	inResp := false
	for _, ln := range lines {
		t := strings.TrimSpace(ln)
		switch {
		case strings.HasPrefix(t, "Roles that share"):
			if len(levels) > 0 {
				inResp = false
			}
		case levelHead.MatchString(t):
			levels = append(levels, Level{Title: levelHead.FindStringSubmatch(t)[2]})
			rows = append(rows, nil)
		case len(levels) == 0:
		case t == "At this role level, you will:":
			inResp = true
		case strings.HasPrefix(t, "This role level is often performed"):
			inResp = false
		case inResp && bullet.MatchString(ln):
			l := &levels[len(levels)-1]
			l.Responsibilities = append(l.Responsibilities, bullet.FindStringSubmatch(ln)[1])
		case levelLine.MatchString(t):
			rows[len(rows)-1] = append(rows[len(rows)-1], levelLine.FindStringSubmatch(t)[1])
		}
	}
	table := readLines(tb, testkit.Testdata("reference", "infrastructure-operations-engineer.md"))
	for _, ln := range table {
		cells := strings.Split(strings.Trim(ln, "| "), "|")
		if len(cells) != len(levels)+1 || strings.HasPrefix(ln, "|---") || strings.TrimSpace(cells[0]) == "Skill" {
			continue
		}
		name := strings.TrimSpace(cells[0])
		for i, c := range cells[1:] {
			if c = strings.TrimSpace(c); Rank(c) >= 0 {
				levels[i].Skills = append(levels[i].Skills, Skill{Name: name, Level: c})
			}
		}
	}
	for i, l := range levels {
		if len(l.Skills) != len(rows[i]) {
			tb.Fatalf("seedref: level %d: the table has %d skills, the seed %d rows", i+1, len(l.Skills), len(rows[i]))
		}
		for j, s := range l.Skills {
			if s.Level != rows[i][j] {
				tb.Fatalf("seedref: level %d row %d (%s): table %s, seed %s", i+1, j+1, s.Name, s.Level, rows[i][j])
			}
		}
	}
	return levels
}

// Pair is a skill two levels both need, with both skill levels.
type Pair struct{ Name, From, To string }

// Diff is what changes from level a to level b, computed from the pages.
type Diff struct {
	New       []Skill // b's
	Raised    []Pair
	Unchanged []Pair
	Lowered   []Pair
	Dropped   []Skill // a's
}

// Compare computes the Diff from a to b. Skills match by name, ignoring
// case, as the pages print them.
func Compare(a, b Level) Diff {
	var d Diff
	had := map[string]Skill{}
	for _, s := range a.Skills {
		had[strings.ToLower(s.Name)] = s
	}
	has := map[string]bool{}
	for _, s := range b.Skills {
		has[strings.ToLower(s.Name)] = true
		old, ok := had[strings.ToLower(s.Name)]
		p := Pair{Name: s.Name, From: old.Level, To: s.Level}
		switch {
		case !ok:
			d.New = append(d.New, s)
		case Rank(s.Level) > Rank(old.Level):
			d.Raised = append(d.Raised, p)
		case Rank(s.Level) < Rank(old.Level):
			d.Lowered = append(d.Lowered, p)
		default:
			d.Unchanged = append(d.Unchanged, p)
		}
	}
	for _, s := range a.Skills {
		if !has[strings.ToLower(s.Name)] {
			d.Dropped = append(d.Dropped, s)
		}
	}
	return d
}

// NewResponsibilities is what b lists and a does not, from the pages.
func NewResponsibilities(a, b Level) []string {
	had := map[string]bool{}
	for _, s := range a.Responsibilities {
		had[s] = true
	}
	var out []string
	for _, s := range b.Responsibilities {
		if !had[s] {
			out = append(out, s)
		}
	}
	return out
}

func readLines(tb testing.TB, path string) []string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
