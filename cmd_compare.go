package main

import (
	"io"

	"github.com/ddat-tools/ddat/profile"
	"github.com/urfave/cli/v2"
)

// compareCommand writes what a move from one role level to another asks.
func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "compare two role levels, of any roles: the skills both need, and those only one needs",
		ArgsUsage: "FROM TO",
		Description: "FROM and TO are each ROLE:LEVEL (ids, names or numbers) or a role level's title.\n" +
			"The skills only TO needs come with TO's \"You can:\" lists: what to develop.\n\n" +
			"Examples:\n" +
			"   ddat compare infrastructure-engineer:senior infrastructure-operations-engineer:senior\n" +
			"   ddat compare \"Senior infrastructure engineer\" \"Lead infrastructure operations engineer\" --format text",
		Flags:  readingFlags("a PDF named after both levels; text to standard output"),
		Action: runCompare,
	}
}

func runCompare(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) != 2 {
		return usagef("compare takes FROM TO, each ROLE:LEVEL or a level's title, got %d arguments; quote titles with spaces", len(args))
	}
	format, err := outputFormat(c, "pdf", "text", "html")
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
	from, err := findLevel(fw, args[0])
	if err != nil {
		return err
	}
	to, err := findLevel(fw, args[1])
	if err != nil {
		return err
	}
	path := documentPath(c, stem(from)+"-to-"+stem(to), format)
	return writeDocument(c, path, func(w io.Writer) (int, error) {
		if format == "text" {
			return 0, profile.WriteComparisonText(w, fw, from, to, profile.TextOptions{Width: c.Int("width")})
		}
		if format == "html" {
			return 0, profile.WriteComparisonHTML(w, fw, from, to, opts.HTML())
		}
		return profile.WriteComparison(w, fw, from, to, opts)
	})
}
