package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/urfave/cli/v2"
)

// matrixCommand writes the Excel skills matrix.
func matrixCommand() *cli.Command {
	return &cli.Command{
		Name:      "matrix",
		Usage:     "write an Excel skills matrix: skills by role level across roles",
		UsageText: "ddat matrix [-o FILE] [--per-role] [--paper SIZE] [--family F] [--role R] [--grade G]",
		Description: "Writes a workbook with a cover sheet, the Matrix (one row per skill, one column per\n" +
			"role level, each cell the skill level needed), the Skills and Roles sheets, and the\n" +
			"Data sheet in long format for pivot tables. Filters pick role levels; the cover names\n" +
			"them. Every sheet prints on A4, or on Letter with --paper letter.\n\n" +
			"Examples:\n" +
			"   ddat matrix\n" +
			"   ddat matrix --family \"IT operations\" --grade G7 -o g7.xlsx\n" +
			"   ddat matrix --per-role -o - > matrix.xlsx",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "skills-matrix.xlsx", Usage: "write the workbook to `FILE` (\"-\" for standard output)"},
			&cli.BoolFlag{Name: "per-role", Usage: "add one sheet per role: its skills across its levels"},
			paperFlag(),
			dateFlag(),
		}, selectionFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("matrix takes no arguments, got %q; filter with --family, --role or --grade", c.Args().First())
			}
			fw, refs, err := loadSelected(c)
			if err != nil {
				return err
			}
			created, err := creationTime(c)
			if err != nil {
				return err
			}
			paper, err := paperOption(c)
			if err != nil {
				return err
			}
			opts := matrix.Options{
				Levels:    refs,
				PerRole:   c.Bool("per-role"),
				Creator:   "ddat " + version(),
				Created:   created,
				Paper:     paper,
				Selection: selection(c),
			}
			out, err := outputPath(c, c.String("output"), "skills-matrix.xlsx", "Excel workbook")
			if err != nil {
				return err
			}
			err = writeOutput(c, out, func(w io.Writer) error { return matrix.Write(w, fw, opts) })
			if err != nil {
				return fmt.Errorf("matrix %s: %w", out, err)
			}
			if out != "-" {
				fmt.Fprintf(c.App.ErrWriter, "wrote %s (%d role levels)\n", out, countLevels(refs))
			}
			return nil
		},
	}
}

// paperOption reads --paper: a4 or letter.
func paperOption(c *cli.Context) (string, error) {
	paper := strings.ToLower(c.String("paper"))
	if paper != "a4" && paper != "letter" {
		return "", usagef("--paper %q: expected a4 or letter", c.String("paper"))
	}
	return paper, nil
}

// countLevels counts the role levels refs stand for.
func countLevels(refs []model.LevelRef) int {
	n := 0
	for _, r := range refs {
		if r.Level != nil {
			n++
		} else if r.Role != nil {
			n += len(r.Role.Levels)
		}
	}
	return n
}
