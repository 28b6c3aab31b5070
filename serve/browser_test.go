package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// axePath is where "npm ci --prefix serve/testdata" (.ci/run) installs
// axe-core, the accessibility checker the browser test runs in each page.
const axePath = "testdata/node_modules/axe-core/axe.min.js"

// browserTest is a headless Chromium driving the site, as a person would.
type browserTest struct {
	t     *testing.T
	ctx   context.Context
	axe   string
	shots string // where screenshots go
	dl    string // where downloads go
}

// newBrowser starts headless Chromium for t, or skips t: with -short, or
// without Chromium or axe-core (on CI, where CI is set, that fails).
func newBrowser(t *testing.T) *browserTest {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	chrome := testkit.Tool(t, "chromium")
	axe, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is needed on CI (npm ci --prefix serve/testdata): %v", err)
		}
		t.Skipf("axe-core not installed (npm ci --prefix serve/testdata): %v", err)
	}
	shots := os.Getenv("DDAT_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 900),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browserTest{t: t, ctx: ctx, axe: string(axe), shots: shots, dl: t.TempDir()}
	// axe runs as a script the page's Content Security Policy would refuse.
	// The first run starts the browser, for the life of its context: no
	// timeout on it.
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: b.dl, EventsEnabled: new(true),
		})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)
	return b
}

func (b *browserTest) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// follow runs steps that load a page (a click, a form's submit) and
// returns the page's status.
func (b *browserTest) follow(steps ...chromedp.Action[chromedp.Void]) int64 {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, steps...)
	if err != nil {
		b.t.Fatal(err)
	}
	return resp.Status
}

func eval[T any](b *browserTest, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%.60s: %v", js, err)
	}
	return v
}

// shot saves a screenshot of the whole page as name.png.
func (b *browserTest) shot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// axeViolation is what axe-core reports of one rule a page breaks.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// checkAxe runs axe-core on the page with every rule but the experimental
// ones, and fails the test for each violation.
func (b *browserTest) checkAxe(page string) {
	b.t.Helper()
	eval[bool](b, b.axe+";true")
	js := `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify({
		passes: r.passes.length,
		violations: r.violations.map(v => ({ID: v.id, Impact: v.impact, Help: v.help, Nodes: v.nodes.map(n => n.target.join(" "))}))}))`
	var res struct {
		Passes     int
		Violations []axeViolation
	}
	if err := json.Unmarshal([]byte(eval[string](b, js)), &res); err != nil {
		b.t.Fatal(err)
	}
	for _, v := range res.Violations {
		b.t.Errorf("%s: axe %s (%s): %s at %q", page, v.ID, v.Impact, v.Help, v.Nodes)
	}
	if res.Passes == 0 {
		b.t.Errorf("%s: axe passed no rule: it did not run", page)
	}
	b.t.Logf("%s: axe: %d rules pass, %d violations", page, res.Passes, len(res.Violations))
}

// download runs steps that start a download and returns the file's name
// and bytes.
func (b *browserTest) download(steps ...chromedp.Action[chromedp.Void]) (string, []byte) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	begin := chromedp.Events(ctx, browser.DownloadWillBegin)
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	b.do(steps...)
	name := ""
	for ev, err := range begin {
		if err != nil {
			b.t.Fatal(err)
		}
		name = ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			b.t.Fatal(err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			data, err := os.ReadFile(filepath.Join(b.dl, ev.GUID))
			if err != nil {
				b.t.Fatal(err)
			}
			return name, data
		case browser.DownloadProgressStateCanceled:
			b.t.Fatalf("download of %s cancelled", name)
		}
	}
	b.t.Fatal("no download")
	return "", nil
}

// TestBrowser uses the site in headless Chromium as a person would: the
// home page, a grade filter, a role, a profile, its PDF, the matrix and its
// workbook; the downloads are the bytes the command line writes. axe-core
// finds no violation on any page, nor on a batch's index.html; every
// control of the home page is reached with Tab, and shows its focus.
func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	fw := fixture.Default(t)
	ts, popts := newServer(t, fw)

	b.do(chromedp.Navigate(ts.URL + "/"))
	b.shot("1-home")
	b.checkAxe("home")
	b.keyboard("home", ts.URL+"/")

	// Filter by a grade with the form, as a person does: no script.
	b.do(chromedp.SetValue(chromedp.CSS("#grade"), "g6"))
	if st := b.follow(chromedp.Click(chromedp.CSS("form.filters button"))); st != 200 {
		t.Fatalf("filter: status %d", st)
	}
	loc := eval[string](b, "location.search")
	text := eval[string](b, "document.querySelector('main').innerText")
	if loc != "?q=&grade=g6" || !strings.Contains(text, "Principal infrastructure engineer") || strings.Contains(text, "Associate infrastructure engineer") {
		t.Errorf("grade filter: at %q the page says %q", loc, text)
	}
	b.shot("2-home-grade-g6")
	b.checkAxe("home, filtered")

	if st := b.follow(chromedp.Click(chromedp.CSS(`main a[href="/role/infrastructure-engineer"]`))); st != 200 {
		t.Fatalf("role: status %d", st)
	}
	b.shot("3-role")
	b.checkAxe("role")

	if st := b.follow(chromedp.Click(chromedp.CSS(`a[href="/role/infrastructure-engineer/level/senior"]`))); st != 200 {
		t.Fatalf("profile: status %d", st)
	}
	if h1 := eval[string](b, "document.querySelector('h1').innerText"); h1 != "Senior infrastructure engineer" {
		t.Errorf("profile page's h1 is %q", h1)
	}
	b.shot("4-profile")
	b.checkAxe("profile")
	b.printsOnA4("profile")

	role, err := fw.Role("infrastructure-engineer")
	if err != nil {
		t.Fatal(err)
	}
	name, got := b.download(chromedp.Click(chromedp.CSS(`nav a[href$="/pdf"]`)))
	var want bytes.Buffer
	if _, err := profile.Write(&want, fw, model.LevelRef{Role: role, Level: &role.Levels[2]}, popts); err != nil {
		t.Fatal(err)
	}
	if name != "senior-infrastructure-engineer.pdf" || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("PDF download %q, %d bytes: not %d bytes of senior-infrastructure-engineer.pdf as profile.Write makes it", name, len(got), want.Len())
	}

	b.do(chromedp.Navigate(ts.URL + "/matrix"))
	b.do(chromedp.SetValue(chromedp.CSS("#family"), "it-operations"), chromedp.SetValue(chromedp.CSS("#grade"), "g7"))
	if st := b.follow(chromedp.Click(chromedp.CSS("form.filters button"))); st != 200 {
		t.Fatalf("matrix filter: status %d", st)
	}
	b.shot("5-matrix")
	b.checkAxe("matrix")
	b.keyboard("matrix", ts.URL+"/matrix?family=it-operations&grade=g7")
	name, got = b.download(chromedp.Click(chromedp.CSS("a.button")))
	sel := model.Selection{Families: []string{"it-operations"}, Grades: []string{"g7"}}
	refs, err := fw.Select(sel)
	if err != nil {
		t.Fatal(err)
	}
	want.Reset()
	if err := matrix.Write(&want, fw, matrix.Options{Levels: refs, Selection: sel, Creator: popts.Creator, Created: popts.Created, Paper: "a4"}); err != nil {
		t.Fatal(err)
	}
	if name != "skills-matrix.xlsx" || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("matrix download %q, %d bytes: not %d bytes of skills-matrix.xlsx as matrix.Write makes it", name, len(got), want.Len())
	}

	b.do(chromedp.Navigate(ts.URL + "/role/nobody"))
	b.shot("6-not-found")
	b.checkAxe("404")

	// A batch's folder on a shared drive: index.html and the HTML profiles,
	// as "ddat batch --only html" writes them.
	dir := batchFolder(t, fw)
	files := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer files.Close()
	b.do(chromedp.Navigate(files.URL + "/index.html"))
	b.shot("7-batch-index")
	b.checkAxe("batch index.html")
	if st := b.follow(chromedp.Click(chromedp.CSS(`a[href$="3-senior-infrastructure-engineer.html"]`))); st != 200 {
		t.Fatalf("batch profile: status %d", st)
	}
	b.shot("8-batch-profile")
	b.checkAxe("batch HTML profile")
	b.do(chromedp.Navigate(files.URL + "/it-operations/infrastructure-engineer/infrastructure-engineer.html"))
	b.shot("9-batch-role-profile")
	b.checkAxe("batch HTML whole-role profile")
}

// batchFolder writes index.html and the HTML profiles of fw into a folder
// laid out as a batch lays it out.
func batchFolder(t *testing.T, fw *model.Framework) string {
	dir := t.TempDir()
	var docs []profile.IndexDoc
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for _, ref := range r.Documents() {
			name := model.Slug(r.Name) + ".html"
			if ref.Level != nil {
				name = fmt.Sprintf("%d-%s.html", ref.Number(), model.Slug(ref.Level.Title))
			}
			p := "it-operations/" + r.ID + "/" + name
			var buf bytes.Buffer
			if err := profile.WriteHTML(&buf, fw, ref, profile.HTMLOptions{Generator: "ddat test", Created: created}); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, p), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			docs = append(docs, profile.IndexDoc{Ref: ref, Path: p, Format: "HTML"})
		}
	}
	var buf bytes.Buffer
	if err := profile.WriteHTMLIndex(&buf, fw, docs, profile.IndexOptions{Generator: "ddat test", Created: created, Organisation: "Cabinet Office"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// printsOnA4 prints the page as Chromium's print dialog would, with the
// page's own page size, and checks the pages are A4, as the print
// stylesheet asks.
func (b *browserTest) printsOnA4(name string) {
	b.t.Helper()
	pdfinfo := testkit.Tool(b.t, "pdfinfo")
	res, err := chromedp.Call(b.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true), PrintBackground: new(true)})
	if err != nil {
		b.t.Fatal(err)
	}
	path := filepath.Join(b.t.TempDir(), "print.pdf")
	if err := os.WriteFile(path, res.Data, 0o644); err != nil {
		b.t.Fatal(err)
	}
	info := testkit.Run(b.t, pdfinfo, path)
	if !bytes.Contains(info, []byte("(A4)")) {
		b.t.Errorf("%s prints on other paper than A4:\n%s", name, info)
	}
}

// keyboard presses Tab through the page at url: every link and form
// control must take the focus in turn, each showing it (:focus-visible,
// with an outline or a box shadow).
func (b *browserTest) keyboard(page, url string) {
	b.t.Helper()
	b.do(chromedp.Navigate(url))
	controls := eval[int](b, `document.querySelectorAll("a[href], input, select, button").length`)
	seen := map[string]bool{}
	for range controls + 2 {
		b.do(chromedp.KeyEvent(kb.Tab))
		js := `(() => { const e = document.activeElement; const s = getComputedStyle(e);
			const i = [...document.querySelectorAll("a[href], input, select, button")].indexOf(e);
			return JSON.stringify({Name: i + " " + e.tagName + " " + (e.id || e.getAttribute("href") || e.textContent.trim()),
				Visible: e.matches(":focus-visible") && (s.outlineStyle !== "none" || s.boxShadow !== "none")}) })()`
		var focus struct {
			Name    string
			Visible bool
		}
		if err := json.Unmarshal([]byte(eval[string](b, js)), &focus); err != nil {
			b.t.Fatal(err)
		}
		if strings.HasPrefix(focus.Name, "-1 ") {
			break
		}
		if !focus.Visible {
			b.t.Errorf("%s: %s has the focus but does not show it", page, focus.Name)
		}
		seen[focus.Name] = true
	}
	if len(seen) != controls {
		b.t.Errorf("%s: Tab reached %d of %d controls: %v", page, len(seen), controls, seen)
	}
	if len(seen) < 5 {
		b.t.Errorf("%s: only %d controls", page, len(seen))
	}
}
