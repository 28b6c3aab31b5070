// Command fontgen writes the font definitions of the job profiles' fast path:
// Liberation Sans cut down to the characters of the Windows-1252 code page
// (cp1252), then turned by fpdf's own MakeFont into a definition (JSON: the
// widths, the descriptor) and the compressed font file (.z) that
// fpdf.AddFontFromBytes adds to a document as they are. A document made with
// them needs no font parsing, hashing or subsetting of its own.
//
// The definitions declare the ascent and descent that fpdf's UTF-8 path
// declares for the same files (from the hhea table, where MakeFont takes the
// OS/2 typographic ones): viewers and text extraction then place and order
// the text of a document alike whichever path made it.
//
// It runs from the assets package (go generate ./assets/); its output is
// committed and embedded, so building ddat does not run it:
//
//	fontgen -src fonts -o fonts/cp1252
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"
)

// styles are the TrueType files fontgen converts, by base name.
var styles = []string{"LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic"}

func main() {
	src := flag.String("src", "fonts", "directory of the TrueType files and their licence (OFL.txt)")
	out := flag.String("o", "fonts/cp1252", "directory to write the definitions into")
	drop := flag.String("drop", "", "characters of cp1252 to leave out of the cut (for measuring smaller cuts)")
	flag.Parse()
	if err := run(*src, *out, *drop); err != nil {
		fmt.Fprintln(os.Stderr, "fontgen:", err)
		os.Exit(1)
	}
}

func run(src, out, drop string) error {
	encoding, err := encodingMap()
	if err != nil {
		return err
	}
	cut := repertoire(drop)
	tmp, err := os.MkdirTemp("", "fontgen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, name := range styles {
		ttf, err := os.ReadFile(filepath.Join(src, name+".ttf"))
		if err != nil {
			return err
		}
		// MakeFont reads a file and names its output after it: the cut file
		// keeps the whole one's name.
		cutFile := filepath.Join(tmp, name+".ttf")
		if err := os.WriteFile(cutFile, fpdf.UTF8CutFont(ttf, cut), 0o644); err != nil {
			return err
		}
		var msgs bytes.Buffer
		if err := fpdf.MakeFont(cutFile, encoding, out, &msgs, true); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		// MakeFont reports characters of the encoding the font lacks: the
		// ones left out on purpose, and none other.
		for _, l := range strings.Split(msgs.String(), "\n") {
			if strings.HasPrefix(l, "Character ") && drop == "" {
				return fmt.Errorf("%s: %s", name, l)
			}
		}
		if err := matchUTF8Metrics(filepath.Join(out, name+".json"), ttf); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	licence, err := os.ReadFile(filepath.Join(src, "OFL.txt"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "OFL.txt"), licence, 0o644)
}

// fontDef is a font definition as MakeFont writes it (fpdf's fontDefType),
// field for field, so that rewriting one keeps its form.
type fontDef struct {
	Tp           string
	Name         string
	Desc         fpdf.FontDescType
	Up           int
	Ut           int
	Cw           []int
	Enc          string
	Diff         string
	File         string
	Size1, Size2 int
	OriginalSize int
	N            int
	DiffN        int
}

// matchUTF8Metrics sets the ascent and descent of the definition in path to
// those fpdf's UTF-8 path finds in ttf.
func matchUTF8Metrics(path string, ttf []byte) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var def fontDef
	if err := json.Unmarshal(data, &def); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("utf8", "", ttf)
	if err := pdf.Error(); err != nil {
		return err
	}
	utf8 := pdf.GetFontDesc("utf8", "")
	def.Desc.Ascent, def.Desc.Descent = utf8.Ascent, utf8.Descent
	if data, err = json.Marshal(def); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// repertoire returns every printable character of cp1252 but those in drop.
func repertoire(drop string) string {
	var b strings.Builder
	for c := 0x20; c <= 0xff; c++ {
		r := charmap.Windows1252.DecodeByte(byte(c))
		if r == 0x7f || r == '\ufffd' || (r >= 0x80 && r < 0xa0) || strings.ContainsRune(drop, r) {
			continue // DEL, unassigned codes, C1 controls
		}
		b.WriteRune(r)
	}
	return b.String()
}

// encodingMap returns the path of fpdf's own cp1252 map (code, Unicode and
// glyph name of each byte), which MakeFont reads from a file.
func encodingMap() (string, error) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-pdf/fpdf").Output()
	if err != nil {
		return "", fmt.Errorf("find the fpdf module: %w", err)
	}
	path := filepath.Join(strings.TrimSpace(string(dir)), "font_embed", "cp1252.map")
	if _, err := os.Stat(path); err != nil {
		return "", err
	}
	return path, nil
}
