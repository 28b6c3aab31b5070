package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/atomicfile"
	"github.com/urfave/cli/v2"
)

// writeOutput sends a document to path, or to stdout when path is "-". Either
// way nothing is written unless the whole document is made: a file goes
// through atomicfile.WriteContext, stdout through a buffer. An interrupt
// (c.Context is cancelled by run on Ctrl-C or SIGTERM) leaves nothing behind.
func writeOutput(c *cli.Context, path string, write func(io.Writer) error) error {
	if path == "-" {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		if err := c.Context.Err(); err != nil {
			return fmt.Errorf("%w: nothing was written", batch.ErrInterrupted)
		}
		_, err := c.App.Writer.Write(buf.Bytes())
		return err
	}
	return atomicfile.WriteContext(c.Context, path, write)
}

// outputPath checks the -o argument of a command that writes one binary
// document named like def (its extension says the format): "" is def; an
// existing directory, or a path ending in a separator, receives def; any
// other name must end in def's extension; "-" (standard output) is refused
// on a terminal, where the bytes would only garble the screen.
func outputPath(c *cli.Context, given, def, what string) (string, error) {
	ext := filepath.Ext(def)
	switch {
	case given == "":
		return def, nil
	case given == "-":
		if isTerminal(c.App.Writer) {
			return "", usagef("-o -: %s is binary and standard output is a terminal; give -o FILE%s, or redirect standard output", upperFirst(withArticle(what)), ext)
		}
		return given, nil
	case strings.HasSuffix(given, string(filepath.Separator)) || strings.HasSuffix(given, "/"):
		return filepath.Join(given, def), nil
	}
	if fi, err := os.Stat(given); err == nil && fi.IsDir() {
		return filepath.Join(given, def), nil
	}
	if got := filepath.Ext(given); !strings.EqualFold(got, ext) {
		if got == "" {
			return "", usagef("-o %s: name the file with %s: this command writes %s", given, ext, withArticle(what))
		}
		return "", usagef("-o %s: %s does not fit: this command writes %s; name the file with %s", given, got, withArticle(what), ext)
	}
	return given, nil
}

// dateFlag makes the flag that fixes the creation date written into documents.
func dateFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "date",
		Usage: "creation `DATE` written into documents (YYYY-MM-DD or Unix seconds); default: $SOURCE_DATE_EPOCH, else now",
	}
}

// creationTime is the date documents record as their creation: --date, else
// SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/),
// else now. A fixed date makes output byte-for-byte reproducible.
func creationTime(c *cli.Context) (time.Time, error) {
	if s := c.String("date"); s != "" {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t.UTC(), nil
		}
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC(), nil
		}
		return time.Time{}, usagef("--date %q: expected YYYY-MM-DD or Unix seconds", s)
	}
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && strings.TrimSpace(s) != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: expected Unix seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// withArticle puts "a" or "an" before what.
func withArticle(what string) string {
	if what != "" && strings.ContainsRune("AEIOUaeiou", rune(what[0])) {
		return "an " + what
	}
	return "a " + what
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
