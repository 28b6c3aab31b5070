package model

import "fmt"

// loadFlat reads the flat, one-row-per-skill layout from CSV or XLSX.
func loadFlat(data []byte, name string, format Format, opts LoadOptions) (*Framework, error) {
	return nil, fmt.Errorf("%s: %s input is not supported yet", name, format)
}
