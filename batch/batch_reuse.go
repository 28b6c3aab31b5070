package batch

import (
	"os"
	"path/filepath"
	"sync/atomic"
)

// previous is the output an earlier batch published, offered to the batch
// that replaces it: a document made again with the same bytes is linked
// from the old directory into the staging one instead of written. A rerun
// over an unchanged framework then writes almost nothing, its sync has
// little to flush, and removing the old directory frees no blocks.
//
// Only a directory whose manifest ddat wrote, and whose files it lists as
// they are, is offered: the batch publishes nothing until that is checked
// (ownFiles.verify), so a linked file is always the document's bytes.
type previous struct {
	dir    string   // the published directory
	own    ownFiles // what its manifest lists
	noLink atomic.Bool
}

// link puts at file the earlier batch's copy of the document at path in
// the batch, and reports whether it did: only when the manifest lists it
// with the same size and SHA-256 and the file system can link. p may be
// nil: there is nothing to reuse.
func (p *previous) link(path string, item ManifestItem, file string) bool {
	if p == nil || p.noLink.Load() {
		return false
	}
	old, ok := p.own[path]
	if !ok || old.Bytes != item.Bytes || old.SHA256 != item.SHA256 {
		return false
	}
	if err := os.Link(filepath.Join(p.dir, filepath.FromSlash(path)), file); err != nil {
		// Some file systems have no links (FAT, some network ones): the
		// documents are written from then on, which always works.
		p.noLink.Store(true)
		return false
	}
	return true
}
