package model

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format is an input or output file format.
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

// LoadOptions are the choices a loader needs beyond the file itself.
type LoadOptions struct {
	Format Format // "" means: from the file name's extension
}

// MaxInputSize bounds what Load reads, so that a wrong file fails fast.
const MaxInputSize = 256 << 20

// Load reads a framework from r, whose name is used in messages and, when
// opts.Format is empty, to tell the format. The framework is built (see
// Build) but not validated: call Validate for the findings. A file that cannot
// be read at all gives a *LoadError naming the place and the problem.
func Load(r io.Reader, name string, opts LoadOptions) (*Framework, error) {
	format := opts.Format
	if format == "" {
		f, err := FormatOf(name)
		if err != nil {
			return nil, err
		}
		format = f
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxInputSize {
		return nil, &LoadError{Pos: Pos{File: name}, Msg: fmt.Sprintf("file is larger than %d MiB", MaxInputSize>>20)}
	}
	if format != FormatYAML && format != FormatJSON {
		return nil, fmt.Errorf("load %s: model.Load reads YAML and JSON; read %s with package flat", name, format)
	}
	if format == FormatJSON {
		return decodeJSON(data, name)
	}
	return decodeYAML(data, name)
}

// LoadFile opens path and loads the YAML or JSON framework in it.
func LoadFile(path string, opts LoadOptions) (*Framework, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open framework: %w", err)
	}
	defer f.Close()
	return Load(f, path, opts)
}

// checkText rejects input that is empty or not UTF-8 text, naming the first
// bad byte's line and column.
func checkText(data []byte, name string) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return &LoadError{Pos: Pos{File: name}, Msg: "file is empty; expected a framework"}
	}
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return &LoadError{Pos: Pos{File: name, Line: line, Col: col},
				Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[0])}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return nil
}
