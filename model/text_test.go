package model_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ddat-tools/ddat/model"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want model.Text
	}{
		{"Empty", "", model.Text{}},
		{"OneParagraph", "Makes widgets.", model.Text{Paragraphs: []string{"Makes widgets."}}},
		{"LinesJoined", "Makes\n  widgets\nwell.", model.Text{Paragraphs: []string{"Makes widgets well."}}},
		{"Paragraphs", "First.\n\n\nSecond.\n", model.Text{Paragraphs: []string{"First.", "Second."}}},
		{"LeadInAndItems", "Makes widgets.\n\nAt this role level, you will:\n- make widgets\n- test them",
			model.Text{Paragraphs: []string{"Makes widgets."}, LeadIn: "At this role level, you will:", Items: []string{"make widgets", "test them"}}},
		{"LeadInRightAfterParagraph", "Makes widgets.\nYou can:\n- make widgets",
			model.Text{Paragraphs: []string{"Makes widgets."}, LeadIn: "You can:", Items: []string{"make widgets"}}},
		{"ItemsOnly", "- one\n- two", model.Text{Items: []string{"one", "two"}}},
		{"Bullets", "You can:\n• one\n  • two", model.Text{LeadIn: "You can:", Items: []string{"one", "two"}}},
		{"ItemContinues", "- design systems\n  of medium risk\n- review designs",
			model.Text{Items: []string{"design systems of medium risk", "review designs"}}},
		{"BlankLineEndsItem", "- one\n\nAfter.", model.Text{Items: []string{"one"}, Paragraphs: []string{"After."}}},
		{"CRLF", "You can:\r\n- one\r\n- two\r\n", model.Text{LeadIn: "You can:", Items: []string{"one", "two"}}},
		{"HyphenInsideText", "input into management - workforce, budget", model.Text{Paragraphs: []string{"input into management - workforce, budget"}}},
		{"DashNotItem", "-not an item", model.Text{Paragraphs: []string{"-not an item"}}},
		{"CurlyQuotesKept", "- the ‘problem solving’ skill – renamed", model.Text{Items: []string{"the ‘problem solving’ skill – renamed"}}},
		{"LeadInWithoutColon", "You can\n- one", model.Text{LeadIn: "You can", Items: []string{"one"}}},
		{"KnownLeadInBlankLineAway", "Summary.\n\nAt this role level, you will:\n\n- one",
			model.Text{Paragraphs: []string{"Summary."}, LeadIn: "At this role level, you will:", Items: []string{"one"}}},
		{"OtherTextWithoutColonIsAParagraph", "You could\n- one", model.Text{Paragraphs: []string{"You could"}, Items: []string{"one"}}},
		{"ColonNotBeforeItems", "Note:\n\nMore.", model.Text{Paragraphs: []string{"Note:", "More."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := model.ParseText(tt.in)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ParseText(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestFormatText(t *testing.T) {
	tests := []struct {
		name    string
		summary string
		leadIn  string
		items   []string
		want    string
	}{
		{"SummaryOnly", "Makes widgets.", "", nil, "Makes widgets."},
		{"Everything", "Makes widgets.", "At this role level, you will:", []string{"make widgets", "test them"},
			"Makes widgets.\n\nAt this role level, you will:\n- make widgets\n- test them"},
		{"ItemsWithoutLeadIn", "", "", []string{"one"}, "- one"},
		{"LeadInWithoutSummary", "", "You can:", []string{"one", "two"}, "You can:\n- one\n- two"},
		{"LeadInWithoutItemsDropped", "Text.", "You can:", nil, "Text."},
		{"Empty", "", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := model.FormatText(tt.summary, tt.leadIn, tt.items)
			if got != tt.want {
				t.Errorf("FormatText(%q, %q, %q) = %q, want %q", tt.summary, tt.leadIn, tt.items, got, tt.want)
			}
			// What FormatText writes, ParseText reads back.
			back := model.ParseText(got)
			if back.Summary() != tt.summary || !cmp.Equal(back.Items, tt.items, cmpopts.EquateEmpty()) {
				t.Errorf("ParseText(FormatText(…)) = %+v, want summary %q and items %q", back, tt.summary, tt.items)
			}
			if len(tt.items) > 0 && back.LeadIn != tt.leadIn {
				t.Errorf("ParseText(FormatText(…)).LeadIn = %q, want %q", back.LeadIn, tt.leadIn)
			}
		})
	}
}
