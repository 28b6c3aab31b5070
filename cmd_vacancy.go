package main

import (
	"errors"
	"os"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/vacancy"
	"github.com/urfave/cli/v2"
)

// vacancyFlagFields are the flags for a vacancy's common fields, each with
// the field it sets.
var vacancyFlagFields = []struct{ flag, field, usage string }{
	{"reference", "reference", "the vacancy's `REFERENCE`, also in the file name and the PDF's keywords"},
	{"job-title", "title", "the advertised job `TITLE`, when it differs from the level's"},
	{"salary", "salary", "the `SALARY` or pay band, as the advert writes it"},
	{"working-pattern", "working_pattern", "the working `PATTERN`, e.g. \"Full-time or part-time\""},
	{"closing-date", "closing_date", "the `DATE` applications close: YYYY-MM-DD or e.g. \"31 March 2025\""},
	{"contact-name", "contact_name", "the `NAME` of the vacancy's contact"},
	{"contact-email", "contact_email", "the contact's e-mail `ADDRESS`"},
	{"security-clearance", "security_clearance", "the security `CLEARANCE` needed"},
	{"posts", "posts", "the `NUMBER` of posts"},
}

// vacancyFlags are --vacancy and the flags of the common fields, which
// override the file's.
func vacancyFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "vacancy", Usage: "add a vacancy's details from a YAML or JSON `FILE` to a level's profile (see README)"},
	}
	for _, f := range vacancyFlagFields {
		flags = append(flags, &cli.StringFlag{Name: f.flag, Usage: f.usage})
	}
	return append(flags, &cli.StringSliceFlag{Name: "location", Usage: "a `PLACE` of work (repeatable)"})
}

// vacancyOptions reads --vacancy, then the flags of the fields over it; nil
// when none is given.
func vacancyOptions(c *cli.Context) (*vacancy.Vacancy, error) {
	v := &vacancy.Vacancy{}
	if path := c.String("vacancy"); path != "" {
		f, err := os.Open(path)
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, usagef("--vacancy %s: no such file", path)
		case err != nil:
			return nil, usagef("--vacancy %s: %v", path, err)
		}
		defer f.Close()
		if v, err = vacancy.Read(f, path); err != nil {
			return nil, err
		}
	}
	set := func(flag, field string, values ...string) error {
		if err := v.Set(field, model.Pos{File: "--" + flag}, values...); err != nil {
			return usagef("--%s: %v", flag, err)
		}
		return nil
	}
	for _, f := range vacancyFlagFields {
		if c.IsSet(f.flag) {
			if err := set(f.flag, f.field, c.String(f.flag)); err != nil {
				return nil, err
			}
		}
	}
	if c.IsSet("location") {
		if err := set("location", "locations", c.StringSlice("location")...); err != nil {
			return nil, err
		}
	}
	if v.Empty() {
		return nil, nil
	}
	return v, nil
}
