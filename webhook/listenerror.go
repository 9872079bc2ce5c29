package webhook

import (
	"errors"
	"fmt"
	"net"
	"strconv"
)

// ListenError is why the webhook port could not be opened. Its Error is
// one sentence a person can act on; Err keeps the operator detail.
type ListenError struct {
	Addr string // as given to Listen
	Port int    // 0 when Addr has no numeric port
	Err  error
}

func newListenError(addr string, err error) *ListenError {
	le := &ListenError{Addr: addr, Err: err}
	if _, p, splitErr := net.SplitHostPort(addr); splitErr == nil {
		le.Port, _ = strconv.Atoi(p)
	}
	return le
}

// Error says what went wrong and what to do about it.
func (e *ListenError) Error() string {
	switch {
	case isAny(e.Err, errAddrInUse):
		return fmt.Sprintf("port %s is already in use — is whoiscalling already running, "+
			"or another program on that port? Choose another with WEBHOOK_SERVER_PORT.", e.port())
	case isAny(e.Err, errPermission) && e.Port > 0 && e.Port < 1024:
		return fmt.Sprintf("port %d needs privileges (ports below 1024 do) — "+
			"use 8080 and let the tunnel map port %d to it.", e.Port, e.Port)
	case isAny(e.Err, errPermission):
		return fmt.Sprintf("port %s is not permitted on this system (it may be reserved or blocked) — "+
			"choose another with WEBHOOK_SERVER_PORT.", e.port())
	case isAny(e.Err, errAddrNotAvail):
		return fmt.Sprintf("cannot listen on %s: that host is not an address of this computer — "+
			"check WEBHOOK_LISTEN_HOST.", e.Addr)
	}
	return fmt.Sprintf("cannot listen on %s: %v.", e.Addr, cause(e.Err))
}

// Unwrap returns the underlying error, for errors.Is with syscall errnos.
func (e *ListenError) Unwrap() error { return e.Err }

func (e *ListenError) port() string {
	if e.Port > 0 {
		return strconv.Itoa(e.Port)
	}
	return e.Addr
}

func isAny(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// cause strips net.OpError's "listen tcp ADDR:" prefix, which repeats the
// address the sentence already names.
func cause(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err
	}
	return err
}
