package webhook

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// AnyOf returns a Verifier that accepts a request when any of vs accepts
// it; nil entries are skipped. With no verifiers it rejects everything.
// When all reject, the error names what was wrong: the failures of the
// signatures that were sent, or, when none was sent, every header that was
// looked for.
func AnyOf(vs ...Verifier) Verifier {
	var a anyOf
	for _, v := range vs {
		if v != nil {
			a = append(a, v)
		}
	}
	return a
}

type anyOf []Verifier

func (a anyOf) Verify(body []byte, h http.Header) error {
	if len(a) == 0 {
		return fmt.Errorf("%w: no verifier configured", ErrNoSignature)
	}
	var bad, missing errorList
	for _, v := range a {
		err := v.Verify(body, h)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, ErrNoSignature):
			missing = append(missing, err)
		default:
			bad = append(bad, err)
		}
	}
	if len(bad) > 0 {
		return bad.err()
	}
	return missing.err()
}

// errorList joins errors on one line (errors.Join uses newlines, which
// split a log line) and keeps each for errors.Is.
type errorList []error

func (l errorList) err() error {
	if len(l) == 1 {
		return l[0]
	}
	return l
}

func (l errorList) Error() string {
	msgs := make([]string, len(l))
	for i, err := range l {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

func (l errorList) Unwrap() []error { return l }
