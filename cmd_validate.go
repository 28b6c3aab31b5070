package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/urfave/cli/v2"
)

// strictFlag makes warnings fail validation.
func strictFlag() *cli.BoolFlag {
	return &cli.BoolFlag{
		Name:  "strict",
		Usage: "exit 1 on warnings too, not only on errors",
	}
}

// validateCommand checks a framework and lists every finding.
func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a framework and list every error and warning with where it is",
		ArgsUsage: "[FILE]...",
		Description: "Checks the framework that --data names (or the embedded one), or each FILE,\n" +
			"and prints one line per finding: file:line:column, severity, what and why,\n" +
			"then a count. Errors (unknown references, duplicates, conflicting descriptions,\n" +
			"a level with no title, text the PDF fonts cannot print, a file that cannot be\n" +
			"read) make it exit 1; warnings (gaps such as a skill level with no\n" +
			"description) do not, unless --strict.\n\n" +
			"Examples:\n" +
			"   ddat validate\n" +
			"   ddat validate my-framework.yaml\n" +
			"   ddat --data my-framework.json validate --strict",
		Flags: []cli.Flag{strictFlag()},
		Action: func(c *cli.Context) error {
			if !c.Args().Present() {
				return validateOne(c, dataPaths(c))
			}
			var failed []error
			for _, path := range c.Args().Slice() {
				if err := validateOne(c, []string{path}); err != nil {
					var u usageError
					if errors.As(err, &u) {
						return err
					}
					failed = append(failed, err)
				}
			}
			if len(failed) > 1 {
				return fmt.Errorf("%d of %d files failed validation", len(failed), c.NArg())
			}
			return errors.Join(failed...)
		},
	}
}

// validateOne loads the framework in paths (the embedded one when there are
// none) and writes its findings and a count to stdout. A file that cannot be
// read at all is one error finding.
func validateOne(c *cli.Context, paths []string) error {
	names := slices.Clone(paths)
	for i, p := range names {
		if p == "-" {
			names[i] = stdinName
		}
	}
	name := strings.Join(names, " + ")
	if name == "" {
		name = "the embedded framework"
	}
	var findings model.Findings
	fw, err := readFrameworkFrom(c, paths)
	var le *model.LoadError
	switch {
	case errors.As(err, &le):
		findings = model.Findings{{Severity: model.Error, Pos: le.Pos, Subject: le.Field, Message: le.Msg}}
	case err != nil:
		return err
	default:
		// Text the PDF fonts cannot print is an error too: the job
		// profiles could not be made.
		findings = append(fw.Validate(), profile.CheckPrintable(fw, nil)...)
	}
	errs, warns := findings.Errors(), len(findings)-findings.Errors()
	err = writeOutput(c, "-", func(w io.Writer) error {
		for _, f := range findings {
			if _, err := fmt.Fprintln(w, f); err != nil {
				return err
			}
		}
		_, err := fmt.Fprintf(w, "%s: %s, %s\n", name, plural(errs, "error"), plural(warns, "warning"))
		return err
	})
	switch {
	case err != nil:
		return err
	case errs > 0:
		return fmt.Errorf("%s: %s", name, plural(errs, "error"))
	case warns > 0 && c.Bool("strict"):
		return fmt.Errorf("%s: %s (--strict)", name, plural(warns, "warning"))
	}
	return nil
}

// plural writes a count and a noun: "1 error", "3 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
