package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/service"
)

type vector struct {
	ID, Body, Signature string
	Parsed              map[string]any
}

func vectors(t *testing.T) []vector {
	b, err := os.ReadFile("../../webhook/testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

// serve starts `whoiscalling serve` in the background and returns its base
// URL and a stop function that returns the exit code.
func serve(t *testing.T, dataDir string, env map[string]string) (string, func() int) {
	t.Helper()
	port := freePort(t)
	env["WEBHOOK_SERVER_PORT"] = port
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	e := Env{Stdout: &out, Stderr: &out, LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}.Defaults()
	done := make(chan int, 1)
	go func() { done <- Run(ctx, e, []string{"serve", "--data-dir", dataDir}) }()
	base := "http://127.0.0.1:" + port + "/"
	deadline := time.Now().Add(10 * time.Second)
	for {
		if resp, err := http.Get(base); err == nil {
			resp.Body.Close()
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not listen: %s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	var once sync.Once
	code := 0
	stop := func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(5 * time.Second):
				t.Errorf("serve did not stop within 5 s of the signal")
			}
		})
		return code
	}
	t.Cleanup(func() { stop() })
	return base, stop
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func postBody(t *testing.T, base, ctype, body string, header map[string]string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const form = "application/x-www-form-urlencoded"

func TestServeAcceptsEveryVector(t *testing.T) {
	dir := t.TempDir()
	base, stop := serve(t, dir, map[string]string{"SIPGATE_VERIFY_SIGNATURE": "false", "WEBHOOK_SERVER_ADDRESS": "https://example.lhr.life/hook?a=1&b=2"})
	for _, v := range vectors(t) {
		code, body := postBody(t, base, form, v.Body, nil)
		if code != http.StatusOK {
			t.Errorf("POST %s = %d, want 200", v.ID, code)
		}
		if v.Parsed["event"] == "newCall" && v.Parsed["callId"] != "" && !strings.Contains(body, `onHangup="https://example.lhr.life/hook?a=1&amp;b=2"`) {
			t.Errorf("POST %s answered %q, want the subscribing XML", v.ID, body)
		}
	}
	for _, tc := range []struct {
		method, ctype, body string
		want                int
	}{
		{http.MethodGet, form, "", http.StatusMethodNotAllowed},
		{http.MethodPost, form, strings.Repeat("a", 65<<10), http.StatusRequestEntityTooLarge},
		{http.MethodPost, "application/json", `{"event":"newCall"}`, http.StatusUnsupportedMediaType},
		{http.MethodPost, form, "event=%zz", http.StatusBadRequest},
		{http.MethodPost, form, "callId=1", http.StatusBadRequest},
		{http.MethodPost, form, "event=ringing", http.StatusBadRequest},
	} {
		req, _ := http.NewRequest(tc.method, base, strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.ctype)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %q: %v (the listener must stay up)", tc.method, tc.body[:min(len(tc.body), 20)], err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s %.20q = %d, want %d", tc.method, tc.body, resp.StatusCode, tc.want)
		}
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exit code after the signal = %d, want 0", code)
	}
}

func TestServeChecksSignaturesByDefault(t *testing.T) {
	base, _ := serve(t, t.TempDir(), map[string]string{})
	v01 := vectors(t)[0]
	if code, _ := postBody(t, base, form+"; charset=UTF-8", v01.Body, map[string]string{"X-Sipgate-Signature": v01.Signature}); code != http.StatusOK {
		t.Errorf("signed V01 = %d, want 200", code)
	}
	if code, _ := postBody(t, base, form, v01.Body, nil); code != http.StatusForbidden {
		t.Errorf("unsigned V01 = %d, want 403", code)
	}
}

func TestSecondServeOnBusyPort(t *testing.T) {
	env := map[string]string{}
	serve(t, t.TempDir(), env)
	code, _, errOut := run(t, t.TempDir(), map[string]string{"WEBHOOK_SERVER_PORT": env["WEBHOOK_SERVER_PORT"]}, "serve")
	if code == 0 || !strings.Contains(errOut, "already in use") {
		t.Errorf("second serve = %d, %q; want non-zero and \"already in use\"", code, errOut)
	}
}

func TestTestCallThroughServe(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"WEBHOOK_SERVER_ADDRESS": "https://example.lhr.life/"}
	base, stop := serve(t, dir, env)
	code, out, errOut := run(t, dir, map[string]string{"WEBHOOK_SERVER_PORT": env["WEBHOOK_SERVER_PORT"]}, "test-call")
	if code != 0 || strings.Count(out, "→ 200") != 3 || !strings.Contains(out, "subscribed") {
		t.Fatalf("test-call = %d, %q %q", code, out, errOut)
	}
	_, out, _ = run(t, dir, nil, "test-call", "--url", base+"elsewhere")
	if !strings.Contains(out, "→ 200") {
		t.Errorf("test-call --url = %q, want the same round trips through the URL", out)
	}
	stop()
	_, out, _ = run(t, dir, nil, "calls", "--json")
	var list []calls.Call
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 2 {
		t.Fatalf("calls --json = %q (%v), want the two test calls", out, err)
	}
	if c := list[0]; c.Status != calls.StatusAnswered || c.AnsweredBy != service.TestUser || c.From != "+"+service.TestCaller {
		t.Errorf("test call = %+v, want answered by %q from +%s", c, service.TestUser, service.TestCaller)
	}
	other := t.TempDir()
	_, _, errOut = run(t, other, nil, "test-call", "--url", base)
	if !strings.Contains(errOut, "start the tray app") {
		t.Errorf("test-call from a fresh data dir = %q, want advice to start whoiscalling first", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "test-call.key")); err != nil {
		t.Errorf("the test-call key was not created: %v", err)
	}
}
