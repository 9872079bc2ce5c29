package contacts

import (
	"io"
	"strings"

	"github.com/emersion/go-vcard"
)

// vcardTypes are the TEL types labels are written as.
var vcardTypes = map[Label]string{
	LabelWork: vcard.TypeWork, LabelMobile: vcard.TypeCell, LabelHome: vcard.TypeHome, LabelOther: vcard.TypeVoice,
}

func writeVCards(w io.Writer, all []Contact) error {
	enc := vcard.NewEncoder(w)
	for _, c := range all {
		if err := enc.Encode(toCard(c)); err != nil {
			return err
		}
	}
	return nil
}

// component makes text safe inside a structured value (N, ADR, ORG):
// go-vcard does not escape semicolons there.
var component = strings.NewReplacer(";", ",").Replace

func toCard(c Contact) vcard.Card {
	card := vcard.Card{}
	card.SetValue(vcard.FieldVersion, "3.0")
	card.SetName(&vcard.Name{FamilyName: component(c.LastName), GivenName: component(c.FirstName)})
	card.SetValue(vcard.FieldFormattedName, component(c.DisplayName())) // equal to ORG when there is no name
	if c.Company != "" {
		card.SetValue(vcard.FieldOrganization, component(c.Company))
	}
	for _, n := range c.Numbers {
		card.Add(vcard.FieldTelephone, &vcard.Field{Value: exportNumber(n),
			Params: vcard.Params{vcard.ParamType: {vcardTypes[n.Label]}}})
	}
	if c.City != "" || c.Country != "" {
		card.SetAddress(&vcard.Address{Locality: component(c.City), Country: component(c.Country)})
	}
	if c.Note != "" {
		card.SetValue(vcard.FieldNote, c.Note)
	}
	if c.VIP {
		card.SetValue(fieldVIP, "1")
	}
	if c.Blocked {
		card.SetValue(fieldBlocked, "1")
	}
	return card
}
