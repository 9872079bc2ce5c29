package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

func openCalls(t *testing.T, b *backend) (*CallsWindow, uiQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	q := newUIQueue()
	w := newCallsWindow(a, b.tracker, b.book, "DE", q.do, b.clock.Now)
	t.Cleanup(w.Close)
	w.Show()
	return w, q
}

// rowText is what row i of the list reads, drawn by the list's own
// update function.
func rowText(w *CallsWindow, i int) string {
	r := newCallRow().(*callRow)
	w.updateRow(i, r)
	return strings.ReplaceAll(strings.TrimSpace(texts(r)), "\n", " | ")
}

func TestCallsWindowListsNewestFirst(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	want := []string{
		"Marcus Satt",            // unknown mobile, answered: the answerer is on the right
		"Anonymous caller",       // withheld
		"Gewinnspiel Hotline",    // blocked
		"Ingrid Hansen",          // outgoing to Oslo
		"Spree AG",               // switchboard extension
		"+1 415-555-0132",        // unknown, international format
		"Erika Mustermann | VIP", // VIP
	}
	if got := w.list.Length(); got != len(want) {
		t.Fatalf("list has %d rows, want %d", got, len(want))
	}
	for i, frag := range want {
		if got := rowText(w, i); !strings.Contains(got, frag) {
			t.Errorf("row %d = %q, want it to contain %q", i, got, frag)
		}
	}
	for i, frag := range map[int]string{0: "0:45 · Marcus Satt", 1: "Missed", 2: "Blocked", 4: "Voicemail", 5: "San Francisco", 6: "3:07 · Anna Mayer"} {
		if got := rowText(w, i); !strings.Contains(got, frag) {
			t.Errorf("row %d = %q, want it to contain %q", i, got, frag)
		}
	}
	if got := rowText(w, 6); !strings.Contains(got, "0211 1234567 · Muster GmbH") || !strings.Contains(got, "min ago") {
		t.Errorf("Erika's row = %q, want her number, company and a relative time", got)
	}
}

func TestCallsWindowMissedCallsStandOut(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	r := newCallRow().(*callRow)
	w.updateRow(5, r) // the missed call from San Francisco
	if c := nameStyle(r).ColorName; c != theme.ColorNameError || r.outcome.Importance != widget.DangerImportance {
		t.Errorf("missed row: name colour %q, outcome importance %v, want the error colour and danger", c, r.outcome.Importance)
	}
	w.updateRow(6, r)
	if c := nameStyle(r).ColorName; c != "" {
		t.Errorf("answered row: name colour %q, want the foreground", c)
	}
}

func nameStyle(r *callRow) widget.RichTextStyle {
	return r.title.name.Segments[0].(*widget.TextSegment).Style
}

func TestCallsWindowShowsANewCallLive(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	caller := line{"live", "in", "+492111234567", office}
	b.push(t, time.Minute, caller.ring(anna))
	q.until(t, "the ringing call is the first row", func() bool {
		return w.list.Length() == 8 && w.page.rows[0].Status == calls.StatusRinging
	})
	if got := rowText(w, 0); !strings.Contains(got, "Erika Mustermann") || !strings.Contains(got, "Ringing") {
		t.Errorf("new row = %q, want Erika ringing", got)
	}
	b.push(t, 20*time.Second, caller.hangup("live", webhook.Cancel))
	q.until(t, "the call turns missed in place", func() bool {
		return w.list.Length() == 8 && w.page.rows[0].Status == calls.StatusMissed
	})
}

func TestCallsWindowSearch(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	for _, tc := range []struct {
		typed string
		want  int
	}{
		{"muster", 1},       // company, any case
		{"0211 1234567", 1}, // a national number finds the E.164 one
		{"+47 22", 1},       // an international prefix
		{"nobody by this", 0},
		{"", 7},
	} {
		w.search.SetText("")
		test.Type(w.search, tc.typed)
		q.until(t, "the search for "+tc.typed+" is loaded", func() bool { return !w.page.loading })
		if got := w.list.Length(); got != tc.want {
			t.Errorf("search %q shows %d calls, want %d", tc.typed, got, tc.want)
		}
		if empty := tc.want == 0; w.empty.Hidden == empty {
			t.Errorf("search %q: empty note hidden = %v", tc.typed, w.empty.Hidden)
		}
	}
}

func TestCallsWindowMissedFilter(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	test.Tap(w.missed)
	q.until(t, "only missed and voicemail calls are listed", func() bool { return !w.page.loading })
	if got := w.list.Length(); got != 3 {
		t.Fatalf("Missed & voicemail shows %d calls, want 3 (two missed, one voicemail)", got)
	}
	answered := line{"new1", "in", "+4922112345678", office}
	b.push(t, time.Minute, answered.ring(anna))
	b.push(t, time.Second, answered.answer("new1", anna))
	missed := line{"new2", "in", "+4940123456", office}
	b.push(t, time.Minute, missed.ring(anna))
	b.push(t, time.Minute, missed.hangup("new2", webhook.NoAnswer))
	q.until(t, "the new missed call appears", func() bool { return w.list.Length() == 4 })
	for i, c := range w.page.rows {
		if c.Status != calls.StatusMissed && c.Status != calls.StatusVoicemail {
			t.Errorf("row %d is %s under Missed & voicemail", i, c.Status)
		}
	}
	test.Tap(w.missed)
	q.until(t, "every call is back", func() bool { return !w.page.loading && w.list.Length() == 9 })
}

// A row the list reuses for another call reads exactly as a new row for
// that call: what it leaves alone because it did not change is right.
func TestCallsWindowReusedRowReadsAsNew(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	reused := newCallRow().(*callRow)
	for _, i := range []int{0, 1, 2, 3, 4, 5, 6, 5, 6, 2, 0, 6} {
		w.updateRow(i, reused)
		want := rowText(w, i)
		got := strings.ReplaceAll(strings.TrimSpace(texts(reused)), "\n", " | ")
		if got != want || reused.title.badge.Hidden != (partyBadge(w.partyOf(w.page.rows[i]), w.page.rows[i]).text == "") {
			t.Errorf("reused row for %d = %q (badge hidden %t), want %q", i, got, reused.title.badge.Hidden, want)
		}
		fresh := newCallRow().(*callRow)
		w.updateRow(i, fresh)
		if nameStyle(reused) != nameStyle(fresh) || reused.outcome.Importance != fresh.outcome.Importance ||
			reused.icon.Resource.Name() != fresh.icon.Resource.Name() {
			t.Errorf("reused row for %d: name style %+v, outcome %v, icon %s; want %+v, %v, %s", i, nameStyle(reused),
				reused.outcome.Importance, reused.icon.Resource.Name(), nameStyle(fresh), fresh.outcome.Importance, fresh.icon.Resource.Name())
		}
	}
}
