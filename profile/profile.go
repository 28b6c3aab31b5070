package profile

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/vacancy"
)

// Options are the choices for a PDF job profile. The zero value makes
// an A4 profile with no header, dated now.
type Options struct {
	Paper        string    // "a4" (default when "") or "letter"
	Organisation string    // header text and PDF author; "" = none
	Logo         []byte    // PNG or JPEG for the header, best passed through PrepareLogo; nil = none
	Creator      string    // e.g. "ddat 1.2.0"
	Created      time.Time // creation date in the PDF; zero = time.Now()
	Fonts        *Fonts    // fonts parsed once and shared by many documents; nil = load the embedded ones
	// Vacancy, for a role level's profile, adds the vacancy's details to
	// its first page and its reference to the PDF's subject and keywords;
	// nil = none.
	Vacancy *vacancy.Vacancy
}

// Profile writes the PDF job profile of ref to w: the profile of one role
// level when ref.Level is set, else of the whole role (a title page, its
// skills across levels, then each level from a new page). It returns the
// number of pages. Text the embedded font cannot print is a *GlyphError;
// nothing is written to w on any error.
func Write(w io.Writer, fw *model.Framework, ref model.LevelRef, opts Options) (pages int, err error) {
	if fw == nil || ref.Role == nil {
		return 0, fmt.Errorf("profile: no role given")
	}
	return writeDocument(w, "profile "+refName(ref), ref.Role, opts, func(cov *coverage) (*document, error) {
		return describe(fw, ref, cov, opts.Vacancy)
	})
}

// Dump writes the description of ref's job profile block by block: what
// the PDF says and in what structure, before it is measured and drawn.
// Tests and reviewers read it beside the PDF.
func Dump(w io.Writer, fw *model.Framework, ref model.LevelRef, opts Options) error {
	_, d, err := prepareProfile(fw, ref, opts)
	if err != nil {
		return err
	}
	return d.dump(w)
}

// prepareProfile checks the options and builds the document's description.
func prepareProfile(fw *model.Framework, ref model.LevelRef, opts Options) (*pdfWriter, *document, error) {
	if fw == nil || ref.Role == nil {
		return nil, nil, fmt.Errorf("profile: no role given")
	}
	return prepare("profile "+refName(ref), ref.Role.ID, opts, func(cov *coverage) (*document, error) {
		return describe(fw, ref, cov, opts.Vacancy)
	})
}

// prepare checks the options, builds a document's description with the
// coverage of the fonts it will be drawn with, and makes the writer that
// draws it: the set-up every PDF of the package shares. name names the
// document in errors; role is the id of its role, for *GlyphError.
func prepare(name, role string, opts Options, build func(*coverage) (*document, error)) (*pdfWriter, *document, error) {
	pp, ok := papers[strings.ToLower(opts.Paper)]
	if opts.Paper == "" {
		pp, ok = papers["a4"], true
	}
	if !ok {
		return nil, nil, fmt.Errorf("%s: paper %q: expected a4 or letter", name, opts.Paper)
	}
	fonts := opts.Fonts
	if fonts == nil {
		var err error
		if fonts, err = LoadFonts(); err != nil {
			return nil, nil, err
		}
	}
	cov := fonts.coverage() // sees every character the document prints, but ASCII
	d, err := build(cov)
	if err != nil {
		return nil, nil, err // a *GlyphError names the role and the field
	}
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	creator := opts.Creator
	if creator == "" {
		creator = "ddat"
	}
	tc := &textCleaner{cov: cov, role: role}
	org := tc.clean("--organisation", opts.Organisation)
	if tc.err != nil {
		return nil, nil, fmt.Errorf("%s: organisation: %w", name, tc.err)
	}
	df, err := fonts.forDocument(cov)
	if err != nil {
		return nil, nil, err
	}
	pw, err := newPDFWriter(df, pdfMeta{paper: pp, organisation: org, logo: opts.Logo, creator: creator, created: created.UTC()})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return pw, d, nil
}

// refName names a role or role level in errors.
func refName(ref model.LevelRef) string {
	if ref.Level == nil {
		return ref.Role.ID
	}
	return ref.Role.ID + " level " + ref.Level.ID
}
