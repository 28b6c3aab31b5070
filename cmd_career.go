package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/urfave/cli/v2"
)

// What the career commands (progression, compare, interview, assessment)
// share: the output format, the output file, the level a user names.

// outputFormatFlag makes a command's --format: the format of the document
// it writes, one of formats, the first the default.
func outputFormatFlag(formats ...string) *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "format",
		Usage: "write the document as `FORMAT`: " + strings.Join(formats, ", ") + " (default: from the -o file's extension, else " + formats[0] + ")",
	}
}

// outputFormat reads --format, or the -o file's extension, checked against
// formats. The global --format, given before the command, still names the
// format of --data (see globalString).
func outputFormat(c *cli.Context, formats ...string) (string, error) {
	given := c.String("format")
	out := strings.ToLower(given)
	if out == "" {
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(c.String("output"))), ".")
		if ext == "txt" {
			ext = "text"
		}
		if slices.Contains(formats, ext) {
			return ext, nil
		}
		return formats[0], nil
	}
	if out == "txt" {
		out = "text"
	}
	if !slices.Contains(formats, out) {
		return "", usagef("--format %q: expected %s", given, strings.Join(formats, " or "))
	}
	return out, nil
}

// readingFlags are the flags of a document people read in any of PDF, text
// and HTML (progression, compare): its format, -o (def describes the
// default name), the text's width and the profile's options.
func readingFlags(def string) []cli.Flag {
	return append([]cli.Flag{outputFormatFlag("pdf", "text", "html"), outputFlag(def), widthFlag()}, profileFlags()...)
}

// outputFlag makes -o for a career document; def describes its default name.
func outputFlag(def string) *cli.StringFlag {
	return &cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (\"-\" for standard output); default: " + def}
}

// documentPath is -o, or a file named after the document: stem and the
// format's extension. Text goes to standard output unless -o says otherwise.
func documentPath(c *cli.Context, stem, format string) string {
	if p := c.String("output"); p != "" {
		return p
	}
	if format == "text" {
		return "-"
	}
	return stem + "." + format
}

// stem is the file name of ref without an extension.
func stem(ref model.LevelRef) string { return strings.TrimSuffix(naming.File(ref, ".x"), ".x") }

// writeDocument writes a document to path and reports it, as profile does.
func writeDocument(c *cli.Context, path string, write func(w io.Writer) (pages int, err error)) error {
	pages := 0
	err := writeOutput(c, path, func(w io.Writer) error {
		var err error
		pages, err = write(w)
		return err
	})
	if err != nil {
		return err
	}
	if path != "-" {
		if pages > 0 {
			fmt.Fprintf(c.App.ErrWriter, "wrote %s (%s)\n", path, plural(pages, "page"))
		} else {
			fmt.Fprintf(c.App.ErrWriter, "wrote %s\n", path)
		}
	}
	return nil
}

// findLevel finds the role level a user names across the framework: "ROLE:LEVEL"
// (ids, names or numbers, as show takes them) or a role level's title.
func findLevel(fw *model.Framework, q string) (model.LevelRef, error) {
	if role, level, ok := strings.Cut(q, ":"); ok {
		ref, err := lookupLevel(fw, strings.TrimSpace(role), strings.TrimSpace(level))
		if err == nil && ref.Level == nil {
			return ref, usagef("%q: give a level after the colon", q)
		}
		return ref, err
	}
	var found []model.LevelRef
	key := strings.ToLower(strings.Join(strings.Fields(q), " "))
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for j := range r.Levels {
			if strings.ToLower(strings.Join(strings.Fields(r.Levels[j].Title), " ")) == key {
				found = append(found, model.LevelRef{Role: r, Level: &r.Levels[j]})
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return model.LevelRef{}, usagef("no role level titled %q; give ROLE:LEVEL, e.g. infrastructure-engineer:senior (\"ddat roles\" lists the roles)", q)
	}
	var names []string
	for _, f := range found {
		names = append(names, f.Role.ID+":"+f.Level.ID)
	}
	return model.LevelRef{}, usagef("%q is the title of %d role levels; give one of: %s", q, len(found), strings.Join(names, ", "))
}

// parseScale reads --scale: "1-7", "0 to 4".
func parseScale(s string) (profile.Scale, error) {
	s = strings.TrimSpace(s)
	lo, hi, ok := strings.Cut(s, "-")
	if !ok {
		lo, hi, ok = strings.Cut(s, " to ")
	}
	a, errA := strconv.Atoi(strings.TrimSpace(lo))
	b, errB := strconv.Atoi(strings.TrimSpace(hi))
	sc := profile.Scale{Min: a, Max: b}
	if !ok || errA != nil || errB != nil || sc.Check() != nil {
		return sc, usagef("--scale %q: expected the lowest and highest score, e.g. 1-7 or 0-4 (at most 21 scores)", s)
	}
	return sc, nil
}

// levelArg is the role level of a command that takes ROLE and --level (or
// ROLE LEVEL).
func levelArg(c *cli.Context, fw *model.Framework, args []string) (model.LevelRef, error) {
	level := c.String("level")
	if len(args) == 2 {
		if level != "" {
			return model.LevelRef{}, usagef("give the level once: as LEVEL or --level")
		}
		level = args[1]
	}
	if level == "" {
		return model.LevelRef{}, usagef("%s needs a role level: --level LEVEL (its number, id or title)", c.Command.Name)
	}
	return lookupLevel(fw, args[0], level)
}
