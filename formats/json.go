package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"gopkg.in/yaml.v3"
)

// maxJSONDepth bounds how deeply a JSON file may nest; a framework file needs
// fewer than ten levels.
const maxJSONDepth = 100

// decodeJSON reads a JSON framework. JSON is parsed by encoding/json, not as
// YAML: YAML rejects some valid JSON (the escape "\/", surrogate pairs such
// as "\ud83d\ude00") and places JSON syntax errors poorly. The values become
// a YAML node tree with exact lines and columns, which the same schema walk
// as YAML's reads.
func decodeJSON(data []byte, name string) (*model.Framework, error) {
	if err := checkText(data, name); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p := &jsonParser{data: data, name: name, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if rest := p.data[p.dec.InputOffset():]; len(bytes.TrimSpace(rest)) > 0 {
		at := len(p.data) - len(bytes.TrimLeft(rest, " \t\r\n"))
		return nil, &model.LoadError{Pos: p.pos(at), Msg: "syntax error: more after the end of the JSON value; a framework file holds one object"}
	}
	return decodeTree(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}, name)
}

type jsonParser struct {
	data []byte
	name string
	dec  *json.Decoder
	// at is the place of offset off, the last one pos was asked for: the
	// parser asks for offsets in increasing order, so each byte is counted
	// once, however long the lines (minified JSON is one line).
	off int
	at  model.Pos
}

// start is the offset of the next token: the decoder's offset is the end of
// the previous one, before any separator and space.
func (p *jsonParser) start() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return off
}

// pos turns a byte offset into a line and a column counted in characters,
// counting on from the last offset asked for.
func (p *jsonParser) pos(off int) model.Pos {
	off = min(off, len(p.data))
	if off < p.off || p.at.Line == 0 {
		p.off, p.at = 0, model.Pos{File: p.name, Line: 1, Col: 1}
	}
	for _, b := range p.data[p.off:off] {
		switch {
		case b == '\n':
			p.at.Line, p.at.Col = p.at.Line+1, 1
		case b&0xc0 != 0x80: // the first byte of a character
			p.at.Col++
		}
	}
	p.off = off
	return p.at
}

// syntax makes a decoder error a *LoadError at the place it names.
func (p *jsonParser) syntax(err error, at int) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// The offset counts the bytes before the offending one.
		return &model.LoadError{Pos: p.pos(int(se.Offset)), Msg: "syntax error: " + se.Error()}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &model.LoadError{Pos: p.pos(len(p.data)), Msg: "syntax error: the file ends before the JSON value does"}
	}
	return &model.LoadError{Pos: p.pos(at), Msg: "syntax error: " + err.Error()}
}

// value reads one JSON value and everything in it.
func (p *jsonParser) value(depth int) (*yaml.Node, error) {
	at := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(err, at)
	}
	pos := p.pos(at)
	n := &yaml.Node{Line: pos.Line, Column: pos.Col}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxJSONDepth {
			return nil, &model.LoadError{Pos: pos, Msg: fmt.Sprintf("nested more than %d levels deep; a framework needs far fewer", maxJSONDepth)}
		}
		if t == '{' {
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
		} else {
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		}
		for p.dec.More() {
			if n.Kind == yaml.MappingNode {
				k, err := p.value(depth + 1) // a key: the decoder returns only strings here
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, k)
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
		end := p.start()
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, p.syntax(err, end)
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!float", t.String()
		if !strings.ContainsAny(t.String(), ".eE") {
			n.Tag = "!!int"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}
