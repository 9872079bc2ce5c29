package sipgate_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

func TestUserinfo(t *testing.T) {
	srv, c, _ := setup(t)
	u, err := c.Userinfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := sipgate.Userinfo{Sub: "w0", Domain: "sipgate.de", MasterSipID: "1234567", Locale: "de_DE"}
	if u != want {
		t.Errorf("Userinfo = %+v, want %+v", u, want)
	}
	only(t, srv, "GET", "/authorization/userinfo")
}

func TestAccount(t *testing.T) {
	srv, c, _ := setup(t)
	a, err := c.Account(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if a.Company != "Beispiel GmbH" || a.MainProductType != "TEAM" || !a.Verified || a.HistoryLifeTime != "90" {
		t.Errorf("Account = %+v", a)
	}
	only(t, srv, "GET", "/account")
}

func TestUsers(t *testing.T) {
	_, c, _ := setup(t)
	us, err := c.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 2 || us[0].ID != "w0" || us[0].Name() != "Anna Schmidt" || !us[0].Admin || us[1].DefaultDevice != "e1" {
		t.Errorf("Users = %+v", us)
	}
}

func TestDevices(t *testing.T) {
	srv, c, _ := setup(t)
	ds, err := c.Devices(context.Background(), "w0")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0].ID != "e0" || ds[0].Type != sipgate.DeviceRegister || !ds[0].Online ||
		len(ds[0].ActivePhonelines) != 1 || ds[0].ActivePhonelines[0].ID != "p0" || ds[1].Type != sipgate.DeviceMobile {
		t.Errorf("Devices(w0) = %+v", ds)
	}
	only(t, srv, "GET", "/w0/devices")
	if _, err := c.Devices(context.Background(), "w9"); !errors.Is(err, sipgate.ErrNotFound) {
		t.Errorf("Devices(w9) error = %v, want ErrNotFound", err)
	}
	if _, err := c.Devices(context.Background(), "../users"); !errors.Is(err, sipgate.ErrInvalidArgument) {
		t.Errorf("Devices(../users) error = %v, want ErrInvalidArgument", err)
	}
}

func TestNumbers(t *testing.T) {
	_, c, _ := setup(t)
	ns, err := c.Numbers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) != 1 || ns[0].Number != "+4921100000000" || ns[0].Type != "LANDLINE" || ns[0].EndpointID != "g1" {
		t.Errorf("Numbers = %+v", ns)
	}
}

func TestWebhookLog(t *testing.T) {
	srv, c, _ := setup(t)
	log, err := c.WebhookLog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Status != 200 || log[1].Status != 504 || log[1].XMLError != "timeout" ||
		!log[0].Created.Equal(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)) || log[0].URL != "https://old.example.org/in" {
		t.Errorf("WebhookLog = %+v", log)
	}
	only(t, srv, "GET", "/log/webhooks")
}

func TestContacts(t *testing.T) {
	_, c, _ := setup(t)
	cs, err := c.Contacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var scopes []sipgate.ContactScope
	for _, x := range cs {
		scopes = append(scopes, x.Scope)
	}
	if want := []sipgate.ContactScope{sipgate.ScopePrivate, sipgate.ScopeShared, sipgate.ScopeInternal}; !slices.Equal(scopes, want) {
		t.Errorf("scopes = %v, want %v", scopes, want)
	}
	f := cs[0].Facts()
	if f.Name != "Erika Mustermann" || f.Company != "Muster AG" || f.City != "Düsseldorf" || len(f.Numbers) != 2 ||
		f.Numbers[1].Label != sipgate.LabelMobile {
		t.Errorf("Facts = %+v", f)
	}
}

func TestHistoryFilterQuery(t *testing.T) {
	srv, c, _ := setup(t)
	since := time.Date(2025, 3, 1, 10, 15, 0, 0, time.FixedZone("CET", 3600))
	es, err := c.CallHistory(context.Background(), since)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	// h6 is an SMS; h1 is older than since (09:15 UTC).
	if want := []string{"h5", "h4", "h3", "h2"}; !slices.Equal(ids, want) {
		t.Errorf("CallHistory ids = %v, want %v", ids, want)
	}
	q := only(t, srv, "GET", "/history").Query
	if got := q["types"]; !slices.Equal(got, []string{"CALL", "VOICEMAIL"}) {
		t.Errorf("types = %v", got)
	}
	if got := q.Get("from"); got != "2025-03-01T09:15:00Z" {
		t.Errorf("from = %q", got)
	}
	if q.Get("limit") != "1000" || q.Get("offset") != "0" {
		t.Errorf("paging = limit %q offset %q", q.Get("limit"), q.Get("offset"))
	}
}

func TestHistoryDirections(t *testing.T) {
	srv, c, _ := setup(t)
	es, err := c.History(context.Background(), sipgate.HistoryFilter{
		Directions: []sipgate.Direction{sipgate.DirMissedIncoming, sipgate.DirMissedOutgoing}})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].ID != "h4" || es[1].ID != "h2" {
		t.Errorf("History = %+v", es)
	}
	if got := only(t, srv, "GET", "/history").Query["directions"]; !slices.Equal(got, []string{"MISSED_INCOMING", "MISSED_OUTGOING"}) {
		t.Errorf("directions = %v", got)
	}
}
