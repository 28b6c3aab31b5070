package formats

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/model"
)

// dateLayout is the form Write gives dates: the one the YAML format uses.
const dateLayout = "2006-01-02"

// dateLayouts are the forms Read accepts for a date: the written one, the
// one the framework's role pages print ("31 July 2023"), its short-month
// variant, and a date and time as a spreadsheet may write a date cell.
var dateLayouts = []string{dateLayout, "2 January 2006", "2 Jan 2006", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02T15:04:05Z07:00"}

// dateForm is the expected form of a date, for messages.
const dateForm = "a date as YYYY-MM-DD (e.g. 2023-07-31) or as the role pages write it (31 July 2023)"

// parseDate reads a date cell; the time of day, if any, is dropped.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// An Updates cell holds a role's update history, newest first as the role
// page lists it. Each entry begins on a line of its own with its date and a
// colon; one change follows on the same line, several follow as "- " items
// (the date line is then their lead-in); blank lines separate the entries:
//
//	2024-08-30: The skill level descriptions for 'change management' have been updated.
//
//	2022-08-30:
//	- The 'problem solving' skill has been renamed 'problem management'.
//	- Another change of the same day.
//
//	2020-01-07: First published.
//
// Read also takes the form a role page prints: a date line without a colon
// ("31 July 2023") and "• " items under it. A change that spans lines is
// joined with spaces, as in every text cell (see model.ParseText); an entry
// whose changes are paragraphs rather than items has one change per
// paragraph.

// entryStart matches the line that begins an update entry: a date, then
// nothing or a colon and the entry's first change.
var entryStart = regexp.MustCompile(`^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\s+\d{4})\s*(?::\s*(.*))?$`)

// formatUpdates writes an update history in the form parseUpdates reads.
func formatUpdates(us []model.Update) string {
	var b strings.Builder
	for i, u := range us {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(formatDate(u.Date))
		b.WriteString(":")
		if len(u.Changes) == 1 {
			b.WriteString(" ")
			b.WriteString(u.Changes[0])
			continue
		}
		for _, c := range u.Changes {
			b.WriteString("\n- ")
			b.WriteString(c)
		}
	}
	return b.String()
}

// parseUpdates reads an Updates cell. The error says what is wrong, for a
// message that names the row and column.
func parseUpdates(s string) ([]model.Update, error) {
	var (
		out   []model.Update
		lines []string
	)
	flush := func() {
		if len(out) == 0 {
			return
		}
		t := model.ParseText(strings.Join(lines, "\n"))
		u := &out[len(out)-1]
		u.Changes = append(slices.Clone(t.Paragraphs), t.Items...)
		lines = nil
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\r", ""))
		m := entryStart.FindStringSubmatch(line)
		if m == nil {
			if len(out) == 0 && line != "" {
				return nil, fmt.Errorf("%s comes before any date; expected each entry to begin with its date and a colon, e.g. \"2023-07-31: First published.\"", quote(line))
			}
			lines = append(lines, line)
			continue
		}
		d, ok := parseDate(m[1])
		if !ok {
			return nil, fmt.Errorf("%s is not a valid date; expected %s", quote(m[1]), dateForm)
		}
		flush()
		out = append(out, model.Update{Date: d})
		lines = append(lines, m[2])
	}
	flush()
	return out, nil
}

// sameDate reports whether two date cells name the same day.
func sameDate(a, b string) bool {
	da, okA := parseDate(a)
	db, okB := parseDate(b)
	return okA && okB && da.Equal(db)
}

// sameUpdates reports whether two Updates cells hold the same history.
func sameUpdates(a, b string) bool {
	ua, errA := parseUpdates(a)
	ub, errB := parseUpdates(b)
	return errA == nil && errB == nil && formatUpdates(ua) == formatUpdates(ub)
}
