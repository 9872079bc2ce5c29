package webhook

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// roundTrip posts a signed V01 and an answer with a real client and
// checks what comes back.
func roundTrip(t *testing.T, baseURL string) {
	t.Helper()
	v01, v10 := vectorByID(t, "V01"), vectorByID(t, "V10")
	tests := []struct {
		body, sigHeader, sig string
		wantCT, wantBody     string
	}{
		{v01.Body, SignatureHeader, v01.Signature, "application/xml; charset=utf-8", subscribe},
		{v10.Body, TestSignatureHeader, SignTestPush(testSecret, []byte(v10.Body)), "", ""},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodPost, baseURL+"/sipgate", strings.NewReader(tt.body))
		req.Header.Set("Content-Type", formCT+"; charset=UTF-8")
		req.Header.Set(tt.sigHeader, tt.sig)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("POST %.30s: %v", tt.body, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != tt.wantCT || string(body) != tt.wantBody {
			t.Errorf("POST %.30s = %d %q %q, want 200 %q %q", tt.body, res.StatusCode,
				res.Header.Get("Content-Type"), body, tt.wantCT, tt.wantBody)
		}
	}
}

func TestRoundTripHTTPTest(t *testing.T) {
	h, _ := newTestHandler(nil)
	ts := httptest.NewServer(h)
	defer ts.Close()
	roundTrip(t, ts.URL)
}

func TestServerLifecycle(t *testing.T) {
	h, _ := newTestHandler(nil)
	s, err := Listen("127.0.0.1:0", h, nil)
	if err != nil {
		t.Fatalf("Listen(127.0.0.1:0) error: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve() }()
	roundTrip(t, "http://"+s.Addr())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown() = %v, want nil", err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve() after Shutdown = %v, want nil", err)
	}
}

func TestShutdownWithoutServeFreesPort(t *testing.T) {
	s, err := Listen("127.0.0.1:0", http.NotFoundHandler(), nil)
	if err != nil {
		t.Fatal(err)
	}
	addr := s.Addr()
	if err := s.Shutdown(context.Background()); err != nil {
		t.Errorf("Shutdown() = %v, want nil", err)
	}
	again, err := Listen(addr, http.NotFoundHandler(), nil)
	if err != nil {
		t.Fatalf("Listen(%s) after Shutdown = %v, want the port free", addr, err)
	}
	again.Shutdown(context.Background())
}
