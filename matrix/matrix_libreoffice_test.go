package matrix_test

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// convert converts files (paths in dir) with one LibreOffice run, as a user
// opening them would, to format: a filter name LibreOffice's --convert-to
// takes. A profile of its own keeps a running LibreOffice from taking the
// job.
func convert(t *testing.T, dir, format string, files ...string) {
	t.Helper()
	office := testkit.Tool(t, "libreoffice")
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", format, "--outdir", dir}, files...)
	if out, err := exec.Command(office, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
}

// run runs a poppler tool and returns its standard output.
func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testkit.Tool(t, tool), args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", tool, strings.Join(args, " "), err)
	}
	return string(out)
}

// TestMatrixLibreOffice prints the default framework's workbook on A4 and
// on Letter (one LibreOffice run for both) and checks what a user gets on
// paper: every sheet; one font family, Liberation Sans, which is what
// Debian prints Arial with, so no serif fallback; every page of the paper
// asked for; no text under 8 points; and the sheets of running text one
// page wide.
func TestMatrixLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	dir := t.TempDir()
	fw := fixture.Default(t)
	papers := map[string]*regexp.Regexp{
		"a4":     regexp.MustCompile(`^(595\.\d+ x 841\.\d+|841\.\d+ x 595\.\d+) pts \(A4\)`),
		"letter": regexp.MustCompile(`^(612 x 792|792 x 612) pts \(letter\)`),
	}
	var files []string
	for paper := range papers {
		path := filepath.Join(dir, paper+".xlsx")
		if err := os.WriteFile(path, makeMatrix(t, fw, matrix.Options{PerRole: true, Paper: paper}), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	convert(t, dir, "pdf", files...)

	for paper, size := range papers {
		pdf := filepath.Join(dir, paper+".pdf")
		t.Run(paper, func(t *testing.T) {
			fonts := strings.Split(strings.TrimSpace(run(t, "pdffonts", pdf)), "\n")[2:]
			for _, line := range fonts {
				name := strings.Fields(line)[0]
				if _, family, _ := strings.Cut(name, "+"); family != "LiberationSans" && family != "LiberationSans-Bold" {
					t.Errorf("font %s, want Liberation Sans (Arial) only", name)
				}
			}
			if len(fonts) == 0 {
				t.Error("pdffonts lists no font")
			}

			pages := strings.Split(strings.TrimSuffix(run(t, "pdftotext", "-layout", pdf, "-"), "\f"), "\f")
			info := run(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(len(pages)), pdf)
			sizes := regexp.MustCompile(`(?m)^Page +\d+ size: +(.*)$`).FindAllStringSubmatch(info, -1)
			if len(sizes) != len(pages) {
				t.Fatalf("pdfinfo gives %d page sizes for %d pages", len(sizes), len(pages))
			}
			for i, s := range sizes {
				if !size.MatchString(s[1]) {
					t.Errorf("page %d: %s, want %s", i+1, s[1], paper)
				}
			}

			text := strings.Join(pages, "\n")
			for _, want := range []string{
				"Skills matrix: Government Digital and Data Profession Capability Framework",
				"Skills matrix: the skill level each role level needs",
				"Role levels: the skill level each needs",
				"Skills: what you can do at each skill level",
				"Roles: each role level",
				"Data: one row per role level and skill",
				"Infrastructure engineer: skills by role level",
				"Practitioner",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("PDF lacks %q", want)
				}
			}

			// The footer names each page's sheet. A sheet one page wide
			// shows its last header on every page, as the header row is
			// repeated.
			lastHeader := map[string]string{"Skills": "Role levels that need it", "Roles": "Responsibilities", "Data": "equivalent"}
			seen := map[string]int{}
			for i, page := range pages {
				for sheet, h := range lastHeader {
					if regexp.MustCompile(`(?m)^ *` + sheet + ` +Page \d+ of`).MatchString(page) {
						seen[sheet]++
						if !strings.Contains(page, h) {
							t.Errorf("page %d (%s) lacks the last header %q: the sheet prints more than one page wide", i+1, sheet, h)
						}
					}
				}
			}
			for sheet := range lastHeader {
				if seen[sheet] == 0 {
					t.Errorf("no page of sheet %s found", sheet)
				}
			}

			// Word heights scale with font size. The cover prints at 100%:
			// its 10-point labels set the yardstick for 8 points.
			words := regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`).
				FindAllStringSubmatch(run(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"), -1)
			ten := 0.0
			for _, w := range words {
				if w[3] == "Licence" {
					ten = height(w)
				}
			}
			if ten == 0 {
				t.Fatal("no word Licence on the cover")
			}
			all := regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`).
				FindAllStringSubmatch(run(t, "pdftotext", "-bbox", pdf, "-"), -1)
			small := 0
			for _, w := range all {
				if h := height(w); h < 0.8*ten-0.01 {
					small++
					if small <= 5 {
						t.Errorf("%q prints at %.1f points, under 8 (10-point text is %.2f high, this %.2f)", w[3], 10*h/ten, ten, h)
					}
				}
			}
			if len(all) < 1000 {
				t.Errorf("only %d words in the PDF", len(all))
			}
		})
	}
}

// height is the height of a word matched by the bbox pattern.
func height(w []string) float64 {
	lo, _ := strconv.ParseFloat(w[1], 64)
	hi, _ := strconv.ParseFloat(w[2], 64)
	return hi - lo
}

// TestMatrixPivotLibreOffice makes the pivot table the cover describes, as
// a planner would: Skill in Rows and every grade column in Values as Sum,
// over the Data table. LibreOffice computes it (one run for both
// frameworks), and each sum must be the number of role levels at that
// grade that need the skill: a role level at two grades counts once under
// each, never twice under one.
func TestMatrixPivotLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	dir := t.TempDir()
	fws := map[string]*model.Framework{}
	for name, fw := range frameworks(t) {
		if name == "no-level" {
			continue // the same grades as four-roles
		}
		fws[name] = fw
	}
	var files []string
	for name, fw := range fws {
		f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{}))
		tables, err := f.GetTables("Data")
		if err != nil || len(tables) != 1 {
			t.Fatalf("Data: %d tables (%v)", len(tables), err)
		}
		var sums []excelize.PivotTableField
		for _, g := range fw.Grades {
			sums = append(sums, excelize.PivotTableField{Data: g.Short(), Subtotal: "Sum", Name: "Sum of " + g.Short()})
		}
		if _, err := f.NewSheet("Pivot"); err != nil {
			t.Fatal(err)
		}
		err = f.AddPivotTable(&excelize.PivotTableOptions{
			DataRange:       "Data!" + tables[0].Range,
			PivotTableRange: "Pivot!A1:J200",
			Rows:            []excelize.PivotTableField{{Data: "Skill"}},
			Data:            sums,
			RowGrandTotals:  true,
			ColGrandTotals:  true,
		})
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	// Every sheet to its own UTF-8 CSV file, "<name>-<sheet>.csv".
	convert(t, dir, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", files...)

	for name, fw := range fws {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, name+"-Pivot.csv"))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			hdr := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "Skill" })
			if hdr < 0 {
				t.Fatalf("no pivot table in %q", rows)
			}
			// want[skill][grade]: role levels at the grade that need the skill.
			want := map[string]map[string]int{"Total Result": {}}
			for _, ref := range allLevels(fw) {
				for _, q := range ref.Level.Skills {
					skill := fw.Skill(q.Skill).Name
					if want[skill] == nil {
						want[skill] = map[string]int{}
					}
					for _, g := range fw.LevelGrades(ref.Level) {
						want[skill][g.Short()]++
						want["Total Result"][g.Short()]++
					}
				}
			}
			got := map[string]map[string]int{}
			for _, r := range rows[hdr+1:] {
				if len(r) == 0 || r[0] == "" {
					continue
				}
				got[r[0]] = map[string]int{}
				for c := 1; c < len(r) && c < len(rows[hdr]); c++ {
					n, err := strconv.Atoi(r[c])
					if err != nil {
						t.Fatalf("pivot %s × %s: %q", r[0], rows[hdr][c], r[c])
					}
					if n > 0 {
						got[r[0]][strings.TrimPrefix(rows[hdr][c], "Sum of ")] = n
					}
				}
			}
			if len(got) != len(want) {
				t.Errorf("pivot has %d rows, want %d skills and the total", len(got), len(want)-1)
			}
			for skill, w := range want {
				for g, n := range w {
					if got[skill][g] != n {
						t.Errorf("pivot %s × %s: %d, want %d", skill, g, got[skill][g], n)
					}
				}
				if len(got[skill]) != len(w) {
					t.Errorf("pivot %s: %v, want %v", skill, got[skill], w)
				}
			}
		})
	}
}
