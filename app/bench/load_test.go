package bench

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// recorder is a listener that checks every push and keeps the order of
// events per call.
type recorder struct {
	mu     sync.Mutex
	events map[string][]webhook.EventType
	status int
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	ev, err := webhook.ParseBody(body)
	if err != nil || r.Header.Get("Content-Type") != FormType {
		http.Error(w, "not a push", http.StatusBadRequest)
		return
	}
	rec.mu.Lock()
	rec.events[ev.CallID] = append(rec.events[ev.CallID], ev.Type)
	rec.mu.Unlock()
	if rec.status != 0 {
		w.WriteHeader(rec.status)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		cfg     LoadConfig
		status  int
		minReqs int
		errors  bool
	}{
		{"closed loop", LoadConfig{Concurrency: 4, Duration: 200 * time.Millisecond}, 0, 30, false},
		{"open loop", LoadConfig{Concurrency: 4, Duration: 300 * time.Millisecond, Rate: 200}, 0, 50, false},
		{"non-200 is an error", LoadConfig{Concurrency: 2, Duration: 100 * time.Millisecond}, http.StatusForbidden, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{events: map[string][]webhook.EventType{}, status: tt.status}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			tt.cfg.URL, tt.cfg.Plan = srv.URL, Plan{Seed: 1, Contacts: 100, Run: tt.name}
			res := Load(context.Background(), tt.cfg)
			if res.Requests < tt.minReqs {
				t.Errorf("Load = %+v; want at least %d requests", res, tt.minReqs)
			}
			if got := res.Errors > 0; got != tt.errors {
				t.Errorf("Load had %d errors (%s), want errors: %v", res.Errors, res.FirstError, tt.errors)
			}
			if tt.errors {
				return
			}
			if res.Latency.Count != res.Requests || res.Latency.P99 <= 0 || res.Latency.P50 > res.Latency.P99 {
				t.Errorf("Load latency = %+v for %d requests", res.Latency, res.Requests)
			}
			checkOrder(t, rec.events)
		})
	}
}

// checkOrder checks that each call's events came in order, with no
// event twice: newCall, answer, hangup (a run may stop mid-call).
func checkOrder(t *testing.T, events map[string][]webhook.EventType) {
	t.Helper()
	want := []webhook.EventType{webhook.NewCall, webhook.Answer, webhook.Hangup}
	for id, got := range events {
		if len(got) > len(want) {
			t.Fatalf("call %s got %v", id, got)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("call %s got %v, want a prefix of %v", id, got, want)
			}
		}
	}
}

func TestOpenLoopKeepsTheRate(t *testing.T) {
	srv := httptest.NewServer(Baseline())
	defer srv.Close()
	res := Load(context.Background(), LoadConfig{URL: srv.URL, Concurrency: 8, Duration: 500 * time.Millisecond, Rate: 400, Plan: Plan{Seed: 1}})
	if res.Requests != 200 || res.Errors != 0 {
		t.Errorf("open loop at 400/s for 0.5 s sent %d requests with %d errors (%s), want 200 and none", res.Requests, res.Errors, res.FirstError)
	}
}

func TestBaseline(t *testing.T) {
	s := Plan{Seed: 1}.Sequence(0)
	for i, b := range s.Bodies() {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(string(b)))
		r.Header.Set("Content-Type", FormType)
		Baseline().ServeHTTP(w, r)
		wantXML := i == 0
		if w.Code != http.StatusOK || strings.Contains(w.Body.String(), "onAnswer") != wantXML {
			t.Errorf("Baseline(%s) = %d %q, want 200 with XML: %v", b[:13], w.Code, w.Body.String(), wantXML)
		}
	}
}
