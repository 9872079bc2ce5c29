package calls_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// TestScenariosHTTP posts each scenario's pushes through the real webhook
// handler and checks what sipgate gets back and every field of the call,
// both as held in memory (Last) and as stored (Get).
func TestScenariosHTTP(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			clk := newClock()
			tr := newTracker(t, clk, calls.Options{PublicURL: hook})
			srv := httptest.NewServer(webhook.NewHandler(nil, nil, tr))
			defer srv.Close()
			for i, s := range sc.steps {
				clk.Advance(s.after)
				status, body := post(t, srv.URL, s.body)
				want := ""
				if strings.HasPrefix(s.body, "event=newCall") {
					want = string(s.want.AppendXML(nil))
				}
				if status != http.StatusOK || body != want {
					t.Errorf("POST step %d %s = %d %q, want 200 %q", i, s.body, status, body, want)
				}
			}
			checkCall(t, tr, sc.wantCall())
		})
	}
}

// TestScenariosTracker runs the same pushes through Respond directly and
// checks the Response values.
func TestScenariosTracker(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			clk := newClock()
			tr := newTracker(t, clk, calls.Options{PublicURL: hook})
			for i, s := range sc.steps {
				clk.Advance(s.after)
				ev, err := webhook.ParseBody([]byte(s.body))
				if err != nil {
					t.Fatalf("ParseBody(step %d) = %v", i, err)
				}
				got, err := tr.Respond(context.Background(), ev)
				if err != nil || got != s.want {
					t.Errorf("Respond(step %d %s) = %+v, %v, want %+v, nil", i, ev.Type, got, err, s.want)
				}
			}
			checkCall(t, tr, sc.wantCall())
		})
	}
}

// checkCall compares the only call of a scenario, from memory and from
// the store, with want.
func checkCall(t *testing.T, tr *calls.Tracker, want calls.Call) {
	t.Helper()
	last, ok := tr.Last()
	if got, w := jsonOf(last), jsonOf(want); !ok || got != w {
		t.Errorf("Last() = %s, %v\nwant %s", got, ok, w)
	}
	stored, err := tr.Get(context.Background(), want.ID)
	if got, w := jsonOf(stored), jsonOf(want); err != nil || got != w {
		t.Errorf("Get(%d) = %s, %v\nwant %s", want.ID, got, err, w)
	}
	all, err := tr.Recent(context.Background(), calls.Query{})
	if err != nil || len(all) != 1 {
		t.Errorf("Recent() = %d calls, %v, want 1 call", len(all), err)
	}
}

// post sends one push the way sipgate does and returns status and body.
func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "application/x-www-form-urlencoded; charset=UTF-8", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", body, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
