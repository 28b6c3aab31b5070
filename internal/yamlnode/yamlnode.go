// Package yamlnode holds what the YAML readers (framework files, vacancy
// files) share about yaml.v3: its syntax errors in plain words at their
// line, and the name of what a node is, for "expected …, found …".
package yamlnode

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"gopkg.in/yaml.v3"
)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner), with what they mean in plain words. The parser reports the line
// before the one it means: the line where the enclosing list or mapping
// starts, or the line of the problem when that is the first.
var parserProblems = map[string]string{
	"did not find expected ',' or ']'":       "a [ ] list is not closed, or lacks a comma between items",
	"did not find expected ',' or '}'":       "a { } mapping is not closed, or lacks a comma between fields",
	"did not find expected key":              "a line is not \"field: value\" where a field belongs; check the indentation",
	"did not find expected '-' indicator":    "a line is not a \"- \" item where a list item belongs; check the indentation",
	"did not find expected node content":     "a value is missing",
	"did not find expected <document start>": "",
	"did not find expected <stream-start>":   "",
	"found undefined tag handle":             "",
	"found duplicate %YAML directive":        "",
	"found incompatible YAML document":       "",
	"found duplicate %TAG directive":         "",
}

// SyntaxError makes an error of yaml.v3's parser or scanner a
// *model.LoadError at the line it means, in plain words where it can.
func SyntaxError(name string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if plain, ok := parserProblems[msg]; ok {
		line++
		if plain != "" {
			msg = plain + " (" + msg + ")"
		}
	}
	return &model.LoadError{Pos: model.Pos{File: name, Line: line}, Msg: "syntax error near here: " + msg}
}

// KindName says what a node is, for messages: "a list", "the value "x"".
func KindName(n *yaml.Node) string {
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
