package cli

import (
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/contacts/carddav/carddavtest"
)

const (
	cardAnna = "BEGIN:VCARD\nVERSION:3.0\nUID:anna\nFN:Anna Schmidt\nN:Schmidt;Anna;;;\nORG:Milton Security\nTEL;TYPE=CELL:+49 171 2345678\nEND:VCARD\n"
	cardBo   = "BEGIN:VCARD\nVERSION:4.0\nUID:bo\nFN:Bo Berg\nN:Berg;Bo;;;\nTEL;TYPE=work:+46 8 123 456 78\nEND:VCARD\n"
)

// TestContactsSyncCardDAV syncs from a real Radicale twice: the second
// run changes nothing and says so; a lookup finds the synced contact.
func TestContactsSyncCardDAV(t *testing.T) {
	r := carddavtest.Start(t, "anna", "secret")
	book := r.MakeBook(t, "contacts")
	r.Put(t, book, "anna.vcf", cardAnna)
	r.Put(t, book, "bo.vcf", cardBo)
	dir := t.TempDir()
	env := map[string]string{"CARDDAV_URL": r.URL + "/anna/", "CARDDAV_USERNAME": "anna", "CARDDAV_PASSWORD": "secret"}

	code, out, errOut := run(t, dir, env, "contacts", "sync", "carddav")
	if code != ExitOK || !strings.Contains(out, "Added 2, updated 0, removed 0, unchanged 0") {
		t.Fatalf("first sync: exit %d, stdout %q, stderr %q; want 2 added", code, out, errOut)
	}
	code, out, errOut = run(t, dir, env, "contacts", "sync", "carddav")
	if code != ExitOK || !strings.Contains(out, "Added 0, updated 0, removed 0, unchanged 2") || !strings.Contains(out, "Nothing changed.") {
		t.Fatalf("second sync: exit %d, stdout %q, stderr %q; want nothing changed", code, out, errOut)
	}
	if code, out, _ = run(t, dir, nil, "lookup", "+46812345678"); code != ExitOK || !strings.Contains(out, "Bo Berg") {
		t.Errorf("lookup of a synced number: exit %d, %q; want Bo Berg", code, out)
	}
	if _, out, _ = run(t, dir, nil, "contacts", "list"); strings.Count(out, "Schmidt")+strings.Count(out, "Berg") != 2 {
		t.Errorf("contacts list after two syncs: %q; want Anna and Bo once each", out)
	}

	env["CARDDAV_PASSWORD"] = "wrong"
	code, out, errOut = run(t, dir, env, "contacts", "sync", "carddav")
	if code != ExitError || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "CARDDAV_PASSWORD") || out != "" {
		t.Errorf("sync with a wrong password: exit %d, stdout %q, stderr %q; want exit 1 and one line naming CARDDAV_PASSWORD", code, out, errOut)
	}
}

// TestContactsSyncCardDAVNotSetUp says which settings to set.
func TestContactsSyncCardDAVNotSetUp(t *testing.T) {
	code, _, errOut := run(t, t.TempDir(), nil, "contacts", "sync", "carddav")
	if code != ExitUsage || !strings.Contains(errOut, "CARDDAV_URL") {
		t.Errorf("sync without CARDDAV_URL: exit %d, stderr %q; want exit 2 naming CARDDAV_URL", code, errOut)
	}
}
