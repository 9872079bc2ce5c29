package webhook

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"syscall"
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

func TestListenPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	port := ln.Addr().(*net.TCPAddr).Port
	s, err := Listen(addr, http.NotFoundHandler(), nil)
	var le *ListenError
	if !errors.As(err, &le) || le.Port != port || !errors.Is(err, syscall.EADDRINUSE) ||
		!strings.Contains(err.Error(), "port "+strconv.Itoa(port)+" is already in use") {
		t.Errorf("Listen(%s) on a bound port = %v, %v; want a *ListenError saying port %d is already in use", addr, s, err, port)
	}
}

func TestListenPrivilegedPort(t *testing.T) {
	s, err := Listen("127.0.0.1:1", http.NotFoundHandler(), nil)
	if err == nil {
		s.Shutdown(context.Background())
		t.Skip("allowed to bind port 1 here (root or CAP_NET_BIND_SERVICE)")
	}
	want := "port 1 needs privileges (ports below 1024 do) — use 8080 and let the tunnel map port 1 to it."
	if err.Error() != want {
		t.Errorf("Listen(127.0.0.1:1) = %q, want %q", err, want)
	}
}

func listenErr(errno syscall.Errno) error {
	return &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
}

func TestListenErrorMessages(t *testing.T) {
	tests := []struct {
		addr string
		err  error
		want string
	}{
		{":8080", listenErr(syscall.EADDRINUSE),
			"port 8080 is already in use — is whoiscalling already running, or another program on that port? Choose another with WEBHOOK_SERVER_PORT."},
		{"0.0.0.0:80", listenErr(syscall.EACCES),
			"port 80 needs privileges (ports below 1024 do) — use 8080 and let the tunnel map port 80 to it."},
		{"127.0.0.1:443", listenErr(syscall.EPERM),
			"port 443 needs privileges (ports below 1024 do) — use 8080 and let the tunnel map port 443 to it."},
		{"127.0.0.1:50000", listenErr(syscall.EACCES),
			"port 50000 is not permitted on this system (it may be reserved or blocked) — choose another with WEBHOOK_SERVER_PORT."},
		{"192.0.2.1:8080", listenErr(syscall.EADDRNOTAVAIL),
			"cannot listen on 192.0.2.1:8080: that host is not an address of this computer — check WEBHOOK_LISTEN_HOST."},
		{"127.0.0.1:8080", listenErr(syscall.EMFILE),
			"cannot listen on 127.0.0.1:8080: bind: too many open files."},
		{"localhost", errors.New("missing port in address"),
			"cannot listen on localhost: missing port in address."},
	}
	for _, tt := range tests {
		if got := newListenError(tt.addr, tt.err).Error(); got != tt.want {
			t.Errorf("ListenError(%s, %v) = %q, want %q", tt.addr, tt.err, got, tt.want)
		}
	}
}

func TestListenBadAddress(t *testing.T) {
	_, err := Listen("127.0.0.1:99999", http.NotFoundHandler(), nil)
	var le *ListenError
	if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), "cannot listen on 127.0.0.1:99999: ") {
		t.Errorf("Listen(127.0.0.1:99999) = %v, want a *ListenError naming the address", err)
	}
}
