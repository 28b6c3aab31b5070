package main

import (
	"io"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/urfave/cli/v2"
)

// progressionCommand writes what changes from each level of a role to the
// next.
func progressionCommand() *cli.Command {
	return &cli.Command{
		Name:      "progression",
		Usage:     "write what changes from each role level of a role to the next: new, raised and dropped skills, new responsibilities",
		ArgsUsage: "ROLE [LEVEL]",
		Description: "Without LEVEL every step of the role is shown; with LEVEL only the step into it\n" +
			"from the level below. The document ends with the role's skills across all its levels.\n\n" +
			"Examples:\n" +
			"   ddat progression infrastructure-engineer\n" +
			"   ddat progression infrastructure-engineer senior --format text\n" +
			"   ddat progression infrastructure-engineer -o progression.pdf --organisation \"Cabinet Office\"",
		Flags:  readingFlags("a PDF named after the role or level, e.g. infrastructure-engineer-progression.pdf; text to standard output"),
		Action: runProgression,
	}
}

func runProgression(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) < 1 || len(args) > 2 {
		return usagef("progression takes ROLE [LEVEL], got %d arguments; quote names with spaces", len(args))
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
	level := ""
	if len(args) == 2 {
		level = args[1]
	}
	ref, err := lookupLevel(fw, args[0], level)
	if err != nil {
		return err
	}
	if ref.Level != nil && ref.Number() == 1 {
		return usagef("%s is the first level of %s: there is no step into it; choose a later level, or none for every step", ref.Level.Title, ref.Role.Name)
	}
	if len(ref.Role.Levels) < 2 {
		return usagef("%s has %d role level: a progression needs two or more", ref.Role.Name, len(ref.Role.Levels))
	}
	path := documentPath(c, stem(model.LevelRef{Role: ref.Role, Level: ref.Level})+"-progression", format)
	return writeDocument(c, path, func(w io.Writer) (int, error) {
		if format == "text" {
			return 0, profile.WriteProgressionText(w, fw, ref, profile.TextOptions{Width: c.Int("width")})
		}
		if format == "html" {
			return 0, profile.WriteProgressionHTML(w, fw, ref, opts.HTML())
		}
		return profile.WriteProgression(w, fw, ref, opts)
	})
}
