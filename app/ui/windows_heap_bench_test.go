package ui

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/app/service"
)

// BenchmarkWindowsLiveHeap opens the recent-calls window and the contact
// book (Settings on its Contacts tab, as the tray's Contacts… does) over
// 100,000 contacts and 50,000 calls, closes both, and reports the live
// heap each step adds to what the history and the book hold anyway:
// MiB-open while they are open, MiB-closed after they are closed.
func BenchmarkWindowsLiveHeap(b *testing.B) {
	be := newBackend(b)
	seedCalls(b, be, 50000)
	importContacts(b, be, 100000)
	fb := &fakeBackend{fakeSettings: newFakeSettings(b), status: service.Status{Listening: true}}
	q := newUIQueue()
	u := newUI(test.NewTempApp(b), Deps{Backend: fb, Calls: be.tracker, Book: be.book}, q.do, be.clock.Now)
	base := liveHeap()
	var open, closed float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.ShowRecentCalls()
		u.ShowContacts()
		if n := len(u.settingsWin.contacts.rows); n != 100000 {
			b.Fatalf("the contact book lists %d contacts, want 100000", n)
		}
		open = liveHeap() - base
		u.callsWin.keys.close()
		u.settingsWin.keys.close()
		closed = liveHeap() - base
	}
	b.ReportMetric(open, "MiB-open")
	b.ReportMetric(closed, "MiB-closed")
	u.callsWin.Close()
}

// liveHeap is the live heap in MiB after a full collection.
func liveHeap() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// importContacts imports n contacts with a name, a company and a number
// each, in one vCard file.
func importContacts(b *testing.B, be *backend, n int) {
	b.Helper()
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Name%d;Person;;;\r\nFN:Person Name%d\r\nORG:Company %d\r\nTEL;TYPE=WORK:+4930%08d\r\nEND:VCARD\r\n", i, i, i%997, i)
	}
	rep, err := be.book.Import(context.Background(), strings.NewReader(sb.String()), "bench.vcf", nil)
	if err != nil || rep.Imported != n {
		b.Fatalf("Import = %+v, %v; want %d imported", rep, err, n)
	}
}
