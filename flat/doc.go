// Package flat reads and writes a framework as a flat spreadsheet, CSV or
// XLSX, with one row per (role level, skill): the layout of the framework's
// own CSV download of role content, and the way HR teams keep their variants
// of it. See docs/flat.md for the columns and the rules.
//
// The layout repeats a role's texts on each of its rows; Read merges the
// rows back into one model, and reports repeated values that disagree as
// validation errors naming both rows. Optional columns carry the
// framework's name, source, licence and URL, and each role's publication and
// last-updated dates and update history. The layout has no place for custom
// role-level ids or a skill-level scale (the standard four levels are
// assumed); Lost lists what a framework would lose. What it does carry
// survives a round trip through Write and Read unchanged.
package flat
