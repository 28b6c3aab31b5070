package batch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/naming"
)

var batchCreated = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// fakeJobs is a batch of n small documents whose bytes depend only on their
// path, spread over a few directories like a real batch.
func fakeJobs(n int) []batch.Job {
	jobs := []batch.Job{{
		Path: naming.MatrixFile, Kind: batch.KindMatrix, Title: "Skills matrix",
		Write: fakeContent(naming.MatrixFile, 3000),
	}}
	for i := range n - 1 {
		p := fmt.Sprintf("family-%d/role-%d/%d-level.pdf", i%2, i%3, i)
		jobs = append(jobs, batch.Job{
			Path: p, Kind: batch.KindProfile, Title: fmt.Sprintf("Level %d", i),
			Role: fmt.Sprintf("role-%d", i%3), Level: fmt.Sprintf("level-%d", i),
			Write: fakeContent(p, 1000+i*517),
		})
	}
	return jobs
}

// content writes size bytes derived from name, in small pieces like an
// exporter, and reports a page per kilobyte.
func fakeContent(name string, size int) func(io.Writer) (int, error) {
	return func(w io.Writer) (int, error) {
		line := []byte(name + " the quick brown fox\n")
		for n := 0; n < size; n += len(line) {
			if _, err := w.Write(line); err != nil {
				return 0, err
			}
		}
		return 1 + size/1000, nil
	}
}

func batchOpts(workers int) batch.Options {
	return batch.Options{Workers: workers, Framework: "Fixture Framework", Version: "1.2.3", Created: batchCreated}
}

// snapshot maps every file under dir to its contents, and every directory
// to "<dir>".
func dirSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			files[filepath.ToSlash(rel)] = "<dir>"
			return nil
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkManifest checks that dir holds exactly the files its manifest lists,
// with the sizes and hashes it gives, and returns the manifest.
func checkManifest(t *testing.T, dir string) *batch.Manifest {
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
	if m.Generator != batch.Generator {
		t.Errorf("generator = %q, want %q", m.Generator, batch.Generator)
	}
	if !slices.IsSortedFunc(m.Files, func(a, b batch.ManifestItem) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("manifest files are not sorted by path")
	}
	want := map[string]bool{naming.ManifestFile: true}
	for _, item := range m.Files {
		want[item.Path] = true
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(item.Path)))
		if err != nil {
			t.Errorf("manifest lists %s: %v", item.Path, err)
			continue
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != item.SHA256 {
			t.Errorf("%s: sha256 %s, manifest says %s", item.Path, got, item.SHA256)
		}
		if int64(len(data)) != item.Bytes {
			t.Errorf("%s: %d bytes, manifest says %d", item.Path, len(data), item.Bytes)
		}
	}
	for p, c := range dirSnapshot(t, dir) {
		if c != "<dir>" && !want[p] {
			t.Errorf("%s is in the directory but not in the manifest", p)
		}
	}
	return m
}

// checkNoLeftovers fails if the parent directory holds anything but names.
func checkNoLeftovers(t *testing.T, parent string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestBatchDir(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	jobs := fakeJobs(13)
	var calls []int
	o := batchOpts(3)
	o.Progress = func(done, total int, _ *batch.Job) {
		if total != len(jobs) {
			t.Errorf("progress total = %d, want %d", total, len(jobs))
		}
		calls = append(calls, done)
	}
	m, err := batch.Dir(context.Background(), out, jobs, o)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}; !slices.Equal(calls, want) {
		t.Errorf("progress calls = %v, want %v", calls, want)
	}
	got := checkManifest(t, out)
	if len(got.Files) != len(jobs) || len(m.Files) != len(jobs) {
		t.Fatalf("manifest has %d files, returned %d, want %d", len(got.Files), len(m.Files), len(jobs))
	}
	if got.Framework != "Fixture Framework" || got.Version != "1.2.3" || !got.Created.Equal(batchCreated) {
		t.Errorf("manifest header = %q %q %v", got.Framework, got.Version, got.Created)
	}
	for i, item := range got.Files {
		if item != m.Files[i] {
			t.Errorf("file %d: manifest.json says %+v, Dir returned %+v", i, item, m.Files[i])
		}
	}
	byPath := map[string]batch.ManifestItem{}
	for _, item := range got.Files {
		byPath[item.Path] = item
	}
	if it := byPath["family-1/role-2/5-level.pdf"]; it.Kind != batch.KindProfile || it.Role != "role-2" ||
		it.Level != "level-5" || it.Title != "Level 5" || it.Pages != 4 {
		t.Errorf("manifest item = %+v", it)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("output directory mode = %v, %v; want 0755", info.Mode(), err)
	}
	checkNoLeftovers(t, parent, "out")
}

// TestBatchReplaces checks that a second batch into a directory ddat made
// replaces it completely, without --force: nothing of the old batch stays.
func TestBatchReplaces(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	if _, err := batch.Dir(context.Background(), out, fakeJobs(8), batchOpts(2)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o750); err != nil {
		t.Fatal(err)
	}
	second := fakeJobs(4)
	second[1].Write = fakeContent("changed", 100)
	if _, err := batch.Dir(context.Background(), out, second, batchOpts(2)); err != nil {
		t.Fatal(err)
	}
	m := checkManifest(t, out)
	if len(m.Files) != 4 {
		t.Errorf("second batch left %d files, want 4", len(m.Files))
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o750 {
		t.Errorf("replaced directory mode = %v, want the old 0750", info.Mode().Perm())
	}
	checkNoLeftovers(t, parent, "out")
}

func TestBatchDeterministic(t *testing.T) {
	parent := t.TempDir()
	var dirs, zips []string
	for i, workers := range []int{1, 4} {
		dir := filepath.Join(parent, fmt.Sprint("out", i))
		file := filepath.Join(parent, fmt.Sprint("out", i, ".zip"))
		if _, err := batch.Dir(context.Background(), dir, fakeJobs(20), batchOpts(workers)); err != nil {
			t.Fatal(err)
		}
		if _, err := batch.Zip(context.Background(), file, fakeJobs(20), batchOpts(workers)); err != nil {
			t.Fatal(err)
		}
		dirs, zips = append(dirs, dir), append(zips, file)
	}
	a, b := dirSnapshot(t, dirs[0]), dirSnapshot(t, dirs[1])
	if len(a) != len(b) {
		t.Errorf("runs made %d and %d files", len(a), len(b))
	}
	for p := range a {
		if a[p] != b[p] {
			t.Errorf("%s differs between runs", p)
		}
	}
	za, _ := os.ReadFile(zips[0])
	zb, _ := os.ReadFile(zips[1])
	if !bytes.Equal(za, zb) {
		t.Error("zip files differ between runs")
	}
}

func TestBatchZipPaths(t *testing.T) {
	parent := t.TempDir()
	if _, err := batch.Zip(context.Background(), parent, fakeJobs(2), batchOpts(1)); err == nil ||
		!strings.Contains(err.Error(), "is a directory") {
		t.Errorf("zip over a directory: err = %v", err)
	}
	file := filepath.Join(parent, "a", "b", "documents.zip")
	if _, err := batch.Zip(context.Background(), file, fakeJobs(2), batchOpts(1)); err != nil {
		t.Fatal(err)
	}
	checkNoLeftovers(t, filepath.Join(parent, "a", "b"), "documents.zip")
}

// TestBatchZipForce checks that an existing file is replaced by a zip only
// when it is a zip ddat made, with the documents its manifest lists, or
// with Force.
func TestBatchZipForce(t *testing.T) {
	previousZip := func(t *testing.T, file string) {
		t.Helper()
		if _, err := batch.Zip(context.Background(), file, fakeJobs(3), batchOpts(1)); err != nil {
			t.Fatal(err)
		}
	}
	// rezip rewrites file with edit applied to its entries.
	rezip := func(t *testing.T, file string, edit func(name string, data []byte) (string, []byte)) {
		t.Helper()
		zr, err := zip.OpenReader(file)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			name, data := edit(f.Name, data)
			if name == "" {
				continue
			}
			w, _ := zw.Create(name)
			w.Write(data)
		}
		zr.Close()
		zw.Close()
		writeT(t, filepath.Dir(file), filepath.Base(file), buf.String())
	}
	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T, file string)
		force   bool
		errText string // "": the batch succeeds
	}{
		{"missing", func(*testing.T, string) {}, false, ""},
		{"ddat made it", previousZip, false, ""},
		{"not a zip", func(t *testing.T, file string) { writeT(t, filepath.Dir(file), filepath.Base(file), "precious\n") }, false,
			"is not a zip file ddat made"},
		{"not a zip, force", func(t *testing.T, file string) { writeT(t, filepath.Dir(file), filepath.Base(file), "precious\n") }, true, ""},
		{"empty", func(t *testing.T, file string) { writeT(t, filepath.Dir(file), filepath.Base(file), "") }, false,
			"is not a zip file ddat made"},
		{"a zip without manifest", func(t *testing.T, file string) {
			previousZip(t, file)
			rezip(t, file, func(name string, data []byte) (string, []byte) {
				if name == naming.ManifestFile {
					return "", nil
				}
				return name, data
			})
		}, false, "no manifest.json"},
		{"a foreign manifest", func(t *testing.T, file string) {
			previousZip(t, file)
			rezip(t, file, func(name string, data []byte) (string, []byte) {
				if name == naming.ManifestFile {
					return name, []byte(`{"generator": "other", "files": []}`)
				}
				return name, data
			})
		}, false, "no manifest.json ddat wrote"},
		{"an entry added", func(t *testing.T, file string) {
			previousZip(t, file)
			rezip(t, file, func(name string, data []byte) (string, []byte) {
				if name == naming.MatrixFile {
					return "notes.txt", data
				}
				return name, data
			})
		}, false, "holds notes.txt, which no ddat batch wrote"},
		{"an entry edited", func(t *testing.T, file string) {
			previousZip(t, file)
			rezip(t, file, func(name string, data []byte) (string, []byte) {
				if name == naming.MatrixFile {
					data[10] ^= 1
				}
				return name, data
			})
		}, false, "holds skills-matrix.xlsx, which was changed"},
		{"the manifest edited", func(t *testing.T, file string) {
			previousZip(t, file)
			rezip(t, file, func(name string, data []byte) (string, []byte) {
				if name == naming.ManifestFile {
					data = bytes.Replace(data, []byte(`"version": "`), []byte(`"version": "edited `), 1)
				}
				return name, data
			})
		}, false, "holds manifest.json, which was changed"},
		{"an entry edited, force", func(t *testing.T, file string) {
			previousZip(t, file)
			rezip(t, file, func(name string, data []byte) (string, []byte) { return name, append(data, '!') })
		}, true, ""},
		{"a directory", func(t *testing.T, file string) { mkdirT(t, file) }, true, "is a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			file := filepath.Join(parent, "mine.zip")
			tc.setup(t, file)
			before, _ := os.ReadFile(file)
			o := batchOpts(2)
			o.Force = tc.force
			_, err := batch.Zip(context.Background(), file, fakeJobs(4), o)
			if tc.errText == "" {
				if err != nil {
					t.Fatal(err)
				}
				checkNoLeftovers(t, parent, "mine.zip")
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.errText) {
				t.Fatalf("err = %v, want %q", err, tc.errText)
			}
			if !tc.force && (!errors.Is(err, batch.ErrNotOurs) || !strings.Contains(err.Error(), "--force replaces it")) {
				t.Errorf("err = %v, want ErrNotOurs and to say --force replaces it", err)
			}
			if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
				t.Error("a refused batch changed the file")
			}
			checkNoLeftovers(t, parent, "mine.zip")
		})
	}
}

func TestBatchZip(t *testing.T) {
	for _, tc := range []struct {
		name    string
		created time.Time
		want    time.Time
	}{
		{"date", batchCreated, batchCreated},
		{"epoch 0 clamped to 1980", time.Unix(0, 0).UTC(), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			file := filepath.Join(parent, "documents.zip")
			o := batchOpts(2)
			o.Created = tc.created
			m, err := batch.Zip(context.Background(), file, fakeJobs(7), o)
			if err != nil {
				t.Fatal(err)
			}
			checkNoLeftovers(t, parent, "documents.zip")
			zr, err := zip.OpenReader(file)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			var names []string
			hashes := map[string]string{}
			for _, f := range zr.File {
				names = append(names, f.Name)
				if !f.Modified.Equal(tc.want) {
					t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, tc.want)
				}
				if f.Mode().Perm() != 0o644 {
					t.Errorf("%s: mode %v, want 0644", f.Name, f.Mode())
				}
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				h := sha256.New()
				io.Copy(h, rc)
				rc.Close()
				hashes[f.Name] = hex.EncodeToString(h.Sum(nil))
			}
			if !slices.IsSorted(names) {
				t.Errorf("entries not sorted: %v", names)
			}
			if len(names) != len(m.Files)+1 || !slices.Contains(names, naming.ManifestFile) {
				t.Errorf("entries = %v, want the %d documents and the manifest", names, len(m.Files))
			}
			for _, item := range m.Files {
				if hashes[item.Path] != item.SHA256 {
					t.Errorf("%s: zip entry hash %s, manifest %s", item.Path, hashes[item.Path], item.SHA256)
				}
			}
		})
	}
}

// blocking is a job that writes until its writer fails, as an exporter
// stuck in a long document would, and says when it has started.
func blockingJob(started chan<- struct{}) func(io.Writer) (int, error) {
	return func(w io.Writer) (int, error) {
		close(started)
		for {
			if _, err := w.Write([]byte("more\n")); err != nil {
				return 0, err
			}
			time.Sleep(time.Millisecond)
		}
	}
}

// TestBatchCancel cancels batches midway, into a new directory, over a
// batch ddat made and into a zip, and checks that what was there is as it
// was and that no partial or temporary file is left.
func TestBatchCancel(t *testing.T) {
	for _, tc := range []struct {
		name    string
		before  bool // a previous batch is there
		zip     bool
		workers int
		midway  bool // cancel from a job that blocks; else after k documents
	}{
		{"new dir, blocked job", false, false, 2, true},
		{"new dir, after k documents", false, false, 1, false},
		{"over previous batch, blocked job", true, false, 2, true},
		{"over previous batch, after k documents", true, false, 3, false},
		{"zip, blocked job", false, true, 2, true},
		{"over previous zip, after k documents", true, true, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			if tc.zip {
				out += ".zip"
			}
			run := func(ctx context.Context, jobs []batch.Job, o batch.Options) error {
				var err error
				if tc.zip {
					_, err = batch.Zip(ctx, out, jobs, o)
				} else {
					_, err = batch.Dir(ctx, out, jobs, o)
				}
				return err
			}
			if tc.before {
				if err := run(context.Background(), fakeJobs(5), batchOpts(2)); err != nil {
					t.Fatal(err)
				}
			}
			var before map[string]string
			if tc.zip {
				if data, err := os.ReadFile(out); err == nil {
					before = map[string]string{"": string(data)}
				}
			} else {
				before = dirSnapshot(t, out)
			}

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			jobs := fakeJobs(12)
			o := batchOpts(tc.workers)
			var written atomic.Int32
			if tc.midway {
				started := make(chan struct{})
				jobs[6].Write = blockingJob(started)
				go func() {
					<-started
					cancel()
				}()
			} else {
				o.Progress = func(done, _ int, _ *batch.Job) {
					written.Add(1)
					if done == 4 {
						cancel()
					}
				}
			}
			err := run(ctx, jobs, o)
			if !errors.Is(err, batch.ErrInterrupted) || !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want interrupted", err)
			}
			if !tc.zip && !strings.Contains(err.Error(), "left as it was") {
				t.Errorf("err = %v, want it to say the directory is as it was", err)
			}
			var after map[string]string
			if tc.zip {
				if data, err := os.ReadFile(out); err == nil {
					after = map[string]string{"": string(data)}
				}
			} else {
				after = dirSnapshot(t, out)
			}
			if !sameFiles(before, after) {
				t.Errorf("output changed by a cancelled batch: before %d entries, after %d", len(before), len(after))
			}
			if tc.before {
				checkNoLeftovers(t, parent, filepath.Base(out))
			} else {
				checkNoLeftovers(t, parent)
			}
		})
	}
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

// TestBatchError checks that the first failing document stops the batch,
// is named in the error, and leaves the output as it was.
func TestBatchError(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name  string
		write func(io.Writer) (int, error)
		want  string
	}{
		{"error", func(io.Writer) (int, error) { return 0, boom }, "boom"},
		{"error after writing", func(w io.Writer) (int, error) {
			w.Write(bytes.Repeat([]byte("x"), 100000))
			return 0, boom
		}, "boom"},
		{"panic", func(io.Writer) (int, error) { panic("exporter bug") }, "internal error: exporter bug"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			if _, err := batch.Dir(context.Background(), out, fakeJobs(3), batchOpts(1)); err != nil {
				t.Fatal(err)
			}
			before := dirSnapshot(t, out)
			jobs := fakeJobs(10)
			var after atomic.Int32
			for i := 5; i < len(jobs); i++ {
				w := jobs[i].Write
				jobs[i].Write = func(wr io.Writer) (int, error) { after.Add(1); return w(wr) }
			}
			jobs[4].Write = tc.write
			_, err := batch.Dir(context.Background(), out, jobs, batchOpts(1))
			var de *batch.DocumentError
			if !errors.As(err, &de) || de.Path != jobs[4].Path {
				t.Fatalf("err = %v, want a DocumentError for %s", err, jobs[4].Path)
			}
			for _, s := range []string{jobs[4].Title, jobs[4].Path, tc.want} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("err = %q, want it to name %q", err, s)
				}
			}
			if n := after.Load(); n != 0 {
				t.Errorf("%d documents made after the failure with one worker, want 0", n)
			}
			if !sameFiles(before, dirSnapshot(t, out)) {
				t.Error("a failed batch changed the output directory")
			}
			checkNoLeftovers(t, parent, "out")
		})
	}
}

func TestBatchForce(t *testing.T) {
	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T, out string)
		force   bool
		wantErr error // nil: the batch succeeds
		errText string
	}{
		{"missing", func(*testing.T, string) {}, false, nil, ""},
		{"missing parents", func(t *testing.T, out string) {}, false, nil, ""},
		{"empty", func(t *testing.T, out string) { mkdirT(t, out) }, false, nil, ""},
		{"foreign", func(t *testing.T, out string) { mkdirT(t, out); writeT(t, out, "notes.txt", "mine") }, false, batch.ErrNotOurs, "--force"},
		{"foreign with force", func(t *testing.T, out string) { mkdirT(t, out); writeT(t, out, "notes.txt", "mine") }, true, nil, ""},
		{"foreign manifest", func(t *testing.T, out string) {
			mkdirT(t, out)
			writeT(t, out, "manifest.json", `{"generator": "other"}`)
		}, false, batch.ErrNotOurs, ""},
		{"broken manifest", func(t *testing.T, out string) { mkdirT(t, out); writeT(t, out, "manifest.json", `{`) }, false, batch.ErrNotOurs, ""},
		{"ddat made it", func(t *testing.T, out string) { previousBatch(t, out) }, false, nil, ""},
		{"ddat made it, a document deleted", func(t *testing.T, out string) {
			previousBatch(t, out)
			if err := os.Remove(filepath.Join(out, naming.MatrixFile)); err != nil {
				t.Fatal(err)
			}
		}, false, nil, ""},
		{"ddat made it, a file added", func(t *testing.T, out string) {
			previousBatch(t, out)
			writeT(t, filepath.Join(out, "family-0"), "notes.txt", "mine")
		}, false, batch.ErrNotOurs, "notes.txt"},
		{"ddat made it, a file added, force", func(t *testing.T, out string) {
			previousBatch(t, out)
			writeT(t, out, "notes.txt", "mine")
		}, true, nil, ""},
		{"ddat made it, a document edited", func(t *testing.T, out string) {
			previousBatch(t, out)
			writeT(t, out, naming.MatrixFile, "edited\n")
		}, false, batch.ErrNotOurs, "skills-matrix.xlsx was changed"},
		{"ddat made it, a document edited in place, same size", editInPlace, false, batch.ErrNotOurs, "skills-matrix.xlsx was changed"},
		{"ddat made it, the manifest edited", func(t *testing.T, out string) {
			previousBatch(t, out)
			p := filepath.Join(out, naming.ManifestFile)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			writeT(t, out, naming.ManifestFile, strings.Replace(string(data), `"version": "`, `"version": "edited `, 1))
		}, false, batch.ErrNotOurs, "manifest.json was changed"},
		{"ddat made it, a manifest without its own SHA-256 (older ddat)", func(t *testing.T, out string) {
			previousBatch(t, out)
			m := checkManifest(t, out)
			m.SHA256 = ""
			data, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			writeT(t, out, naming.ManifestFile, string(data)+"\n")
		}, false, nil, ""},
		{"ddat made it, the manifest edited, force", func(t *testing.T, out string) {
			previousBatch(t, out)
			p := filepath.Join(out, naming.ManifestFile)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			writeT(t, out, naming.ManifestFile, string(data)+"\n")
		}, true, nil, ""},
		{"ddat made it, a document edited, force", func(t *testing.T, out string) {
			previousBatch(t, out)
			writeT(t, out, naming.MatrixFile, "edited\n")
		}, true, nil, ""},
		// The edited file has the size the manifest lists, and the new
		// document the old manifest's SHA-256: it must be written again,
		// never taken over from the old directory.
		{"ddat made it, a document edited in place, same size, force", editInPlace, true, nil, ""},
		{"ddat made it, a directory added", func(t *testing.T, out string) {
			previousBatch(t, out)
			mkdirT(t, filepath.Join(out, "family-0", "mine"))
		}, false, batch.ErrNotOurs, filepath.Join("family-0", "mine")},
		{"ddat made it, a link added", func(t *testing.T, out string) {
			previousBatch(t, out)
			if err := os.Symlink(naming.MatrixFile, filepath.Join(out, "link.xlsx")); err != nil {
				t.Skip(err)
			}
		}, false, batch.ErrNotOurs, "link.xlsx"},
		{"a file", func(t *testing.T, out string) { writeT(t, filepath.Dir(out), filepath.Base(out), "x") }, true, nil, "not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			if tc.name == "missing parents" {
				out = filepath.Join(parent, "a", "b", "out")
			}
			tc.setup(t, out)
			before := dirSnapshot(t, out)
			o := batchOpts(2)
			o.Force = tc.force
			_, err := batch.Dir(context.Background(), out, fakeJobs(4), o)
			if tc.wantErr == nil && tc.errText == "" {
				if err != nil {
					t.Fatal(err)
				}
				if m := checkManifest(t, out); len(m.Files) != 4 {
					t.Errorf("%d files, want 4", len(m.Files))
				}
				return
			}
			if err == nil || tc.wantErr != nil && !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), tc.errText) {
				t.Fatalf("err = %v, want %v %q", err, tc.wantErr, tc.errText)
			}
			if tc.wantErr != nil && !strings.Contains(err.Error(), "--force replaces it") {
				t.Errorf("err = %v, want it to say --force replaces it", err)
			}
			if !sameFiles(before, dirSnapshot(t, out)) {
				t.Error("a refused batch changed the output")
			}
			checkNoLeftovers(t, parent, "out")
		})
	}
}

// TestBatchRefusesCurrentDir checks that a batch never replaces the
// directory the user is in, or one above it.
func TestBatchRefusesCurrentDir(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	mkdirT(t, sub)
	t.Chdir(sub)
	for _, out := range []string{".", "..", sub} {
		o := batchOpts(1)
		o.Force = true
		_, err := batch.Dir(context.Background(), out, fakeJobs(2), o)
		if err == nil || !strings.Contains(err.Error(), "current directory") {
			t.Errorf("Dir(%q) = %v, want a refusal", out, err)
		}
	}
}

func TestBatchSymlink(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "real")
	if _, err := batch.Dir(context.Background(), real, fakeJobs(2), batchOpts(1)); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(parent, "link")
	if err := os.Symlink("real", link); err != nil {
		t.Skip(err)
	}
	if _, err := batch.Dir(context.Background(), link, fakeJobs(5), batchOpts(1)); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if m := checkManifest(t, real); len(m.Files) != 5 {
		t.Errorf("the link's target has %d files, want 5", len(m.Files))
	}
}

// TestBatchHostilePaths checks that the engine refuses, before writing
// anything, paths that would leave the output directory, clash, or be
// refused by some system.
func TestBatchHostilePaths(t *testing.T) {
	for _, p := range []string{
		"", "../../etc/passwd", "/etc/passwd", "a/../../b.pdf", "a//b.pdf", "./a.pdf", "a/./b.pdf",
		`a\b.pdf`, "c:/x.pdf", "CON", "con.pdf", "a/Nul.txt", "lpt1.pdf", "COM9", "a./b.pdf", "b.pdf ",
		" b.pdf", "a/b?.pdf", "a/b\x01.pdf", "manifest.json", "MANIFEST.JSON",
		strings.Repeat("a", 300) + ".pdf", strings.Repeat("abcdefghij/", 25) + "x.pdf",
	} {
		t.Run(p, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			jobs := fakeJobs(3)
			jobs[2].Path = p
			if _, err := batch.Dir(context.Background(), out, jobs, batchOpts(1)); err == nil {
				t.Errorf("path %q accepted", p)
			}
			checkNoLeftovers(t, parent)
		})
	}
	for _, tc := range []struct{ name, a, b string }{
		{"same path", "a/b.pdf", "a/b.pdf"},
		{"same but case", "a/b.pdf", "A/B.pdf"},
		{"file is a dir", "a/b", "a/b/c.pdf"},
		{"dir is a file", "a/b/c.pdf", "a/b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			jobs := fakeJobs(3)
			jobs[1].Path, jobs[2].Path = tc.a, tc.b
			if _, err := batch.Dir(context.Background(), filepath.Join(t.TempDir(), "out"), jobs, batchOpts(1)); err == nil {
				t.Errorf("paths %q and %q accepted", tc.a, tc.b)
			}
		})
	}
	jobs := fakeJobs(2)
	jobs[1].Kind = "poster"
	if _, err := batch.Dir(context.Background(), filepath.Join(t.TempDir(), "out"), jobs, batchOpts(1)); err == nil {
		t.Error("unknown kind accepted")
	}
}

func previousBatch(t *testing.T, out string) {
	t.Helper()
	if _, err := batch.Dir(context.Background(), out, fakeJobs(3), batchOpts(1)); err != nil {
		t.Fatal(err)
	}
}

// editInPlace is a previous batch in out whose matrix was then edited
// without changing its size.
func editInPlace(t *testing.T, out string) {
	t.Helper()
	previousBatch(t, out)
	data, err := os.ReadFile(filepath.Join(out, naming.MatrixFile))
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 1
	writeT(t, out, naming.MatrixFile, string(data))
}

func mkdirT(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeT(t *testing.T, dir, name, s string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBatchRerunLinks checks that a batch over the output of an earlier one
// takes the documents it makes again with the same bytes from the old
// directory (the same file, linked), writes the others, and leaves nothing
// of the old directory behind.
func TestBatchRerunLinks(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	jobs := fakeJobs(6)
	if _, err := batch.Dir(context.Background(), out, jobs, batchOpts(2)); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for _, j := range jobs {
		fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(j.Path)))
		if err != nil {
			t.Fatal(err)
		}
		before[j.Path] = fi
	}
	changed := jobs[2].Path
	jobs[2].Write = fakeContent("changed", 1000)
	m, err := batch.Dir(context.Background(), out, jobs, batchOpts(2))
	if err != nil {
		t.Fatal(err)
	}
	if m.Unchanged != len(jobs)-1 {
		t.Errorf("Unchanged = %d, want %d", m.Unchanged, len(jobs)-1)
	}
	checkManifest(t, out)
	for _, j := range jobs {
		fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(j.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if same := os.SameFile(before[j.Path], fi); same != (j.Path != changed) {
			t.Errorf("%s: same file as before = %v, want %v", j.Path, same, !same)
		}
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", j.Path, fi.Mode().Perm())
		}
	}
	checkNoLeftovers(t, parent, "out")
}

// TestWriteZip: the zip written to a writer is the one Zip writes into its
// file, byte for byte, and a failed document writes nothing.
func TestWriteZip(t *testing.T) {
	file := filepath.Join(t.TempDir(), "documents.zip")
	if _, err := batch.Zip(context.Background(), file, fakeJobs(9), batchOpts(2)); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		var buf bytes.Buffer
		m, err := batch.WriteZip(context.Background(), &buf, fakeJobs(9), batchOpts(workers))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("-j %d: WriteZip wrote %d bytes that differ from Zip's %d", workers, buf.Len(), len(want))
		}
		if len(m.Files) != 9 {
			t.Errorf("-j %d: manifest of %d files, want 9", workers, len(m.Files))
		}
	}
	jobs := fakeJobs(5)
	jobs[3].Write = func(io.Writer) (int, error) { return 0, errors.New("exporter failed") }
	var buf bytes.Buffer
	if _, err := batch.WriteZip(context.Background(), &buf, jobs, batchOpts(2)); err == nil || !strings.Contains(err.Error(), "exporter failed") || buf.Len() != 0 {
		t.Errorf("a failed document: err %v, %d bytes written; want its error and nothing", err, buf.Len())
	}
}
