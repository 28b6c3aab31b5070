package formats

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// Format is a framework file format.
type Format string

// The formats ddat reads and writes.
const (
	FormatYAML Format = "yaml"
	FormatJSON Format = "json"
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
)

// Formats lists every format, for help texts and errors.
var Formats = []Format{FormatYAML, FormatJSON, FormatCSV, FormatXLSX}

// Flat reports whether f is a flat spreadsheet, one row per role level and
// skill (CSV or XLSX), rather than a YAML or JSON document.
func (f Format) Flat() bool { return f == FormatCSV || f == FormatXLSX }

// Binary reports whether f is not text, so not for a terminal.
func (f Format) Binary() bool { return f == FormatXLSX }

// FormatOf returns the format a file name's extension names.
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return FormatYAML, nil
	case ".json":
		return FormatJSON, nil
	case ".csv":
		return FormatCSV, nil
	case ".xlsx":
		return FormatXLSX, nil
	}
	return "", fmt.Errorf("%s: cannot tell the format from the extension; expected .yaml, .yml, .json, .csv or .xlsx (or give --format)", name)
}

// ParseFormat checks a format named by a user.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	if strings.EqualFold(s, "yml") {
		return FormatYAML, nil
	}
	return "", fmt.Errorf("unknown format %q; expected one of: yaml, json, csv, xlsx", s)
}

// Options are the choices Read needs beyond the file itself. The zero value
// reads any format, told by the file name's extension.
type Options struct {
	Format Format // "" means: from the name's extension
	Sheet  string // the XLSX sheet to read; "" means the first
}

// MaxInputSize bounds what Read reads, so that a wrong file fails fast.
const MaxInputSize = 256 << 20

// Read reads a framework from r in any format, whose name is used in
// messages and, when opts.Format is empty, to tell the format. The framework
// is built (see model.Framework.Build) but not validated: call Validate for
// the findings. A file that cannot be read at all gives a *model.LoadError
// naming the place and the problem.
func Read(r io.Reader, name string, opts Options) (*model.Framework, error) {
	format := opts.Format
	if format == "" {
		f, err := FormatOf(name)
		if err != nil {
			return nil, err
		}
		format = f
	}
	if opts.Sheet != "" && format != FormatXLSX {
		return nil, fmt.Errorf("read %s: only an .xlsx file has sheets (asked for sheet %q)", name, opts.Sheet)
	}
	if format.Flat() {
		return readFlat(r, name, format, opts.Sheet)
	}
	return readDoc(r, name, format)
}

// ReadFile opens path and reads the framework in it.
func ReadFile(path string, opts Options) (*model.Framework, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open framework: %w", err)
	}
	defer f.Close()
	return Read(f, path, opts)
}

// Write writes fw to w in format, so that Read gives the same framework
// back (less what a flat spreadsheet cannot hold: see Lost). Output is
// deterministic.
func Write(w io.Writer, fw *model.Framework, format Format) error {
	if format.Flat() {
		return writeFlat(w, fw, format)
	}
	if format != FormatYAML && format != FormatJSON {
		return fmt.Errorf("write: unknown format %q", format)
	}
	return writeDoc(w, fw, format)
}
