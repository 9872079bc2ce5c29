package contacts

import (
	"slices"
	"testing"
)

var cardCases = []struct {
	name, vcf string
	want      Contact
}{
	{"3.0 with types", "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schmidt;Anna;Maria;;\r\nORG:Milton\\, Inc.;Support\r\nTEL;TYPE=CELL:+49 171 2345678\r\n" +
		"TEL;TYPE=FAX:+49 211 999\r\nADR;TYPE=WORK:;;Königsallee 1;Düsseldorf;;40212;Deutschland\r\nNOTE:Line one\\nline two\r\nEND:VCARD\r\n",
		Contact{FirstName: "Anna Maria", LastName: "Schmidt", Company: "Milton, Inc.", Street: "Königsallee 1", City: "Düsseldorf",
			PostalCode: "40212", Country: "Deutschland", Note: "Line one\nline two",
			Numbers: []Number{{Label: LabelMobile, Raw: "+49 171 2345678"}}}},
	{"4.0 uri and Apple label", "BEGIN:VCARD\nVERSION:4.0\nFN:Bo Berg\nTEL;VALUE=uri;TYPE=\"work,voice\":tel:+46-8-123;ext=5\n" +
		"item1.TEL:+46 70 123\nitem1.X-ABLabel:_$!<Mobile>!$_\nTEL;TYPE=home:030 1234\nTEL:0800 1\nEND:VCARD\n",
		Contact{FirstName: "Bo", LastName: "Berg", Numbers: []Number{{Label: LabelWork, Raw: "+46-8-123 ext. 5"},
			{Label: LabelMobile, Raw: "+46 70 123"}, {Label: LabelHome, Raw: "030 1234"}, {Label: LabelOther, Raw: "0800 1"}}}},
	{"company only", "BEGIN:VCARD\nVERSION:3.0\nFN:ACME\nORG:ACME\nTEL:1\nEND:VCARD\n",
		Contact{Company: "ACME", Numbers: []Number{{Label: LabelOther, Raw: "1"}}}},
}

func TestContactFromVCard(t *testing.T) {
	for _, tc := range cardCases {
		got, err := ContactFromVCard([]byte(tc.vcf))
		if err != nil || !sameCard(got, tc.want) {
			t.Errorf("%s: ReadCard = %+v, %v\nwant %+v", tc.name, got, err, tc.want)
		}
	}
	if _, err := ContactFromVCard([]byte("not a card")); err == nil {
		t.Error("ContactFromVCard(not a card): no error")
	}
}

func sameCard(a, b Contact) bool {
	return a.FirstName == b.FirstName && a.LastName == b.LastName && a.Company == b.Company && a.Street == b.Street &&
		a.City == b.City && a.PostalCode == b.PostalCode && a.Country == b.Country && a.Note == b.Note && slices.Equal(a.Numbers, b.Numbers)
}

func FuzzContactFromVCard(f *testing.F) {
	for _, tc := range cardCases {
		f.Add(tc.vcf)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ContactFromVCard([]byte(s))
		if err != nil {
			return
		}
		for _, n := range c.Numbers {
			if !slices.Contains(Labels, n.Label) {
				t.Errorf("ContactFromVCard(%q): number %q has label %q", s, n.Raw, n.Label)
			}
		}
	})
}
