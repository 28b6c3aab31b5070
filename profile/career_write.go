package profile

import (
	"fmt"
	"io"

	"github.com/ddat-tools/ddat/model"
)

// WriteProgression writes the PDF career progression of ref.Role to w:
// every step from one role level to the next, or with ref.Level only the
// step into that level, then the role's skills across its levels. It
// returns the number of pages; nothing is written on any error.
func WriteProgression(w io.Writer, fw *model.Framework, ref model.LevelRef, opts Options) (int, error) {
	return writeDocument(w, "progression "+refName(ref), ref.Role, opts, func(cov *coverage) (*document, error) {
		return describeProgression(fw, ref, cov)
	})
}

// WriteProgressionText writes the career progression of WriteProgression
// as plain text.
func WriteProgressionText(w io.Writer, fw *model.Framework, ref model.LevelRef, opts TextOptions) error {
	return writeDocumentText(w, opts, func(cov *coverage) (*document, error) {
		return describeProgression(fw, ref, cov)
	})
}

// WriteProgressionHTML writes the career progression of WriteProgression as
// one self-contained HTML page, as WriteHTML does a job profile.
func WriteProgressionHTML(w io.Writer, fw *model.Framework, ref model.LevelRef, opts HTMLOptions) error {
	d, err := describeProgression(fw, ref, nil)
	if err != nil {
		return err
	}
	return writeHTMLDocument(w, d, opts)
}

// WriteComparison writes the PDF comparison of two role levels, of any
// roles, to w: how many skills both need and how many only one needs, then
// each with their levels, and the "You can:" lists of the skills only to
// needs. It returns the number of pages.
func WriteComparison(w io.Writer, fw *model.Framework, from, to model.LevelRef, opts Options) (int, error) {
	return writeDocument(w, "comparison of "+refName(from)+" and "+refName(to), to.Role, opts, func(cov *coverage) (*document, error) {
		return describeComparison(fw, from, to, cov)
	})
}

// WriteComparisonText writes the comparison of WriteComparison as plain
// text.
func WriteComparisonText(w io.Writer, fw *model.Framework, from, to model.LevelRef, opts TextOptions) error {
	return writeDocumentText(w, opts, func(cov *coverage) (*document, error) {
		return describeComparison(fw, from, to, cov)
	})
}

// WriteComparisonHTML writes the comparison of WriteComparison as one
// self-contained HTML page.
func WriteComparisonHTML(w io.Writer, fw *model.Framework, from, to model.LevelRef, opts HTMLOptions) error {
	d, err := describeComparison(fw, from, to, nil)
	if err != nil {
		return err
	}
	return writeHTMLDocument(w, d, opts)
}

// WriteInterview writes a hiring panel's PDF interview sheet for the role
// level ref: each skill with its level and "You can:" list, room for the
// evidence noted and a score on scale. It returns the number of pages.
func WriteInterview(w io.Writer, fw *model.Framework, ref model.LevelRef, scale Scale, opts Options) (int, error) {
	return writeDocument(w, "interview sheet "+refName(ref), ref.Role, opts, func(cov *coverage) (*document, error) {
		return describeInterview(fw, ref, scale, cov)
	})
}

// writeDocument lays out and draws the document build describes, with the
// fonts, paper and header of opts: every PDF of the package, a job profile
// included, is drawn here. It returns the number of pages; nothing is
// written to w on an error.
func writeDocument(w io.Writer, name string, role *model.Role, opts Options, build func(*coverage) (*document, error)) (pages int, err error) {
	// The PDF library panics on some inputs it cannot handle (an image it
	// misreads); that is an error of this document, not a crash.
	defer func() {
		if r := recover(); r != nil {
			pages, err = 0, fmt.Errorf("%s: %v", name, r)
		}
	}()
	if role == nil {
		return 0, fmt.Errorf("%s: no role given", name)
	}
	pw, d, err := prepare(name, role.ID, opts, build)
	if err != nil {
		return 0, err
	}
	laid := pw.layout(d)
	if err := pw.write(w, d, laid); err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return len(laid.pages), nil
}

// writeDocumentText writes the document build describes as plain text.
func writeDocumentText(w io.Writer, opts TextOptions, build func(*coverage) (*document, error)) error {
	d, err := build(nil)
	if err != nil {
		return err
	}
	t := &textWriter{w: w, width: opts.Width}
	t.blocks(d.Blocks, 0)
	return t.err
}
