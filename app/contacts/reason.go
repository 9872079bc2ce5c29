package contacts

import (
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// Code names a kind of problem with an entry or a contact. Its values
// are stable keys, so app/i18n can phrase them in the person's
// language; Reason.String and the errors' Error say them in English.
type Code string

// The problems Import reports and Add and Update refuse.
const (
	// CodeNoName: an entry (or a contact) has neither a name nor a
	// company. Import skips such an entry.
	CodeNoName Code = "no_name"
	// CodeNoNumber: an entry had no number that could be read; it was
	// imported all the same (name, company, note).
	CodeNoNumber Code = "no_number"
	// CodeNumberLeftOut: a number could not be read and was left out
	// (Reason.Phone says why).
	CodeNumberLeftOut Code = "number_left_out"
	// CodeNumberUnverified: a number was kept although libphonenumber
	// doubts it (Reason.Phone says why).
	CodeNumberUnverified Code = "number_unverified"
	// CodeNumberTaken: a number already belongs to another contact
	// (Reason.Owner), which keeps it.
	CodeNumberTaken Code = "number_taken"
	// CodeUnknownLabel: a number's label is not one of Labels.
	CodeUnknownLabel Code = "unknown_label"
	// CodeRemoved: Sync removed a contact its source no longer has.
	CodeRemoved Code = "removed"
)

// Reason is why an entry, or one of its numbers, was not imported as it
// was: a code and the facts.
type Reason struct {
	Code   Code
	Number string       // the number as written, when the reason is about one
	Owner  string       // the contact that has the number (CodeNumberTaken)
	Phone  *phone.Error // why the number is unusable or unverified
}

// String says the reason in English.
func (r Reason) String() string {
	switch r.Code {
	case CodeNoName:
		return "skipped: no name or company"
	case CodeNoNumber:
		return "imported without a phone number: it has none that can be read"
	case CodeNumberLeftOut:
		return "number left out: " + r.phoneText()
	case CodeNumberUnverified:
		return "number kept but unverified: " + r.phoneText() + "; it is matched exactly as written"
	case CodeNumberTaken:
		return fmt.Sprintf("number %s left with %q, which already has it", r.Number, r.Owner)
	case CodeRemoved:
		return "removed: its source no longer has it"
	}
	return string(r.Code)
}

func (r Reason) phoneText() string {
	if r.Phone == nil {
		return fmt.Sprintf("%q", r.Number)
	}
	return r.Phone.Error()
}

// Skips reports whether the entry was not imported at all.
func (r Reason) Skips() bool { return r.Code == CodeNoName }
