package flat

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// Options are the choices Read needs beyond the file itself.
type Options struct {
	Format model.Format // FormatCSV or FormatXLSX; "" means: from the name's extension
	Sheet  string       // the XLSX sheet to read; "" means the first
}

// Read loads a framework from a flat spreadsheet, CSV or XLSX, whose name is
// used in messages and, when opts.Format is empty, to tell the format. A file
// that cannot be read as the layout (no header, a missing column, a ragged row,
// an unknown skill level) gives a *model.LoadError naming the row and the
// column; values that disagree between rows are recorded in the framework for
// Validate to report. The framework's name is the file's base name.
func Read(r io.Reader, name string, opts Options) (*model.Framework, error) {
	format := opts.Format
	if format == "" {
		f, err := model.FormatOf(name)
		if err != nil {
			return nil, err
		}
		format = f
	}
	var (
		t   *table
		err error
	)
	switch format {
	case model.FormatCSV:
		t, err = readCSV(r, name)
	case model.FormatXLSX:
		t, err = readXLSX(io.LimitReader(r, model.MaxInputSize+1), name, opts.Sheet)
	default:
		return nil, fmt.Errorf("read %s: flat.Read reads CSV and XLSX, not %s; read it with model.Load", name, format)
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
