package model

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is matched (errors.Is) by every *NotFoundError.
var ErrNotFound = errors.New("not found")

// NotFoundError says that a role, level or other item named by a user does
// not exist, and what does.
type NotFoundError struct {
	Kind    string // "role", "level of Infrastructure engineer", …
	Query   string
	Choices []string
}

func (e *NotFoundError) Error() string {
	if s := e.Suggestion(); s != "" {
		return fmt.Sprintf("no %s %q; did you mean %s? Choose one of: %s", e.Kind, e.Query, s, strings.Join(e.Choices, ", "))
	}
	return fmt.Sprintf("no %s %q; choose one of: %s", e.Kind, e.Query, strings.Join(e.Choices, ", "))
}

// Suggestion is the choice the query is likely a misspelling of, or "".
func (e *NotFoundError) Suggestion() string { return Closest(e.Query, e.Choices) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// LoadError is a problem that stops a framework file from being read at all:
// bad syntax, an unknown field, a value of the wrong type.
type LoadError struct {
	Pos   Pos
	Field string // path of the field, e.g. "roles[0].levels[2].title"
	Msg   string
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}
