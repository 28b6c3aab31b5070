package formats_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/google/go-cmp/cmp"
)

// TestLibreOffice takes a file ddat wrote through a real spreadsheet: it is
// opened and saved by LibreOffice Calc, as by a user editing it, and ddat
// reads back the same framework. LibreOffice shows a
// protected CSV cell with its quote and keeps it when saving a workbook;
// ddat takes it off either way.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	office := testkit.Tool(t, "libreoffice")
	want := loadYAML(t, filepath.Join("..", "testdata", "flat", "four-roles.yaml"))
	tests := []struct {
		name     string
		from, to formats.Format
		filter   []string // LibreOffice options for the conversion
	}{
		{"csv saved as xlsx", formats.FormatCSV, formats.FormatXLSX, []string{"--infilter=CSV:44,34,76,1", "--convert-to", "xlsx"}},
		{"xlsx saved as xlsx", formats.FormatXLSX, formats.FormatXLSX, []string{"--convert-to", "xlsx"}},
		{"xlsx saved as csv", formats.FormatXLSX, formats.FormatCSV, []string{"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1"}},
	}
	// One LibreOffice profile for every conversion: making a new one is most
	// of the time a conversion takes.
	profile := filepath.Join(t.TempDir(), "profile")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "four."+string(tt.from))
			f, err := os.Create(in)
			if err != nil {
				t.Fatal(err)
			}
			if err := formats.Write(f, want, tt.from); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			outDir := filepath.Join(dir, "out")
			// A profile of its own, so a running LibreOffice does not take the job.
			args := append([]string{"-env:UserInstallation=file://" + profile, "--headless"}, tt.filter...)
			cmd := exec.Command(office, append(args, "--outdir", outDir, in)...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("libreoffice: %v\n%s", err, out)
			}
			saved := filepath.Join(outDir, "four."+string(tt.to))
			r, err := os.Open(saved)
			if err != nil {
				t.Fatalf("LibreOffice saved nothing: %v", err)
			}
			defer r.Close()
			got, err := formats.Read(r, saved, formats.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(catalogued(want), catalogued(got), sameModel); diff != "" {
				t.Errorf("%s through LibreOffice (-before +after):\n%s", strings.ToUpper(string(tt.from)), diff)
			}
		})
	}
}
