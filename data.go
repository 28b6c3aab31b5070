package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/model"
	"github.com/urfave/cli/v2"
)

// dataFlag makes the --data flag: which framework to use. It repeats, for a
// framework in several flat files, such as the framework's own download (a
// role-content and a skill-descriptions CSV). DDAT_DATA is read by
// dataPaths, not by the flag: it lists files separated by commas, while a
// flag's value is kept whole.
func dataFlag() *cli.StringSliceFlag {
	return &cli.StringSliceFlag{
		Name: "data", Aliases: []string{"d"},
		Usage: "framework `FILE` (.yaml, .yml, .json, .csv, .xlsx); repeat it for CSV or XLSX files that make one framework together; default: $DDAT_DATA (files separated by commas), else the embedded framework",
	}
}

// dataPaths are the --data files: those given after the command, else those
// given before it, else the environment's.
func dataPaths(c *cli.Context) []string {
	for _, ctx := range c.Lineage() {
		if v := ctx.StringSlice("data"); len(v) > 0 {
			return v
		}
	}
	var env []string
	if v := os.Getenv("DDAT_DATA"); v != "" {
		for _, p := range strings.Split(v, ",") {
			env = append(env, strings.TrimSpace(p))
		}
	}
	return env
}

// formatFlag makes the --format flag.
func formatFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "format",
		Usage: "format of --data when its extension does not tell: yaml, json, csv or xlsx",
	}
}

// sheetFlag makes the --sheet flag.
func sheetFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "sheet",
		Usage: "for an .xlsx --data file: the `NAME` of the sheet to read (default: the first)",
	}
}

// frameworkNameFlag makes the --framework-name flag: the name documents
// cite the framework by, for files that give none (the framework's own
// download has no column for it).
func frameworkNameFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "framework-name",
		Usage: "the framework's `NAME`, as documents cite it (\"From the NAME.\"), in place of the one the --data file gives, if any",
	}
}

// gradesFlag makes the --grades flag.
func gradesFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "grades",
		Usage: "CSV or YAML `FILE` mapping role levels to grade codes, for a --data file that has none",
	}
}

// loadFramework loads the framework the global flags name and validates it.
// Warnings go to stderr unless quiet; errors fail with every finding listed.
func loadFramework(c *cli.Context) (*model.Framework, error) {
	fw, err := readFramework(c)
	if err != nil {
		return nil, err
	}
	findings := fw.Validate()
	if findings.Errors() > 0 {
		for _, f := range findings {
			if f.Severity == model.Error {
				fmt.Fprintln(c.App.ErrWriter, f)
			}
		}
		return nil, fmt.Errorf("the framework has %s; run \"ddat validate\" for every finding", plural(findings.Errors(), "error"))
	}
	return fw, nil
}

// readFramework loads the framework without validating it.
func readFramework(c *cli.Context) (*model.Framework, error) {
	return readFrameworkFrom(c, dataPaths(c))
}

// readFrameworkFrom loads the framework in paths (the embedded one when
// there are none) without validating it.
func readFrameworkFrom(c *cli.Context, paths []string) (*model.Framework, error) {
	opts := formats.Options{}
	if f := globalString(c, "format"); f != "" {
		format, err := formats.ParseFormat(f)
		if err != nil {
			return nil, usageError{err}
		}
		opts.Format = format
	}
	var (
		fw  *model.Framework
		err error
	)
	switch len(paths) {
	case 0:
		fw, err = formats.Read(assets.FrameworkYAML(), assets.FrameworkName, formats.Options{Format: formats.FormatYAML})
	case 1:
		fw, err = loadPath(paths[0], opts, globalString(c, "sheet"))
	default:
		fw, err = loadPaths(paths, opts, globalString(c, "sheet"))
	}
	if err != nil {
		return nil, err
	}
	if n := strings.Join(strings.Fields(globalString(c, "framework-name")), " "); n != "" {
		fw.Meta.Name = n
	}
	if g := globalString(c, "grades"); g != "" {
		if err := applyGrades(fw, g); err != nil {
			return nil, err
		}
	}
	return fw, nil
}

// stdinName names standard input in messages.
const stdinName = "<stdin>"

// loadPath reads a framework file (or standard input, "-") in any format.
func loadPath(path string, opts formats.Options, sheet string) (*model.Framework, error) {
	name := path
	if path == "-" {
		if opts.Format == "" {
			return nil, usagef("--data - reads standard input: give its --format")
		}
		name = stdinName
	}
	format := opts.Format
	if format == "" {
		f, err := formats.FormatOf(path)
		if err != nil {
			return nil, usageError{err}
		}
		format = f
	}
	if sheet != "" && format != formats.FormatXLSX {
		return nil, usagef("--sheet %s: only an .xlsx --data file has sheets", sheet)
	}
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := openInput(path, "")
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return formats.Read(r, name, formats.Options{Format: format, Sheet: sheet})
}

// loadPaths reads several flat files (CSV or XLSX) as one framework.
func loadPaths(paths []string, opts formats.Options, sheet string) (*model.Framework, error) {
	var inputs []formats.Input
	for _, path := range paths {
		name, format := path, opts.Format
		if path == "-" {
			if format == "" {
				return nil, usagef("--data - reads standard input: give its --format")
			}
			name = stdinName
		} else if format == "" {
			f, err := formats.FormatOf(path)
			if err != nil {
				return nil, usageError{err}
			}
			format = f
		}
		if !format.Flat() {
			return nil, usagef("--data %s: only CSV and XLSX files make one framework together; give a %s file as the only --data", path, strings.ToUpper(string(format)))
		}
		in := formats.Input{Name: name, R: os.Stdin, Options: formats.Options{Format: format}}
		if format == formats.FormatXLSX {
			in.Options.Sheet = sheet
		}
		if path != "-" {
			f, err := os.Open(path)
			if errors.Is(err, os.ErrNotExist) {
				return nil, usagef("%s: no such file", path)
			}
			if err != nil {
				return nil, err
			}
			defer f.Close()
			in.R = f
		}
		inputs = append(inputs, in)
	}
	return formats.ReadAll(inputs)
}

// applyGrades reads a grades mapping file (CSV or YAML) and gives its role
// levels their grades.
func applyGrades(fw *model.Framework, path string) error {
	f, err := openInput(path, "--grades ")
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := formats.ReadGrades(f, path)
	if err != nil {
		return err
	}
	return g.Apply(fw)
}

// openInput opens the file a flag names, with label ("--grades ") before
// it in messages. It refuses at once, before anything is read, what cannot
// be a framework file: a directory, a device (such as /dev/zero, which
// never ends), a file larger than formats.MaxInputSize. Pipes are read,
// within the same size.
func openInput(path, label string) (*os.File, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, usagef("%s%s: no such file", label, path)
	}
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	switch {
	case err != nil:
	case info.IsDir():
		err = usagef("%s%s: is a directory; give a framework file", label, path)
	case info.Mode()&(os.ModeDevice|os.ModeCharDevice|os.ModeSocket) != 0:
		err = usagef("%s%s: is a device, not a file", label, path)
	case info.Mode().IsRegular() && info.Size() > formats.MaxInputSize:
		err = &model.LoadError{Pos: model.Pos{File: path}, Msg: fmt.Sprintf("file is %d MiB, larger than the %d MiB ddat reads; is it the framework?", info.Size()>>20, formats.MaxInputSize>>20)}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
