package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the CLI with a data dir in t.TempDir() (unless args name one)
// and an empty environment, and returns the exit code, stdout and stderr.
func run(t *testing.T, dataDir string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return runWithStdin(t, dataDir, env, "", args...)
}

// runWithStdin is run with stdin as the standard input.
func runWithStdin(t *testing.T, dataDir string, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := Env{
		Stdout: &out, Stderr: &errOut, Version: "1.2.3", Stdin: strings.NewReader(stdin),
		LookupEnv: func(k string) (string, bool) {
			if k == "WHOISCALLING_DATA_DIR" && dataDir != "" {
				return dataDir, true
			}
			v, ok := env[k]
			return v, ok
		},
		DotEnv:        func() (map[string]string, error) { return map[string]string{}, nil },
		UserConfigDir: func() (string, error) { return filepath.Join(t.TempDir(), "config"), nil },
	}
	code := Run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

func TestHelpAndVersion(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--version"}, 0, "whoiscalling 1.2.3"},
		{[]string{"help"}, 0, "test-call"},
		{nil, 0, "contacts"},
		{[]string{"help", "lookup"}, 0, "whoiscalling lookup 02111234567 --json"},
		{[]string{"lookup", "--help"}, 0, "Flags:"},
		{[]string{"frobnicate"}, 2, "unknown command \"frobnicate\""},
		{[]string{"calls", "--limit", "0"}, 2, "--limit 0"},
		{[]string{"calls", "--status", "lost"}, 2, "not_reached"},
		{[]string{"contacts", "export", "--format", "pdf"}, 2, "use vcf or csv"},
		{[]string{"lookup"}, 2, "lookup needs a number"},
		{[]string{"serve", "--bogus"}, 2, "flag provided but not defined"},
	} {
		code, out, errOut := run(t, t.TempDir(), nil, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("whoiscalling %q = %d, %q%q; want %d containing %q", tc.args, code, out, errOut, tc.code, tc.want)
		}
	}
}

func TestGlobalFlags(t *testing.T) {
	for _, tc := range []struct{ in, dir, rest, err string }{
		{"--data-dir /d serve", "/d", "serve", ""},
		{"--data-dir=/d lookup 0211", "/d", "lookup 0211", ""},
		{"-data-dir /d contacts import f.vcf", "/d", "contacts import f.vcf", ""},
		{"lookup 0211 --data-dir /d", "", "lookup 0211 --data-dir /d", ""},
		{"--data-dir /d --version", "/d", "--version", ""},
		{"--data-dir", "", "", "needs a directory"},
		{"--json calls", "", "", "unknown flag --json"},
	} {
		dir, rest, err := globalFlags(strings.Fields(tc.in))
		got := strings.Join(rest, " ")
		if dir != tc.dir || got != tc.rest || (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("globalFlags(%q) = %q, %q, %v; want %q, %q, %q", tc.in, dir, got, err, tc.dir, tc.rest, tc.err)
		}
	}
}

func TestBadConfigExitsTwo(t *testing.T) {
	for key, value := range map[string]string{"WEBHOOK_SERVER_PORT": "99999", "DEFAULT_REGION": "XX", "WEBHOOK_SERVER_ADDRESS": "example.org"} {
		code, _, errOut := run(t, t.TempDir(), map[string]string{key: value}, "calls")
		if code != 2 || !strings.Contains(errOut, key) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("calls with %s=%s = %d, %q; want exit 2 and one line naming the key", key, value, code, errOut)
		}
	}
}

func TestContactsAndLookup(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, dir, nil, "contacts", "add", "--name", "Lisbeth Salander", "--company", "Milton Security",
		"--number", "+46 8 123 456 78", "--number", "mobile:0171 2345678", "--vip")
	if code != 0 || !strings.Contains(out, "Lisbeth Salander") {
		t.Fatalf("contacts add = %d, %q %q", code, out, errOut)
	}
	code, _, errOut = run(t, dir, nil, "contacts", "add", "--name", "Switchboard", "--company", "Example GmbH", "--number", "+49 211 63555-0")
	if code != 0 {
		t.Fatalf("contacts add switchboard = %d, %q", code, errOut)
	}
	code, _, errOut = run(t, dir, nil, "contacts", "add", "--name", "Bad", "--number", "12")
	if code != 2 || errOut == "" {
		t.Errorf("contacts add with a bad number = %d, %q; want 2 and a reason", code, errOut)
	}

	for _, tc := range []struct{ number, match, name string }{
		{"+46 8 1234 5678", "exact", "Lisbeth Salander"},
		{"+4917 12345678", "exact", "Lisbeth Salander"},
		{"0211 63555 123", "switchboard", "Switchboard"},
	} {
		code, out, errOut := run(t, dir, nil, "lookup", tc.number, "--json")
		var res lookupResult
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
			t.Fatalf("lookup %s = %d, %q %q", tc.number, code, out, errOut)
		}
		if !res.Known || res.Match != tc.match || res.Contact.Name != tc.name {
			t.Errorf("lookup %s = %+v, want %s match on %s", tc.number, res, tc.match, tc.name)
		}
	}
	_, out, _ = run(t, dir, nil, "lookup", "0211", "1234567")
	if !strings.Contains(out, "not in your contacts") || !strings.Contains(out, "Düsseldorf") {
		t.Errorf("lookup of an unknown number = %q, want its region", out)
	}

	_, out, _ = run(t, dir, nil, "contacts", "list", "--json")
	var list []contactJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 2 {
		t.Fatalf("contacts list --json = %q (%v), want 2 contacts", out, err)
	}
	code, out, _ = run(t, dir, nil, "contacts", "remove", fmt.Sprint(list[0].ID))
	if code != 0 || !strings.Contains(out, "Removed") {
		t.Errorf("contacts remove = %d, %q", code, out)
	}
	if code, _, _ := run(t, dir, nil, "contacts", "remove", "abc"); code != 2 {
		t.Errorf("contacts remove abc = %d, want 2", code)
	}
}

func TestImportExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	csvFile := filepath.Join(t.TempDir(), "book.csv")
	os.WriteFile(csvFile, []byte("Vorname;Nachname;Firma;Telefon;Ort\nAnna;Mayer;ACME;0211 1234567;Düsseldorf\nBroken;Row;;not a number;\n"), 0o600)
	code, out, errOut := run(t, dir, nil, "contacts", "import", csvFile)
	if code != 0 || !strings.Contains(out, "Imported 2") || !strings.Contains(out, "line 3") || !strings.Contains(out, "without a phone number") {
		t.Fatalf("contacts import = %d, %q %q", code, out, errOut)
	}
	code, out, _ = run(t, dir, nil, "contacts", "export", "--format", "vcf")
	if code != 0 || !strings.Contains(out, "BEGIN:VCARD") || !strings.Contains(out, "Mayer") {
		t.Fatalf("contacts export = %d, %q", code, out)
	}
	vcf := filepath.Join(t.TempDir(), "out.vcf")
	os.WriteFile(vcf, []byte(out), 0o600)
	_, out, _ = run(t, dir, nil, "contacts", "import", vcf)
	if !strings.Contains(out, "Imported 0") {
		t.Errorf("re-import of the export = %q, want nothing new", out)
	}
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}
