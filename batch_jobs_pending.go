//go:build !exporters

package main

import (
	"errors"

	"github.com/ddat-tools/ddat/export"
	"github.com/ddat-tools/ddat/model"
)

// batchSettings are the document options of a batch; see batch_jobs.go,
// which is built once export.Profile and export.Matrix exist (-tags exporters).
type batchSettings struct {
	Paper        string
	Organisation string
	Logo         []byte
	PerRole      bool
	Creator      string
	Created      any
}

func batchJobs(*model.Framework, []model.LevelRef, map[string]bool, batchSettings) ([]export.Job, error) {
	return nil, errors.New("batch: the profile and matrix exporters are not built yet")
}
