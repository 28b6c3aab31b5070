package main

import (
	"errors"

	"github.com/ddat-tools/ddat/model"
	"github.com/urfave/cli/v2"
)

// familyFlag makes the --family filter, one of the filters shared by the
// commands that work on many role levels.
func familyFlag() *cli.StringSliceFlag {
	return &cli.StringSliceFlag{Name: "family", Usage: "only role levels of role family `F` (id or name; repeatable)"}
}

// roleFlag makes the --role flag.
func roleFlag() *cli.StringSliceFlag {
	return &cli.StringSliceFlag{Name: "role", Usage: "only role levels of role `R` (id or name; repeatable)"}
}

// gradeFlag makes the --grade flag.
func gradeFlag() *cli.StringSliceFlag {
	return &cli.StringSliceFlag{Name: "grade", Usage: "only role levels performed at grade `G` (code or name; repeatable)"}
}

// selectionFlags are the filter flags, for a command's Flags.
func selectionFlags() []cli.Flag { return []cli.Flag{familyFlag(), roleFlag(), gradeFlag()} }

// selection reads the filter flags.
func selection(c *cli.Context) model.Selection {
	return model.Selection{
		Families: c.StringSlice("family"),
		Roles:    c.StringSlice("role"),
		Grades:   c.StringSlice("grade"),
	}
}

// selectLevels applies the filter flags to fw; a filter naming nothing, or
// leaving nothing, is a usage error that says why.
func selectLevels(c *cli.Context, fw *model.Framework) ([]model.LevelRef, error) {
	refs, err := fw.Select(selection(c))
	if errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrEmptySelection) {
		return nil, usageError{err}
	}
	return refs, err
}

// loadSelected loads and validates the framework, then applies the filter
// flags: the start of every command that works on many role levels.
func loadSelected(c *cli.Context) (*model.Framework, []model.LevelRef, error) {
	fw, err := loadFramework(c)
	if err != nil {
		return nil, nil, err
	}
	refs, err := selectLevels(c, fw)
	if err != nil {
		return nil, nil, err
	}
	return fw, refs, nil
}
