package webhook

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"syscall"
	"testing"
)

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
	want := "listen on " + addr + ": address already in use"
	if !errors.As(err, &le) || le.Kind != ListenPortInUse || le.Port != port || le.Addr != addr ||
		!errors.Is(err, syscall.EADDRINUSE) || err.Error() != want {
		t.Errorf("Listen(%s) on a bound port = %v, %#v; want a *ListenError{Kind: ListenPortInUse, Port: %d} saying %q", addr, s, err, port, want)
	}
}

func TestListenPrivilegedPort(t *testing.T) {
	s, err := Listen("127.0.0.1:1", http.NotFoundHandler(), nil)
	if err == nil {
		s.Shutdown(context.Background())
		t.Skip("allowed to bind port 1 here (root or CAP_NET_BIND_SERVICE)")
	}
	var le *ListenError
	want := "listen on 127.0.0.1:1: permission denied"
	if !errors.As(err, &le) || le.Kind != ListenPrivileged || le.Port != 1 || err.Error() != want {
		t.Errorf("Listen(127.0.0.1:1) = %#v (%q), want Kind ListenPrivileged, Port 1, %q", err, err, want)
	}
}

func listenErr(errno syscall.Errno) error {
	return &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
}

// TestListenErrorKinds: the kind and facts a message is built from, and a
// short technical Error with no sentence and no config key in it.
func TestListenErrorKinds(t *testing.T) {
	tests := []struct {
		addr string
		err  error
		kind ListenKind
		port int
		msg  string
	}{
		{":8080", listenErr(syscall.EADDRINUSE), ListenPortInUse, 8080, "listen on :8080: address already in use"},
		{"0.0.0.0:80", listenErr(syscall.EACCES), ListenPrivileged, 80, "listen on 0.0.0.0:80: permission denied"},
		{"127.0.0.1:443", listenErr(syscall.EPERM), ListenPrivileged, 443, "listen on 127.0.0.1:443: operation not permitted"},
		{"127.0.0.1:1023", listenErr(syscall.EACCES), ListenPrivileged, 1023, "listen on 127.0.0.1:1023: permission denied"},
		{"127.0.0.1:1024", listenErr(syscall.EACCES), ListenNotPermitted, 1024, "listen on 127.0.0.1:1024: permission denied"},
		{"127.0.0.1:50000", listenErr(syscall.EACCES), ListenNotPermitted, 50000, "listen on 127.0.0.1:50000: permission denied"},
		{"192.0.2.1:8080", listenErr(syscall.EADDRNOTAVAIL), ListenAddrNotAvailable, 8080, "listen on 192.0.2.1:8080: cannot assign requested address"},
		{"127.0.0.1:8080", listenErr(syscall.EMFILE), ListenOther, 8080, "listen on 127.0.0.1:8080: too many open files"},
		{"localhost", errors.New("missing port in address"), ListenOther, 0, "listen on localhost: missing port in address"},
		{"[::1]:http", listenErr(syscall.EACCES), ListenNotPermitted, 0, "listen on [::1]:http: permission denied"},
	}
	for _, tt := range tests {
		le := newListenError(tt.addr, tt.err)
		if le.Kind != tt.kind || le.Port != tt.port || le.Addr != tt.addr || le.Error() != tt.msg || !errors.Is(le, tt.err) {
			t.Errorf("newListenError(%s, %v) = {%v, %d, %q} %q, want {%v, %d, %q} %q",
				tt.addr, tt.err, le.Kind, le.Port, le.Addr, le.Error(), tt.kind, tt.port, tt.addr, tt.msg)
		}
	}
}

func TestListenKindString(t *testing.T) {
	want := map[ListenKind]string{
		ListenOther: "other", ListenPortInUse: "port in use", ListenPrivileged: "privileged port",
		ListenNotPermitted: "port not permitted", ListenAddrNotAvailable: "address not available", 99: "listen kind 99",
	}
	for k, w := range want {
		if got := k.String(); got != w {
			t.Errorf("ListenKind(%d).String() = %q, want %q", k, got, w)
		}
	}
	if got := (&ListenError{Addr: ":1"}).Error(); got != "listen on :1: other" {
		t.Errorf("ListenError{} without Err = %q, want %q", got, "listen on :1: other")
	}
}

func TestListenBadAddress(t *testing.T) {
	_, err := Listen("127.0.0.1:99999", http.NotFoundHandler(), nil)
	var le *ListenError
	want := "listen on 127.0.0.1:99999: address 99999: invalid port"
	if !errors.As(err, &le) || le.Kind != ListenOther || le.Port != 99999 || err.Error() != want {
		t.Errorf("Listen(127.0.0.1:99999) = %v, want a *ListenError %q", err, want)
	}
}
