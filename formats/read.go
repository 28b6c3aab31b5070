package formats

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// readFlat reads a framework from a flat spreadsheet, CSV or XLSX. A file
// that cannot be read as the layout (no header, a missing column, a ragged row,
// an unknown skill level) gives a *model.LoadError naming the row and the
// column; values that disagree between rows are recorded in the framework for
// Validate to report. The framework's name is the file's base name.
func readFlat(r io.Reader, name string, format Format, sheet string) (*model.Framework, error) {
	var (
		t   *table
		err error
	)
	if format == FormatCSV {
		t, err = readCSV(r, name)
	} else {
		t, err = readXLSX(io.LimitReader(r, MaxInputSize+1), name, sheet)
	}
	if err != nil {
		return nil, err
	}
	return merge(t, name)
}

// frameworkName is the name a flat file gives its framework: the file's base
// name without extension.
func frameworkName(file string) string {
	if file == "" || strings.HasPrefix(file, "<") || file == "-" {
		return ""
	}
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
