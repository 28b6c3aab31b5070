package formats

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/model"
)

// readDoc reads a YAML or JSON framework document.
func readDoc(r io.Reader, name string, format Format) (*model.Framework, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxInputSize {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: fmt.Sprintf("file is larger than %d MiB", MaxInputSize>>20)}
	}
	if format == FormatJSON {
		return decodeJSON(data, name)
	}
	return decodeYAML(data, name)
}

// checkText rejects input that is empty or not UTF-8 text, naming the first
// bad byte's line and column.
func checkText(data []byte, name string) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return &model.LoadError{Pos: model.Pos{File: name}, Msg: "file is empty; expected a framework"}
	}
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return &model.LoadError{Pos: model.Pos{File: name, Line: line, Col: col},
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
