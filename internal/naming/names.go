package naming

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// Top-level files of a batch.
const (
	MatrixFile   = "skills-matrix.xlsx"
	ManifestFile = "manifest.json"
	IndexFile    = "index.html" // a batch's page that links to every document
)

// MaxNameLength bounds each component of a batch path, in bytes, before the
// extension. Three components stay well under the 260 characters Windows
// allows for a whole path, with room for the output directory.
const MaxNameLength = 64

// Paths gives every document of a batch a path inside the output directory:
//
//	<family>/<role>/<n>-<level>.pdf   a role level profile
//	<family>/<role>/<role>.pdf        a whole role profile
//	skills-matrix.xlsx, manifest.json at the top
//
// Each component is a slug of the name in the data (model.Slug), shortened
// to MaxNameLength, never a name Windows reserves, and distinct from its
// siblings after slugging ("-2", "-3" … in framework order). Slugs hold only
// a-z, 0-9 and inner hyphens, so no name in the data can reach outside the
// output directory. Paths are assigned for the whole framework at once, so a
// document keeps its path whatever the selection.
type Paths struct {
	role  map[*model.Role]string      // role profile path
	level map[*model.RoleLevel]string // level profile path
}

// NewPaths assigns the paths of every document of fw.
func NewPaths(fw *model.Framework) *Paths {
	l := &Paths{role: map[*model.Role]string{}, level: map[*model.RoleLevel]string{}}
	top := newSiblings(MatrixFile, ManifestFile)
	families := map[string]string{} // family id → dir
	roleDirs := map[string]*siblings{}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		fdir, ok := families[r.Family]
		if !ok {
			name := r.Family
			if f := fw.Family(r.Family); f != nil && f.Name != "" {
				name = f.Name
			}
			fdir = top.add(safeName(name, "family"), "")
			families[r.Family] = fdir
			roleDirs[fdir] = newSiblings()
		}
		rname := roleDirs[fdir].add(safeName(r.Name, "role"), "")
		rdir := path.Join(fdir, rname)
		files := newSiblings()
		l.role[r] = path.Join(rdir, files.add(rname, ".pdf"))
		width := len(strconv.Itoa(len(r.Levels)))
		for j := range r.Levels {
			lv := &r.Levels[j]
			n := fmt.Sprintf("%0*d", width, j+1)
			// A numbered name is never reserved.
			slug := trimSlug(model.Slug(lv.Title), MaxNameLength-len(n)-1)
			if slug == "" {
				slug = "level"
			}
			stem := n + "-" + slug
			l.level[lv] = path.Join(rdir, files.add(stem, ".pdf"))
		}
	}
	return l
}

// Profile is the path of the profile of ref: the role level's, or the whole
// role's when ref.Level is nil. It is "" for a role not in the framework the
// layout was made from.
func (l *Paths) Profile(ref model.LevelRef) string {
	if ref.Level != nil {
		return l.level[ref.Level]
	}
	return l.role[ref.Role]
}

// Matrix is the path of the skills matrix.
func (l *Paths) Matrix() string { return MatrixFile }

// File is the file name of one document of ref made on its own (ddat
// profile): the level's title as a slug, or the role's name for a whole
// role, with ext (".pdf"). It follows the rules of Paths: a slug shortened
// to MaxNameLength, never a name Windows reserves, so it names a file in
// the directory it is written to and nowhere else. A level titled like its
// role gets "-level-N", so as not to take the whole role's name.
func File(ref model.LevelRef, ext string) string {
	role := safeName(ref.Role.Name, "role")
	if ref.Level == nil {
		return role + ext
	}
	level := safeName(ref.Level.Title, "level")
	if level == role || level == "level" {
		suffix := fmt.Sprintf("-level-%d", ref.Number())
		level = trimSlug(role, MaxNameLength-len(suffix)) + suffix
	}
	return level + ext
}

// siblings hands out distinct names within one directory. Names compare
// case-insensitively, as they do on Windows and macOS.
type siblings struct{ used map[string]bool }

func newSiblings(taken ...string) *siblings {
	s := &siblings{used: map[string]bool{}}
	for _, t := range taken {
		s.used[strings.ToLower(t)] = true
	}
	return s
}

// add returns stem+ext, or stem-2+ext, stem-3+ext … if that is taken; stem
// is shortened so the result stays within MaxNameLength plus ext.
func (s *siblings) add(stem, ext string) string {
	name := stem + ext
	for n := 2; s.used[strings.ToLower(name)]; n++ {
		suffix := "-" + strconv.Itoa(n)
		name = trimSlug(stem, MaxNameLength-len(suffix)) + suffix + ext
	}
	s.used[strings.ToLower(name)] = true
	return name
}

// safeName is the slug of name, shortened to MaxNameLength, with fallback
// when it slugs to nothing and "-"+fallback after a name Windows reserves.
func safeName(name, fallback string) string {
	s := trimSlug(model.Slug(name), MaxNameLength)
	if s == "" {
		return fallback
	}
	if reservedName(s) {
		s += "-" + fallback
	}
	return s
}

// trimSlug shortens a slug to at most n bytes, at a hyphen when one is near
// the end, and never leaves a hyphen at either end.
func trimSlug(slug string, n int) string {
	if len(slug) > n {
		cut := slug[:n]
		if i := strings.LastIndexByte(cut, '-'); i > n*3/4 {
			cut = cut[:i]
		}
		slug = cut
	}
	return strings.Trim(slug, "-")
}

// reservedName reports whether Windows refuses name as a file name, with or
// without an extension: CON, PRN, AUX, NUL, COM0-9, LPT0-9, in any case.
func reservedName(name string) bool {
	stem, _, _ := strings.Cut(strings.ToUpper(name), ".")
	stem = strings.TrimRight(stem, " ")
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	for _, dev := range []string{"COM", "LPT"} {
		if rest, ok := strings.CutPrefix(stem, dev); ok {
			return len(rest) == 1 && rest[0] >= '0' && rest[0] <= '9' || rest == "¹" || rest == "²" || rest == "³"
		}
	}
	return false
}

// CheckPath reports why p cannot be a path in a batch, or nil: it must be
// relative, slash-separated, inside the output directory, and made of names
// that Windows, macOS and Linux all accept.
func CheckPath(p string) error {
	if p == "" {
		return fmt.Errorf("empty path")
	}
	if len(p) > 200 {
		return fmt.Errorf("path %.40q…: longer than 200 bytes", p)
	}
	for _, elem := range strings.Split(p, "/") {
		switch {
		case elem == "" || elem == "." || elem == "..":
			return fmt.Errorf("path %q: not a plain relative path inside the output directory", p)
		case len(elem) > MaxNameLength+8:
			return fmt.Errorf("path %q: name %.20q… longer than %d bytes", p, elem, MaxNameLength+8)
		case strings.ContainsAny(elem, `\:*?"<>|`):
			return fmt.Errorf("path %q: name %q holds a character Windows refuses", p, elem)
		case strings.HasSuffix(elem, ".") || strings.HasSuffix(elem, " ") || strings.HasPrefix(elem, " "):
			return fmt.Errorf("path %q: name %q starts or ends with a dot or space", p, elem)
		case reservedName(elem):
			return fmt.Errorf("path %q: %q is a reserved name on Windows", p, elem)
		}
		for _, r := range elem {
			if r < 0x20 || r == 0x7f {
				return fmt.Errorf("path %q: name holds a control character", p)
			}
		}
	}
	return nil
}
