// Package export turns a framework into documents: PDF job profiles for a
// role or a role level (Profile), an Excel skills matrix (Matrix), and every
// document of a framework at once (BatchDir, BatchZip). Exporters write to an
// io.Writer and read only the model; the batch functions and WriteFile are the
// only places that deal in paths.
package profile
