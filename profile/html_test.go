package profile_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// htmlProfile writes the HTML profile of ref.
func htmlProfile(t *testing.T, fw *model.Framework, ref model.LevelRef) []byte {
	t.Helper()
	var buf bytes.Buffer
	opts := profile.HTMLOptions{Organisation: "Department for <Widgets> & Co", Generator: "ddat test", Created: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	if err := profile.WriteHTML(&buf, fw, ref, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// parseHTML parses a page, failing the test on an error.
func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// htmlText is the text of the page's body, words separated by single
// spaces.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "head" || n.Data == "style"):
			return
		case n.Type == html.ElementNode:
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return words(b.String())
}

// elements lists the elements under n in document order.
func elements(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

var (
	seedLevelHeading = regexp.MustCompile(`^(\d+)\. (.+)$`)
	seedSkillRow     = regexp.MustCompile(`^(.*?)\s*Level: (\w+)\s*(.*?)\s*\|?$`)
)

// seedTexts reads every text of each role level section of a seed page, in
// the page's two forms ("  • " bullets, or "- " bullets and table rows
// "Skill Level: working Working is … |"), leaving out the page's own
// labels, which the profile words its own way.
func seedTexts(t *testing.T, file string) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", file))
	if err != nil {
		t.Fatal(err)
	}
	var levels [][]string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "•"), "- "))
		switch {
		case strings.HasPrefix(line, "Roles that share") || line == "Role Shared skills":
			return levels
		case seedLevelHeading.MatchString(line):
			levels = append(levels, []string{seedLevelHeading.FindStringSubmatch(line)[2]})
			continue
		case len(levels) == 0, line == "", line == "|", line == "Skill Description", line == "Skill | Description |",
			line == "---|---|", line == "This role level is often performed at the Civil Service job grade of:":
			continue
		}
		texts := []string{line}
		if m := seedSkillRow.FindStringSubmatch(line); m != nil {
			texts = []string{m[1], strings.ToUpper(m[2][:1]) + m[2][1:], m[3]}
		}
		for _, s := range texts {
			if s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "|")); s != "" {
				levels[len(levels)-1] = append(levels[len(levels)-1], s)
			}
		}
	}
	return levels
}

// TestHTMLHoldsSeed checks that the HTML profile of every role level of both
// seed pages holds every text the page gives for that level: title,
// summary, responsibilities, grades, and each skill's name, level, phrase
// and "You can:" items.
func TestHTMLHoldsSeed(t *testing.T) {
	fw := fixture.Default(t)
	for file, roleID := range map[string]string{
		"000_feb4cb126deefb83.txt": "infrastructure-engineer",
		"001_78b327b94d82d134.txt": "infrastructure-operations-engineer",
	} {
		role, err := fw.Role(roleID)
		if err != nil {
			t.Fatal(err)
		}
		levels := seedTexts(t, file)
		if len(levels) != len(role.Levels) || len(levels) == 0 {
			t.Fatalf("%s: %d seed levels, role has %d", file, len(levels), len(role.Levels))
		}
		for i, texts := range levels {
			t.Run(fmt.Sprintf("%s/%d", roleID, i+1), func(t *testing.T) {
				got := htmlText(parseHTML(t, htmlProfile(t, fw, model.LevelRef{Role: role, Level: &role.Levels[i]})))
				if len(texts) < 5 {
					t.Fatalf("seed level %d: only %d texts read: %q", i+1, len(texts), texts)
				}
				for _, s := range texts {
					if !strings.Contains(got, words(s)) {
						t.Errorf("missing: %q", s)
					}
				}
			})
		}
	}
}

// TestHTMLStructure checks what makes the page accessible and
// self-contained, on a level profile and a whole-role profile of fixtures
// shaped like the download and like a department's variant: lang, one h1
// and no heading more than one level below the one before, lists as lists,
// every table captioned with scoped header cells, no script, no reference
// to anything outside the page, and text escaped.
func TestHTMLStructure(t *testing.T) {
	for _, name := range parityFixtures {
		fw := loadParity(t, name)
		for _, ref := range []model.LevelRef{{Role: &fw.Roles[0], Level: &fw.Roles[0].Levels[0]}, {Role: &fw.Roles[0]}} {
			t.Run(fmt.Sprintf("%s/%s", filepath.Base(name), refTitle(ref)), func(t *testing.T) {
				page := htmlProfile(t, fw, ref)
				doc := parseHTML(t, page)
				h1, last, lists, tables := 0, 0, 0, 0
				for _, n := range elements(doc) {
					switch n.Data {
					case "html":
						if v, _ := attr(n, "lang"); v != "en-GB" {
							t.Errorf("html lang=%q, want en-GB", v)
						}
					case "h1", "h2", "h3", "h4", "h5", "h6":
						lv := int(n.Data[1] - '0')
						if lv == 1 {
							h1++
						}
						if lv > last+1 {
							t.Errorf("%s %q after h%d", n.Data, htmlText(n), last)
						}
						last = lv
					case "ul":
						lists++
					case "table":
						tables++
						if c := n.FirstChild; c == nil || c.NextSibling == nil || c.NextSibling.Data != "caption" || htmlText(c.NextSibling) == "" {
							t.Errorf("table %d has no caption first", tables)
						}
					case "th":
						if v, _ := attr(n, "scope"); v != "col" && v != "row" {
							t.Errorf("th %q: scope %q", htmlText(n), v)
						}
					case "script", "link", "img", "iframe", "object", "embed":
						t.Errorf("page has a <%s>", n.Data)
					}
					for _, a := range n.Attr {
						if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "#") {
							t.Errorf("<%s %s=%q> leaves the page", n.Data, a.Key, a.Val)
						}
					}
				}
				if h1 != 1 || lists == 0 || tables == 0 {
					t.Errorf("%d h1, %d lists, %d tables; want 1 h1 and some of each", h1, lists, tables)
				}
				if bytes.Contains(page, []byte("<Widgets>")) || !bytes.Contains(page, []byte("Department for &lt;Widgets&gt; &amp; Co")) {
					t.Error("organisation not escaped")
				}
				if again := htmlProfile(t, fw, ref); !bytes.Equal(page, again) {
					t.Error("two runs give different bytes")
				}
			})
		}
	}
}

func refTitle(ref model.LevelRef) string {
	if ref.Level == nil {
		return ref.Role.ID
	}
	return ref.Role.ID + "/" + ref.Level.ID
}

// TestHTMLGolden keeps a level profile and a whole-role profile as golden
// files, for reviewers to read the markup's changes.
func TestHTMLGolden(t *testing.T) {
	fw := fixture.Default(t)
	role, err := fw.Role("infrastructure-engineer")
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "profile-infrastructure-engineer-senior.html", htmlProfile(t, fw, model.LevelRef{Role: role, Level: &role.Levels[2]}))
	testkit.Golden(t, "profile-infrastructure-engineer.html", htmlProfile(t, fw, model.LevelRef{Role: role}))
}

// TestCareerHTML checks that the HTML of a progression and of a comparison
// holds every line of their text: the same description, drawn twice.
func TestCareerHTML(t *testing.T) {
	fw := fixture.Default(t)
	ie, err := fw.Role("infrastructure-engineer")
	if err != nil {
		t.Fatal(err)
	}
	ioe, err := fw.Role("infrastructure-operations-engineer")
	if err != nil {
		t.Fatal(err)
	}
	from, to := model.LevelRef{Role: ie, Level: &ie.Levels[2]}, model.LevelRef{Role: ioe, Level: &ioe.Levels[2]}
	docs := []struct {
		name       string
		text, html func(*bytes.Buffer) error
	}{
		{"progression",
			func(b *bytes.Buffer) error {
				return profile.WriteProgressionText(b, fw, model.LevelRef{Role: ie}, profile.TextOptions{})
			},
			func(b *bytes.Buffer) error {
				return profile.WriteProgressionHTML(b, fw, model.LevelRef{Role: ie}, profile.HTMLOptions{})
			}},
		{"comparison",
			func(b *bytes.Buffer) error {
				return profile.WriteComparisonText(b, fw, from, to, profile.TextOptions{})
			},
			func(b *bytes.Buffer) error {
				return profile.WriteComparisonHTML(b, fw, from, to, profile.HTMLOptions{})
			}},
	}
	for _, d := range docs {
		var text, page bytes.Buffer
		if err := d.text(&text); err != nil {
			t.Fatal(err)
		}
		if err := d.html(&page); err != nil {
			t.Fatal(err)
		}
		// The text gives a column's header and sub-header as "Level 1
		// (Associate)", the page as two lines of one header cell.
		paren := strings.NewReplacer("(", " ", ")", " ")
		got := words(paren.Replace(htmlText(parseHTML(t, page.Bytes()))))
		n := 0
		for _, line := range strings.Split(text.String(), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.Trim(line, "=-") == "" {
				continue
			}
			n++
			for _, part := range strings.SplitN(line, ": ", 2) {
				if part = words(paren.Replace(strings.TrimSuffix(part, ":"))); !strings.Contains(got, part) {
					t.Errorf("%s: the HTML lacks %q", d.name, part)
				}
			}
		}
		if n < 20 {
			t.Errorf("%s: only %d lines of text", d.name, n)
		}
	}
}
