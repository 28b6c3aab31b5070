package formats

import (
	"fmt"
	"io"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// readFlat reads a framework from a flat spreadsheet, CSV or XLSX. A file
// that cannot be read as the layout (no header, a missing column, a ragged row,
// an unknown skill level) gives a *model.LoadError naming the row and the
// column; values that disagree between rows are recorded in the framework for
// Validate to report. The framework's name is the file's base name.
func readFlat(r io.Reader, name string, format Format, sheet string) (*model.Framework, error) {
	t, err := readTable(r, name, format, sheet)
	if err != nil {
		return nil, err
	}
	return merge([]flatInput{{name: name, t: t}})
}

func readTable(r io.Reader, name string, format Format, sheet string) (*table, error) {
	if format == FormatCSV {
		return readCSV(r, name)
	}
	return readXLSX(io.LimitReader(r, MaxInputSize+1), name, sheet)
}

// Input is one file of a framework that ReadAll reads from several.
type Input struct {
	Name    string // the file's name, for messages and to tell its format
	R       io.Reader
	Options Options
}

// ReadAll reads one framework from several files, such as the framework's
// own download: a role-content CSV and a skill-descriptions CSV. Each file
// must be a flat spreadsheet (CSV or XLSX); its header tells what it holds
// (docs/flat.md). The rows of all the files merge as the rows of one file
// do: a text that two files give differently is a validation error naming
// both files and rows. A single input is read as Read reads it, in any
// format.
func ReadAll(inputs []Input) (*model.Framework, error) {
	if len(inputs) == 1 {
		in := inputs[0]
		return Read(in.R, in.Name, in.Options)
	}
	if len(inputs) == 0 {
		return nil, fmt.Errorf("read: no framework file given")
	}
	var flat []flatInput
	for _, in := range inputs {
		format := in.Options.Format
		if format == "" {
			f, err := FormatOf(in.Name)
			if err != nil {
				return nil, err
			}
			format = f
		}
		if !format.Flat() {
			return nil, fmt.Errorf("%s: only CSV and XLSX files combine into one framework; a %s file holds a whole framework, read it on its own", in.Name, strings.ToUpper(string(format)))
		}
		if in.Options.Sheet != "" && format != FormatXLSX {
			return nil, fmt.Errorf("read %s: only an .xlsx file has sheets (asked for sheet %q)", in.Name, in.Options.Sheet)
		}
		t, err := readTable(in.R, in.Name, format, in.Options.Sheet)
		if err != nil {
			return nil, err
		}
		flat = append(flat, flatInput{name: in.Name, t: t})
	}
	return merge(flat)
}
