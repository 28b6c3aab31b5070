package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Generator is the value of Manifest.Generator in every manifest ddat
// writes. A directory or zip file that holds such a manifest and only the
// files it lists, with the sizes and SHA-256 it gives, was made by ddat, and
// a later batch may replace it without --force.
const Generator = "ddat"

// Manifest lists the documents of a batch, for people and programs that
// publish them: written as manifest.json beside the documents.
type Manifest struct {
	Generator string         `json:"generator"` // always Generator
	Version   string         `json:"version"`   // of ddat
	Framework string         `json:"framework"` // the framework's name
	Created   time.Time      `json:"created"`   // the creation date written into the documents
	Files     []ManifestItem `json:"files"`     // sorted by Path
	// SHA256 is the hex SHA-256 of the manifest as Encode writes it with
	// this field empty: a later batch tells from it that the manifest is
	// as ddat wrote it. Encode sets it; ReadManifest keeps the one read.
	SHA256 string `json:"sha256,omitempty"`
	// Unchanged counts the documents that came out as the output the batch
	// replaced held them, and were kept as they were. It is not written:
	// the same documents give the same manifest whatever was there before.
	Unchanged int `json:"-"`
}

// ManifestItem is one document of a batch.
type ManifestItem struct {
	Path   string `json:"path"`            // slash-separated, relative to the manifest
	Kind   string `json:"kind"`            // KindProfile, KindRole, KindMatrix, KindHTML or KindIndex
	Title  string `json:"title,omitempty"` // what the document is, for a person
	Role   string `json:"role,omitempty"`  // role id
	Level  string `json:"level,omitempty"` // role level id
	Pages  int    `json:"pages,omitempty"` // PDF pages
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"` // hex
}

// Encode writes m as indented JSON with its files sorted by path and its
// own SHA256: the same manifest gives the same bytes.
func (m *Manifest) Encode(w io.Writer) error {
	data, err := m.encode(true)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// encode is what Encode writes, with or without the manifest's SHA256.
func (m *Manifest) encode(withSum bool) ([]byte, error) {
	c := *m
	c.Files = slices.Clone(m.Files)
	sortItems(c.Files)
	c.Created = c.Created.UTC()
	c.SHA256 = ""
	data, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	data = append(data, '\n')
	if !withSum {
		return data, nil
	}
	sum := sha256.Sum256(data)
	c.SHA256 = hex.EncodeToString(sum[:])
	if data, err = json.MarshalIndent(&c, "", "  "); err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return append(data, '\n'), nil
}

// asWritten reports whether data, which decodes to m, is the manifest as
// ddat wrote it: Encode's bytes, its SHA256 that of the rest. A manifest
// written before manifests held their SHA256 is taken as written when it
// is Encode's bytes without it.
func (m *Manifest) asWritten(data []byte) bool {
	again, err := m.encode(m.SHA256 != "")
	return err == nil && bytes.Equal(again, data)
}

// Bytes is the total size of the files m lists.
func (m *Manifest) Bytes() int64 {
	var n int64
	for _, f := range m.Files {
		n += f.Bytes
	}
	return n
}

// ReadManifest decodes a manifest written by Encode.
func ReadManifest(r io.Reader) (*Manifest, error) {
	var m Manifest
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	return &m, nil
}

func sortItems(items []ManifestItem) {
	slices.SortFunc(items, func(a, b ManifestItem) int { return strings.Compare(a.Path, b.Path) })
}
