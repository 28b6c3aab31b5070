package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ddat-tools/ddat/formats"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// convertToFlag makes the --to flag.
func convertToFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "to",
		Usage: "output `FORMAT`: yaml, json, csv or xlsx (default: from the extension of -o)",
	}
}

// convertOutputFlag makes the --output flag.
func convertOutputFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name: "output", Aliases: []string{"o"}, Value: "-",
		Usage: "write to `FILE`; \"-\" is standard output (refused for xlsx on a terminal)",
	}
}

// convertCommand writes the loaded framework in any format ddat reads.
func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "write the framework as YAML, JSON, or a flat CSV or XLSX spreadsheet",
		ArgsUsage: " ",
		Description: "convert writes the framework (the embedded default, or --data FILE) in another format:\n" +
			"YAML or JSON in ddat's own schema, or a flat spreadsheet with one row per role level and skill,\n" +
			"the layout of the framework's CSV download, to edit and load back with --data.\n" +
			"The flat layout holds the framework's metadata and the roles' dates and update history too,\n" +
			"but no custom role-level ids, skill-level scale or grades catalogue;\n" +
			"convert says so on standard error when the framework has any.\n\n" +
			"Examples:\n" +
			"   ddat convert --to csv -o framework.csv\n" +
			"   ddat convert -o framework.xlsx\n" +
			"   ddat --data framework.xlsx --grades grades.csv convert --to yaml -o framework.yaml",
		Flags: []cli.Flag{convertToFlag(), convertOutputFlag()},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("convert takes no arguments; got %q", strings.Join(c.Args().Slice(), " "))
			}
			out := c.String("output")
			format, err := convertFormat(c.String("to"), out)
			if err != nil {
				return err
			}
			if out == "-" && format == formats.FormatXLSX && isTerminal(c.App.Writer) {
				return usagef("--to xlsx writes a binary workbook: give -o FILE, or redirect standard output")
			}
			fw, err := loadFramework(c)
			if err != nil {
				return err
			}
			err = writeOutput(c, out, func(w io.Writer) error {
				if format == formats.FormatCSV || format == formats.FormatXLSX {
					return formats.Write(w, fw, format)
				}
				return formats.Write(w, fw, format)
			})
			if err != nil {
				return fmt.Errorf("convert: %w", err)
			}
			if format == formats.FormatCSV || format == formats.FormatXLSX {
				if lost := formats.Lost(fw); len(lost) > 0 {
					fmt.Fprintf(c.App.ErrWriter, "ddat: note: the flat layout cannot hold %s; they are not in the %s output\n", strings.Join(lost, ", "), format)
				}
			}
			return nil
		},
	}
}

// convertFormat is the output format --to names, else the one the output
// file's extension names.
func convertFormat(to, out string) (formats.Format, error) {
	if to != "" {
		f, err := formats.ParseFormat(to)
		if err != nil {
			return "", usageError{fmt.Errorf("--to: %w", err)}
		}
		return f, nil
	}
	if out == "-" {
		return "", usagef("give --to yaml|json|csv|xlsx (or -o FILE with one of those extensions)")
	}
	f, err := formats.FormatOf(out)
	if err != nil {
		return "", usagef("-o %s: cannot tell the format from the extension; give --to yaml|json|csv|xlsx", out)
	}
	return f, nil
}

// isTerminal reports whether w is a terminal, where a binary file would
// only garble the screen.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
