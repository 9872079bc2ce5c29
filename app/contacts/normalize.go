package contacts

import (
	"strings"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// normalize trims c's text, reads its numbers (from Raw, or from E164
// when Raw is empty) and checks that it has a name. Numbers given twice
// are kept once. A number libphonenumber doubts is kept, marked
// Unverified (see phone.ParseLenient).
func (b *Book) normalize(c Contact) (Contact, error) {
	tidy(&c)
	if c.FirstName == "" && c.LastName == "" && c.Company == "" {
		return c, ErrNoName
	}
	nums := make([]Number, 0, len(c.Numbers))
	for _, n := range c.Numbers {
		n, err := b.readNumber(n)
		if err != nil {
			return c, err
		}
		if !hasNumber(nums, n) {
			nums = append(nums, n)
		}
	}
	c.Numbers = nums
	return c, nil
}

// tidy trims the text fields and writes every line break as "\n", the
// form every export gives back.
func tidy(c *Contact) {
	for _, s := range []*string{&c.FirstName, &c.LastName, &c.Company, &c.Street, &c.PostalCode, &c.City, &c.Country, &c.Note} {
		*s = strings.TrimSpace(*s)
		if strings.ContainsRune(*s, '\r') {
			*s = strings.ReplaceAll(strings.ReplaceAll(*s, "\r\n", "\n"), "\r", "\n")
		}
	}
}

// readNumber fills in E164, Switchboard and Unverified from the text of
// n.
func (b *Book) readNumber(n Number) (Number, error) {
	label, err := parseLabel(n.Label)
	if err != nil {
		return n, err
	}
	text := strings.TrimSpace(n.Raw)
	if text == "" {
		text = n.E164
		if n.Switchboard {
			text += "-0"
		}
	}
	p, err := phone.ParseLenient(text, b.regionNow())
	if err != nil {
		return n, &NumberError{Raw: text, Err: err}
	}
	return Number{Label: label, Raw: text, E164: p.E164, Switchboard: p.Switchboard, Unverified: p.Unverified}, nil
}

func parseLabel(l Label) (Label, error) {
	switch s := Label(strings.ToLower(strings.TrimSpace(string(l)))); s {
	case "":
		return LabelOther, nil
	case LabelWork, LabelMobile, LabelHome, LabelOther:
		return s, nil
	}
	return "", &InvalidError{Code: CodeUnknownLabel, Value: string(l)}
}

func hasNumber(nums []Number, n Number) bool {
	for _, m := range nums {
		if m.E164 == n.E164 && m.Switchboard == n.Switchboard {
			return true
		}
	}
	return false
}
