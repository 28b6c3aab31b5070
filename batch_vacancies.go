package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/ddat-tools/ddat/vacancy"
)

// readVacancies reads a campaign file and finds each row's role level in
// fw. Every problem is a *model.LoadError naming the row and column, found
// before any document is made.
func readVacancies(fw *model.Framework, path string) ([]vacancy.Entry, []model.LevelRef, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil, usagef("--vacancies %s: no such file", path)
	case err != nil:
		return nil, nil, usagef("--vacancies %s: %v", path, err)
	}
	defer f.Close()
	entries, err := vacancy.ReadCSV(f, path)
	if err != nil {
		return nil, nil, err
	}
	refs := make([]model.LevelRef, len(entries))
	for i, e := range entries {
		if refs[i], err = entryLevel(fw, e); err != nil {
			return nil, nil, err
		}
	}
	return entries, refs, nil
}

// entryLevel finds the role level a campaign row names: by its Level, or
// by its Grade when that grade is one level's.
func entryLevel(fw *model.Framework, e vacancy.Entry) (model.LevelRef, error) {
	at := func(col, format string, args ...any) error {
		return &model.LoadError{Pos: e.Pos[col], Msg: fmt.Sprintf(format, args...)}
	}
	role, err := fw.Role(e.Role)
	if err != nil {
		return model.LevelRef{}, at("role", "%v", err)
	}
	ref := model.LevelRef{Role: role}
	if e.Level != "" {
		if ref.Level, err = role.Level(e.Level); err != nil {
			return ref, at("level", "%v", err)
		}
	}
	if e.Grade == "" {
		return ref, nil
	}
	g, err := fw.FindGrade(e.Grade)
	if err != nil {
		return ref, at("grade", "%v", err)
	}
	levels := role.LevelsAtGrade(g)
	var names []string
	for _, l := range levels {
		names = append(names, fmt.Sprintf("%d (%s)", role.LevelNumber(l), l.ID))
	}
	switch {
	case ref.Level != nil && !slices.Contains(levels, ref.Level):
		return ref, at("grade", "level %d (%s) of %s is not performed at %s; the levels that are: %s", role.LevelNumber(ref.Level), ref.Level.ID, role.Name, g.Label(), orNone(names))
	case ref.Level != nil:
		return ref, nil
	case len(levels) == 0:
		return ref, at("grade", "no level of %s is performed at %s", role.Name, g.Label())
	case len(levels) > 1:
		return ref, at("grade", "levels %s of %s are performed at %s; say which in a Level column", strings.Join(names, " and "), role.Name, g.Label())
	}
	ref.Level = levels[0]
	return ref, nil
}

// vacancyJobs are the profiles of a campaign: one level profile per
// vacancy, named by its reference at the top of the output.
func vacancyJobs(fw *model.Framework, entries []vacancy.Entry, refs []model.LevelRef, popts profile.Options) ([]batch.Job, error) {
	fonts, err := profile.LoadFonts()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	popts.Fonts = fonts
	names := naming.NewVacancies()
	jobs := make([]batch.Job, len(entries))
	for i := range entries {
		ref, opts := refs[i], popts
		opts.Vacancy = &entries[i].Vacancy
		title := ref.Level.Title
		if t := opts.Vacancy.Title; t != "" {
			title = t
		}
		jobs[i] = batch.Job{
			Path:  names.Add(opts.Vacancy.Reference, ref, ".pdf"),
			Kind:  batch.KindProfile,
			Title: opts.Vacancy.Reference + ": " + title,
			Role:  ref.Role.ID,
			Level: ref.Level.ID,
			Write: func(w io.Writer) (int, error) { return profile.Write(w, fw, ref, opts) },
		}
	}
	return jobs, nil
}
