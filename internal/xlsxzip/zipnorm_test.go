package xlsxzip

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSortedZip checks that entries come out sorted, content types first,
// intact, with fixed times, whatever order they went in.
func TestSortedZip(t *testing.T) {
	build := func(order []string) []byte {
		var buf bytes.Buffer
		z := NewWriter(&buf)
		for _, name := range order {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, strings.Repeat(name+" ", 100))
		}
		if err := z.AddFS(fstest.MapFS{"extra/a.txt": {Data: []byte("from fs")}}); err != nil {
			t.Fatal(err)
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a := build([]string{"xl/worksheets/sheet2.xml", "_rels/.rels", "xl/workbook.xml", "[Content_Types].xml", "docProps/app.xml"})
	b := build([]string{"docProps/app.xml", "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet2.xml", "_rels/.rels"})
	if !bytes.Equal(a, b) {
		t.Error("the order of writing changed the bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc) // checks the CRC too
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		want := strings.Repeat(f.Name+" ", 100)
		if f.Name == "extra/a.txt" {
			want = "from fs"
		}
		if string(data) != want {
			t.Errorf("%s: content %.30q…, want %.30q…", f.Name, data, want)
		}
		if y, m, d := f.Modified.Date(); y != 1980 || m != 1 || d != 1 {
			t.Errorf("%s: modified %v, want 1980-01-01", f.Name, f.Modified)
		}
	}
	want := "[Content_Types].xml _rels/.rels docProps/app.xml extra/a.txt xl/workbook.xml xl/worksheets/sheet2.xml"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entries %s, want %s", got, want)
	}
}

func TestSortedZipLateWrite(t *testing.T) {
	z := NewWriter(io.Discard)
	w, _ := z.Create("a")
	z.Create("b")
	if _, err := w.Write([]byte("late")); err == nil {
		t.Error("writing to an ended entry: no error")
	}
}
