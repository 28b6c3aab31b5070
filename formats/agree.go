package formats

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// agree checks a value repeated on many rows. It returns true when v is the
// first non-empty value, which the caller then stores; an empty cell agrees
// with anything; a different value is an error naming both rows.
func (m *merger) agree(s *seen, v string, r row, c column, subject string, same func(a, b string) bool) bool {
	switch {
	case v == "":
		return false
	case s.row == 0:
		*s = seen{raw: v, file: m.name, row: r.num}
		return true
	case v == s.raw || same(s.raw, v):
		return false
	}
	msg := fmt.Sprintf("%s differs from the one at %s", headings[c], m.where(*s))
	if short(v) && short(s.raw) {
		msg = fmt.Sprintf("%s %s differs from %s at %s", headings[c], quote(v), quote(s.raw), m.where(*s))
	}
	m.found = append(m.found, model.Finding{Severity: model.Error, Pos: m.at(r, c), Subject: subject, Message: msg})
	return false
}

// where names the row a value was first given on: "row 5" in the sheet being
// read, "skills.csv: row 5" in another file.
func (m *merger) where(s seen) string {
	if s.file == m.name {
		return fmt.Sprintf("row %d", s.row)
	}
	return fmt.Sprintf("%s: row %d", s.file, s.row)
}

func short(s string) bool { return len(s) <= 60 && !strings.ContainsAny(s, "\r\n") }

func quote(s string) string { return fmt.Sprintf("%q", s) }

func sameName(a, b string) bool { return fold(a) == fold(b) }

func sameText(a, b string) bool {
	ta, tb := model.ParseText(a), model.ParseText(b)
	return ta.Summary() == tb.Summary() && strings.Join(ta.Items, "\n") == strings.Join(tb.Items, "\n")
}

func sameNumber(a, b string) bool {
	na, errA := strconv.Atoi(a)
	nb, errB := strconv.Atoi(b)
	return errA == nil && errB == nil && na == nb
}

func sameCodes(a, b string) bool {
	ca, cb := SplitCodes(a), SplitCodes(b)
	if len(ca) != len(cb) {
		return false
	}
	for i := range ca {
		if fold(ca[i]) != fold(cb[i]) {
			return false
		}
	}
	return true
}

// list is a text read as a list: its items, or its paragraphs when it has
// no "- " items.
func list(t model.Text) []string {
	if len(t.Items) > 0 {
		return t.Items
	}
	return t.Paragraphs
}

// levelPhrase is the derived sentence a role page prints under a skill
// level; a description copied from a page may start with it.
var levelPhrase = regexp.MustCompile(`(?i)^\S+ is the \S+ of \d+ ascending skill levels\.?$`)

func withoutLevelPhrase(paras []string) []string {
	var out []string
	for _, p := range paras {
		if !levelPhrase.MatchString(p) {
			out = append(out, p)
		}
	}
	return out
}

// key is fold(s), remembered: a name is repeated on many rows.
func (m *merger) key(s string) string {
	k, ok := m.keys[s]
	if !ok {
		k = fold(s)
		m.keys[s] = k
	}
	return k
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
