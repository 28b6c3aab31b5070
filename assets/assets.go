// Package assets holds the files ddat ships inside its binary: the default
// framework and the fonts its documents use.
package assets

import (
	_ "embed"
	"io"
	"strings"
)

//go:embed framework.yaml
var framework string

// FrameworkName is the default framework's file name, for messages.
const FrameworkName = "framework.yaml"

// FrameworkYAML returns a new reader of the default framework, in the YAML
// format formats.Read reads: the role pages "Infrastructure engineer" and
// "Infrastructure operations engineer", with every text as the pages give it.
// Skill levels that neither page describes have no "You can:" items, on
// purpose; model.Framework.Validate reports each as a warning.
func FrameworkYAML() io.Reader { return strings.NewReader(framework) }
