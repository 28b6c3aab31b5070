// Package model holds the Government Digital and Data Profession Capability
// Framework in memory: its skill levels, grades, skills, role families, roles
// and role levels, how a framework is loaded from a file and checked, and the
// questions the documents ask of it (a role's progression, the roles that share
// its skills). It knows no output format.
package model
