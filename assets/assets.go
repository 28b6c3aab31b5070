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

// FrameworkYAML returns a reader of the default framework, in the YAML format
// model.Load reads.
func FrameworkYAML() io.Reader { return strings.NewReader(framework) }
