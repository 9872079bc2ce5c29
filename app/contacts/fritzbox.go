package contacts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// fbContact is a <contact> of a FRITZ!Box phone book (AVM's XML export:
// <phonebooks><phonebook><contact>…).
type fbContact struct {
	XMLName  xml.Name   `xml:"contact"`
	Category int        `xml:"category"`
	RealName string     `xml:"person>realName"`
	Numbers  []fbNumber `xml:"telephony>number"`
}

// fbNumber is a <number type="home|mobile|work|fax_work…">.
type fbNumber struct {
	Type  string `xml:"type,attr"`
	Prio  string `xml:"prio,attr,omitempty"`
	ID    int    `xml:"id,attr"`
	Value string `xml:",chardata"`
}

// fbVIP is the category the FRITZ!Box gives an important person.
const fbVIP = 1

// decodeFritzBox reads the contacts of a FRITZ!Box phone book. The file
// is UTF-8 already (see toUTF8), whatever its XML declaration says.
func decodeFritzBox(data []byte) ([]record, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var recs []record
	root := ""
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fritzError(line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
		}
		if se.Name.Local != "contact" {
			continue
		}
		var c fbContact
		if err := dec.DecodeElement(&c, &se); err != nil {
			return nil, fritzError(line, err)
		}
		recs = append(recs, fritzRecord(c, line))
	}
	if root != "phonebooks" && root != "phonebook" {
		return nil, errors.New("the file is XML but not a FRITZ!Box phone book (no <phonebooks>): export the phone book again in the FRITZ!Box under Telefonie > Telefonbuch > Telefonbuch sichern")
	}
	return recs, nil
}

func fritzError(line int, err error) error {
	return fmt.Errorf("the FRITZ!Box phone book is broken near line %d (%v): save the phone book again in the FRITZ!Box", line, err)
}

// fritzRecord turns a <contact> into a record. The FRITZ!Box has one
// name field: a company's legal form at its end ("Muster GmbH") makes
// it the company, else it is split into first and last name.
func fritzRecord(fc fbContact, line int) record {
	r := record{line: line}
	name := strings.Join(strings.Fields(fc.RealName), " ")
	r.fullName = name
	if isCompanyName(name) {
		r.c.Company = name
	} else {
		r.c.FirstName, r.c.LastName = splitName(name)
	}
	if fc.Category == fbVIP {
		r.vip = new(true)
	}
	for _, n := range fc.Numbers {
		t := strings.ToLower(strings.TrimSpace(n.Type))
		if strings.Contains(t, "fax") || t == "intern" {
			continue // a fax calls nobody; internal numbers are the router's own
		}
		r.c.Numbers = append(r.c.Numbers, Number{Label: fritzLabels[t], Raw: strings.TrimSpace(n.Value)})
	}
	return r
}

// fritzLabels maps FRITZ!Box number types to labels (others: "").
var fritzLabels = map[string]Label{"home": LabelHome, "mobile": LabelMobile, "work": LabelWork, "other": LabelOther}

// legalForms end the names of companies.
var legalForms = map[string]bool{"gmbh": true, "ag": true, "kg": true, "ohg": true, "ug": true, "e.v.": true,
	"ev": true, "eg": true, "gbr": true, "se": true, "mbh": true, "kgaa": true, "ltd": true, "ltd.": true,
	"inc": true, "inc.": true, "llc": true, "co.": true, "co": true, "plc": true, "sa": true, "sarl": true,
	"s.a.": true, "bv": true, "b.v.": true, "nv": true, "ab": true, "as": true, "oy": true, "spa": true}

func isCompanyName(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) > 1 && (legalForms[f[len(f)-1]] || legalForms[strings.TrimRight(f[len(f)-1], ".,)")])
}
