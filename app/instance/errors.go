package instance

import (
	"errors"
	"fmt"
)

// sentence is an error written for a person: the cause and the fix in one
// sentence. It wraps the underlying error for errors.Is without repeating
// its text.
type sentence struct {
	text string
	err  error
}

func (s *sentence) Error() string { return s.text }

func (s *sentence) Unwrap() error { return s.err }

// say returns the sentence format makes, wrapping err.
func say(err error, format string, args ...any) error {
	return &sentence{text: fmt.Sprintf(format, args...), err: err}
}

// cause is the innermost error ("permission denied"), without the
// operation and path the wrappers add.
func cause(err error) string {
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return err.Error()
		}
		err = inner
	}
}
