package vacancy

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/internal/csvrows"
	"github.com/ddat-tools/ddat/model"
)

// MaxRows bounds the vacancies of one campaign file.
const MaxRows = 5000

// Entry is one row of a campaign file: a vacancy and the role level it is
// for, as the row names them (the caller finds them in its framework).
type Entry struct {
	Vacancy Vacancy
	Role    string // role id or name
	Level   string // role level number, id or title; "" when Grade chooses it
	Grade   string // grade code or name; "" when Level is given
	// Pos is where Role, Level and Grade were given ("role", "level",
	// "grade"): the row and the column's heading.
	Pos map[string]model.Pos
}

// Columns of a campaign file beside the vacancy's Fields.
var entryColumns = map[string]string{"role": "role", "level": "level", "rolelevel": "level", "grade": "grade"}

// ReadCSV reads a campaign file: CSV (UTF-8, with or without a byte-order
// mark, separated by commas, semicolons or tabs) with a header row naming
// Reference, Role, Level (or Grade) and any of the vacancy's Fields,
// matched whatever their case, spacing and punctuation. Each later row is
// one vacancy; blank rows are skipped. Every row needs a reference, unique
// in the file, a role, and a level or grade. A problem is a
// *model.LoadError naming the row (as a spreadsheet numbers it) and the
// column.
func ReadCSV(r io.Reader, name string) ([]Entry, error) {
	cr := csvrows.NewReader(r, name, csvrows.Limits{Bytes: MaxCSVSize, Cells: MaxRows * 64, Columns: 16_384, What: "a campaign file"})
	var (
		head    []string // field of each column, "" for none
		heading []string
		entries []Entry
		refs    = map[string]int{} // reference key → row
	)
	for {
		rec, num, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if head == nil {
			if head, err = columns(name, num, rec); err != nil {
				return nil, err
			}
			heading = slices.Clone(rec) // the reader reuses rec
			continue
		}
		if csvrows.Blank(rec) {
			continue
		}
		if len(entries) == MaxRows {
			return nil, &model.LoadError{Pos: model.Pos{File: name, Line: num}, Msg: fmt.Sprintf("more than %d vacancies; split the campaign into several files", MaxRows)}
		}
		e, err := entry(name, num, heading, head, rec)
		if err != nil {
			return nil, err
		}
		k := csvrows.HeadingKey(e.Vacancy.Reference)
		if first, ok := refs[k]; ok {
			return nil, cellErr(name, num, heading[column(head, "reference")], "reference %q is also the reference of row %d; each vacancy needs its own", e.Vacancy.Reference, first)
		}
		refs[k] = num
		entries = append(entries, e)
	}
	if head == nil {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "file is empty; expected a header row (Reference, Role, Level, …) and one row per vacancy"}
	}
	if len(entries) == 0 {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "no vacancies: the file has a header row but no rows under it"}
	}
	return entries, nil
}

// columns reads the header row: the field each column holds.
func columns(name string, row int, rec []string) ([]string, error) {
	head := make([]string, len(rec))
	seen := map[string]string{}
	for i, h := range rec {
		h = strings.TrimSpace(h)
		f := entryColumns[csvrows.HeadingKey(h)]
		if f == "" {
			f = FieldOf(h)
		}
		switch {
		case h == "":
			continue // an unnamed column must stay empty (see entry)
		case f == "":
			return nil, cellErr(name, row, h, "unknown column; expected Reference, Role, Level or Grade, and any of: %s", strings.Join(Fields[1:], ", "))
		case seen[f] != "":
			return nil, cellErr(name, row, h, "a second column for %s (the first is %q)", f, seen[f])
		}
		seen[f] = h
		head[i] = f
	}
	for _, need := range []string{"reference", "role"} {
		if seen[need] == "" {
			return nil, &model.LoadError{Pos: model.Pos{File: name, Line: row}, Msg: fmt.Sprintf("no %s column; a campaign file needs Reference, Role and Level (or Grade)", need)}
		}
	}
	if seen["level"] == "" && seen["grade"] == "" {
		return nil, &model.LoadError{Pos: model.Pos{File: name, Line: row}, Msg: "no Level or Grade column; a campaign file needs Reference, Role and Level (or Grade)"}
	}
	return head, nil
}

// entry reads one row under the header.
func entry(name string, row int, heading, head, rec []string) (Entry, error) {
	e := Entry{Pos: map[string]model.Pos{}}
	for i, cell := range rec {
		if i >= len(head) || head[i] == "" {
			if strings.TrimSpace(cell) != "" {
				return e, &model.LoadError{Pos: model.Pos{File: name, Line: row}, Msg: fmt.Sprintf("cell %d holds %q but its column has no heading", i+1, cell)}
			}
			continue
		}
		pos := model.Pos{File: name, Line: row, Column: strings.TrimSpace(heading[i])}
		switch f := head[i]; f {
		case "role", "level", "grade":
			if err := checkText(cell); err != nil {
				return e, cellErr(name, row, pos.Column, "%v", err)
			}
			s := strings.Join(strings.Fields(cell), " ")
			switch f {
			case "role":
				e.Role = s
			case "level":
				e.Level = s
			default:
				e.Grade = s
			}
			e.Pos[f] = pos
		default:
			if err := e.Vacancy.Set(f, pos, cell); err != nil {
				return e, cellErr(name, row, pos.Column, "%v", err)
			}
		}
	}
	switch {
	case e.Vacancy.Reference == "":
		return e, cellErr(name, row, heading[column(head, "reference")], "no reference; every vacancy needs one, to name its file")
	case e.Role == "":
		return e, cellErr(name, row, heading[column(head, "role")], "no role; expected a role's id or name (see \"ddat roles\")")
	case e.Level == "" && e.Grade == "":
		col := column(head, "level")
		if col < 0 {
			col = column(head, "grade")
		}
		return e, cellErr(name, row, heading[col], "no role level; expected a level's number, id or title, or a grade")
	}
	return e, nil
}

func column(head []string, field string) int {
	for i, f := range head {
		if f == field {
			return i
		}
	}
	return -1
}

func cellErr(name string, row int, col, format string, args ...any) error {
	return &model.LoadError{Pos: model.Pos{File: name, Line: row, Column: strings.TrimSpace(col)}, Msg: fmt.Sprintf(format, args...)}
}
