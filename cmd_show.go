package main

import (
	"errors"
	"io"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/urfave/cli/v2"
)

// defaultWidth is the terminal width text output wraps to.
const defaultWidth = 80

// widthFlag makes the flag that sets the column text output wraps at.
func widthFlag() *cli.IntFlag {
	return &cli.IntFlag{
		Name:  "width",
		Value: defaultWidth,
		Usage: "wrap text at `N` columns; 0 does not wrap",
	}
}

// showCommand prints a role, or one role level, as readable text.
func showCommand() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print a role or one role level as text: everything its job profile holds",
		ArgsUsage: "ROLE [LEVEL]",
		Description: "ROLE is a role's id or name, LEVEL a 1-based number, a level id or title\n" +
			"(case does not matter; quote names with spaces). Without LEVEL, the whole\n" +
			"role is printed with all its levels in order. \"ddat roles\" lists the roles.\n\n" +
			"Examples:\n" +
			"   ddat show infrastructure-engineer 3\n" +
			"   ddat show \"Infrastructure engineer\" senior\n" +
			"   ddat show infrastructure-engineer | less",
		Flags:  append([]cli.Flag{widthFlag()}, vacancyFlags()...),
		Action: runShow,
	}
}

func runShow(c *cli.Context) error {
	args := c.Args().Slice()
	switch {
	case len(args) == 0:
		return usagef("show needs a ROLE and optionally a LEVEL; \"ddat roles\" lists the roles")
	case len(args) > 2:
		return usagef("show takes ROLE [LEVEL], got %d arguments; quote names with spaces", len(args))
	}
	if c.Int("width") < 0 {
		return usagef("--width %d: expected 0 or more columns", c.Int("width"))
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
	vac, err := vacancyOptions(c)
	if err != nil {
		return err
	}
	if vac != nil && ref.Level == nil {
		return usagef("show %s: vacancy details belong on one role level; give a LEVEL", ref.Role.ID)
	}
	return writeOutput(c, "-", func(w io.Writer) error {
		return profile.WriteText(w, fw, ref, profile.TextOptions{Width: c.Int("width"), Vacancy: vac})
	})
}

// lookupLevel finds the role a user names and, when level is not "", one of
// its levels. Names that match nothing are usage errors listing the choices.
func lookupLevel(fw *model.Framework, role, level string) (model.LevelRef, error) {
	r, err := fw.Role(role)
	if err != nil {
		return model.LevelRef{}, notFound(err)
	}
	ref := model.LevelRef{Role: r}
	if level == "" {
		return ref, nil
	}
	if ref.Level, err = r.Level(level); err != nil {
		var nf *model.NotFoundError
		if errors.As(err, &nf) {
			return model.LevelRef{}, usagef("%s has no level %q; choose one of: %s", r.Name, level, strings.Join(nf.Choices, ", "))
		}
		return model.LevelRef{}, err
	}
	return ref, nil
}

// notFound makes a lookup that found nothing a usage error.
func notFound(err error) error {
	if errors.Is(err, model.ErrNotFound) {
		return usageError{err}
	}
	return err
}
