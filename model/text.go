package model

import (
	"strings"
)

// Text is a framework text field split into its parts. Every input format
// holds text the same way: blank lines separate paragraphs, a line that
// begins with "- " or "• " is a list item, and a line ending in ":" right
// before the items ("You can:", "At this role level, you will:") is the
// list's lead-in; so is one of the framework's own lead-ins without its colon,
// or a blank line away from the items.
type Text struct {
	Paragraphs []string
	LeadIn     string
	Items      []string
}

// ParseText splits s into paragraphs, lead-in and list items. Lines of one
// paragraph or item are joined with single spaces; a lead-in is kept once
// however often it appears.
func ParseText(s string) Text {
	var t Text
	var para []string
	inItem := false
	flush := func() {
		if len(para) > 0 {
			t.Paragraphs = append(t.Paragraphs, strings.Join(para, " "))
			para = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\r", ""))
		switch {
		case line == "":
			flush()
			inItem = false
		case isItem(line):
			switch {
			case len(para) > 0 && (strings.HasSuffix(para[len(para)-1], ":") || knownLeadIn(para[len(para)-1])):
				t.LeadIn = para[len(para)-1]
				para = para[:len(para)-1]
			case len(para) == 0 && len(t.Items) == 0 && len(t.Paragraphs) > 0 && knownLeadIn(t.Paragraphs[len(t.Paragraphs)-1]):
				// A framework lead-in a blank line away from its list.
				t.LeadIn = t.Paragraphs[len(t.Paragraphs)-1]
				t.Paragraphs = t.Paragraphs[:len(t.Paragraphs)-1]
			}
			flush()
			t.Items = append(t.Items, strings.TrimSpace(line[strings.IndexByte(line, ' ')+1:]))
			inItem = true
		case inItem:
			t.Items[len(t.Items)-1] += " " + line
		default:
			para = append(para, line)
		}
	}
	flush()
	return t
}

// leadIns are the framework's own lead-ins, recognised with or without their
// colon: the published download writes "You can" once without it.
var leadIns = []string{"you can", "in this role, you will", "at this role level, you will"}

// knownLeadIn reports whether a line is one of the framework's lead-ins.
func knownLeadIn(line string) bool {
	k := fold(strings.TrimRight(line, ": "))
	for _, l := range leadIns {
		if k == l {
			return true
		}
	}
	return false
}

// isItem reports whether a trimmed line starts a list item.
func isItem(line string) bool {
	return strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "• ") || line == "-" || line == "•"
}

// Summary is the paragraphs joined by blank lines.
func (t Text) Summary() string { return strings.Join(t.Paragraphs, "\n\n") }

// FormatText writes paragraphs and a list back in the form ParseText reads:
// paragraphs separated by blank lines, then the lead-in and "- " items.
func FormatText(summary, leadIn string, items []string) string {
	var b strings.Builder
	b.WriteString(summary)
	if len(items) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if leadIn != "" {
			b.WriteString(leadIn)
			b.WriteString("\n")
		}
		for i, it := range items {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString("- ")
			b.WriteString(it)
		}
	}
	return b.String()
}
