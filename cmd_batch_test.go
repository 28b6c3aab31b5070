package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/naming"
)

// batchDir runs ddat batch into a new directory and returns it with the
// manifest, after checking that the manifest lists exactly the files there
// with their true sizes and hashes.
func batchDir(t *testing.T, args ...string) (string, *batch.Manifest) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, code := ddat(t, append([]string{"batch", "-o", out}, args...)...)
	if code != exitOK {
		t.Fatalf("ddat batch -o out %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return out, readManifest(t, out)
}

func readManifest(t *testing.T, dir string) *batch.Manifest {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, naming.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := batch.ReadManifest(f)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{naming.ManifestFile: true}
	for _, item := range m.Files {
		listed[item.Path] = true
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(item.Path)))
		if err != nil {
			t.Errorf("manifest lists %s: %v", item.Path, err)
			continue
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != item.SHA256 || int64(len(data)) != item.Bytes {
			t.Errorf("%s: %d bytes sha256 %x; manifest says %d bytes %s", item.Path, len(data), sum, item.Bytes, item.SHA256)
		}
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			if !listed[filepath.ToSlash(rel)] {
				t.Errorf("%s is not in the manifest", rel)
			}
		}
		return err
	})
	return m
}

// TestBatchDefault is the README's main command on the embedded framework:
// every level profile, every role profile, the matrix and the manifest.
func TestBatchDefault(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out, m := batchDir(t)
	count := map[string]int{}
	for _, item := range m.Files {
		count[item.Kind]++
		if item.Bytes == 0 {
			t.Errorf("%s is empty", item.Path)
		}
	}
	want := map[string]int{batch.KindProfile: 10, batch.KindRole: 2, batch.KindMatrix: 1}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d documents of kind %s, want %d", count[k], k, n)
		}
	}
	if m.Framework != "Government Digital and Data Profession Capability Framework" || m.Created.Unix() != 1700000000 {
		t.Errorf("manifest header: %q %v", m.Framework, m.Created)
	}
	for _, p := range []string{
		"it-operations/infrastructure-engineer/3-senior-infrastructure-engineer.pdf",
		"it-operations/infrastructure-engineer/infrastructure-engineer.pdf",
		"it-operations/infrastructure-operations-engineer/5-principal-infrastructure-operations-engineer.pdf",
		"skills-matrix.xlsx",
	} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}

	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("qpdf not installed")
		}
		t.Skip("qpdf not installed")
	}
	for _, item := range m.Files {
		if item.Kind == batch.KindMatrix {
			continue
		}
		cmd := exec.Command(qpdf, "--check", filepath.Join(out, filepath.FromSlash(item.Path)))
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("qpdf --check %s: %v\n%s", item.Path, err, b)
		}
		if item.Pages < 1 {
			t.Errorf("%s: %d pages in the manifest", item.Path, item.Pages)
		}
	}
}

// TestBatchReproducible runs the batch twice, into directories and into
// zip files, with SOURCE_DATE_EPOCH set and different worker counts, and
// expects the same bytes.
func TestBatchReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dirs := [2]string{}
	zips := [2][]byte{}
	for i, j := range []string{"1", "3"} {
		dirs[i], _ = batchDir(t, "-j", j, "--organisation", "Department for Tests")
		file := filepath.Join(t.TempDir(), "documents.zip")
		if _, stderr, code := ddat(t, "batch", "--zip", file, "-j", j, "--organisation", "Department for Tests"); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		zips[i], _ = os.ReadFile(file)
	}
	for _, f := range []string{naming.ManifestFile, naming.MatrixFile, "it-operations/infrastructure-engineer/infrastructure-engineer.pdf",
		"it-operations/infrastructure-engineer/2-infrastructure-engineer.pdf"} {
		a, _ := os.ReadFile(filepath.Join(dirs[0], f))
		b, _ := os.ReadFile(filepath.Join(dirs[1], f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between runs (%d and %d bytes)", f, len(a), len(b))
		}
	}
	if !bytes.Equal(zips[0], zips[1]) {
		t.Error("the zip differs between runs")
	}
	zr, err := zip.NewReader(bytes.NewReader(zips[0]), int64(len(zips[0])))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 14 {
		t.Errorf("zip holds %d entries, want 14", len(zr.File))
	}
}

func TestBatchSelection(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	for _, tc := range []struct {
		name string
		args []string
		want map[string]int
	}{
		{"only profiles and matrix", []string{"--only", "profiles,matrix"}, map[string]int{"profile": 10, "matrix": 1}},
		{"only roles, repeated flag", []string{"--only", "roles", "--only", "ROLES"}, map[string]int{"role": 2}},
		{"one role", []string{"--role", "infrastructure-engineer"}, map[string]int{"profile": 5, "role": 1, "matrix": 1}},
		{"one grade", []string{"--grade", "G7", "--only", "profiles,roles"}, map[string]int{"profile": 4, "role": 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, m := batchDir(t, tc.args...)
			got := map[string]int{}
			for _, item := range m.Files {
				got[item.Kind]++
			}
			if len(got) != len(tc.want) {
				t.Errorf("kinds = %v, want %v", got, tc.want)
			}
			for k, n := range tc.want {
				if got[k] != n {
					t.Errorf("kinds = %v, want %v", got, tc.want)
					break
				}
			}
		})
	}
}

func TestBatchOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	_, stderr, code := ddat(t, "batch", "-o", out, "--date", "2024-01-02")
	if code != exitOK {
		t.Fatal(stderr)
	}
	// stderr is not a terminal here: no progress bar, just the summary.
	if !strings.HasPrefix(stderr, "13 documents, ") || !strings.HasSuffix(stderr, " s → "+out+string(os.PathSeparator)+"\n") ||
		strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr = %q, want a one-line summary", stderr)
	}
	// Again: the same documents, all kept. Another date changes them all.
	if _, stderr, _ = ddat(t, "batch", "-o", out, "--date", "2024-01-02"); !strings.HasPrefix(stderr, "13 documents (13 unchanged), ") {
		t.Errorf("a rerun's summary = %q, want it to say all 13 are unchanged", stderr)
	}
	if _, stderr, _ = ddat(t, "batch", "-o", out, "--date", "2024-01-03"); !strings.HasPrefix(stderr, "13 documents, ") {
		t.Errorf("a run with another date: summary = %q, want no document unchanged", stderr)
	}
	stdout, stderr, code := ddat(t, "batch", "-o", out, "-q")
	if code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestBatchSummary checks that the summary of a directory and that of a
// zip of the same documents give the same size: the documents', which the
// manifest adds up; the zip's own size follows its name.
func TestBatchSummary(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	out, file := filepath.Join(dir, "out"), filepath.Join(dir, "documents.zip")
	summary := regexp.MustCompile(`^(13 documents, [0-9.]+ [kM]?B), [0-9.]+ s → (.*)\n$`)
	var sizes []string
	for _, args := range [][]string{{"-o", out}, {"--zip", file}} {
		_, stderr, code := ddat(t, append([]string{"batch"}, args...)...)
		match := summary.FindStringSubmatch(stderr)
		if code != exitOK || match == nil {
			t.Fatalf("exit %d, stderr %q; want a summary", code, stderr)
		}
		sizes = append(sizes, match[1])
		if args[0] == "--zip" {
			fi, err := os.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			if want := file + " (" + formatBytes(fi.Size()) + ")"; match[2] != want {
				t.Errorf("summary ends %q, want %q", match[2], want)
			}
		}
	}
	if want := "13 documents, " + formatBytes(readManifest(t, out).Bytes()); sizes[0] != want || sizes[1] != want {
		t.Errorf("summaries say %q and %q, want %q for both", sizes[0], sizes[1], want)
	}
}

func TestBatchUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign")
	os.Mkdir(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	notImage := filepath.Join(dir, "logo.png")
	os.WriteFile(notImage, []byte("not an image"), 0o644)
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no output", []string{"batch"}, exitUsage, "-o DIR or --zip FILE"},
		{"both outputs", []string{"batch", "-o", out, "--zip", out + ".zip"}, exitUsage, "not both"},
		{"argument", []string{"batch", "-o", out, "extra"}, exitUsage, "no arguments"},
		{"jobs 0", []string{"batch", "-o", out, "-j", "0"}, exitUsage, "--jobs 0"},
		{"bad only", []string{"batch", "-o", out, "--only", "profiles,posters"}, exitUsage, `--only "posters"`},
		{"bad paper", []string{"batch", "-o", out, "--paper", "a3"}, exitUsage, "a4 or letter"},
		{"missing logo", []string{"batch", "-o", out, "--logo", filepath.Join(dir, "nope.png")}, exitUsage, "no such file"},
		{"logo not an image", []string{"batch", "-o", out, "--logo", notImage}, exitUsage, "not a PNG or JPEG"},
		{"bad date", []string{"batch", "-o", out, "--date", "yesterday"}, exitUsage, "--date"},
		{"unknown role", []string{"batch", "-o", out, "--role", "astronaut"}, exitUsage, "astronaut"},
		{"foreign directory", []string{"batch", "-o", foreign}, exitUsage, "--force"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := ddat(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a refused batch made the output directory")
			}
		})
	}
	if data, _ := os.ReadFile(filepath.Join(foreign, "notes.txt")); string(data) != "mine" {
		t.Error("a refused batch changed the foreign directory")
	}
	if _, stderr, code := ddat(t, "batch", "-o", foreign, "--force", "-q"); code != exitOK {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	readManifest(t, foreign)
}

func TestBatchLogo(t *testing.T) {
	t.Parallel()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{200, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	logo := filepath.Join(t.TempDir(), "logo.png")
	os.WriteFile(logo, buf.Bytes(), 0o644)
	_, m := batchDir(t, "--logo", logo, "--organisation", "Department for Tests", "--paper", "letter", "--only", "roles", "-q")
	if len(m.Files) != 2 {
		t.Errorf("%d files, want 2", len(m.Files))
	}
}

func TestFormatBytes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {999, "999 B"}, {1000, "1.0 kB"}, {538_712, "538.7 kB"}, {999_949, "999.9 kB"},
		{999_950, "1.0 MB"}, {31_520_000, "31.5 MB"}, {2_000_000_000, "2.0 GB"},
	} {
		if got := formatBytes(tc.n); got != tc.want {
			t.Errorf("formatBytes(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestBatchKeepsEdits reruns a batch over its own output after the user
// edited it: the edit is someone's work, kept unless --force is given.
func TestBatchKeepsEdits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, file := filepath.Join(dir, "mm2"), filepath.Join(dir, "mine.zip")
	for _, tc := range []struct {
		name   string
		args   []string
		edited string // the file the user overwrites
		want   string // in the refusal
	}{
		{"directory", []string{"-o", out}, filepath.Join(out, naming.MatrixFile), filepath.Join(out, naming.MatrixFile) + " was changed"},
		{"zip", []string{"--zip", file}, file, file + " is not a zip file ddat made"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 2 { // a batch may replace its own output
				if _, stderr, code := ddat(t, append([]string{"batch", "-q"}, tc.args...)...); code != exitOK {
					t.Fatalf("exit %d: %s", code, stderr)
				}
			}
			if err := os.WriteFile(tc.edited, []byte("edited\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, stderr, code := ddat(t, append([]string{"batch", "-q"}, tc.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "--force replaces it") {
				t.Errorf("exit %d, stderr %q; want exit %d, %q and --force", code, stderr, exitUsage, tc.want)
			}
			if data, _ := os.ReadFile(tc.edited); string(data) != "edited\n" {
				t.Errorf("the edit was lost: %d bytes", len(data))
			}
			if _, stderr, code := ddat(t, append([]string{"batch", "-q", "--force"}, tc.args...)...); code != exitOK {
				t.Fatalf("--force: exit %d: %s", code, stderr)
			}
		})
	}
}
