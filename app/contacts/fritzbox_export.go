package contacts

import (
	"encoding/xml"
	"io"
)

// fbBook is the document a FRITZ!Box restores a phone book from.
type fbBook struct {
	XMLName xml.Name    `xml:"phonebooks"`
	Book    fbPhonebook `xml:"phonebook"`
}

type fbPhonebook struct {
	Name     string         `xml:"name,attr"`
	Contacts []fbContactOut `xml:"contact"`
}

type fbContactOut struct {
	Category  int         `xml:"category"`
	RealName  string      `xml:"person>realName"`
	Telephony fbTelephony `xml:"telephony"`
	Services  struct{}    `xml:"services"`
	Setup     struct{}    `xml:"setup"`
}

type fbTelephony struct {
	NID     int        `xml:"nid,attr"`
	Numbers []fbNumber `xml:"number"`
}

// fritzTypes are the FRITZ!Box number types of the labels.
var fritzTypes = map[Label]string{LabelHome: "home", LabelMobile: "mobile", LabelWork: "work", LabelOther: "other"}

// writeFritzBox writes the book as a FRITZ!Box phone book, to restore in
// the router (Telefonie > Telefonbuch > Wiederherstellen). The router
// has one name field: it gets the display name. VIPs are its important
// people (category 1).
func writeFritzBox(w io.Writer, all []Contact) error {
	doc := fbBook{Book: fbPhonebook{Name: "whoiscalling", Contacts: make([]fbContactOut, 0, len(all))}}
	for _, c := range all {
		out := fbContactOut{RealName: c.DisplayName(), Telephony: fbTelephony{NID: len(c.Numbers)}}
		if c.VIP {
			out.Category = fbVIP
		}
		for i, n := range c.Numbers {
			num := fbNumber{Type: fritzTypes[n.Label], ID: i, Value: exportNumber(n)}
			if i == 0 {
				num.Prio = "1"
			}
			out.Telephony.Numbers = append(out.Telephony.Numbers, num)
		}
		doc.Book.Contacts = append(doc.Book.Contacts, out)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
