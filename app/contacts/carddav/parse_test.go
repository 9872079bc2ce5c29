package carddav

import (
	"strings"
	"testing"
)

var statusCases = []struct {
	in   string
	want int
}{
	{"HTTP/1.1 200 OK", 200},
	{"HTTP/1.1 404 Not Found", 404},
	{"", 200},
	{"HTTP/1.1", 200},
	{"HTTP/1.1 abc", 0},
}

func TestStatusCode(t *testing.T) {
	for _, tc := range statusCases {
		if got := statusCode(tc.in); got != tc.want {
			t.Errorf("statusCode(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

const multigetAnswer = `<?xml version="1.0"?><multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
<response><href>/anna/b%C3%BCro/a.vcf</href><propstat><prop><getetag>"e1"</getetag>
<C:address-data>BEGIN:VCARD&#13;
VERSION:3.0&#13;
FN:Anna&#13;
END:VCARD&#13;
</C:address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>
<response><href>/anna/b%C3%BCro/gone.vcf</href><status>HTTP/1.1 404 Not Found</status></response>
</multistatus>`

func TestParseMultistatus(t *testing.T) {
	ms, err := parseMultistatus(strings.NewReader(multigetAnswer))
	if err != nil || len(ms.Responses) != 2 {
		t.Fatalf("parseMultistatus = %v, %v; want 2 responses", ms, err)
	}
	r := ms.Responses[0]
	if p := r.props(); r.href() != "/anna/büro/a.vcf" || unquoteETag(p.ETag) != "e1" || !strings.HasPrefix(p.AddressData, "BEGIN:VCARD\r\nVERSION:3.0") {
		t.Errorf("first response: href %q, props %+v", r.href(), p)
	}
	if p := ms.Responses[1].props(); p.AddressData != "" || p.ETag != "" {
		t.Errorf("a 404 response has properties %+v, want none", p)
	}
	if _, err := parseMultistatus(strings.NewReader("<multistatus")); err == nil {
		t.Error("parseMultistatus of cut-off XML: no error")
	}
}

func FuzzParseMultistatus(f *testing.F) {
	f.Add(multigetAnswer)
	f.Add(`<d:multistatus xmlns:d="DAV:"><d:response><d:href>/p/</d:href><d:propstat><d:prop><c:addressbook-home-set xmlns:c="urn:ietf:params:xml:ns:carddav"><d:href>https://p1.example.com/1/carddav/</d:href></c:addressbook-home-set></d:prop></d:propstat></d:response></d:multistatus>`)
	for _, tc := range statusCases {
		f.Add(`<multistatus xmlns="DAV:"><response><href>x</href><status>` + tc.in + `</status></response></multistatus>`)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ms, err := parseMultistatus(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, r := range ms.Responses {
			p := r.props()
			if statusCode(r.Status)/100 != 2 && (p.ETag != "" || p.AddressData != "" || len(p.HomeSet.Hrefs) > 0) {
				t.Errorf("response with status %q has properties %+v", r.Status, p)
			}
			_ = r.href()
			_ = unquoteETag(p.ETag)
		}
	})
}
