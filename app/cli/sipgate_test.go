package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

// sipgateEnv points the commands at a fake sipgate with its token.
func sipgateEnv(srv *sipgatefake.Server) map[string]string {
	return map[string]string{"SIPGATE_API_URL": srv.URL, "SIPGATE_TOKEN_ID": srv.TokenID, "SIPGATE_TOKEN": srv.Token}
}

// noKeyring makes the OS keyring unavailable, as on a desktop without
// one: tokens go to the data dir's file, never to the tester's keyring.
func noKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("no keyring here"))
}

func TestSipgateWrongTokenNamesIt(t *testing.T) {
	srv := sipgatefake.New(t)
	env := sipgateEnv(srv)
	env["SIPGATE_TOKEN"] = "00000000-0000-4000-8000-000000000000"
	for _, args := range [][]string{{"sipgate", "status"}, {"contacts", "sync", "sipgate"}, {"call", "0301234567"}} {
		code, out, errOut := run(t, t.TempDir(), env, args...)
		if code == 0 || !strings.Contains(errOut, "sipgate refused the token (SIPGATE_TOKEN_ID and SIPGATE_TOKEN)") {
			t.Errorf("%q with a wrong token = %d, %q %q; want non-zero naming the token", args, code, out, errOut)
		}
		if strings.Contains(out+errOut, env["SIPGATE_TOKEN"]) || strings.Contains(out+errOut, srv.Token) {
			t.Errorf("%q printed a token", args)
		}
	}
}

func TestSipgateNotConnected(t *testing.T) {
	noKeyring(t)
	code, _, errOut := run(t, t.TempDir(), nil, "sipgate", "status")
	if code == 0 || !strings.Contains(errOut, "No sipgate account is connected") {
		t.Errorf("status without a token = %d, %q", code, errOut)
	}
}

func TestSipgateStatusJSON(t *testing.T) {
	srv := sipgatefake.New(t)
	env := sipgateEnv(srv)
	env["WEBHOOK_SERVER_ADDRESS"] = "https://old.example.org/in"
	code, out, errOut := run(t, t.TempDir(), env, "sipgate", "status", "--json")
	if code != 0 {
		t.Fatalf("status = %d, %s", code, errOut)
	}
	var r service.AccountReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, out)
	}
	if r.UserID != "w0" || r.UserName != "Anna Schmidt" || !r.Booked || r.IncomingURL != "https://old.example.org/in" || r.PointsHere {
		t.Errorf("report = %+v", r)
	}
	if len(r.Deliveries) != 2 || r.Deliveries[0].Status != 504 {
		t.Errorf("deliveries = %+v, want the 504 first", r.Deliveries)
	}
	allowed := 0
	for _, f := range r.Features {
		if f.State == service.FeatureAllowed {
			allowed++
		}
	}
	if allowed < 7 || strings.Contains(out, srv.Token) {
		t.Errorf("features = %+v", r.Features)
	}
	srv.SetScopes("history:read")
	code, out, _ = run(t, t.TempDir(), env, "sipgate", "status")
	if code != 0 || !strings.Contains(out, "contacts:read") || !strings.Contains(out, "refused") || !strings.Contains(out, "not booked") {
		t.Errorf("status with one scope = %d:\n%s", code, out)
	}
}

func TestSipgateWebhookKeepsLogAndWhitelist(t *testing.T) {
	srv := sipgatefake.New(t)
	code, out, errOut := run(t, t.TempDir(), sipgateEnv(srv), "sipgate", "webhook", "https://new.example.org/")
	if code != 0 || !strings.Contains(out, "https://new.example.org/") {
		t.Fatalf("webhook = %d, %q %q", code, out, errOut)
	}
	s := srv.Data().Settings
	if s.IncomingURL != "https://new.example.org/" || s.OutgoingURL != "https://new.example.org/" || !s.Log || strings.Join(s.Whitelist, ",") != "w0,g1" {
		t.Errorf("settings after webhook = %+v", s)
	}
	code, _, errOut = run(t, t.TempDir(), sipgateEnv(srv), "sipgate", "webhook", "ftp://x")
	if code != 2 || !strings.Contains(errOut, "https://") {
		t.Errorf("webhook with a bad URL = %d, %q", code, errOut)
	}
	srv.SetBooked(false)
	code, _, errOut = run(t, t.TempDir(), sipgateEnv(srv), "sipgate", "webhook", "https://new.example.org/")
	if code == 0 || !strings.Contains(errOut, "sipgate.io is not booked") {
		t.Errorf("webhook when not booked = %d, %q", code, errOut)
	}
}

func TestContactsSyncSipgateTwice(t *testing.T) {
	srv := sipgatefake.New(t)
	dir := t.TempDir()
	for i, want := range []string{"3 added, 0 updated, 0 removed, 0 unchanged", "0 added, 0 updated, 0 removed, 3 unchanged"} {
		code, out, errOut := run(t, dir, sipgateEnv(srv), "contacts", "sync", "sipgate")
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("sync %d = %d, %q %q; want %q", i+1, code, out, errOut, want)
		}
	}
	code, out, _ := run(t, dir, nil, "contacts", "list", "--json")
	var list []contactJSON
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 3 {
		t.Fatalf("contacts after two syncs = %d %s", code, out)
	}
	for number, name := range map[string]string{"02115550100": "Erika Mustermann", "0211 5550 42": "Zentrale Muster AG", "+4921100000001": "Ben Meyer"} {
		_, out, _ := run(t, dir, nil, "lookup", number)
		if !strings.Contains(out, name) {
			t.Errorf("lookup %s = %q, want %s", number, out, name)
		}
	}
	srv.InjectStatus("GET", "/contacts", 500, "")
	code, _, errOut := run(t, dir, sipgateEnv(srv), "contacts", "sync", "sipgate")
	if code == 0 || !strings.Contains(errOut, "sipgate's servers failed (HTTP 500)") {
		t.Errorf("sync against a failing sipgate = %d, %q", code, errOut)
	}
}

func TestCallsSyncTwice(t *testing.T) {
	srv := sipgatefake.New(t)
	dir := t.TempDir()
	for i, want := range []string{"5 calls read, 5 added (2 missed)", "5 calls read, 0 added (0 missed), 0 completed"} {
		code, out, errOut := run(t, dir, sipgateEnv(srv), "calls", "sync")
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("calls sync %d = %d, %q %q; want %q", i+1, code, out, errOut, want)
		}
	}
	code, out, _ := run(t, dir, nil, "calls", "--json", "--limit", "100")
	var list []calls.Call
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil {
		t.Fatalf("calls --json = %d %s", code, out)
	}
	got := map[string]string{}
	for _, c := range list {
		got[c.Party()] += string(c.Status) + " "
	}
	want := map[string]string{"+4915100000005": "answered ", "+4915100000004": "not_reached ", "+4915100000003": "voicemail ",
		"anonymous": "missed ", "+4921155501000": "answered "}
	for party, status := range want {
		if got[party] != status {
			t.Errorf("calls with %s: %q, want %q (once)", party, got[party], status)
		}
	}
	if len(list) != 5 {
		t.Errorf("%d calls after two syncs, want 5", len(list))
	}
	for _, c := range list {
		if c.Party() == "+4921155501000" && (c.AnsweredBy != "Anna Schmidt" || c.DurationSeconds != 125) {
			t.Errorf("answered call = by %q for %d s, want Anna Schmidt for 125 s", c.AnsweredBy, c.DurationSeconds)
		}
	}
}

func TestCallThroughSipgate(t *testing.T) {
	srv := sipgatefake.New(t)
	code, out, errOut := run(t, t.TempDir(), sipgateEnv(srv), "call", "030", "1234567")
	if code != 0 || !strings.Contains(out, "Your phone (Desk phone) rings — pick up to call +49 30 1234567") {
		t.Fatalf("call = %d, %q %q", code, out, errOut)
	}
	reqs := srv.RequestsTo("POST", "/sessions/calls")
	if len(reqs) != 1 {
		t.Fatalf("%d click-to-call requests", len(reqs))
	}
	var body map[string]string
	json.Unmarshal(reqs[0].Body, &body)
	if body["deviceId"] != "e0" || body["caller"] != "e0" || body["callee"] != "+49301234567" {
		t.Errorf("click-to-call body = %v", body)
	}
	code, _, errOut = run(t, t.TempDir(), sipgateEnv(srv), "call", "12")
	if code == 0 || len(srv.RequestsTo("POST", "/sessions/calls")) != 1 {
		t.Errorf("call with a bad number = %d, %q, or it reached sipgate", code, errOut)
	}
	srv.InjectStatus("POST", "/sessions/calls", 402, "")
	code, _, errOut = run(t, t.TempDir(), sipgateEnv(srv), "call", "--device", "y0", "0301234567")
	if code == 0 || !strings.Contains(errOut, "too little credit") {
		t.Errorf("call without credit = %d, %q", code, errOut)
	}
}

func TestSipgateLoginStoresTokenPrivately(t *testing.T) {
	noKeyring(t)
	srv := sipgatefake.New(t)
	dir := t.TempDir()
	env := map[string]string{"SIPGATE_API_URL": srv.URL}
	code, out, errOut := runWithStdin(t, dir, env, "wrong-id\n"+srv.Token+"\n", "sipgate", "login")
	if code == 0 || !strings.Contains(errOut, "a token id looks like token-AB12CD") {
		t.Errorf("login with a malformed id = %d, %q %q", code, out, errOut)
	}
	code, _, errOut = runWithStdin(t, dir, env, srv.TokenID+"\n00000000-0000-4000-8000-000000000000\n", "sipgate", "login")
	if code == 0 || !strings.Contains(errOut, "refused the token") {
		t.Errorf("login with a wrong token = %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, service.SecretsFile)); err == nil {
		t.Errorf("a refused token was stored")
	}
	code, out, errOut = runWithStdin(t, dir, env, srv.TokenID+"\n"+srv.Token+"\n", "sipgate", "login")
	if code != 0 || !strings.Contains(out, "Connected to sipgate as w0") || !strings.Contains(out, "no keyring answered") {
		t.Fatalf("login = %d, %q %q", code, out, errOut)
	}
	fi, err := os.Stat(filepath.Join(dir, service.SecretsFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("secrets file: %v, mode %v", err, fi.Mode())
	}
	code, out, _ = run(t, dir, env, "sipgate", "status", "--json")
	if code != 0 || !strings.Contains(out, `"user_id": "w0"`) || strings.Contains(out, srv.Token) {
		t.Errorf("status with the stored token = %d, %s", code, out)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "settings.json"))
	if strings.Contains(string(b), srv.Token) {
		t.Errorf("the token reached settings.json")
	}
	if code, _, _ := run(t, dir, env, "sipgate", "logout"); code != 0 {
		t.Fatalf("logout = %d", code)
	}
	code, _, errOut = run(t, dir, env, "sipgate", "status")
	if code == 0 || !strings.Contains(errOut, "No sipgate account is connected") {
		t.Errorf("status after logout = %d, %q", code, errOut)
	}
}
