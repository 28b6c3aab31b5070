package csvrows

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/model"
)

var testLimits = Limits{Bytes: 1 << 10, Cells: 20, Columns: 4, What: "a test file"}

// readAll reads every record of data, as "row: cell|cell" lines.
func readAll(data string, lim Limits) ([]string, error) {
	r := NewReader(strings.NewReader(data), "t.csv", lim)
	var out []string
	for {
		rec, row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, strings.Join(append([]string{itoa(row)}, rec...), "|"))
	}
}

func itoa(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       []string
	}{
		{"commas", "a,b\n1,2\n", []string{"01|a|b", "02|1|2"}},
		{"byte-order mark", "\xef\xbb\xbfa,b\r\n1,2\r\n", []string{"01|a|b", "02|1|2"}},
		{"semicolons", "a;b;c,d\n1;2;3,4\n", []string{"01|a|b|c,d", "02|1|2|3,4"}},
		{"tabs", "a\tb\n1\t2\n", []string{"01|a|b", "02|1|2"}},
		{"separator in quotes does not count", "\"a;b;c\",d\n", []string{"01|a;b;c|d"}},
		{"blank lines count as rows", "a,b\n\n\n1,2\n", []string{"01|a|b", "04|1|2"}},
		{"a quoted cell over lines is one row", "a,b\n\"x\ny\nz\",2\n\n3,4\n", []string{"01|a|b", "02|x\ny\nz|2", "04|3|4"}},
		{"no final newline", "a,b\n1,2", []string{"01|a|b", "02|1|2"}},
		{"empty", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readAll(tc.data, testLimits)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"a stray quote", "a,b\n\n1,x\"y\n", 3, "row 3: bare \" in non-quoted-field; a cell with quotes must be quoted as a whole"},
		{"a cell runs on", "a,b\n\"" + strings.Repeat("x", 2*model.MaxCellText+10), 2, "a cell starting here runs on past 32767 characters"},
		{"too many columns", "a,b,c,d,e\n", 1, "a row of more than 4 cells, more than a spreadsheet has columns"},
		{"too many cells", strings.Repeat("a,b,c\n", 8), 7, "more than 20 cells; a test file has far fewer"},
		{"too large", strings.Repeat("abc\n", 300), 0, "file is larger than 1 KiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lim := testLimits
			if tc.name == "a cell runs on" {
				lim.Bytes = 1 << 20
			}
			_, err := readAll(tc.data, lim)
			var le *model.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want a *model.LoadError", err)
			}
			if le.Pos.File != "t.csv" || le.Pos.Line != tc.line || !strings.Contains(le.Msg, tc.msg) {
				t.Errorf("err = %v (line %d), want line %d and %q", err, le.Pos.Line, tc.line, tc.msg)
			}
		})
	}
}

func TestBlank(t *testing.T) {
	for _, tc := range []struct {
		rec  []string
		want bool
	}{{nil, true}, {[]string{"", " ", "\t"}, true}, {[]string{"", "x"}, false}} {
		if got := Blank(tc.rec); got != tc.want {
			t.Errorf("Blank(%q) = %v, want %v", tc.rec, got, tc.want)
		}
	}
}
