package contacts

import (
	"reflect"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// recordCases are contacts whose records must read back as they were
// written: every field the index holds, empty or not.
var recordCases = []struct {
	name string
	c    Contact
}{
	{"empty", Contact{}},
	{"flags", Contact{FirstName: "A", VIP: true, Blocked: true}},
	{"every text field", Contact{FirstName: "Anna", LastName: "Müller", Company: "ACME GmbH", Street: "Königsallee 1",
		PostalCode: "40212", City: "Düsseldorf", Country: "Deutschland", Note: "ruft\nmontags an"}},
	{"unicode", Contact{FirstName: "Søren", LastName: "Ærø 😀", Company: "株式会社", City: "Łódź", Note: "\x00\xff not UTF-8"}},
	{"very long note", Contact{Company: "X", Note: strings.Repeat("Notiz ", 2000)}},
	{"many numbers", Contact{LastName: "Many", Numbers: manyNumbers(300)}},
	{"switchboard and unverified", Contact{Company: "Muster AG", Numbers: []Number{
		{Label: LabelWork, Raw: "+49 211 63555-0", E164: "+4921163555", Switchboard: true},
		{Label: LabelOther, Raw: "+49 211 123456789012", E164: "+49211123456789012", Unverified: phone.ReasonTooLong},
		{Label: LabelMobile, Raw: "+4915112345678", E164: "+4915112345678"},
	}}},
	{"numbers that cannot be packed", Contact{FirstName: "B", Numbers: []Number{
		{Label: "fax", Raw: "0211.123 45 67 ext", E164: "+492111234567"},
		{Label: "", Raw: "", E164: ""},
		{Label: LabelHome, Raw: "(0211) 12-34/56", E164: "+49211123456"},
		{Label: LabelHome, Raw: "1", E164: "+1"},
	}}},
}

func manyNumbers(n int) []Number {
	out := make([]Number, n)
	for i := range out {
		e := "+49211" + strings.Repeat("7", i%9) + "1"
		out[i] = Number{Label: Labels[i%len(Labels)], Raw: "0211 " + strings.Repeat("7", i%9) + "1", E164: e}
	}
	return out
}

func TestRecordRoundTrip(t *testing.T) {
	ws := newWords()
	for _, w := range []string{"Düsseldorf", "Deutschland", "fax", string(phone.ReasonTooLong)} {
		ws.add(w)
	}
	for _, shared := range []*sharedWords{noWords, ws} {
		for _, tc := range recordCases {
			rec, rest, err := cutRecord(string(appendRecord([]byte("x"), &tc.c, shared))[1:])
			if err != nil || rest != "" {
				t.Fatalf("%s: cutRecord = %v, %d bytes left", tc.name, err, len(rest))
			}
			var got Contact
			if _, err := decodeRecord(rec, shared.list, &got, nil); err != nil {
				t.Fatalf("%s: decodeRecord = %v", tc.name, err)
			}
			want := tc.c
			if len(want.Numbers) == 0 {
				want.Numbers = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: decode(encode(c)) = %+v\nwant %+v", tc.name, got, want)
			}
			b, err := built(rec, shared.list)
			if want.partial = true; err != nil || !reflect.DeepEqual(*b, want) {
				t.Errorf("%s: built = %+v, %v\nwant %+v", tc.name, *b, err, want)
			}
		}
	}
}

// TestRecordShares checks that shared words and packed numbers make a
// record smaller than its text.
func TestRecordShares(t *testing.T) {
	c := Contact{FirstName: "Vorname", LastName: "Name1", City: "Düsseldorf",
		Numbers: []Number{{Label: LabelWork, Raw: "+49 211 1000001", E164: "+492111000001"}}}
	ws := newWords()
	plain := len(appendRecord(nil, &c, ws))
	ws.add("Düsseldorf")
	ws.add("Vorname")
	if shared := len(appendRecord(nil, &c, ws)); shared != plain-len("Düsseldorf")-len("Vorname") {
		t.Errorf("record with shared words = %d bytes, without = %d", shared, plain)
	}
	bare := c
	bare.Numbers = nil
	// A head byte, then E.164 and Raw: a length byte and two characters a byte.
	if n := plain - len(appendRecord(nil, &bare, noWords)); n != 1+1+7+1+8 {
		t.Errorf("a number takes %d bytes of a record, want 18 (packed)", n)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	ws := newWords()
	ws.add("Düsseldorf")
	for _, tc := range recordCases {
		f.Add(appendRecord(nil, &tc.c, ws))
	}
	f.Add([]byte{})
	f.Add([]byte{0x05, 0x00, 0x01, 0x03, 0xff, 0x7f})
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, _, err := cutRecord(string(data))
		if err != nil {
			return
		}
		var c Contact
		if _, err := decodeRecord(rec, ws.list, &c, nil); err != nil {
			if _, err2 := built(rec, ws.list); err2 == nil {
				t.Fatalf("decodeRecord failed (%v) where built did not", err)
			}
			return
		}
		// What decodes encodes to a record that decodes the same.
		again, _, err := cutRecord(string(appendRecord(nil, &c, ws)))
		var c2 Contact
		if err == nil {
			_, err = decodeRecord(again, ws.list, &c2, nil)
		}
		if err != nil || !reflect.DeepEqual(c, c2) {
			t.Fatalf("decode(encode(%+v)) = %+v, %v", c, c2, err)
		}
	})
}
