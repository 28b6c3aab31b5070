package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/urfave/cli/v2"
)

// organisationFlag makes the --organisation flag.
func organisationFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name: "organisation", EnvVars: []string{"DDAT_ORGANISATION"},
		Usage: "organisation `NAME` for the page header and the PDF's author",
	}
}

// logoFlag makes the --logo flag.
func logoFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name: "logo", EnvVars: []string{"DDAT_LOGO"},
		Usage: "PNG or JPEG `FILE` shown in the page header",
	}
}

// paperFlag makes the --paper flag.
func paperFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name: "paper", EnvVars: []string{"DDAT_PAPER"}, Value: "a4",
		Usage: "paper `SIZE`: a4 or letter",
	}
}

// profileFlags are the options of a PDF profile's look, for every command
// that makes profiles.
func profileFlags() []cli.Flag {
	return []cli.Flag{organisationFlag(), logoFlag(), paperFlag(), dateFlag()}
}

// profileCommand writes the PDF job profile of a role or one of its levels.
func profileCommand() *cli.Command {
	return &cli.Command{
		Name:      "profile",
		Usage:     "write the PDF (or HTML) job profile of a role, or of one role level",
		ArgsUsage: "ROLE",
		Description: "Without --level the profile covers the whole role: a title page, its skills\n" +
			"across levels, then every level from a new page.\n\n" +
			"Examples:\n" +
			"   ddat profile infrastructure-engineer --level senior\n" +
			"   ddat profile infrastructure-engineer --level 3 --organisation \"Cabinet Office\" --logo logo.png\n" +
			"   ddat profile infrastructure-engineer --paper letter -o - > profile.pdf\n" +
			"   ddat profile infrastructure-engineer --level senior --format html\n" +
			"   ddat profile infrastructure-engineer --grade G7 --vacancy vacancy.yaml --closing-date 2025-03-31\n\n" +
			"With --vacancy or the vacancy flags, the level's profile shows the vacancy's details on its\n" +
			"first page, each only when given; the flags override the file. The reference names the file.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "level", Aliases: []string{"l"}, Usage: "role `LEVEL`: its number, id or title (e.g. 3, senior); default: the whole role"},
			&cli.StringFlag{Name: "grade", Aliases: []string{"g"}, Usage: "the role level performed at `GRADE`: a code, name or SCS pay band (e.g. G7, SCS1)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (\"-\" for standard output); default: a file named after the profile, e.g. senior-infrastructure-engineer.pdf"},
			&cli.StringFlag{Name: "format", Usage: "document `FORMAT`: pdf or html (default: from the extension of -o, else pdf); yaml, json, csv or xlsx still name the format of --data"},
		}, append(profileFlags(), vacancyFlags()...)...),
		Action: runProfile,
	}
}

func runProfile(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) != 1 {
		return usagef("profile: give one ROLE (see \"ddat roles\"), got %d arguments", len(args))
	}
	docFormat, err := profileFormat(c)
	if err != nil {
		return err
	}
	opts, err := profileOptions(c)
	if err != nil {
		return err
	}
	if opts.Vacancy, err = vacancyOptions(c); err != nil {
		return err
	}
	fw, err := loadFramework(c)
	if err != nil {
		return err
	}
	role, err := fw.Role(args[0])
	if err != nil {
		return usageError{err}
	}
	ref := model.LevelRef{Role: role}
	if ref.Level, err = chooseLevel(fw, role, c.String("level"), c.String("grade")); err != nil {
		return err
	}
	if opts.Vacancy != nil && ref.Level == nil {
		return usagef("profile %s: vacancy details belong on one role level's profile; choose it with --level or --grade", role.ID)
	}
	what := "PDF job profile"
	if docFormat == "html" {
		what = "HTML job profile"
	}
	def := naming.File(ref, "."+docFormat)
	if opts.Vacancy != nil {
		def = naming.VacancyFile(opts.Vacancy.Reference, ref, "."+docFormat)
	}
	path := c.String("output")
	if docFormat == "pdf" || path != "-" { // HTML is text: a terminal may show it
		if path, err = outputPath(c, path, def, what); err != nil {
			return err
		}
	}
	if docFormat == "html" {
		err := writeOutput(c, path, func(w io.Writer) error {
			return profile.WriteHTML(w, fw, ref, opts.HTML())
		})
		if err == nil && path != "-" {
			fmt.Fprintf(c.App.ErrWriter, "wrote %s\n", path)
		}
		return err
	}
	pages := 0
	err = writeOutput(c, path, func(w io.Writer) error {
		pages, err = profile.Write(w, fw, ref, opts)
		return err
	})
	if err != nil {
		return err
	}
	if path != "-" {
		fmt.Fprintf(c.App.ErrWriter, "wrote %s (%s)\n", path, plural(pages, "page"))
	}
	return nil
}

// chooseLevel is the level of role that --level or --grade names, or nil
// for the whole role. A grade that two levels share asks for --level; given
// both, the level must be performed at the grade.
func chooseLevel(fw *model.Framework, role *model.Role, level, grade string) (*model.RoleLevel, error) {
	var l *model.RoleLevel
	if level != "" {
		var err error
		if l, err = role.Level(level); err != nil {
			return nil, usageError{err}
		}
	}
	if grade == "" {
		return l, nil
	}
	g, err := fw.FindGrade(grade)
	if err != nil {
		return nil, usageError{err}
	}
	at := role.LevelsAtGrade(g)
	names := make([]string, len(at))
	for i, a := range at {
		names[i] = fmt.Sprintf("%d (%s)", role.LevelNumber(a), a.ID)
	}
	switch {
	case l != nil && !slices.Contains(at, l):
		return nil, usagef("--grade %s: level %d (%s) of %s is not performed at %s; the levels that are: %s", grade, role.LevelNumber(l), l.ID, role.Name, g.Label(), orNone(names))
	case l != nil:
		return l, nil
	case len(at) == 0:
		return nil, usagef("--grade %s: no level of %s is performed at %s; see \"ddat show %s\"", grade, role.Name, g.Label(), role.ID)
	case len(at) > 1:
		both := "both"
		if len(at) > 2 {
			both = "all"
		}
		return nil, usagef("--grade %s: levels %s of %s are %s performed at %s; choose one with --level", grade, strings.Join(names, " and "), role.Name, both, g.Label())
	}
	return at[0], nil
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// profileFormat is the document format profile writes: --format pdf or
// html, else the extension of -o, else pdf. This --format is the
// document's; the global one, given before the command, names the format
// of --data (see globalString).
func profileFormat(c *cli.Context) (string, error) {
	switch f := strings.ToLower(c.String("format")); f {
	case "pdf", "html":
		return f, nil
	case "":
	default:
		return "", usagef("--format %q: after profile it names the document's format, pdf or html; give the format of --data before the command: ddat --format %s profile …", c.String("format"), c.String("format"))
	}
	switch strings.ToLower(filepath.Ext(c.String("output"))) {
	case ".html", ".htm":
		return "html", nil
	}
	return "pdf", nil
}

// profileOptions reads the profile flags: paper, organisation, logo, date.
func profileOptions(c *cli.Context) (profile.Options, error) {
	opts := profile.Options{
		Paper:        strings.ToLower(c.String("paper")),
		Organisation: c.String("organisation"),
		Creator:      "ddat " + version(),
	}
	if opts.Paper != "a4" && opts.Paper != "letter" {
		return opts, usagef("--paper %q: expected a4 or letter", c.String("paper"))
	}
	if path := c.String("logo"); path != "" {
		b, err := os.ReadFile(path)
		switch {
		case errors.Is(err, os.ErrNotExist):
			return opts, usagef("--logo %s: no such file", path)
		case err != nil:
			return opts, usagef("--logo %s: %v", path, err)
		}
		if opts.Logo, err = profile.PrepareLogo(b); err != nil {
			return opts, usagef("--logo %s: %v", path, err)
		}
	}
	created, err := creationTime(c)
	if err != nil {
		return opts, err
	}
	opts.Created = created
	return opts, nil
}
