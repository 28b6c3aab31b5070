package formats

import (
	"io"

	"gopkg.in/yaml.v3"
)

// encodeYAML writes doc in the style of a hand-written framework file: the
// small records (skill levels, grades, a level's skill requirements) each on
// one line in flow style, dates as plain YAML dates, multi-line text as
// literal blocks.
func encodeYAML(w io.Writer, doc *docFile) error {
	var root yaml.Node
	if err := root.Encode(doc); err != nil {
		return err
	}
	styleYAML(&root, "")
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return err
	}
	return enc.Close()
}

// MarshalYAML writes the levels as one mapping with keys in scale order.
func (s docSkillItems) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, l := range s {
		var v yaml.Node
		if err := v.Encode(l.Items); err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: l.Level}, &v)
	}
	return n, nil
}

// styleYAML walks the node tree; parent is the key whose value n is.
func styleYAML(n *yaml.Node, parent string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			styleYAML(n.Content[i+1], n.Content[i].Value)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			switch {
			case c.Kind == yaml.MappingNode && (parent == "skill_levels" || parent == "grades"):
				c.Style = yaml.FlowStyle
			case c.Kind == yaml.MappingNode && parent == "skills" && isRequirement(c):
				c.Style = yaml.FlowStyle
			case c.Kind == yaml.ScalarNode && parent == "grades":
				n.Style = yaml.FlowStyle
			}
			styleYAML(c, "")
		}
	case yaml.ScalarNode:
		switch parent {
		case "published", "updated", "date":
			// A plain 2023-07-31, not the quoted string the encoder
			// writes to keep it from reading as a timestamp.
			n.Tag, n.Style = "!!timestamp", 0
		}
	case yaml.DocumentNode:
		for _, c := range n.Content {
			styleYAML(c, parent)
		}
	}
}

// isRequirement reports whether a mapping is a role level's {skill, level}.
func isRequirement(n *yaml.Node) bool {
	return len(n.Content) == 4 && n.Content[0].Value == "skill" && n.Content[2].Value == "level"
}
