// Package formats reads and writes framework files in the four formats ddat
// knows: YAML and JSON documents with the schema of docs/format.md, and flat
// spreadsheets, CSV or XLSX, with one row per (role level, skill), the
// layout of the framework's own CSV download (docs/flat.md). Read and Write
// take any of them; FormatOf tells a format from a file name.
//
// Readers locate every problem: a *model.LoadError names the file, the line
// and column (or row and column heading) and what was expected. What the
// data says is built into a model.Framework but not validated; values that
// disagree between rows of a flat file are recorded for Validate to report,
// naming both rows.
//
// The flat layout repeats a role's texts on each of its rows; reading merges
// them back into one model. ReadAll merges several flat files the same way,
// such as the framework's own download (role content and skill
// descriptions), whose placeholders, repeated rows and alphabetical level
// order it reads as docs/flat.md describes. Optional columns carry the framework's name,
// source, licence and URL, and each role's publication and last-updated
// dates and update history. The layout has no place for custom role-level
// ids or a skill-level scale (the standard four levels are assumed); Lost
// lists what a framework would lose. What it does carry survives a round
// trip through Write and Read unchanged.
package formats
