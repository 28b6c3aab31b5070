package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/model"
)

// ProfileOptions are the choices for a PDF job profile. The zero value makes
// an A4 profile with no header, dated now.
type ProfileOptions struct {
	Paper        string    // "a4" (default when "") or "letter"
	Organisation string    // header text and PDF author; "" = none
	Logo         []byte    // PNG or JPEG for the header, best passed through PrepareLogo; nil = none
	Creator      string    // e.g. "ddat 1.2.0"
	Created      time.Time // creation date in the PDF; zero = time.Now()
	Fonts        *Fonts    // fonts parsed once and shared by many documents; nil = load the embedded ones
}

// Profile writes the PDF job profile of ref to w: the profile of one role
// level when ref.Level is set, else of the whole role (a title page, its
// skills across levels, then each level from a new page). It returns the
// number of pages. Text the embedded font cannot print is a *GlyphError;
// nothing is written to w on any error.
func Profile(w io.Writer, fw *model.Framework, ref model.LevelRef, opts ProfileOptions) (pages int, err error) {
	// The PDF library panics on some inputs it cannot handle (an image it
	// misreads); that is an error of this document, not a crash.
	defer func() {
		if r := recover(); r != nil {
			pages, err = 0, fmt.Errorf("profile %s: %v", refName(ref), r)
		}
	}()
	pw, d, err := prepareProfile(fw, ref, opts)
	if err != nil {
		return 0, err
	}
	laid := pw.layout(d)
	if err := pw.write(w, d, laid); err != nil {
		return 0, fmt.Errorf("profile %s: %w", refName(ref), err)
	}
	return len(laid.pages), nil
}

// ProfileText writes the layout description of ref's job profile as text:
// what the PDF says, block by block, before it is measured and drawn. Tests
// and reviewers read it beside the PDF.
func ProfileText(w io.Writer, fw *model.Framework, ref model.LevelRef, opts ProfileOptions) error {
	_, d, err := prepareProfile(fw, ref, opts)
	if err != nil {
		return err
	}
	return d.dump(w)
}

// prepareProfile checks the options and builds the document's description.
func prepareProfile(fw *model.Framework, ref model.LevelRef, opts ProfileOptions) (*pdfWriter, *document, error) {
	if fw == nil || ref.Role == nil {
		return nil, nil, fmt.Errorf("profile: no role given")
	}
	pp, ok := papers[strings.ToLower(opts.Paper)]
	if opts.Paper == "" {
		pp, ok = papers["a4"], true
	}
	if !ok {
		return nil, nil, fmt.Errorf("profile: paper %q: expected a4 or letter", opts.Paper)
	}
	fonts := opts.Fonts
	if fonts == nil {
		var err error
		if fonts, err = LoadFonts(); err != nil {
			return nil, nil, err
		}
	}
	cov := fonts.coverage() // sees every character the document prints, but ASCII
	d, err := profileLayout(fw, ref, cov)
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
	tc := &textCleaner{cov: cov, role: ref.Role.ID}
	org := tc.clean("--organisation", opts.Organisation)
	if tc.err != nil {
		return nil, nil, fmt.Errorf("profile: organisation: %w", tc.err)
	}
	df, err := fonts.forDocument(cov)
	if err != nil {
		return nil, nil, err
	}
	pw, err := newPDFWriter(df, pdfMeta{paper: pp, organisation: org, logo: opts.Logo, creator: creator, created: created.UTC()})
	if err != nil {
		return nil, nil, fmt.Errorf("profile %s: %w", refName(ref), err)
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
