package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestWindowsFollowTheDefaultCountry(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	for _, tc := range []struct{ region, want string }{
		{"DE", "0211 1234567 · Muster GmbH"},
		{"AT", "+49 211 1234567 · Muster GmbH"},
	} {
		w.SetRegion(tc.region)
		if got := rowText(w, 6); !strings.Contains(got, tc.want) {
			t.Errorf("calls window in %s: Erika's row = %q, want %q", tc.region, got, tc.want)
		}
	}

	cw := newContactsWindow(test.NewTempApp(t), b.book, "DE", newUIQueue().do)
	cw.SetRegion("AT")
	if cw.region != "AT" {
		t.Errorf("contacts window region = %q after SetRegion(AT)", cw.region)
	}
}
