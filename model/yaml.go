package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// maxNodes bounds how many nodes a file may expand to through aliases, so that
// a small file of nested aliases (an "alias bomb") fails fast.
const maxNodes = 1 << 20

// decoder walks a YAML (or JSON) node tree into a Framework. It stops at the
// first problem, which it keeps as a *LoadError with the node's position and
// the path of the field.
type decoder struct {
	name  string
	nodes int
	err   *LoadError
	// descriptions given inline in role levels, applied after Build.
	inline []inlineDescription
}

type inlineDescription struct {
	skill, level string
	items        []string
	pos          Pos
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func decodeYAML(data []byte, name string) (*Framework, error) {
	if err := checkText(data, name); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		return nil, syntaxError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &LoadError{Pos: Pos{File: name, Line: extra.Line, Col: extra.Column}, Msg: "a second YAML document; a framework file holds one"}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, err)
	}
	d := &decoder{name: name}
	fw := &Framework{}
	if len(root.Content) == 0 {
		return nil, &LoadError{Pos: Pos{File: name}, Msg: "file is empty; expected a framework"}
	}
	d.document(root.Content[0], fw)
	if d.err != nil {
		return nil, d.err
	}
	fw.Build()
	for _, in := range d.inline {
		fw.Describe(in.skill, in.level, in.items, in.pos)
	}
	return fw, nil
}

func syntaxError(name string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &LoadError{Pos: Pos{File: name, Line: line}, Msg: "syntax error: " + m[2]}
	}
	return &LoadError{Pos: Pos{File: name}, Msg: "syntax error: " + strings.TrimPrefix(msg, "yaml: ")}
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.name, Line: n.Line, Col: n.Column} }

func (d *decoder) fail(n *yaml.Node, path, format string, args ...any) {
	if d.err == nil {
		d.err = &LoadError{Pos: d.pos(n), Field: path, Msg: fmt.Sprintf(format, args...)}
	}
}

// deref follows aliases, counting every node visited against maxNodes.
func (d *decoder) deref(n *yaml.Node, path string) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	d.nodes++
	if d.nodes > maxNodes && d.err == nil {
		d.fail(n, path, "the file expands to more than %d values through aliases; remove the nested aliases", maxNodes)
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}

// fields walks a mapping node, calling the handler of each known key; any
// other key is an error that lists the known ones.
func (d *decoder) fields(n *yaml.Node, path string, handlers map[string]func(v *yaml.Node, path string)) {
	n = d.deref(n, path)
	if d.err != nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "expected a mapping of fields (%s), found %s", strings.Join(slices.Sorted(mapKeys(handlers)), ", "), kindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content) && d.err == nil; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		sub := join(path, k.Value)
		if !ok {
			d.fail(k, sub, "unknown field %q; expected one of: %s", k.Value, strings.Join(slices.Sorted(mapKeys(handlers)), ", "))
			return
		}
		h(d.deref(v, sub), sub)
	}
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// seq walks a sequence node; a null value is an empty list.
func (d *decoder) seq(n *yaml.Node, path string, each func(i int, v *yaml.Node, path string)) {
	if d.err != nil || isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, path, "expected a list, found %s", kindName(n))
		return
	}
	for i, v := range n.Content {
		if d.err != nil {
			return
		}
		sub := fmt.Sprintf("%s[%d]", path, i)
		each(i, d.deref(v, sub), sub)
	}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// str reads a scalar as text.
func (d *decoder) str(n *yaml.Node, path string) string {
	if d.err != nil || isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.fail(n, path, "expected text, found %s", kindName(n))
		return ""
	}
	return n.Value
}

// list reads a list of texts: a YAML list, or one text whose lines are "- "
// items after an optional lead-in (see ParseText).
func (d *decoder) list(n *yaml.Node, path string) []string {
	if d.err != nil || isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		t := ParseText(n.Value)
		if len(t.Items) == 0 {
			return t.Paragraphs
		}
		if len(t.Paragraphs) > 0 {
			d.fail(n, path, "expected a list of items, found text before the list: %q", t.Paragraphs[0])
		}
		return t.Items
	}
	var out []string
	d.seq(n, path, func(_ int, v *yaml.Node, p string) {
		if s := strings.TrimSpace(d.str(v, p)); s != "" {
			out = append(out, s)
		}
	})
	return out
}

// codes reads grade references: a list, or one text separated by commas or
// semicolons.
func (d *decoder) codes(n *yaml.Node, path string) []string {
	if d.err != nil || isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return SplitCodes(n.Value)
	}
	return d.list(n, path)
}

// SplitCodes splits a list of grade references written as one text, such as
// "EO; HEO" or "EO (Executive Officer), HEO (Higher Executive Officer)",
// keeping only the codes or names.
func SplitCodes(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if i := strings.Index(part, " ("); i > 0 && strings.HasSuffix(part, ")") {
			part = part[:i]
		}
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

var dateLayouts = []string{"2006-01-02", "2 January 2006"}

func (d *decoder) date(n *yaml.Node, path string) time.Time {
	s := strings.TrimSpace(d.str(n, path))
	if s == "" || d.err != nil {
		return time.Time{}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	d.fail(n, path, "expected a date as YYYY-MM-DD (e.g. 2023-07-31), found %q", s)
	return time.Time{}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
