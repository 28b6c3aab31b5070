package profile_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

func encodePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withIHDR rewrites a PNG's header chunk: its size and interlace method, and
// the chunk's CRC, leaving the image data as it is.
func withIHDR(b []byte, w, h uint32, interlace byte) []byte {
	b = bytes.Clone(b)
	ihdr := b[8+8 : 8+8+13] // after the signature, the chunk length and type
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[12] = interlace
	binary.BigEndian.PutUint32(b[8+8+13:], crc32.ChecksumIEEE(b[8+4:8+8+13]))
	return b
}

func TestPrepareLogo(t *testing.T) {
	good := encodePNG(t, 40, 20)
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 30, 10)), nil); err != nil {
		t.Fatal(err)
	}
	// A 1 × 1 image has the same data interlaced or not: only the header says.
	interlaced := withIHDR(encodePNG(t, 1, 1), 1, 1, 1)
	tests := []struct {
		name    string
		in      []byte
		w, h    int
		wantErr string
	}{
		{name: "PNG", in: good, w: 40, h: 20},
		{name: "JPEG", in: jpg.Bytes(), w: 30, h: 10},
		{name: "InterlacedPNG", in: interlaced, w: 1, h: 1},
		{name: "ErrTruncatedPNG", in: good[:60], wantErr: "unreadable image"},
		{name: "ErrHugePNG", in: withIHDR(good, 100000, 100000, 0), wantErr: "pixels"},
		{name: "ErrNotImage", in: []byte("GIF89a"), wantErr: "not a PNG or JPEG image"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := profile.PrepareLogo(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("result is not a PNG: %v", err)
			}
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Errorf("size %v, want %d × %d", b.Size(), tt.w, tt.h)
			}
			if out[8+8+12] != 0 {
				t.Error("result is interlaced")
			}
		})
	}
}

// TestProfileBadLogo checks that a logo the PDF library cannot read is an
// error of the document, never a panic, even when it skipped PrepareLogo.
func TestProfileBadLogo(t *testing.T) {
	fw := fixture.Default(t)
	r, err := fw.Role("infrastructure-engineer")
	if err != nil {
		t.Fatal(err)
	}
	for name, logo := range map[string][]byte{
		"truncated":  encodePNG(t, 40, 20)[:60],
		"interlaced": withIHDR(encodePNG(t, 1, 1), 1, 1, 1),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := profile.Write(io.Discard, fw, model.LevelRef{Role: r, Level: &r.Levels[2]}, profile.Options{Logo: logo})
			if err == nil {
				t.Error("no error")
			}
		})
	}
}
