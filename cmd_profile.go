package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
			"   ddat profile infrastructure-engineer --level senior --format html",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "level", Aliases: []string{"l"}, Usage: "role `LEVEL`: its number, id or title (e.g. 3, senior); default: the whole role"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (\"-\" for standard output); default: a file named after the profile, e.g. senior-infrastructure-engineer.pdf"},
			&cli.StringFlag{Name: "format", Usage: "document `FORMAT`: pdf or html (default: from the extension of -o, else pdf); yaml, json, csv or xlsx still name the format of --data"},
		}, profileFlags()...),
		Action: runProfile,
	}
}

func runProfile(c *cli.Context) error {
	args, err := flagsAfterArgs(c)
	if err != nil {
		return err
	}
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
	fw, err := loadFramework(c)
	if err != nil {
		return err
	}
	role, err := fw.Role(args[0])
	if err != nil {
		return usageError{err}
	}
	ref := model.LevelRef{Role: role}
	if q := c.String("level"); q != "" {
		if ref.Level, err = role.Level(q); err != nil {
			return usageError{err}
		}
	}
	path := c.String("output")
	if path == "" {
		path = naming.File(ref, "."+docFormat)
	}
	if docFormat == "html" {
		err := writeOutput(c, path, func(w io.Writer) error {
			return profile.WriteHTML(w, fw, ref, htmlOptions(opts))
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

// profileFormat is the document format profile writes: --format pdf or
// html, else the extension of -o, else pdf. The command's --format shadows
// the global one, which names the format of --data: a data format given
// here, or none, leaves the global one's value for loading.
func profileFormat(c *cli.Context) (string, error) {
	f := strings.ToLower(c.String("format"))
	switch f {
	case "pdf", "html":
		global := ""
		if lineage := c.Lineage(); len(lineage) > 1 {
			global = lineage[1].String("format")
		}
		if err := c.Set("format", global); err != nil {
			return "", err
		}
		return f, nil
	}
	switch strings.ToLower(filepath.Ext(c.String("output"))) {
	case ".html", ".htm":
		return "html", nil
	}
	return "pdf", nil
}

// htmlOptions are the HTML profile's choices that follow the PDF's: the
// organisation, the creator and the date.
func htmlOptions(opts profile.Options) profile.HTMLOptions {
	return profile.HTMLOptions{Organisation: opts.Organisation, Generator: opts.Creator, Created: opts.Created}
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
