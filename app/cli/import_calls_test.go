package cli

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// TestImportedContactsNameCalls follows a new user: import a messy vCard
// file and a semicolon CSV with the command, then calls arrive with the
// digits-only numbers sipgate sends and are named.
func TestImportedContactsNameCalls(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"../contacts/testdata/messy.vcf", "../contacts/testdata/semicolon.csv"} {
		if code, out, errOut := run(t, dir, nil, "contacts", "import", f); code != 0 || !strings.Contains(out, "Imported") {
			t.Fatalf("contacts import %s = %d, %q %q", f, code, out, errOut)
		}
	}
	_, before, _ := run(t, dir, nil, "contacts", "list", "--json")
	for _, f := range []string{"../contacts/testdata/messy.vcf", "../contacts/testdata/semicolon.csv"} {
		run(t, dir, nil, "contacts", "import", f)
	}
	if _, after, _ := run(t, dir, nil, "contacts", "list", "--json"); after != before {
		t.Errorf("importing the same files again changed the book")
	}
	code, _, errOut := run(t, dir, nil, "contacts", "import", "../contacts/testdata/broken.vcf")
	if _, after, _ := run(t, dir, nil, "contacts", "list", "--json"); code == 0 || after != before {
		t.Errorf("a broken file = exit %d (%q) and changed book %v; want an error and no change", code, errOut, after != before)
	}

	svc := openService(t, dir)
	for i, tc := range []struct{ digits, want string }{
		{"492111234567", "Anna Müller"}, {"4921163555777", "Muster AG"}, {"49891234567", "Jonas Schmidt"},
		{"4722123456", "Kari Nordmann"}, {"491722223344", "Anna Schmidt"}, {"4922117899", "Stadtwerke Köln"},
	} {
		id := "IMPORT" + string(rune('A'+i))
		ev, err := webhook.ParseBody([]byte("event=newCall&direction=in&to=4921155500123&callId=" + id + "&from=" + tc.digits))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Tracker.Respond(context.Background(), ev); err != nil {
			t.Fatal(err)
		}
		if c, _ := svc.Tracker.Last(); c.Contact != tc.want && c.Company != tc.want {
			t.Errorf("call from %s named %q (%s), want %q", tc.digits, c.Contact, c.Company, tc.want)
		}
	}
}

// openService opens and runs the service on dir, listening on a free
// port, as serve does.
func openService(t *testing.T, dir string) *service.Service {
	t.Helper()
	port := freePort(t)
	env := service.Env{
		LookupEnv: func(k string) (string, bool) {
			if k == "WEBHOOK_SERVER_PORT" {
				return port, true
			}
			return "", false
		},
		DotEnv:        func() (map[string]string, error) { return map[string]string{}, nil },
		UserConfigDir: func() (string, error) { return t.TempDir(), nil },
	}
	cfg, err := service.LoadConfig(env, dir)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := service.Open(service.Options{Config: cfg, Env: env, Logger: slog.New(slog.DiscardHandler), RequireListener: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if err := svc.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return svc
}
