package vacancy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/internal/yamlnode"
	"github.com/ddat-tools/ddat/model"
	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds a vacancy file; a real one is a few kilobytes.
const MaxFileSize = 1 << 20

// MaxCSVSize bounds a campaign file: MaxRows vacancies of a kilobyte or so.
const MaxCSVSize = 8 << 20

// maxNodes bounds the values a file expands to through aliases.
const maxNodes = 10000

// Read reads one vacancy from a YAML or JSON file named name (for errors):
// a mapping of the fields in Fields (or their other names, in any case and
// spacing). Lists (locations, behaviours) may be YAML lists or one text
// separated by semicolons. An unknown field, a value of the wrong kind, a
// bad date, e-mail address or number of posts is a *model.LoadError at its
// file:line:col naming the field and what was expected.
func Read(r io.Reader, name string) (*Vacancy, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: fmt.Sprintf("file is larger than %d KiB; a vacancy file is a few", MaxFileSize>>10)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "the file is not UTF-8 text; save it as UTF-8"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "file is empty; expected the vacancy's fields (" + strings.Join(Fields, ", ") + ")"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); errors.Is(err, io.EOF) {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "file holds only comments; expected the vacancy's fields"}
	} else if err != nil {
		return nil, yamlnode.SyntaxError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &model.LoadError{Pos: model.Pos{File: name, Line: extra.Line, Col: extra.Column}, Msg: "a second YAML document; a vacancy file holds one"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlnode.SyntaxError(name, err)
	}
	if len(root.Content) == 0 {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "file is empty; expected the vacancy's fields"}
	}
	d := &decoder{name: name}
	v := &Vacancy{}
	d.vacancy(root.Content[0], v)
	if d.err != nil {
		return nil, d.err
	}
	return v, nil
}

// decoder walks the node tree of a vacancy file, keeping the first problem.
type decoder struct {
	name  string
	nodes int
	err   *model.LoadError
}

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: d.name, Line: n.Line, Col: n.Column}
}

func (d *decoder) fail(n *yaml.Node, field, format string, args ...any) {
	if d.err == nil {
		d.err = &model.LoadError{Pos: d.pos(n), Field: field, Msg: fmt.Sprintf(format, args...)}
	}
}

// deref follows aliases, counting the values visited against maxNodes.
func (d *decoder) deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if d.nodes++; d.nodes > maxNodes {
		d.fail(n, "", "the file expands to more than %d values through aliases", maxNodes)
	}
	return n
}

func (d *decoder) vacancy(n *yaml.Node, v *Vacancy) {
	n = d.deref(n)
	if n.Kind != yaml.MappingNode {
		d.fail(n, "", "expected a mapping of the vacancy's fields (%s), found %s", strings.Join(Fields, ", "), yamlnode.KindName(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content) && d.err == nil; i += 2 {
		k, val := d.deref(n.Content[i]), d.deref(n.Content[i+1])
		field := FieldOf(k.Value)
		if k.Kind != yaml.ScalarNode || field == "" {
			d.fail(k, k.Value, "unknown field %q; expected one of: %s", k.Value, strings.Join(Fields, ", "))
			return
		}
		if first, ok := seen[field]; ok {
			d.fail(k, k.Value, "field %s given twice; first at line %d", field, first.Line)
			return
		}
		seen[field] = k
		values := d.values(val, k.Value, field)
		if d.err != nil {
			return
		}
		if err := v.Set(field, d.pos(val), values...); err != nil {
			d.fail(val, k.Value, "%v", err)
		}
	}
}

// values are the texts of a field's value: a scalar's text, or for a list
// field a list's items.
func (d *decoder) values(n *yaml.Node, key, field string) []string {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return []string{""}
	case n.Kind == yaml.ScalarNode:
		return []string{n.Value}
	case n.Kind == yaml.SequenceNode && (field == "locations" || field == "behaviours"):
		var out []string
		for _, it := range n.Content {
			it = d.deref(it)
			if it.Kind != yaml.ScalarNode {
				d.fail(it, key, "expected text for each item, found %s", yamlnode.KindName(it))
				return nil
			}
			if strings.ContainsAny(it.Value, ";\n") {
				d.fail(it, key, "one item of the list holds a semicolon or line break; give each item of %s on its own", field)
				return nil
			}
			out = append(out, it.Value)
		}
		return out
	case field == "locations" || field == "behaviours":
		d.fail(n, key, "expected a list, or text separated by semicolons, found %s", yamlnode.KindName(n))
	default:
		d.fail(n, key, "expected text, found %s", yamlnode.KindName(n))
	}
	return nil
}
