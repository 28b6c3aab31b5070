package main

import (
	"io"

	"github.com/ddat-tools/ddat/profile"
	"github.com/ddat-tools/ddat/workbook"
	"github.com/urfave/cli/v2"
)

// levelFlag makes --level for the commands about one role level.
func levelFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "level", Aliases: []string{"l"}, Usage: "role `LEVEL`: its number, id or title (e.g. 3, senior)"}
}

// interviewCommand writes a hiring panel's interview sheet.
func interviewCommand() *cli.Command {
	return &cli.Command{
		Name:      "interview",
		Usage:     "write a hiring panel's interview sheet for a role level, as PDF or XLSX",
		ArgsUsage: "ROLE --level LEVEL",
		Description: "For each skill of the level: its level and \"You can:\" list, room for the evidence\n" +
			"noted and a score. The XLSX offers the scale as a drop-down in every score cell.\n\n" +
			"Examples:\n" +
			"   ddat interview infrastructure-engineer --level senior\n" +
			"   ddat interview infrastructure-engineer --level 3 --format xlsx --scale 0-4",
		Flags: append([]cli.Flag{
			levelFlag(),
			outputFormatFlag("pdf", "xlsx"),
			outputFlag("named after the level, e.g. senior-infrastructure-engineer-interview.pdf"),
			&cli.StringFlag{Name: "scale", Value: "1-7", Usage: "the scores to pick from, `LOW-HIGH`"},
		}, profileFlags()...),
		Action: runInterview,
	}
}

func runInterview(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) < 1 || len(args) > 2 {
		return usagef("interview takes ROLE and --level LEVEL, got %d arguments; quote names with spaces", len(args))
	}
	format, err := outputFormat(c, "pdf", "xlsx")
	if err != nil {
		return err
	}
	scale, err := parseScale(c.String("scale"))
	if err != nil {
		return err
	}
	opts, err := profileOptions(c)
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
	path := documentPath(c, stem(ref)+"-interview", format)
	return writeDocument(c, path, func(w io.Writer) (int, error) {
		if format == "xlsx" {
			return 0, workbook.WriteInterview(w, fw, ref, workbook.InterviewOptions{
				Options:  workbook.Options{Creator: opts.Creator, Created: opts.Created},
				ScaleMin: scale.Min, ScaleMax: scale.Max,
			})
		}
		return profile.WriteInterview(w, fw, ref, scale, opts)
	})
}
