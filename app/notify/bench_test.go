package notify

import (
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// BenchmarkDecide covers the common no-popup path (a call that moved on
// to active) and the popups, whose cost is libphonenumber's.
func BenchmarkDecide(b *testing.B) {
	cases := append(decideTests[:5:5], decideTests[6])
	cases = append(cases, decideTests[0])
	cases[len(cases)-1].name, cases[len(cases)-1].in = "active", status(calls.StatusActive)
	for _, tt := range cases {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Decide(tt.in, nil, tt.opts)
			}
		})
	}
}
