package contacts

import (
	"strings"

	"github.com/emersion/go-vcard"
)

// cardRecord reads a card into a record (numbers as text). Values are
// escaped text (see readCard).
func cardRecord(card vcard.Card, line int) record {
	r := record{line: line}
	c := &r.c
	if n := card.Get(vcard.FieldName); n != nil {
		parts := components(n.Value)
		c.LastName = part(parts, 0)
		c.FirstName = strings.TrimSpace(part(parts, 1) + " " + part(parts, 2))
	}
	if org := card.Preferred(vcard.FieldOrganization); org != nil {
		c.Company = part(components(org.Value), 0)
	}
	if fn := card.Preferred(vcard.FieldFormattedName); fn != nil && c.FirstName == "" && c.LastName == "" {
		if full := strings.TrimSpace(unescape(fn.Value)); full != c.Company {
			c.FirstName, c.LastName = splitName(full)
		}
	}
	for _, f := range card[vcard.FieldTelephone] {
		if f.Params.HasType(vcard.TypeFax) || f.Params.HasType(vcard.TypePager) {
			continue // a fax line or a pager does not call people
		}
		label := labelOf(append(f.Params.Types(), groupLabel(card, f.Group))...)
		c.Numbers = append(c.Numbers, Number{Label: label, Raw: telText(unescape(f.Value))})
	}
	if a := card.Preferred(vcard.FieldAddress); a != nil {
		parts := components(a.Value)
		c.Street, c.City, c.PostalCode, c.Country = part(parts, 2), part(parts, 3), part(parts, 5), part(parts, 6)
	}
	if note := card.Preferred(vcard.FieldNote); note != nil {
		c.Note = unescape(note.Value)
	}
	if v := card.Get(fieldVIP); v != nil {
		r.vip = new(truthy(v.Value))
	}
	if v := card.Get(fieldBlocked); v != nil {
		r.blocked = new(truthy(v.Value))
	}
	return r
}

// groupLabel is Apple's label for a grouped property ("item1.TEL" with
// "item1.X-ABLabel:_$!<Mobile>!$_", or a label of the person's own).
func groupLabel(card vcard.Card, group string) string {
	if group == "" {
		return ""
	}
	for _, f := range card["X-ABLABEL"] {
		if strings.EqualFold(f.Group, group) {
			return unescape(f.Value)
		}
	}
	return ""
}

// telText turns a TEL value into text phone.Parse reads: a tel: URI
// ("tel:+49-211-63555;ext=123") loses its scheme and parameters, except
// an extension.
func telText(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 4 || !strings.EqualFold(v[:4], "tel:") {
		return v
	}
	v = v[4:]
	num, params, _ := strings.Cut(v, ";")
	for _, p := range strings.Split(params, ";") {
		if k, ext, ok := strings.Cut(p, "="); ok && strings.EqualFold(k, "ext") {
			return num + " ext. " + ext
		}
	}
	return num
}
