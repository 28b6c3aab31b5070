package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// The fuzz targets feed ddat's loaders and writers hostile input and check
// a property of what comes out, not only that nothing panics: a file that
// does not load gives a located *model.LoadError; one that loads converts
// to a file that loads back and converts to the same bytes; one that also
// validates makes its documents, whose text reads as given. Their seed
// corpora are the fixtures in testdata plus testdata/fuzz/FuzzName (Go's
// format; a failing input go test -fuzz finds is written there and stays
// a test). README.md says how to run them.

// fuzzDate is the creation date of the documents fuzzing makes.
var fuzzDate = time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)

// addSeeds adds the files matching each pattern as seeds.
func addSeeds(f *testing.F, patterns ...string) {
	f.Helper()
	for _, p := range patterns {
		files, err := filepath.Glob(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkLoadError fails unless err is a *model.LoadError in the file name.
func checkLoadError(t *testing.T, err error, name string) {
	t.Helper()
	var le *model.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T), want a *model.LoadError", err, err)
	}
	if le.Pos.File != name || le.Msg == "" {
		t.Fatalf("error %q: want it in %s with a message", err, name)
	}
}

// checkDocuments makes the job profiles of the first role of fw when fw
// validates with no error: what validates must print. Each is laid out;
// the last, a level's, is drawn as a PDF too (drawing them all would make
// fuzzing a few times slower).
func checkDocuments(t *testing.T, fw *model.Framework, fonts *profile.Fonts) {
	t.Helper()
	if fw.Validate().Errors() > 0 || profile.CheckPrintable(fw, fonts).Errors() > 0 || len(fw.Roles) == 0 {
		return
	}
	r := &fw.Roles[0]
	opts := profile.Options{Fonts: fonts, Created: fuzzDate}
	docs := r.Documents()
	for _, ref := range docs {
		if err := profile.Dump(io.Discard, fw, ref, opts); err != nil {
			t.Fatalf("the framework validates, but the profile of %s fails: %v", r.Name, err)
		}
	}
	if _, err := profile.Write(io.Discard, fw, docs[len(docs)-1], opts); err != nil {
		t.Fatalf("the framework validates, but the PDF profile of %s fails: %v", r.Name, err)
	}
}

// fuzzLoad is the property of a YAML or JSON loader: a located error, or a
// framework that converts to format and back to the same bytes, and makes
// its documents if it validates.
func fuzzLoad(f *testing.F, format formats.Format) {
	fonts, err := profile.LoadFonts()
	if err != nil {
		f.Fatal(err)
	}
	name := "fuzz." + string(format)
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := formats.Read(bytes.NewReader(data), name, formats.Options{})
		if err != nil {
			checkLoadError(t, err, name)
			return
		}
		var once, twice bytes.Buffer
		if err := formats.Write(&once, fw, format); err != nil {
			t.Fatalf("write: %v", err)
		}
		again, err := formats.Read(bytes.NewReader(once.Bytes()), name, formats.Options{})
		if err != nil {
			t.Fatalf("what ddat wrote does not load: %v\n%s", err, once.Bytes())
		}
		if err := formats.Write(&twice, again, format); err != nil {
			t.Fatalf("write: %v", err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("a round trip changed the framework:\n%s\n---\n%s", once.Bytes(), twice.Bytes())
		}
		// A file that validates still does once written; one that does not
		// may (a described-twice skill level is written once).
		if fw.Validate().Errors() == 0 && again.Validate().Errors() > 0 {
			t.Fatalf("valid before the round trip, not after: %v", again.Validate().Err())
		}
		checkDocuments(t, fw, fonts)
	})
}

// FuzzLoadYAML fuzzes the YAML loader from the framework fixtures.
func FuzzLoadYAML(f *testing.F) {
	addSeeds(f, "testdata/frameworks/*.yaml", "testdata/malformed/*.yaml", "testdata/hostile/*.yaml")
	fuzzLoad(f, formats.FormatYAML)
}

// FuzzLoadJSON fuzzes the JSON loader from the framework fixtures.
func FuzzLoadJSON(f *testing.F) {
	addSeeds(f, "testdata/frameworks/*.json", "testdata/malformed/*.json")
	f.Add([]byte(`{"skill_levels": [{"id": "a", "name": "A"}], "roles": [{"name": "R", "levels": [{"title": "T"}]}]}`))
	fuzzLoad(f, formats.FormatJSON)
}

// fuzzFlat is the property of a flat file reader: a located error, or a
// framework whose flat form in format reads back to the same flat form.
func fuzzFlat(f *testing.F, format formats.Format) {
	fonts, err := profile.LoadFonts()
	if err != nil {
		f.Fatal(err)
	}
	name := "fuzz." + string(format)
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := formats.Read(bytes.NewReader(data), name, formats.Options{})
		if err != nil {
			checkLoadError(t, err, name)
			return
		}
		var once, twice bytes.Buffer
		if err := formats.Write(&once, fw, formats.FormatCSV); err != nil {
			var ce *model.CellTextError
			if errors.As(err, &ce) {
				return // a text the flat file cannot hold: refused, not cut
			}
			t.Fatalf("write: %v", err)
		}
		again, err := formats.Read(bytes.NewReader(once.Bytes()), name, formats.Options{Format: formats.FormatCSV})
		if err != nil {
			t.Fatalf("what ddat wrote does not read: %v\n%s", err, once.Bytes())
		}
		if err := formats.Write(&twice, again, formats.FormatCSV); err != nil {
			t.Fatalf("write: %v", err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("a round trip changed the framework:\n%q\n---\n%q", once.Bytes(), twice.Bytes())
		}
		checkDocuments(t, fw, fonts)
	})
}

// FuzzLoadCSV fuzzes the flat CSV reader from the flat form of the
// fixtures.
func FuzzLoadCSV(f *testing.F) {
	for _, name := range []string{"small.yaml", "sharing.yaml", "unprintable.yaml"} {
		f.Add(flatOf(f, filepath.Join("testdata", "frameworks", name), formats.FormatCSV))
	}
	f.Add([]byte("Role,Role Level,Skill,Skill Level\nWidget engineer,Widget engineer,Teamwork,Working\n"))
	f.Add([]byte("Role;Role Level\n\"a\"\"b\";c\n"))
	fuzzFlat(f, formats.FormatCSV)
}

// FuzzLoadXLSX fuzzes the flat XLSX reader from the flat form of the
// fixtures and the crafted workbook of testdata/hostile.
func FuzzLoadXLSX(f *testing.F) {
	for _, name := range []string{"small.yaml", "sharing.yaml"} {
		f.Add(flatOf(f, filepath.Join("testdata", "frameworks", name), formats.FormatXLSX))
	}
	addSeeds(f, "testdata/hostile/*.xlsx")
	fuzzFlat(f, formats.FormatXLSX)
}

// flatOf is the flat form of a framework file.
func flatOf(f *testing.F, path string, format formats.Format) []byte {
	f.Helper()
	fw, err := formats.ReadFile(path, formats.Options{})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, format); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzWriters feeds the writers framework text: a level's title, its
// summary, a responsibility and a skill's "You can:" item, put into the
// small fixture and loaded as a user's YAML file would be. If the
// framework validates, the PDF profile and the matrix are made, the text
// reads in the profile as given (spacing normalised), the matrix's cells
// hold it as given, and the flat workbook gives it back; if a text is
// longer than a cell holds, the workbooks refuse it rather than cut it.
func FuzzWriters(f *testing.F) {
	fonts, err := profile.LoadFonts()
	if err != nil {
		f.Fatal(err)
	}
	base, err := os.ReadFile(filepath.Join("testdata", "frameworks", "small.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Senior widget engineer", "Makes widgets.", "make widgets", "design a widget")
	f.Add("Cafe\u0301 lead", "Runs the café\n\nAt this role level, you will:\n- serve", "résumé", "naïve\u00a0spacing")
	f.Add("Ŵŷ Welsh", "a\u200bb", "‘quotes’ – dash", "Ω α → ∞")
	f.Add("שלום", "\U0001F680", "q\u0301", "\x1b[31m")
	f.Fuzz(func(t *testing.T, title, summary, item, can string) {
		fw, err := formats.Read(bytes.NewReader(base), "small.yaml", formats.Options{})
		if err != nil {
			t.Fatal(err)
		}
		l := &fw.Roles[0].Levels[0]
		l.Title, l.Summary, l.Responsibilities = title, summary, []string{item}
		fw.Skill("widget-design").Levels["awareness"] = []string{can}
		var file bytes.Buffer
		if err := formats.Write(&file, fw, formats.FormatYAML); err != nil {
			t.Fatal(err)
		}
		if fw, err = formats.Read(&file, "fuzz.yaml", formats.Options{}); err != nil {
			t.Skip() // not a framework any more (a title that is empty, a list in the summary)
		}
		if fw.Validate().Errors() > 0 || profile.CheckPrintable(fw, fonts).Errors() > 0 {
			return
		}
		r := &fw.Roles[0]
		l = &r.Levels[0]
		ref := model.LevelRef{Role: r, Level: l}
		opts := profile.Options{Fonts: fonts, Created: fuzzDate}
		var text bytes.Buffer
		if err := profile.Dump(&text, fw, ref, opts); err != nil {
			t.Fatalf("validates, but the profile fails: %v", err)
		}
		if _, err := profile.Write(io.Discard, fw, ref, opts); err != nil {
			t.Fatalf("validates, but the PDF profile fails: %v", err)
		}
		texts := append([]string{l.Title}, l.Responsibilities...)
		texts = append(texts, fw.Skill("widget-design").Levels["awareness"]...)
		for _, s := range texts {
			if want := printed(s); want != "" && !strings.Contains(text.String(), want) {
				t.Fatalf("the profile lacks %q, the text %q as printed:\n%s", want, s, text.String())
			}
		}
		long := false
		// The texts as given: a blank responsibility is dropped on loading.
		for _, s := range []string{l.Title, l.Summary, item, can} {
			long = long || model.CellTextLen(s) > model.MaxCellText-100
		}
		var book bytes.Buffer
		err = matrix.Write(&book, fw, matrix.Options{Levels: []model.LevelRef{ref}, Created: fuzzDate})
		var ce *model.CellTextError
		if long && errors.As(err, &ce) {
			return
		}
		if err != nil {
			t.Fatalf("validates, but the matrix fails: %v", err)
		}
		x, err := excelize.OpenReader(&book)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, err := x.GetRows("Roles")
		if err != nil {
			t.Fatalf("Roles sheet: %v", err)
		}
		// The table's header row names the columns; the one role level is
		// the row under it.
		col, got := -1, ""
		for i, row := range rows {
			if j := slices.Index(row, "Role level"); j >= 0 && i+1 < len(rows) && j < len(rows[i+1]) {
				col, got = j, rows[i+1][j]
				break
			}
		}
		if col < 0 {
			t.Fatalf("Roles sheet: no \"Role level\" column with a row under it: %q", rows)
		}
		if got != l.Title {
			t.Fatalf("the matrix gives the title %q, want %q", got, l.Title)
		}
		var flatBook bytes.Buffer
		if err := formats.Write(&flatBook, fw, formats.FormatXLSX); err != nil {
			t.Fatalf("validates, but the flat workbook fails: %v", err)
		}
		back, err := formats.Read(&flatBook, "fuzz.xlsx", formats.Options{})
		if err != nil {
			t.Fatalf("the flat workbook does not read back: %v", err)
		}
		if got, want := back.Roles[0].Levels[0].Title, strings.TrimSpace(l.Title); got != want {
			t.Fatalf("the flat workbook gives the title %q, want %q", got, want)
		}
	})
}

// printed is a text as the profiles print it: composed, every run of
// spacing one space, format characters and variation selectors left out,
// as its %q quoting in the profile's text dump shows it.
func printed(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp):
			space = b.Len() > 0
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return strings.TrimSuffix(strings.TrimPrefix(strconv.Quote(b.String()), `"`), `"`)
}
