// Command ddat turns the UK Government Digital and Data Profession Capability
// Framework into documents people use at work: PDF job profiles for a role or
// role level, an Excel skills matrix across roles, and both for a whole
// framework at once.
package main

import (
	"os"

	"github.com/inconshreveable/mousetrap"
)

func main() {
	byExplorer := mousetrap.StartedByExplorer() // always false but on Windows
	code := run(launchArgs(os.Args, byExplorer), os.Stdout, os.Stderr)
	if byExplorer && code != exitOK {
		holdWindow(os.Stdin, os.Stderr)
	}
	os.Exit(code)
}
