package sipgate

import (
	"slices"
	"strings"
)

// NumberLabel is what kind of number a contact's number is.
type NumberLabel string

// The labels, from sipgate's number types.
const (
	LabelMobile NumberLabel = "mobile"
	LabelHome   NumberLabel = "home"
	LabelWork   NumberLabel = "work"
	LabelFax    NumberLabel = "fax"
	LabelPager  NumberLabel = "pager"
	LabelOther  NumberLabel = "other"
)

// labelOrder: the first type found in this order names the number, so
// "work,fax" is a fax.
var labelOrder = []struct {
	types []string
	label NumberLabel
}{
	{[]string{"fax"}, LabelFax},
	{[]string{"pager"}, LabelPager},
	{[]string{"cell", "mobile"}, LabelMobile},
	{[]string{"home"}, LabelHome},
	{[]string{"work"}, LabelWork},
}

// ContactFacts are what the app keeps of a sipgate contact.
type ContactFacts struct {
	ID, Name, Company, City string
	Scope                   ContactScope
	Numbers                 []LabeledNumber
}

// LabeledNumber is a contact's number as typed in sipgate (the contacts
// book normalises it in its own region), with its label and sipgate's
// raw types.
type LabeledNumber struct {
	Number string
	Label  NumberLabel
	Types  []string
}

// Facts maps the contact: trimmed name, the first organization name as
// company, the first address's locality as city, and each distinct
// non-empty number once.
func (c Contact) Facts() ContactFacts {
	f := ContactFacts{ID: c.ID, Name: strings.TrimSpace(c.Name), Company: c.Organization.company(), Scope: c.Scope}
	for _, a := range c.Addresses {
		if city := strings.TrimSpace(a.Locality); city != "" {
			f.City = city
			break
		}
	}
	for _, n := range c.Numbers {
		num := strings.TrimSpace(n.Number)
		if num == "" || slices.ContainsFunc(f.Numbers, func(l LabeledNumber) bool { return l.Number == num }) {
			continue
		}
		f.Numbers = append(f.Numbers, LabeledNumber{Number: num, Label: label(n.Type), Types: slices.Clone([]string(n.Type))})
	}
	return f
}

func (o Organization) company() string {
	for _, group := range o {
		for _, name := range group {
			if name = strings.TrimSpace(name); name != "" {
				return name
			}
		}
	}
	return ""
}

// label names a number from its types; none known is LabelOther.
func label(types []string) NumberLabel {
	for _, l := range labelOrder {
		for _, t := range types {
			if slices.Contains(l.types, strings.ToLower(strings.TrimSpace(t))) {
				return l.label
			}
		}
	}
	return LabelOther
}
