// Command ddat turns the UK Government Digital and Data Profession Capability
// Framework into documents people use at work: PDF job profiles for a role or
// role level, an Excel skills matrix across roles, and both for a whole
// framework at once.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
