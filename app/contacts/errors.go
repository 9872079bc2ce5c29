package contacts

import (
	"errors"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// InvalidError means a contact cannot be stored as given: Code says
// what is wrong (CodeNoName, CodeUnknownLabel) and Value is the text
// in question, if any.
type InvalidError struct {
	Code  Code
	Value string
}

// Error says what is wrong and how to fix it.
func (e *InvalidError) Error() string {
	switch e.Code {
	case CodeNoName:
		return "a contact needs a name or a company: fill in the first name, the last name or the company"
	case CodeUnknownLabel:
		return fmt.Sprintf("unknown label %q: use work, mobile, home or other", e.Value)
	}
	return "the contact is not valid: " + string(e.Code)
}

// ErrNoName means a contact has neither a name nor a company. Add and
// Update return this value, so errors.Is finds it.
var ErrNoName error = &InvalidError{Code: CodeNoName}

// ErrNotFound means there is no contact with the ID given.
var ErrNotFound = errors.New("no such contact")

// NumberError means one of a contact's numbers cannot be read.
type NumberError struct {
	Raw string
	Err error // a *phone.Error whose Reason says what is wrong
}

// Error names the number, what is wrong with it, and the fix:
// `number "0171 1" is too short for a German number: check for missing
// digits`.
func (e *NumberError) Error() string {
	return "number " + e.Err.Error()
}

// Unwrap returns the *phone.Error.
func (e *NumberError) Unwrap() error { return e.Err }

// DuplicateError means a number already belongs to another contact. A
// number belongs to one contact only, so that a call finds one name.
type DuplicateError struct {
	Number  phone.Number // the number in question
	OwnerID int64        // the contact it belongs to
	Owner   string       // that contact's display name
}

// Error names the number and its owner, and says what to do.
func (e *DuplicateError) Error() string {
	return fmt.Sprintf("the number %s already belongs to %q: remove it there first, or edit that contact instead",
		e.Number.International(), e.Owner)
}

func notFound(id int64) error {
	return fmt.Errorf("contact %d: %w: it may have been removed; reload the list", id, ErrNotFound)
}
