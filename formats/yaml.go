package formats

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/internal/yamlnode"
	"github.com/ddat-tools/ddat/model"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// maxNodes bounds how many nodes a file's aliases may add to it, so that a
// small file of nested aliases (an "alias bomb") fails fast: far more than
// the anchors of a framework repeat (a list of a dozen skills aliased in
// 200 role levels adds about 12,000). The nodes written out in the file do
// not count: they cost what the file's size does.
const maxNodes = 1 << 16

// decoder walks a YAML (or JSON) node tree into a Framework. It stops at the
// first problem, which it keeps as a *LoadError with the node's position and
// the path of the field.
type decoder struct {
	name string
	err  *model.LoadError
	// descriptions given inline in role levels, applied after Build.
	inline []inlineDescription
}

type inlineDescription struct {
	skill, level string
	items        []string
	pos          model.Pos
}

func decodeYAML(data []byte, name string) (*model.Framework, error) {
	if err := checkText(data, name); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); errors.Is(err, io.EOF) {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "file holds only comments; expected a framework"}
	} else if err != nil {
		return nil, yamlnode.SyntaxError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &model.LoadError{Pos: model.Pos{File: name, Line: extra.Line, Col: extra.Column}, Msg: "a second YAML document; a framework file holds one"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlnode.SyntaxError(name, err)
	}
	return decodeTree(&root, name)
}

// decodeTree reads a framework from a parsed document, YAML or JSON.
func decodeTree(root *yaml.Node, name string) (*model.Framework, error) {
	d := &decoder{name: name}
	fw := &model.Framework{}
	if len(root.Content) == 0 {
		return nil, &model.LoadError{Pos: model.Pos{File: name}, Msg: "file is empty; expected a framework"}
	}
	d.aliases(root.Content[0])
	normalise(root.Content[0])
	if d.err != nil {
		return nil, d.err
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

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: d.name, Line: n.Line, Col: n.Column}
}

func (d *decoder) fail(n *yaml.Node, path, format string, args ...any) {
	if d.err == nil {
		d.err = &model.LoadError{Pos: d.pos(n), Field: path, Msg: fmt.Sprintf(format, args...)}
	}
}

// deref follows aliases; aliases has checked that they end, and that
// following them all reads at most maxNodes more nodes.
func (d *decoder) deref(n *yaml.Node, _ string) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// normalise puts every text of the tree in Unicode normal form C, the
// composed form: "e" followed by a combining acute accent becomes "é", so
// that text compares, sorts and prints as it reads, however it was typed.
// Nodes are visited as written, not through aliases.
func normalise(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode {
		n.Value = norm.NFC.String(n.Value)
	}
	for _, c := range n.Content {
		normalise(c)
	}
}

// aliases checks, before the schema walk, what the document's aliases add
// to it: each alias stands for a copy of the node it names, which the walk
// reads again. Nodes written out in the file count for nothing; the copies
// an alias brings in, aliases inside them included, count against maxNodes,
// and the alias that passes it is the error. An alias inside the node it
// names (a copy without end) is an error too. The work is linear in the
// file: the size of each named node is counted once.
func (d *decoder) aliases(root *yaml.Node) {
	const counting = -1
	sizes := map[*yaml.Node]int{} // copy sizes, capped at maxNodes+1
	var size func(n *yaml.Node) (int, *yaml.Node)
	// size is the number of nodes n stands for, or the alias that makes it
	// endless.
	size = func(n *yaml.Node) (int, *yaml.Node) {
		alias := n
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		switch s, ok := sizes[n]; {
		case ok && s == counting:
			return 0, alias
		case ok:
			return s, nil
		}
		sizes[n] = counting
		total := 1
		for _, c := range n.Content {
			s, loop := size(c)
			if loop != nil {
				return 0, loop
			}
			total = min(total+s, maxNodes+1)
		}
		sizes[n] = total
		return total, nil
	}
	added := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if d.err != nil {
			return
		}
		if n.Kind != yaml.AliasNode {
			for _, c := range n.Content {
				walk(c)
			}
			return
		}
		if n.Alias == nil {
			return
		}
		s, loop := size(n)
		if loop != nil {
			d.fail(loop, "", "the alias *%s is inside the value it names, so it never ends; copy the value instead", loop.Value)
			return
		}
		if added += s; added > maxNodes {
			d.fail(n, "", "the file expands to more than %d values through aliases; remove the nested aliases", maxNodes)
		}
	}
	walk(root)
}

// fields walks a mapping node, calling the handler of each known key; any
// other key is an error that lists the known ones.
func (d *decoder) fields(n *yaml.Node, path string, handlers map[string]func(v *yaml.Node, path string)) {
	n = d.deref(n, path)
	if d.err != nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "expected a mapping of fields (%s), found %s", strings.Join(slices.Sorted(mapKeys(handlers)), ", "), yamlnode.KindName(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content) && d.err == nil; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		sub := join(path, k.Value)
		if !ok {
			d.fail(k, sub, "unknown field %q; expected one of: %s", k.Value, strings.Join(slices.Sorted(mapKeys(handlers)), ", "))
			return
		}
		if first := d.repeated(seen, k, sub); first {
			return
		}
		h(d.deref(v, sub), sub)
	}
}

// repeated reports, as the decoder's error, a key given twice in one
// mapping: YAML would silently keep the last value.
func (d *decoder) repeated(seen map[string]*yaml.Node, k *yaml.Node, path string) bool {
	if first, ok := seen[k.Value]; ok {
		d.fail(k, path, "field %q given twice in one mapping; first at line %d", k.Value, first.Line)
		return true
	}
	seen[k.Value] = k
	return false
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
		d.fail(n, path, "expected a list, found %s", yamlnode.KindName(n))
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
		d.fail(n, path, "expected text, found %s", yamlnode.KindName(n))
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
		t := model.ParseText(n.Value)
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

func (d *decoder) date(n *yaml.Node, path string) time.Time {
	s := strings.TrimSpace(d.str(n, path))
	if s == "" || d.err != nil {
		return time.Time{}
	}
	if t, ok := parseDate(s); ok {
		return t
	}
	d.fail(n, path, "expected %s, found %q", dateForm, s)
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
