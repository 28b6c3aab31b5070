// Package vacancy reads the details of a job vacancy that a recruiter adds
// to a role level's job profile: reference, salary, locations, closing date,
// contact and so on. A vacancy is read from a YAML or JSON file (Read), from
// one row of a campaign CSV (ReadCSV), or set field by field from the
// command line (Set); every field is optional and each one is checked where
// it is given, so a mistake is reported with its file, line or row, and
// field.
package vacancy

import (
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/ddat-tools/ddat/internal/csvrows"
	"github.com/ddat-tools/ddat/model"
)

// MaxPosts bounds the number of posts one vacancy advertises.
const MaxPosts = 10000

// Vacancy is what a job advert says beside the role level's profile. The
// zero value is a vacancy with nothing given.
type Vacancy struct {
	Reference         string    // the advert's reference, e.g. "CO-2025-0142"
	Title             string    // advertised job title, when it differs from the level's title
	Salary            string    // salary or pay band, as the advert writes it
	Locations         []string  // one or more places of work
	WorkingPattern    string    // e.g. "Full-time, part-time or job share"
	ClosingDate       time.Time // the day applications close, UTC midnight; zero = not given
	ContactName       string    // who answers questions about the vacancy
	ContactEmail      string    // a plain address, e.g. "jo.bloggs@example.gov.uk"
	SecurityClearance string    // e.g. "Security check (SC)"
	Posts             int       // number of posts; 0 = not given
	About             string    // "About the job": paragraphs separated by blank lines
	Behaviours        []string  // names of the behaviours assessed

	// Pos is where each field was given, by its name in Fields (e.g.
	// "closing_date"): a file position, a CSV cell, or a flag. It may be
	// nil; it lets the profile locate text its font cannot print.
	Pos map[string]model.Pos
}

// Fields are the names of the fields, as a vacancy file writes them, in
// the order a profile shows them.
var Fields = []string{
	"reference", "title", "salary", "locations", "working_pattern", "closing_date",
	"contact_name", "contact_email", "security_clearance", "posts", "about", "behaviours",
}

// aliases are other names for the fields, compared by key: as headings in
// a spreadsheet are written, and as flags are.
var aliases = map[string]string{
	"ref":                 "reference",
	"vacancyreference":    "reference",
	"jobtitle":            "title",
	"advertisedtitle":     "title",
	"advertisedjobtitle":  "title",
	"payband":             "salary",
	"pay":                 "salary",
	"location":            "locations",
	"closes":              "closing_date",
	"contact":             "contact_name",
	"email":               "contact_email",
	"contactemailaddress": "contact_email",
	"clearance":           "security_clearance",
	"numberofposts":       "posts",
	"aboutthejob":         "about",
	"behavioursassessed":  "behaviours",
	"behaviors":           "behaviours",
	"behaviorsassessed":   "behaviours",
}

// FieldOf returns the field a name, heading or flag names, or "" for none.
func FieldOf(name string) string {
	k := csvrows.HeadingKey(name)
	for _, f := range Fields {
		if csvrows.HeadingKey(f) == k {
			return f
		}
	}
	return aliases[k]
}

// Empty reports whether no field of v is given.
func (v *Vacancy) Empty() bool {
	return v == nil || v.Reference == "" && v.Title == "" && v.Salary == "" && len(v.Locations) == 0 &&
		v.WorkingPattern == "" && v.ClosingDate.IsZero() && v.ContactName == "" && v.ContactEmail == "" &&
		v.SecurityClearance == "" && v.Posts == 0 && v.About == "" && len(v.Behaviours) == 0
}

// Set sets the field named field (a name of Fields, or another name for
// it) from text given at pos, replacing what it held. A list field
// (locations, behaviours) takes every value, each split at semicolons and
// new lines; any other field takes one. Blank values clear the field. The
// error says what was expected.
func (v *Vacancy) Set(field string, pos model.Pos, values ...string) error {
	name := FieldOf(field)
	if name == "" {
		return fmt.Errorf("unknown field %q; expected one of: %s", field, strings.Join(Fields, ", "))
	}
	if name == "locations" || name == "behaviours" {
		var list []string
		for _, s := range values {
			if err := checkText(s); err != nil {
				return err
			}
			list = append(list, splitList(s)...)
		}
		if name == "locations" {
			v.Locations = list
		} else {
			v.Behaviours = list
		}
		v.at(name, pos)
		return nil
	}
	if len(values) != 1 {
		return fmt.Errorf("expected one value, found %d", len(values))
	}
	if err := v.setScalar(name, values[0]); err != nil {
		return err
	}
	v.at(name, pos)
	return nil
}

func (v *Vacancy) at(name string, pos model.Pos) {
	if !pos.IsValid() {
		return
	}
	if v.Pos == nil {
		v.Pos = map[string]model.Pos{}
	}
	v.Pos[name] = pos
}

func (v *Vacancy) setScalar(name, s string) error {
	if err := checkText(s); err != nil {
		return err
	}
	if name == "about" {
		s = paragraphs(s)
	} else {
		s = strings.Join(strings.Fields(s), " ")
	}
	switch name {
	case "reference":
		v.Reference = s
	case "title":
		v.Title = s
	case "salary":
		v.Salary = s
	case "working_pattern":
		v.WorkingPattern = s
	case "closing_date":
		d, err := ParseDate(s)
		if err != nil {
			return err
		}
		v.ClosingDate = d
	case "contact_name":
		v.ContactName = s
	case "contact_email":
		if err := checkEmail(s); err != nil {
			return err
		}
		v.ContactEmail = s
	case "security_clearance":
		v.SecurityClearance = s
	case "posts":
		n, err := parsePosts(s)
		if err != nil {
			return err
		}
		v.Posts = n
	case "about":
		v.About = s
	}
	return nil
}

// dateForm says what a date may look like, for errors.
const dateForm = "a date as YYYY-MM-DD (e.g. 2025-03-31) or as an advert writes it (31 March 2025)"

var dateLayouts = []string{"2006-01-02", "2 January 2006", "2 Jan 2006", "Monday 2 January 2006", "Monday, 2 January 2006"}

// ParseDate reads a closing date: YYYY-MM-DD or "31 March 2025"; blank is
// the zero time.
func ParseDate(s string) (time.Time, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("expected %s, found %q", dateForm, s)
}

// checkEmail accepts a plain address, "name@domain.tld", without a display
// name or angle brackets.
func checkEmail(s string) error {
	if s == "" {
		return nil
	}
	a, err := mail.ParseAddress(s)
	_, domain, _ := strings.Cut(s, "@")
	if err != nil || a.Name != "" || a.Address != s || !strings.Contains(strings.Trim(domain, "."), ".") {
		return fmt.Errorf("expected an e-mail address such as name@example.gov.uk, found %q", s)
	}
	return nil
}

func parsePosts(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxPosts {
		return 0, fmt.Errorf("expected a number of posts from 1 to %d, found %q", MaxPosts, s)
	}
	return n, nil
}

// checkText refuses control characters other than tabs and line breaks:
// they print as nothing or as boxes, and are most likely a paste gone wrong.
func checkText(s string) error {
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return fmt.Errorf("control character %U in the text; remove it", r)
		}
	}
	return nil
}

// paragraphs normalises the spacing of a text of paragraphs: lines of a
// paragraph joined, paragraphs separated by one blank line.
func paragraphs(s string) string {
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, strings.Join(para, " "))
			para = nil
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			para = append(para, f...)
		} else {
			flush()
		}
	}
	flush()
	return strings.Join(out, "\n\n")
}

// splitList splits a text list at semicolons and new lines, dropping blank
// items and a leading "- ".
func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "- "))
		if part = strings.Join(strings.Fields(part), " "); part != "" {
			out = append(out, part)
		}
	}
	return out
}
