package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/flat"
	"github.com/ddat-tools/ddat/model"
	"github.com/urfave/cli/v2"
)

// dataFlag makes the --data flag: which framework to use.
func dataFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name: "data", Aliases: []string{"d"}, EnvVars: []string{"DDAT_DATA"},
		Usage: "framework `FILE` (.yaml, .yml, .json, .csv, .xlsx); default: the embedded framework",
	}
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
	opts := model.LoadOptions{}
	if f := c.String("format"); f != "" {
		format, err := model.ParseFormat(f)
		if err != nil {
			return nil, usageError{err}
		}
		opts.Format = format
	}
	path := c.String("data")
	var (
		fw  *model.Framework
		err error
	)
	if path == "" {
		fw, err = model.Load(assets.FrameworkYAML(), assets.FrameworkName, model.LoadOptions{Format: model.FormatYAML})
	} else {
		fw, err = loadPath(path, opts, c.String("sheet"))
	}
	if err != nil {
		return nil, err
	}
	if g := c.String("grades"); g != "" {
		if err := applyGrades(fw, g); err != nil {
			return nil, err
		}
	}
	return fw, nil
}

// stdinName names standard input in messages.
const stdinName = "<stdin>"

// loadPath reads a framework file (or standard input, "-") in any format:
// YAML and JSON through model.Load, CSV and XLSX through flat.Read.
func loadPath(path string, opts model.LoadOptions, sheet string) (*model.Framework, error) {
	name := path
	if path == "-" {
		if opts.Format == "" {
			return nil, usagef("--data - reads standard input: give its --format")
		}
		name = stdinName
	}
	format := opts.Format
	if format == "" {
		f, err := model.FormatOf(path)
		if err != nil {
			return nil, usageError{err}
		}
		format = f
	}
	if sheet != "" && format != model.FormatXLSX {
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
	switch format {
	case model.FormatCSV, model.FormatXLSX:
		return flat.Read(r, name, flat.Options{Format: format, Sheet: sheet})
	}
	return model.Load(r, name, model.LoadOptions{Format: format})
}

// applyGrades reads a grades mapping file (CSV or YAML) and gives its role
// levels their grades.
func applyGrades(fw *model.Framework, path string) error {
	f, err := openInput(path, "--grades ")
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := flat.ReadGrades(f, path)
	if err != nil {
		return err
	}
	return g.Apply(fw)
}

// openInput opens the file a flag names, with label ("--grades ") before
// it in messages. It refuses at once, before anything is read, what cannot
// be a framework file: a directory, a device (such as /dev/zero, which
// never ends), a file larger than model.MaxInputSize. Pipes are read,
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
	case info.Mode().IsRegular() && info.Size() > model.MaxInputSize:
		err = &model.LoadError{Pos: model.Pos{File: path}, Msg: fmt.Sprintf("file is %d MiB, larger than the %d MiB ddat reads; is it the framework?", info.Size()>>20, model.MaxInputSize>>20)}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
