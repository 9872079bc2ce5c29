package bench

import (
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// TestAreasParse checks every area, in every written style, at small and
// large indexes: libphonenumber must read the address-book form and
// sipgate's digits to the same E.164, or the import would skip contacts.
func TestAreasParse(t *testing.T) {
	var all []area
	for _, l := range [][]area{germanFixed, germanMobile, foreignFixed, unknownAreas} {
		all = append(all, l...)
	}
	for _, a := range all {
		for _, n := range []int{0, 7, 4711, 99_999, 999_999} {
			want := "+" + a.digits(n)
			for style := range 6 {
				w := a.written(n, style)
				if p, err := phone.Parse(w, "DE"); err != nil || p.E164 != want {
					t.Errorf("Parse(%q) = %q, %v; want %s", w, p.E164, err, want)
				}
			}
			if p, err := phone.Parse(a.digits(n), "DE"); err != nil || p.E164 != want {
				t.Errorf("Parse(%q) = %q, %v; want %s", a.digits(n), p.E164, err, want)
			}
		}
	}
}

func TestSwitchboardsParse(t *testing.T) {
	for i := 0; i < 100_000; i += 997 * switchboardEvery {
		p := ContactAt(1, i)
		n := p.Numbers[0]
		got, err := phone.Parse(n.Written, "DE")
		if err != nil || !got.Switchboard || got.E164 != "+"+n.Digits {
			t.Errorf("Parse(%q) = %+v, %v; want switchboard +%s", n.Written, got, err, n.Digits)
		}
		if !strings.HasSuffix(n.Written, "-0") {
			t.Errorf("switchboard %q has no -0 mark", n.Written)
		}
	}
}
