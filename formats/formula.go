package formats

import "strings"

// A spreadsheet opening a CSV file runs a cell that begins with =, +, -, @,
// a tab or a carriage return as a formula, which a crafted framework file
// could use to run commands or leak data (CSV injection). Write therefore
// puts a single quote before such a cell, which spreadsheets show as text;
// Read takes it off again, so that a round trip keeps the text. A cell that
// begins with a quote followed by one of those characters gets a second
// quote, so that the rule can be undone without guessing. Read applies the
// rule to XLSX cells too, for a CSV file that went through a spreadsheet.

func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// protect returns s as Write puts it into a CSV cell.
func protect(s string) string {
	if formulaStart(s) || (strings.HasPrefix(s, "'") && formulaStart(strings.TrimLeft(s, "'"))) {
		return "'" + s
	}
	return s
}

// escapeQuote returns s as Write puts it into an XLSX cell: a workbook runs
// no formulas from text cells, but Read takes a protecting quote off any
// cell (a CSV file opened and saved as a workbook keeps them), so a text
// that begins with one gets a second.
func escapeQuote(s string) string {
	if strings.HasPrefix(s, "'") && formulaStart(strings.TrimLeft(s, "'")) {
		return "'" + s
	}
	return s
}

// unprotect undoes protect and escapeQuote.
func unprotect(s string) string {
	if strings.HasPrefix(s, "'") && formulaStart(strings.TrimLeft(s, "'")) {
		return s[1:]
	}
	return s
}
