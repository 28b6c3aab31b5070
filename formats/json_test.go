package formats_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
)

// The JSON form of a framework reads to the same framework as the YAML
// form, including JSON that YAML parsers reject: tab indentation, the escape
// "\/" and surrogate pairs.
func TestJSONSameAsYAML(t *testing.T) {
	y := fixture.Valid(t, "small.yaml")
	j := fixture.Valid(t, "small.json")
	if want := "ddat test fixtures/JSON 😀"; j.Meta.Source != want {
		t.Errorf("source = %q, want %q", j.Meta.Source, want)
	}
	j.Meta.Source = y.Meta.Source
	opts := cmp.Options{
		cmpopts.IgnoreTypes(model.Pos{}, map[string]model.Pos{}),
		cmpopts.IgnoreUnexported(model.Framework{}),
		cmpopts.EquateEmpty(),
	}
	if diff := cmp.Diff(y, j, opts); diff != "" {
		t.Errorf("small.json and small.yaml differ (-yaml +json):\n%s", diff)
	}
	// Positions are the JSON file's own.
	r, err := j.Role("gadget-keeper")
	if err != nil {
		t.Fatal(err)
	}
	if r.Pos.Line < 10 || r.Pos.Col != 3 || !strings.HasSuffix(r.Pos.File, "small.json") {
		t.Errorf("gadget-keeper at %v, want a place in small.json at column 3", r.Pos)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           string // the *LoadError's text
	}{
		{"JSONSyntax", "f.json", "{\n  \"framework\": {\"name\": \"x\" \"source\": \"y\"}\n}",
			`f.json:2:29: syntax error: invalid character '"' after object key:value pair`},
		{"JSONTruncated", "f.json", "{\"roles\": [", "f.json:1:12: syntax error: the file ends before the JSON value does"},
		{"JSONTwoValues", "f.json", "{} {}", "f.json:1:4: syntax error: more after the end of the JSON value; a framework file holds one object"},
		{"JSONTrailingComma", "f.json", "{} ,", "f.json:1:4: syntax error: more after the end of the JSON value; a framework file holds one object"},
		{"JSONDuplicateKey", "f.json", `{"roles": [], "roles": []}`, `f.json:1:15: roles: field "roles" given twice in one mapping; first at line 1`},
		{"JSONDeep", "f.json", strings.Repeat("[", 101), "f.json:1:101: nested more than 100 levels deep; a framework needs far fewer"},
		{"YAMLFlowList", "f.yaml", "# comment\nroles: [a, b\nframework: {}\n",
			"f.yaml:2: syntax error near here: a [ ] list is not closed, or lacks a comma between items (did not find expected ',' or ']')"},
		{"YAMLFlowMapping", "f.yaml", "a: 1\nb: 2\nroles: {a: 1, b\n",
			"f.yaml:3: syntax error near here: a { } mapping is not closed, or lacks a comma between fields (did not find expected ',' or '}')"},
		{"YAMLIndent", "f.yaml", "framework:\n  name: x\n source: y\n",
			"f.yaml:3: syntax error near here: a line is not \"field: value\" where a field belongs; check the indentation (did not find expected key)"},
		{"YAMLScanner", "f.yaml", "roles: []\nframework: @x\n", "f.yaml:2: syntax error near here: found character that cannot start any token"},
		{"YAMLOnlyComments", "f.yaml", "# nothing\n", "f.yaml: file holds only comments; expected a framework"},
		{"YAMLDuplicateKey", "f.yaml", "roles: []\nroles: []\n", `f.yaml:2:1: roles: field "roles" given twice in one mapping; first at line 1`},
		{"YAMLDuplicateLevelDescription", "f.yaml", "skills:\n  - name: S\n    levels:\n      working: [a]\n      working: [b]\nroles: []\n",
			`f.yaml:5:7: skills[0].levels.working: field "working" given twice in one mapping; first at line 4`},
		{"YAMLUnknownAnchor", "f.yaml", "roles: *nope\n", "f.yaml: syntax error near here: unknown anchor 'nope' referenced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := formats.Read(strings.NewReader(tt.in), tt.file, formats.Options{})
			var le *model.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("Load: %v, want a *LoadError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("Load error\n got: %s\nwant: %s", err, tt.want)
			}
		})
	}
}
