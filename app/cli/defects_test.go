package cli

import (
	"encoding/csv"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Global flags stand before the command for every command, and an
// argument a command does not take is an error, never another command.
func TestGlobalDataDirBeforeEveryCommand(t *testing.T) {
	dir := t.TempDir()
	vcf := filepath.Join(t.TempDir(), "one.vcf")
	os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Mayer\r\nN:Mayer;Anna;;;\r\nTEL;TYPE=work:+49 211 1234567\r\nEND:VCARD\r\n"), 0o600)
	// No data dir in the environment: only the global flag names it.
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--data-dir", dir, "contacts", "import", vcf}, 0, "Imported 1"},
		{[]string{"contacts", "import", vcf, "--data-dir", dir}, 0, "vCard 3.0"},
		{[]string{"--data-dir", dir, "contacts", "list"}, 0, "Anna Mayer"},
		{[]string{"--data-dir=" + dir, "contacts", "--json"}, 0, "Anna Mayer"},
		{[]string{"--data-dir", dir, "lookup", "0211 1234567"}, 0, "Anna Mayer"},
		{[]string{"--data-dir", dir, "contacts", "--json", "list"}, 0, "Anna Mayer"},
		{[]string{"--data-dir", dir, "calls", "export", "--format", "json"}, 0, "[]"},
		{[]string{"--data-dir", dir, "contacts", "export", "--format", "fritzbox"}, 0, "<realName>Anna Mayer</realName>"},
		{[]string{"--data-dir", dir, "contacts", "frobnicate"}, 2, "unknown contacts command \"frobnicate\""},
		{[]string{"--data-dir", dir, "test-call", "extra"}, 2, "takes no arguments"},
		{[]string{"--data-dir", dir, "serve", "extra"}, 2, "takes no arguments"},
		{[]string{"--frobnicate", "contacts"}, 2, "unknown flag --frobnicate"},
		{[]string{"--data-dir"}, 2, "--data-dir needs a directory"},
	} {
		code, out, errOut := run(t, "", nil, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("whoiscalling %q = %d, %q%q; want %d containing %q", tc.args, code, out, errOut, tc.code, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "whoiscalling.db")); err != nil {
		t.Errorf("the global --data-dir was not used: %v", err)
	}
}

// A search without hits says so; "No … yet" is for an empty book.
func TestSearchWithoutHits(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, nil, "contacts", "add", "--name", "Anna Mayer", "--number", "0211 1234567")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"contacts", "list", "zzz"}, `No contacts match "zzz".`},
		{[]string{"calls", "zzz"}, `No calls match "zzz".`},
		{[]string{"calls"}, "No calls yet"},
	} {
		code, out, errOut := run(t, dir, nil, tc.args...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("whoiscalling %q = %d, %q%q; want %q", tc.args, code, out, errOut, tc.want)
		}
	}
}

// Terminal escapes and line breaks in names never reach the terminal.
func TestHostileNamesAreCleanedOnOutput(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := run(t, dir, nil, "contacts", "add", "--name", "Eve\x1b]8;;http://evil\x07 \x1b[2JMallory\u202E", "--company", "two\nlines", "--number", "0211 7654321")
	if code != 0 {
		t.Fatalf("contacts add = %d, %s", code, errOut)
	}
	for _, args := range [][]string{{"contacts", "list"}, {"lookup", "0211 7654321"}} {
		_, out, _ := run(t, dir, nil, args...)
		if strings.ContainsAny(out, "\x1b\x07\u202E") || !strings.Contains(out, "Mallory") {
			t.Errorf("whoiscalling %q printed %q: control characters reached the terminal", args, out)
		}
		if strings.Contains(out, "two\nlines") {
			t.Errorf("whoiscalling %q printed a multi-line name: %q", args, out)
		}
	}
}

// No cell of a calls CSV export starts a formula, yet numbers stay
// readable.
func TestCallsCSVIsNeutralised(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, nil, "contacts", "add", "--name", "=HYPERLINK(\"http://evil\",\"x\")", "--number", "0211 1234567")
	base, stop := serve(t, dir, map[string]string{"SIPGATE_VERIFY_SIGNATURE": "false"})
	body := "event=newCall&direction=in&from=492111234567&to=4921155500123&callId=C1&origCallId=C1&user%5B%5D=%3D1%2B1&user%5B%5D=%40SUM(A1)"
	if code, _ := postBody(t, base, form, body, nil); code != http.StatusOK {
		t.Fatalf("newCall = %d", code)
	}
	stop()
	code, out, errOut := run(t, dir, nil, "calls", "export", "--format", "csv")
	if code != 0 {
		t.Fatalf("calls export = %d, %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("calls export = %q (%v), want a header and one call", out, err)
	}
	for _, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=@\t\r", rune(cell[0])) {
			t.Errorf("cell %q starts a formula", cell)
		}
	}
	if from := rows[1][2]; !strings.Contains(from, "2111234567") {
		t.Errorf("from = %q, want the number kept", from)
	}
}

// serve takes the data dir's lock: a second one on the same dir exits
// non-zero with one sentence, and the first one keeps the history.
func TestSecondServeOnSameDataDir(t *testing.T) {
	dir := t.TempDir()
	serve(t, dir, map[string]string{})
	code, _, errOut := run(t, dir, map[string]string{"WEBHOOK_SERVER_PORT": freePort(t)}, "serve")
	if code == 0 || !strings.Contains(errOut, "already runs with the data dir") {
		t.Errorf("second serve on one data dir = %d, %q; want non-zero and the reason", code, errOut)
	}
}
