package formats

import (
	"time"

	"github.com/ddat-tools/ddat/model"
)

// roleColumns are the columns about a role or a role level: a row that gives
// one must name the role.
var roleColumns = []column{
	colRoleFamily, colRoleID, colRoleType, colRoleDescription, colRoleLevel, colLevelNumber, colRoleLevelDescription,
	colGrades, colResponsibilities, colPublished, colLastUpdated, colUpdates,
}

// metaColumns are the columns about the framework as a publication, in the
// order of merger.meta.
var metaColumns = [...]column{colFramework, colSource, colLicence, colURL}

// readMeta checks the framework's metadata cells of a row against the rows
// before it, and stores the first value of each. It reports whether the row
// gives any.
func (m *merger) readMeta(r row, cell func(column) string) bool {
	given := false
	for i, c := range metaColumns {
		v := cell(c)
		if v == "" {
			continue
		}
		given = true
		same := sameName
		if c == colURL {
			same = func(a, b string) bool { return a == b } // a URL's path is case-sensitive
		}
		if !m.agree(&m.meta[i], v, r, c, "framework", same) {
			continue
		}
		meta := &m.fw.Meta
		switch c {
		case colFramework:
			meta.Name = v
			meta.Pos = m.at(r, c)
		case colSource:
			meta.Source = v
		case colLicence:
			meta.Licence = v
		case colURL:
			meta.URL = v
		}
	}
	return given
}

// roleHistory reads a row's Published, Last Updated and Updates cells into
// the role: the first value of each, which the role's other rows must repeat
// or leave empty. A cell that is not a date, or an update history in no form
// Read knows, is an error naming the row and column.
func (m *merger) roleHistory(r row, cell func(column) string, ra *roleAcc, role *model.Role) error {
	for _, d := range []struct {
		c    column
		s    *seen
		date *time.Time
	}{{colPublished, &ra.published, &role.Published}, {colLastUpdated, &ra.updated, &role.Updated}} {
		v := cell(d.c)
		if v == "" {
			continue
		}
		t, ok := parseDate(v)
		if !ok {
			return m.errAt(r, d.c, "%s is not a date; expected %s", quote(v), dateForm)
		}
		if m.agree(d.s, v, r, d.c, ra.subject, sameDate) {
			*d.date = t
		}
	}
	v := cell(colUpdates)
	if v == "" {
		return nil
	}
	if v == ra.updates.raw {
		return nil // the text of the role's first history, already read
	}
	us, err := parseUpdates(v)
	if err != nil {
		return m.errAt(r, colUpdates, "%v", err)
	}
	if m.agree(&ra.updates, v, r, colUpdates, ra.subject, sameUpdates) {
		for i := range us {
			us[i].Pos = m.at(r, colUpdates)
		}
		role.Updates = us
	}
	return nil
}
