package profile

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// maxLogoPixels bounds a logo's size before it is decoded, so that a small
// file claiming a huge image cannot exhaust memory. 4,000 × 4,000 is far more
// than a page header needs.
const maxLogoPixels = 4000 * 4000

// PrepareLogo checks a PNG or JPEG logo and returns it in the form every
// profile embeds: a PNG without interlacing. Decoding it in full here turns
// a truncated or corrupt file into an error instead of a failure deep in the
// PDF library, and re-encoding accepts PNG variants (interlaced, 16-bit) that
// the library cannot read. Call it once and pass the result to every
// document as Options.Logo.
func PrepareLogo(b []byte) ([]byte, error) {
	var decode func([]byte) (image.Image, error)
	switch imageType(b) {
	case "PNG":
		decode = func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
	case "JPG":
		decode = func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) }
	default:
		return nil, fmt.Errorf("not a PNG or JPEG image")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("unreadable image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxLogoPixels {
		return nil, fmt.Errorf("image of %d × %d pixels; expected at most %d pixels in all", cfg.Width, cfg.Height, maxLogoPixels)
	}
	img, err := decode(b)
	if err != nil {
		return nil, fmt.Errorf("unreadable image: %w", err)
	}
	var out bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img); err != nil {
		return nil, fmt.Errorf("re-encode image: %w", err)
	}
	return out.Bytes(), nil
}
