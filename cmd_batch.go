package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
)

// batchCommand makes every document of a framework, or of a selection, at
// once: into a directory published in one step, or into one zip file.
func batchCommand() *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "make every job profile and the skills matrix at once, into a directory or a zip file",
		ArgsUsage: " ",
		Description: "batch makes, for the framework or the role levels the filters select, a PDF profile\n" +
			"for every role level, a PDF profile for every role, the Excel skills matrix, and a\n" +
			"manifest.json that lists every file with its size and SHA-256. Files are laid out as\n" +
			"   <family>/<role>/<n>-<level>.pdf, <family>/<role>/<role>.pdf, skills-matrix.xlsx\n" +
			"With --only html (alone, or with profiles and roles) the profiles are written as web\n" +
			"pages too, beside the PDFs, with an index.html that links to every document.\n" +
			"The output directory is replaced in one step when every document is made: a failed or\n" +
			"interrupted run leaves it as it was. With SOURCE_DATE_EPOCH or --date, runs are\n" +
			"byte-for-byte reproducible, the zip included.\n\n" +
			"Examples:\n" +
			"   ddat batch -o out\n" +
			"   ddat batch --zip documents.zip --organisation \"Department for Widgets\" --logo logo.png\n" +
			"   ddat batch -o out --family \"IT operations\" --only profiles,matrix -j 4\n" +
			"   ddat batch -o shared-drive --only profiles,roles,matrix,html\n" +
			"   ddat batch -o campaign --vacancies vacancies.csv\n\n" +
			"With --vacancies, batch makes instead one level profile per row of the CSV file (columns\n" +
			"Reference, Role, Level or Grade, and any vacancy field), named <reference>-<level>.pdf.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the documents into `DIR`, replacing what an earlier batch left there"},
			&cli.StringFlag{Name: "zip", Usage: "write the documents into one zip `FILE` instead of a directory"},
			&cli.StringSliceFlag{Name: "only", Usage: "make only these `KINDS`: profiles (role levels), roles, matrix, html (the profiles as web pages, with an index.html), progression (per role), interview (per level, PDF and XLSX); comma-separated; default: the first three"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "make `N` documents at once"},
			&cli.BoolFlag{Name: "force", Usage: "replace the output directory or zip file even if it holds files that ddat did not write, or changed since (they are lost)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
			&cli.BoolFlag{Name: "per-role", Usage: "add one sheet per role to the matrix: its skills across its levels"},
			&cli.StringFlag{Name: "vacancies", Usage: "make one level profile per vacancy, a row of the CSV `FILE` (Reference, Role, Level, and vacancy fields), instead"},
		}, append(profileFlags(), selectionFlags()...)...),
		Action: runBatch,
	}
}

// Kinds of document --only names, mapped to the manifest's kinds.
var batchKinds = map[string]string{
	"profiles": batch.KindProfile, "profile": batch.KindProfile, "levels": batch.KindProfile,
	"roles": batch.KindRole, "role": batch.KindRole,
	"matrix": batch.KindMatrix,
	"html":   batch.KindHTML,
	// Career documents, made only when --only names them.
	batch.KindProgression: batch.KindProgression, batch.KindInterview: batch.KindInterview,
}

func runBatch(c *cli.Context) error {
	start := time.Now()
	if c.NArg() > 0 {
		return usagef("batch takes no arguments (got %q); choose documents with --role, --family, --grade and --only", c.Args().First())
	}
	dir, zipFile := c.String("output"), c.String("zip")
	switch {
	case dir == "" && zipFile == "":
		return usagef("batch: give the output: -o DIR or --zip FILE")
	case dir != "" && zipFile != "":
		return usagef("batch: give -o DIR or --zip FILE, not both")
	}
	workers := c.Int("jobs")
	if workers < 1 {
		return usagef("--jobs %d: expected at least 1", workers)
	}
	kinds, err := onlyKinds(c.StringSlice("only"))
	if err != nil {
		return err
	}
	popts, err := profileOptions(c)
	if err != nil {
		return err
	}
	var fw *model.Framework
	var jobs []batch.Job
	if path := c.String("vacancies"); path != "" {
		for _, f := range []string{"only", "family", "role", "grade", "per-role"} {
			if c.IsSet(f) {
				return usagef("--vacancies makes one profile per row of %s; --%s does not apply", path, f)
			}
		}
		if fw, err = loadFramework(c); err != nil {
			return err
		}
		entries, refs, err := readVacancies(fw, path)
		if err != nil {
			return err
		}
		if jobs, err = vacancyJobs(fw, entries, refs, popts); err != nil {
			return err
		}
	} else {
		var refs []model.LevelRef
		if fw, refs, err = loadSelected(c); err != nil {
			return err
		}
		if jobs, err = batch.Jobs(fw, refs, kinds, popts, matrix.Options{PerRole: c.Bool("per-role"), Selection: selection(c)}); err != nil {
			return err
		}
	}

	defer tuneGC()()
	ctx := c.Context // cancelled by run on Ctrl-C or SIGTERM
	opts := batch.Options{
		Workers:   workers,
		Force:     c.Bool("force"),
		Framework: fw.Meta.Name,
		Version:   version(),
		Created:   popts.Created,
	}
	quiet := c.Bool("quiet")
	var bar *progressbar.ProgressBar
	// A progress bar helps on a terminal; in a log it is only noise.
	if !quiet && isTerminal(c.App.ErrWriter) {
		bar = newProgressBar(c.App.ErrWriter, len(jobs))
		opts.Progress = func(done, _ int, _ *batch.Job) { bar.Set(done) }
	}
	var m *batch.Manifest
	if dir != "" {
		m, err = batch.Dir(ctx, dir, jobs, opts)
	} else {
		m, err = batch.Zip(ctx, zipFile, jobs, opts)
	}
	if bar != nil {
		bar.Clear()
	}
	if err != nil {
		if errors.Is(err, batch.ErrNotOurs) {
			return usageError{err}
		}
		return err
	}
	if !quiet {
		// The size is the documents' in both cases, so that a directory and
		// a zip of the same documents say the same; a zip adds its own.
		where := dir
		if zipFile != "" {
			where = zipFile
			if fi, err := os.Stat(zipFile); err == nil {
				where += " (" + formatBytes(fi.Size()) + ")"
			}
		} else if !strings.HasSuffix(where, string(os.PathSeparator)) && !strings.HasSuffix(where, "/") {
			where += string(os.PathSeparator)
		}
		docs := plural(len(m.Files), "document")
		if m.Unchanged > 0 {
			docs += fmt.Sprintf(" (%d unchanged)", m.Unchanged)
		}
		fmt.Fprintf(c.App.ErrWriter, "%s, %s, %.1f s → %s\n", docs, formatBytes(m.Bytes()), time.Since(start).Seconds(), where)
	}
	return nil
}

// tuneGC lets the heap grow to three times what is live, not twice, between
// collections, for the length of a batch, unless GOGC says otherwise; it
// returns what restores the setting. Each document is built in memory and
// dropped (under 1 MB allocated for a level profile, nothing of it kept),
// while what stays live is small (some 5 MB for the published framework):
// on a batch of its size the collector runs 15 times instead of 35, which
// saves a sixth to a fifth of the CPU time for some 10 MB more at the peak,
// 46 to 54 MB of RSS instead of 37 to 39. A higher setting saves little
// more and passes 60 MB (GOGC=400: 62 to 70 MB). Measured on the built
// command, /usr/bin/time -f %M; see BenchmarkBatchPublished.
func tuneGC() (restore func()) {
	if _, ok := os.LookupEnv("GOGC"); ok {
		return func() {}
	}
	old := debug.SetGCPercent(200)
	return func() { debug.SetGCPercent(old) }
}

// onlyKinds reads --only into the set of kinds to make; none means every
// kind but HTML.
func onlyKinds(only []string) (batch.Kinds, error) {
	kinds := batch.Kinds{}
	for _, o := range only {
		for _, k := range strings.Split(o, ",") {
			k = strings.ToLower(strings.TrimSpace(k))
			if k == "" {
				continue
			}
			kind, ok := batchKinds[k]
			if !ok {
				return nil, usagef("--only %q: expected profiles, roles, matrix, html, progression or interview", k)
			}
			kinds[kind] = true
		}
	}
	if len(kinds) == 0 {
		return batch.DefaultKinds(), nil
	}
	return kinds, nil
}

func newProgressBar(w io.Writer, total int) *progressbar.ProgressBar {
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("documents"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
	)
}

// formatBytes gives a size in SI units, as file managers do: "1.2 MB".
func formatBytes(n int64) string {
	if n < 1000 {
		return fmt.Sprintf("%d B", n)
	}
	f, unit := float64(n)/1000, "kB"
	for _, u := range []string{"MB", "GB", "TB"} {
		if f < 999.95 {
			break
		}
		f, unit = f/1000, u
	}
	return fmt.Sprintf("%.1f %s", f, unit)
}
