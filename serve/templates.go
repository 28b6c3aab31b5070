package serve

import (
	"embed"
	"html/template"
)

// The site's pages, with their stylesheet inside each page: the Content
// Security Policy allows no other source.
var (
	//go:embed page/*.tmpl page/site.css
	pageFiles embed.FS

	pages = template.Must(template.New("").Funcs(template.FuncMap{
		"style": func() (template.CSS, error) {
			b, err := pageFiles.ReadFile("page/site.css")
			return template.CSS(b), err
		},
	}).ParseFS(pageFiles, "page/*.tmpl"))
)
