package formats

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// writeFlat writes fw to w as a flat spreadsheet, CSV or XLSX, that Read reads
// back into the same framework (less what the layout cannot hold; see the
// package documentation). There is one row per (role level, skill), in the
// order of the roles, their levels and each level's skills; a role level
// without skills gets one row with the skill cells empty; a skill or a
// skill-level description that no role level needs gets a row of its own
// with the role cells empty. The optional columns (Role ID, Role Type,
// Grades, Skill ID, the roles' dates and update history, the framework's
// name, source, licence and URL) are written only when some row has a value
// for them; the framework's metadata is repeated on every row.
//
// A text longer than a spreadsheet cell holds (model.MaxCellText) is a
// *model.CellTextError: a spreadsheet would cut it, so nothing is written.
//
// CSV is written as UTF-8 with a byte-order mark (so that Excel reads it as
// UTF-8), comma-separated, lines ending in CRLF, and cells that a spreadsheet
// would run as a formula prefixed with a single quote.
func writeFlat(w io.Writer, fw *model.Framework, format Format) error {
	if err := checkCellTexts(fw); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	cols, rows := flatRows(fw)
	switch format {
	case FormatCSV:
		if err := writeCSV(w, cols, rows); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
		return nil
	}
	if err := writeXLSX(w, fw, cols, rows); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// bom starts the CSV files Write makes: spreadsheets read UTF-8 text as
// such only after one.
var bom = []byte("\xef\xbb\xbf")

func writeCSV(w io.Writer, cols []column, rows [][numColumns]string) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(bom); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	rec := make([]string, len(cols))
	for i, c := range cols {
		rec[i] = headings[c]
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for n, r := range rows {
		for i, c := range cols {
			// encoding/csv drops a lone carriage return when it writes CRLF
			// lines; Read would drop it anyway (see model.ParseText).
			rec[i] = protect(strings.ReplaceAll(r[c], "\r", ""))
			if err := checkWritten(n+2, c, rec[i]); err != nil {
				return err
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Lead-ins written before the lists of a text cell, as the framework's pages
// write them; Read recognises and drops them.
const (
	roleLeadIn  = "In this role, you will:"
	levelLeadIn = "At this role level, you will:"
	skillLeadIn = "You can:"
)

// flatRows gives fw as rows of cells by column, and chooses the columns to
// write.
func flatRows(fw *model.Framework) ([]column, [][numColumns]string) {
	var rows [][numColumns]string
	used := map[[2]string]bool{} // (skill id, skill level id) some row describes
	carried := map[string]bool{} // skills a row gives the description of
	needed := map[string]bool{}
	var neededOrder []string // ids of the skills role rows need, first need first
	need := func(s *model.Skill) {
		if !needed[s.ID] {
			needed[s.ID] = true
			neededOrder = append(neededOrder, s.ID)
		}
	}
	nameCells := func(r *[numColumns]string, s *model.Skill) {
		r[colSkillName] = s.Name
		if s.ID != model.Slug(s.Name) {
			r[colSkillID] = s.ID
		}
	}
	skillCells := func(r *[numColumns]string, s *model.Skill, level string) {
		nameCells(r, s)
		r[colSkillDescription] = s.Description
		carried[s.ID] = true
		if level == "" {
			return
		}
		if l := fw.SkillLevel(level); l != nil {
			r[colSkillLevel] = l.Name
		} else {
			r[colSkillLevel] = level
		}
		r[colSkillLevelDescription] = model.FormatText("", skillLeadIn, s.Levels[level])
		used[[2]string{s.ID, level}] = true
	}
	for i := range fw.Roles {
		role := &fw.Roles[i]
		var base [numColumns]string
		base[colRoleFamily] = role.Family
		if f := fw.Family(role.Family); f != nil {
			base[colRoleFamily] = f.Name
		}
		base[colRole] = role.Name
		if role.ID != model.Slug(role.Name) {
			base[colRoleID] = role.ID
		}
		base[colRoleType] = role.Type
		base[colRoleDescription] = model.FormatText(role.Summary, roleLeadIn, role.Responsibilities)
		base[colPublished] = formatDate(role.Published)
		base[colLastUpdated] = formatDate(role.Updated)
		base[colUpdates] = formatUpdates(role.Updates)
		for j := range role.Levels {
			l := &role.Levels[j]
			r := base
			r[colRoleLevel] = l.Title
			r[colLevelNumber] = strconv.Itoa(j + 1)
			r[colRoleLevelDescription] = model.FormatText(l.Summary, levelLeadIn, l.Responsibilities)
			r[colGrades] = gradeLabels(fw, l)
			if len(l.Skills) == 0 {
				rows = append(rows, r)
				continue
			}
			for _, q := range l.Skills {
				rs := r
				s := fw.Skill(q.Skill)
				switch {
				case s == nil:
					rs[colSkillName], rs[colSkillLevel] = q.Skill, q.Level
				case q.Level == "":
					// Needed without a level (a Senior Civil Service role):
					// the Skill Description holds the role's own list, as in
					// the framework's download.
					nameCells(&rs, s)
					rs[colSkillDescription] = model.FormatText("", skillLeadIn, q.Items)
					need(s)
				default:
					skillCells(&rs, s, q.Level)
					need(s)
				}
				rows = append(rows, rs)
			}
		}
	}
	// The rest of the catalogue, so that no skill text is lost: the skills
	// the rows above need, in the order they first need them (the order
	// Read gives the catalogue), then the others.
	order := make([]*model.Skill, 0, len(fw.Skills))
	for _, id := range neededOrder {
		order = append(order, fw.Skill(id))
	}
	for i := range fw.Skills {
		if !needed[fw.Skills[i].ID] {
			order = append(order, &fw.Skills[i])
		}
	}
	for _, s := range order {
		for _, l := range fw.SkillLevels {
			if len(s.Levels[l.ID]) > 0 && !used[[2]string{s.ID, l.ID}] {
				var r [numColumns]string
				skillCells(&r, s, l.ID)
				rows = append(rows, r)
			}
		}
		if !carried[s.ID] && (s.Description != "" || !needed[s.ID]) {
			var r [numColumns]string
			skillCells(&r, s, "")
			rows = append(rows, r)
		}
	}
	// The framework's metadata goes on every row, like the other repeated
	// values, so that a row keeps it when the sheet is sorted or filtered.
	meta := fw.Meta
	if len(rows) == 0 && meta != (model.Meta{Pos: meta.Pos}) {
		rows = append(rows, [numColumns]string{})
	}
	for i := range rows {
		rows[i][colFramework], rows[i][colSource], rows[i][colLicence], rows[i][colURL] = meta.Name, meta.Source, meta.Licence, meta.URL
	}
	var cols []column
	for c := range numColumns {
		if c == colResponsibilities {
			continue // written inside the Role Level Description
		}
		if isRequired(c) || anyCell(rows, c) {
			cols = append(cols, c)
		}
	}
	return cols, rows
}

func isRequired(c column) bool {
	for _, r := range required {
		if r == c {
			return true
		}
	}
	return false
}

func anyCell(rows [][numColumns]string, c column) bool {
	for i := range rows {
		if rows[i][c] != "" {
			return true
		}
	}
	return false
}

// gradeLabels writes a level's grades as "EO (Executive Officer); HEO
// (Higher Executive Officer)", so that a file read on its own still names
// each grade.
func gradeLabels(fw *model.Framework, l *model.RoleLevel) string {
	var b []byte
	for i, id := range l.Grades {
		if i > 0 {
			b = append(b, "; "...)
		}
		if g := fw.Grade(id); g != nil {
			b = append(b, g.Label()...)
		} else {
			b = append(b, id...)
		}
	}
	return string(b)
}
