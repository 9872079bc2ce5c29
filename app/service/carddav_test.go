package service

import (
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/contacts/carddav/carddavtest"
)

// waitCardDAV waits until a background sync has ended since
// the given time.
func waitCardDAV(t *testing.T, svc *Service, after time.Time) CardDAVStatus {
	t.Helper()
	// Not a speed check: a guard against a sync that never ends.
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		st := svc.CardDAVStatus()
		if st.LastSync.After(after) && !st.Running {
			return st
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no CardDAV sync ended within a minute: %+v", svc.CardDAVStatus())
	return CardDAVStatus{}
}

// TestCardDAVBackgroundSync syncs a real Radicale book at start, keeps
// the result for the UI, and follows "Sync now" after a remote change.
func TestCardDAVBackgroundSync(t *testing.T) {
	r := carddavtest.Start(t, "anna", "secret")
	book := r.MakeBook(t, "contacts")
	r.Put(t, book, "anna.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:a\nFN:Anna Schmidt\nN:Schmidt;Anna;;;\nTEL:+49 171 2345678\nEND:VCARD\n")
	start := time.Now()
	svc := openTestService(t, map[string]string{"CARDDAV_URL": r.URL + "/anna/", "CARDDAV_USERNAME": "anna",
		"CARDDAV_PASSWORD": "secret", "CARDDAV_SYNC_INTERVAL": "1h"})
	st := waitCardDAV(t, svc, start)
	if st.Err != nil || !st.Enabled || st.Result.Imported != 1 {
		t.Fatalf("first background sync: %+v; want 1 added, no error", st)
	}
	if m, ok := svc.Book.Lookup("+491712345678"); !ok || m.Contact.DisplayName() != "Anna Schmidt" {
		t.Fatalf("Lookup after the background sync = %v, %v; want Anna Schmidt", m.Contact, ok)
	}

	r.Put(t, book, "bo.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:b\nFN:Bo Berg\nN:Berg;Bo;;;\nTEL:+46 8 123 456 78\nEND:VCARD\n")
	before := st.LastSync
	svc.SyncCardDAVNow()
	st = waitCardDAV(t, svc, before)
	if st.Err != nil || st.Result.Imported != 1 || st.Result.Unchanged != 1 || st.Result.Fetched != 1 {
		t.Fatalf("sync now after a new remote card: %+v; want 1 added, 1 unchanged, 1 downloaded", st)
	}
}

// TestCardDAVStatusWhenOff is empty without CARDDAV_URL.
func TestCardDAVStatusWhenOff(t *testing.T) {
	svc := openTestService(t, map[string]string{})
	svc.SyncCardDAVNow()
	if st := svc.CardDAVStatus(); st.Enabled || !st.LastSync.IsZero() || st.Err != nil {
		t.Errorf("CardDAVStatus without CARDDAV_URL = %+v, want the zero status", st)
	}
}
