package profile

import (
	_ "embed"
	"html/template"
)

// The page's markup and stylesheet. The stylesheet goes into the page, so
// the file stands alone: on a shared drive, in an e-mail, offline.
var (
	//go:embed htmlpage/profile.tmpl
	htmlMarkup string
	//go:embed htmlpage/profile.css
	htmlStyle string

	htmlTemplate = template.Must(template.New("profile").Funcs(template.FuncMap{
		"style": func() template.CSS { return template.CSS(htmlStyle) },
	}).Parse(htmlMarkup))
)
