package main

import (
	"io"

	"github.com/ddat-tools/ddat/workbook"
	"github.com/urfave/cli/v2"
)

// assessmentCommand writes a self-assessment workbook against a role level.
func assessmentCommand() *cli.Command {
	return &cli.Command{
		Name:      "assessment",
		Usage:     "write a self-assessment workbook (XLSX) against a role level: pick your level per skill, see the gaps",
		ArgsUsage: "ROLE --level LEVEL",
		Description: "For each skill of the level, pick your current level from a drop-down; the Gap\n" +
			"column shows how many skill levels you are below the level needed, and a summary\n" +
			"counts them.\n\n" +
			"Examples:\n" +
			"   ddat assessment infrastructure-engineer --level senior\n" +
			"   ddat assessment infrastructure-engineer --level lead -o my-assessment.xlsx",
		Flags: []cli.Flag{
			levelFlag(),
			outputFlag("named after the level, e.g. senior-infrastructure-engineer-self-assessment.xlsx"),
			dateFlag(),
		},
		Action: runAssessment,
	}
}

func runAssessment(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) < 1 || len(args) > 2 {
		return usagef("assessment takes ROLE and --level LEVEL, got %d arguments; quote names with spaces", len(args))
	}
	created, err := creationTime(c)
	if err != nil {
		return err
	}
	fw, err := loadFramework(c)
	if err != nil {
		return err
	}
	ref, err := levelArg(c, fw, args)
	if err != nil {
		return err
	}
	path := documentPath(c, stem(ref)+"-self-assessment", "xlsx")
	return writeDocument(c, path, func(w io.Writer) (int, error) {
		return 0, workbook.WriteAssessment(w, fw, ref, workbook.Options{Creator: "ddat " + version(), Created: created})
	})
}
