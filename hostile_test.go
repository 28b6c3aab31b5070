package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/profile"
	"golang.org/x/text/unicode/norm"
)

// MiB is a mebibyte, for the bounds of work below.
const MiB = 1 << 20

// allocated returns the bytes f allocates: how much work it does, counted
// rather than timed, so that a bound holds on a slow or busy machine and a
// quadratic or unbounded path (gigabytes, as issue 16 measured) fails.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// excelizeTemps counts the temporary files excelize names excelize-*.
func excelizeTemps(t *testing.T) int {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(os.TempDir(), "excelize-*"))
	if err != nil {
		t.Fatal(err)
	}
	return len(m)
}

// hostileFixture returns the path of testdata/hostile/name, which make
// writes afresh with -update.
func hostileFixture(t *testing.T, name string, make func(t *testing.T) []byte) string {
	t.Helper()
	path := filepath.Join("testdata", "hostile", name)
	if testkit.Updating() {
		if err := os.WriteFile(path, make(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// flatWorkbook is the small fixture framework as a flat XLSX workbook.
func flatWorkbook(t *testing.T) []byte {
	t.Helper()
	fw, err := formats.ReadFile(filepath.Join("testdata", "frameworks", "small.yaml"), formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, formats.FormatXLSX); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mergedRange is the workbook of defect 1: the flat fixture with one value
// in the sheet's last cell and a merged range from J200 to it, written
// into the sheet's XML (excelize's MergeCell would fill the range).
func mergedRange(t *testing.T) []byte {
	t.Helper()
	return editPart(t, flatWorkbook(t), "xl/worksheets/sheet1.xml", func(xml string) string {
		xml = strings.Replace(xml, "</sheetData>", `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`, 1)
		return strings.Replace(xml, "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="J200:XFD1048576"/></mergeCells>`, 1)
	})
}

// editPart returns the workbook with one part's text changed by edit.
func editPart(t *testing.T, book []byte, name string, edit func(string) string) []byte {
	t.Helper()
	in, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range in.File {
		if f.Name != name {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, edit(string(data)))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rezip returns the flat fixture workbook with its sheet replaced: by size
// bytes of spaces that its header declares as declared bytes (a zip bomb
// when both are large, a lie when declared is smaller), and extra empty
// parts added.
func rezip(t *testing.T, size, declared int64, extra int) []byte {
	t.Helper()
	in, err := zip.NewReader(bytes.NewReader(flatWorkbook(t)), int64(len(flatWorkbook(t))))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range in.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		// A MiB of spaces compressed once and flushed stands alone in the
		// stream, so copies of it inflate to size bytes in a moment.
		spaces := bytes.Repeat([]byte(" "), MiB)
		var block, comp bytes.Buffer
		fl, _ := flate.NewWriter(&block, flate.BestCompression)
		fl.Write(spaces)
		fl.Flush()
		crc := crc32.NewIEEE()
		for range size / MiB {
			comp.Write(block.Bytes())
			crc.Write(spaces)
		}
		fl.Reset(&comp)
		fl.Write(spaces[:size%MiB])
		crc.Write(spaces[:size%MiB])
		fl.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(declared)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	for i := range extra {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("xl/extra/%d.xml", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeTemp writes data to dir/name and returns the path.
func writeTemp(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// smallWith is the small fixture framework with old replaced by new.
func smallWith(t *testing.T, old, new string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "frameworks", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("small.yaml lacks %q", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// wantRun runs ddat and checks its exit code and that each of want is in
// its output (stdout and stderr together).
func wantRun(t *testing.T, code int, want []string, args ...string) {
	t.Helper()
	stdout, stderr, got := ddat(t, args...)
	if got != code {
		t.Errorf("ddat %q: exit %d, want %d\nstdout: %s\nstderr: %s", args, got, code, stdout, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stdout+stderr, w) {
			t.Errorf("ddat %q: output lacks %q\nstdout: %s\nstderr: %s", args, w, stdout, stderr)
		}
	}
}

// validateAlloc is what validating a synthetic framework of n roles in one
// family allocates, as "ddat validate" validates.
func validateAlloc(t *testing.T, n int, fonts *profile.Fonts) uint64 {
	fw := synth.Framework(synth.Size{Roles: n, LevelsPerRole: 5, Skills: 100})
	return allocated(func() {
		if f := append(fw.Validate(), profile.CheckPrintable(fw, fonts)...); f.Errors() > 0 {
			t.Fatal(f.Err())
		}
	})
}

// TestHostileInput holds a small crafted input for each defect issue 16
// found (kept in testdata/hostile, or made here where it would be large):
// each gives a located error or a correct result, within a bound of work
// counted in bytes allocated, and leaves no temporary file, neither beside
// the output nor excelize's.
func TestHostileInput(t *testing.T) {
	tests := []struct {
		name     string
		maxAlloc uint64 // bytes the case may allocate
		run      func(t *testing.T, dir string)
		setup    func(t *testing.T, dir string) // makes a large input, unmeasured; may be nil
	}{
		{"1 merged range to the sheet's edge", 64 * MiB, func(t *testing.T, dir string) {
			path := hostileFixture(t, "merged-range.xlsx", mergedRange)
			wantRun(t, exitError, []string{path + ":200: error: the merged cells J200:XFD1048576 reach more than 2000000 cells"}, "validate", path)
		}, nil},
		{"2 xlsx bomb", 32 * MiB, func(t *testing.T, dir string) {
			path := writeTemp(t, dir, "bomb.xlsx", rezip(t, 65*MiB, 65*MiB, 0))
			wantRun(t, exitError, []string{path + ": error: the workbook unzips to more than 64 MiB (at xl/worksheets/sheet1.xml)"}, "validate", path)
		}, nil},
		{"2 xlsx part that unzips to more than it declares", 64 * MiB, func(t *testing.T, dir string) {
			path := writeTemp(t, dir, "liar.xlsx", rezip(t, 65*MiB, 1000, 0))
			// archive/zip stops the part at its declared size, so what is
			// left of the sheet is read, and found empty.
			wantRun(t, exitError, []string{path + `: error: sheet "Framework" is empty`}, "validate", path)
		}, nil},
		{"2 xlsx of too many parts", 64 * MiB, func(t *testing.T, dir string) {
			path := writeTemp(t, dir, "parts.xlsx", rezip(t, 10, 10, 10_000))
			wantRun(t, exitError, []string{path + ": error: the workbook has 10010 parts, more than the 10000 ddat reads"}, "validate", path)
		}, nil},
		{"2 xlsx of millions of shared texts", 48 * MiB, func(t *testing.T, dir string) {
			path := filepath.Join(dir, "texts.xlsx") // made by setup
			wantRun(t, exitError, []string{path + ": error: the workbook holds more than 2000000 texts"}, "validate", path)
		}, func(t *testing.T, dir string) {
			book := editPart(t, flatWorkbook(t), "xl/sharedStrings.xml", func(xml string) string {
				return strings.Replace(xml, "</sst>", strings.Repeat("<si><t></t></si>", 2_000_001)+"</sst>", 1)
			})
			writeTemp(t, dir, "texts.xlsx", book)
		}},
		{"3 minified JSON", 32 * MiB, func(t *testing.T, dir string) {
			data := encodeSynth(t, synth.Size{Roles: 25, LevelsPerRole: 5, Skills: 100}, formats.FormatJSON)
			var min bytes.Buffer
			if err := json.Compact(&min, data); err != nil {
				t.Fatal(err)
			}
			if min.Len() < 2e5 || bytes.Count(min.Bytes(), []byte("\n")) > 0 {
				t.Fatalf("%d bytes on %d lines, want a line of 200 kB or more", min.Len(), bytes.Count(min.Bytes(), []byte("\n"))+1)
			}
			fw, err := formats.Read(&min, "min.json", formats.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r := fw.Roles[24]; r.Pos.Line != 1 || r.Pos.Col < 180_000 {
				t.Errorf("the last role at %v, want line 1, column 180,000 or more", r.Pos)
			}
		}, nil},
		{"4 decomposed accents", 64 * MiB, func(t *testing.T, dir string) {
			path := filepath.Join("testdata", "hostile", "decomposed.yaml")
			wantRun(t, exitOK, []string{"0 errors, 0 warnings"}, "validate", path)
			fw, err := formats.ReadFile(path, formats.Options{})
			if err != nil {
				t.Fatal(err)
			}
			l := fw.Roles[0].Levels[0]
			if want := "Makes coffee in a café and reads a résumé now and then"; !strings.HasPrefix(l.Summary, want) || !norm.NFC.IsNormalString(fw.Skills[0].Levels["awareness"][0]) {
				t.Errorf("summary %q, want it to start %q, in normal form C", l.Summary, want)
			}
			pdf := filepath.Join(dir, "barista.pdf")
			wantRun(t, exitOK, []string{"(1 page)"}, "--data", path, "profile", "barista", "--level", "1", "-o", pdf, "--date", "2024-01-02")
			if text := pdfText(t, pdf); !strings.Contains(text, "Makes coffee in a café and reads a résumé now and then") {
				t.Errorf("the PDF does not read as the text:\n%s", text)
			}
		}, nil},
		{"5 right-to-left text", 64 * MiB, func(t *testing.T, dir string) {
			path := filepath.Join("testdata", "hostile", "hebrew.yaml")
			wantRun(t, exitError, []string{path + `:23:9: error: role "Translator", level "translator", summary: character U+05E9 "ש" cannot be printed in the PDF job profiles (it is of a right-to-left script`}, "validate", path)
			wantRun(t, exitError, []string{"right-to-left"}, "--data", path, "profile", "translator", "-o", filepath.Join(dir, "t.pdf"))
		}, nil},
		{"6 text longer than a spreadsheet cell", 64 * MiB, func(t *testing.T, dir string) {
			path := writeTemp(t, dir, "long.yaml", smallWith(t, "summary: Makes widgets.", "summary: Makes widgets. "+strings.Repeat("word ", 6600)))
			for _, args := range [][]string{
				{"convert", "--to", "xlsx", "-o", filepath.Join(dir, "out.xlsx")},
				{"convert", "--to", "csv", "-o", filepath.Join(dir, "out.csv")},
				{"matrix", "-o", filepath.Join(dir, "m.xlsx")},
			} {
				wantRun(t, exitError, []string{path + `:50:9: role "Widget engineer", level 2: the summary`, "characters long; a spreadsheet cell holds at most 32767"}, append([]string{"--data", path}, args...)...)
			}
			// YAML holds it, and gives it back whole.
			out := filepath.Join(dir, "out.yaml")
			wantRun(t, exitOK, nil, "--data", path, "convert", "-o", out)
			fw, err := formats.ReadFile(out, formats.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(fw.Roles[0].Levels[1].Summary); n != len("Makes widgets. ")+5*6600-1 {
				t.Errorf("summary of %d bytes after the round trip", n)
			}
		}, nil},
		{"7 validation linear in the roles", 1 << 62, func(t *testing.T, dir string) {
			fonts, err := profile.LoadFonts()
			if err != nil {
				t.Fatal(err)
			}
			small, large := validateAlloc(t, 50, fonts), validateAlloc(t, 200, fonts)
			ratio := float64(large) / float64(small)
			if ratio > 6 {
				t.Errorf("4 times the roles take %.1f times the work (%d and %d bytes), want about 4", ratio, small, large)
			}
			t.Logf("50 roles: %d bytes; 200 roles: %d bytes (%.2f times)", small, large, ratio)
		}, nil},
		{"8 large YAML without aliases", 256 * MiB, func(t *testing.T, dir string) {
			var b strings.Builder
			b.WriteString("skill_levels: [{id: awareness, name: Awareness}]\nroles:\n  - name: Widget engineer\n    levels:\n      - title: Widget engineer\n        responsibilities:\n")
			for range 70_000 { // more values than aliases may add (65,536)
				b.WriteString("          - do\n")
			}
			fw, err := formats.Read(strings.NewReader(b.String()), "big.yaml", formats.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(fw.Roles[0].Levels[0].Responsibilities); n != 70_000 {
				t.Errorf("%d responsibilities, want 70000", n)
			}
			_, err = formats.Read(strings.NewReader("roles: &r [{name: x, levels: *r}]\n"), "loop.yaml", formats.Options{})
			if err == nil || !strings.Contains(err.Error(), "loop.yaml:1:30: the alias *r is inside the value it names") {
				t.Errorf("alias inside its value: %v", err)
			}
		}, nil},
		{"8 many roles of one name", 64 * MiB, func(t *testing.T, dir string) {
			var b strings.Builder
			b.WriteString("skill_levels: [{id: awareness, name: Awareness}]\nroles:\n")
			for range 5_000 {
				b.WriteString("  - {name: Widget engineer, levels: [{title: Widget engineer}, {title: Widget engineer}]}\n")
			}
			fw, err := formats.Read(strings.NewReader(b.String()), "same.yaml", formats.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r := fw.Roles[4_999]; r.ID != "widget-engineer-5000" || r.Levels[1].ID != "widget-engineer-2" {
				t.Errorf("last role %q, its second level %q; want widget-engineer-20000, widget-engineer-2", r.ID, r.Levels[1].ID)
			}
		}, nil},
		{"9 temporary files a killed run left", 64 * MiB, func(t *testing.T, dir string) {
			old := time.Now().Add(-2 * time.Hour)
			for _, c := range []struct{ out, args string }{
				{"p.pdf", "profile team-lead"}, {"m.xlsx", "matrix"}, {"c.csv", "convert"},
			} {
				stale, fresh := filepath.Join(dir, "."+c.out+".123456.tmp"), filepath.Join(dir, "."+c.out+".654321.tmp")
				writeTemp(t, dir, filepath.Base(stale), []byte("killed"))
				writeTemp(t, dir, filepath.Base(fresh), []byte("writing"))
				if err := os.Chtimes(stale, old, old); err != nil {
					t.Fatal(err)
				}
				wantRun(t, exitOK, nil, append([]string{"--data", filepath.Join("testdata", "frameworks", "small.yaml")}, append(strings.Fields(c.args), "-o", filepath.Join(dir, c.out))...)...)
				if _, err := os.Stat(stale); err == nil {
					t.Errorf("%s: the killed run's %s is still there", c.args, filepath.Base(stale))
				}
				if err := os.Remove(fresh); err != nil {
					t.Errorf("%s: a running one's %s was removed", c.args, filepath.Base(fresh))
				}
			}
		}, nil},
		{"10 every unprintable character at once", 64 * MiB, func(t *testing.T, dir string) {
			path := filepath.Join("testdata", "hostile", "unprintable.yaml")
			want := []string{"9 errors, 1 warning", `:16:5: warning: skill "Rocketry", description: character U+1F680`}
			for _, c := range []string{"U+1F6F0", "U+0001, U+001B", "U+0007", "U+0301", "U+05E2"} {
				want = append(want, c)
			}
			wantRun(t, exitError, want, "validate", path)
		}, nil},
		{"11 a directory as --data", 64 * MiB, func(t *testing.T, dir string) {
			d := filepath.Join(dir, "dir.csv")
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
			wantRun(t, exitUsage, []string{d + ": is a directory; give a framework file"}, "--data", d, "validate")
		}, nil},
		{"11 a device as --data", 64 * MiB, func(t *testing.T, dir string) {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip(err)
			}
			wantRun(t, exitUsage, []string{"/dev/zero: is a device, not a file"}, "--data", "/dev/zero", "--format", "xlsx", "validate")
		}, nil},
		{"11 zeros read as xlsx", 4 * MiB, func(t *testing.T, dir string) {
			_, err := formats.Read(io.LimitReader(zeros{}, formats.MaxInputSize+1), "<stdin>", formats.Options{Format: formats.FormatXLSX})
			if err == nil || !strings.Contains(err.Error(), "<stdin>: not a readable XLSX workbook: an .xlsx file is a zip archive, and this file does not start as one") {
				t.Errorf("err = %v", err)
			}
		}, nil},
		{"11 a file over the size limit", 64 * MiB, func(t *testing.T, dir string) {
			path := filepath.Join(dir, "big.csv")
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, formats.MaxInputSize+MiB); err != nil {
				t.Fatal(err)
			}
			wantRun(t, exitError, []string{path + ": error: file is 257 MiB, larger than the 256 MiB ddat reads"}, "validate", path)
		}, nil},
		{"11 CSV row of millions of empty cells", 16 * MiB, func(t *testing.T, dir string) {
			path := writeTemp(t, dir, "row.csv", bytes.Repeat([]byte(","), 4_100_000))
			wantRun(t, exitError, []string{path + ":1: error: a row of more than 16384 cells"}, "validate", path)
		}, nil},
		{"11 CSV of millions of empty cells", 128 * MiB, func(t *testing.T, dir string) {
			path := writeTemp(t, dir, "cells.csv", bytes.Repeat([]byte(",,,,,,,,,,,,,,,,,,,\n"), 110_000))
			wantRun(t, exitError, []string{path + ":100001: error: more than 2000000 cells"}, "validate", path)
		}, nil},
		{"11 CSV with a quote left open", 64 * MiB, func(t *testing.T, dir string) {
			data := "Role,Role Level\nWidget engineer,\"Widget engineer\n" + strings.Repeat("a widget engineer makes widgets\n", 4000)
			path := writeTemp(t, dir, "quote.csv", []byte(data))
			wantRun(t, exitError, []string{path + ":2: error: a cell starting here runs on past 32767 characters, more than a spreadsheet cell holds; is a quote left open?"}, "validate", path)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			temps := excelizeTemps(t)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			n := allocated(func() { tt.run(t, dir) })
			if n > tt.maxAlloc {
				t.Errorf("allocated %d MiB, want at most %d MiB", n/MiB, tt.maxAlloc/MiB)
			}
			t.Logf("allocated %.1f MiB", float64(n)/MiB)
			if n := excelizeTemps(t); n > temps {
				t.Errorf("%d excelize temporary files left in %s", n-temps, os.TempDir())
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
			if len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// zeros reads as endless zero bytes, like /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// pdfText is the text of a PDF as pdftotext lays it out. It skips the test
// when pdftotext is not installed, unless on CI.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext is needed on CI: %v", err)
		}
		t.Skipf("pdftotext not installed")
	}
	out, err := exec.Command(tool, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}
