package sipgatefake_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

// get sends an authorized GET (unless noAuth) and returns status and body.
func get(t *testing.T, srv *sipgatefake.Server, path string, noAuth bool) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if !noAuth {
		req.SetBasicAuth(srv.TokenID, srv.Token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// The fake speaks the spec's field names (REST-API.md), checked on the
// raw JSON rather than through any Go type.
func TestWireFieldNames(t *testing.T) {
	srv := sipgatefake.New(t)
	for path, keys := range map[string][]string{
		"/authorization/userinfo": {`"sub"`, `"domain"`, `"masterSipId"`, `"locale"`},
		"/users":                  {`"items"`, `"firstname"`, `"lastname"`, `"defaultDevice"`, `"directDialIds"`, `"admin"`},
		"/w0/devices":             {`"alias"`, `"type":"REGISTER"`, `"online"`, `"dnd"`, `"activePhonelines"`, `"activeGroups"`},
		"/settings/sipgateio":     {`"incomingUrl"`, `"outgoingUrl"`, `"log":true`, `"whitelist":["w0","g1"]`},
		"/log/webhooks":           {`"created"`, `"url"`, `"request"`, `"response"`, `"xmlError"`, `"status":"200"`},
		"/contacts":               {`"totalCount":3`, `"numbers"`, `"type":["cell"]`, `"organization":[["Muster AG"`, `"scope":"SHARED"`, `"locality"`},
		"/history?limit=10":       {`"totalCount":6`, `"callId":"c-1"`, `"duration":125`, `"callStatus"`, `"sourceAlias"`, `"endpoints"`, `"extension":"w0"`, `"direction":"MISSED_INCOMING"`},
		"/blacklist/incoming":     {`"phoneNumber"`, `"isBlock":true`},
		"/numbers":                {`"localized"`, `"endpointId"`},
	} {
		status, body := get(t, srv, path, false)
		if status != 200 {
			t.Errorf("GET %s = %d %s", path, status, body)
			continue
		}
		for _, k := range keys {
			if !strings.Contains(body, k) {
				t.Errorf("GET %s: %s missing from %s", path, k, body)
			}
		}
	}
}

func TestAuthAndRoot(t *testing.T) {
	srv := sipgatefake.New(t)
	if status, _ := get(t, srv, "/users", true); status != 401 {
		t.Errorf("no auth: %d, want 401", status)
	}
	req, _ := http.NewRequest(http.MethodGet, strings.TrimSuffix(srv.URL, "/v2")+"/users", nil)
	req.SetBasicAuth(srv.TokenID, srv.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("outside /v2: %d, want 404", resp.StatusCode)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Authorized || reqs[0].Status != 401 {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestFaultsCountDown(t *testing.T) {
	srv := sipgatefake.New(t)
	srv.Inject(sipgatefake.Fault{Path: "/users", Status: 429, RetryAfter: "3", Times: 2})
	var got []int
	for range 3 {
		s, _ := get(t, srv, "/users", false)
		got = append(got, s)
	}
	if got[0] != 429 || got[1] != 429 || got[2] != 200 {
		t.Errorf("statuses = %v, want 429 429 200", got)
	}
	if s, _ := get(t, srv, "/account", false); s != 200 {
		t.Errorf("other path = %d", s)
	}
}

func TestPagingParameters(t *testing.T) {
	srv := sipgatefake.New(t)
	for path, want := range map[string]int{
		"/history?limit=1001": 400, "/history?offset=-1": 400, "/contacts?limit=x": 400,
		"/history?offset=100": 200, "/history?from=yesterday": 400,
	} {
		if s, body := get(t, srv, path, false); s != want {
			t.Errorf("GET %s = %d %s, want %d", path, s, body, want)
		}
	}
	_, body := get(t, srv, "/history?limit=2&offset=1", false)
	var p struct {
		Items      []struct{ ID string }
		TotalCount int
	}
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.TotalCount != 6 || len(p.Items) != 2 || p.Items[0].ID != "h5" {
		t.Errorf("page = %+v, %v", p, err)
	}
}

func TestScopes(t *testing.T) {
	srv := sipgatefake.New(t)
	srv.SetScopes("users:read")
	if s, _ := get(t, srv, "/users", false); s != 200 {
		t.Errorf("/users = %d", s)
	}
	if s, _ := get(t, srv, "/history", false); s != 403 {
		t.Errorf("/history = %d, want 403", s)
	}
	if s, _ := get(t, srv, "/authorization/userinfo", false); s != 200 {
		t.Errorf("userinfo needs no scope, got %d", s)
	}
	srv.SetScopes("all")
	if s, _ := get(t, srv, "/history", false); s != 200 {
		t.Errorf("all: /history = %d", s)
	}
}
