package profile

import (
	"embed"
	"html/template"
)

// The page's markup and stylesheet. The stylesheet goes into the page, so
// the file stands alone: on a shared drive, in an e-mail, offline.
var (
	//go:embed htmlpage/profile.tmpl htmlpage/index.tmpl
	htmlMarkup embed.FS
	//go:embed htmlpage/profile.css
	htmlStyle string

	htmlTemplate = template.Must(template.New("profile.tmpl").Funcs(template.FuncMap{
		"style": func() template.CSS { return template.CSS(htmlStyle) },
	}).ParseFS(htmlMarkup, "htmlpage/profile.tmpl", "htmlpage/index.tmpl"))
)
