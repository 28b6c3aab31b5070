package export

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/model"
)

// fixture loads testdata/frameworks/name, or the embedded default framework
// when name is "", for the tests inside the package.
func fixture(tb testing.TB, name string) *model.Framework {
	tb.Helper()
	var r io.Reader = assets.FrameworkYAML()
	file := assets.FrameworkName
	if name != "" {
		f, err := os.Open(filepath.Join("..", "testdata", "frameworks", name))
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		r, file = f, name
	}
	fw, err := model.Load(r, file, model.LoadOptions{Format: model.FormatYAML})
	if err != nil {
		tb.Fatal(err)
	}
	return fw
}
