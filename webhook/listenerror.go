package webhook

import (
	"errors"
	"net"
	"os"
	"strconv"
)

// ListenKind says why the webhook port could not be opened. The layer that
// talks to a person turns it, with the facts of the ListenError, into a
// sentence naming the fix; this package only classifies.
type ListenKind uint8

// The kinds of listen failure.
const (
	// ListenOther is any failure not classified below; Err says what.
	ListenOther ListenKind = iota
	// ListenPortInUse: another program (or another whoiscalling) holds the port.
	ListenPortInUse
	// ListenPrivileged: the port is below 1024 and binding it needs privileges.
	ListenPrivileged
	// ListenNotPermitted: the system refuses a port of 1024 or above
	// (reserved, or blocked by policy).
	ListenNotPermitted
	// ListenAddrNotAvailable: the host is not an address of this computer.
	ListenAddrNotAvailable
)

var listenKindNames = [...]string{
	ListenOther:            "other",
	ListenPortInUse:        "port in use",
	ListenPrivileged:       "privileged port",
	ListenNotPermitted:     "port not permitted",
	ListenAddrNotAvailable: "address not available",
}

// String is a stable, lowercase name for logs.
func (k ListenKind) String() string {
	if int(k) < len(listenKindNames) {
		return listenKindNames[k]
	}
	return "listen kind " + strconv.Itoa(int(k))
}

// ListenError is why the webhook port could not be opened: a Kind and the
// facts a message needs. Its Error is a short technical message for logs.
type ListenError struct {
	Kind ListenKind
	Addr string // as given to Listen
	Port int    // 0 when Addr has no numeric port
	Err  error
}

func newListenError(addr string, err error) *ListenError {
	le := &ListenError{Addr: addr, Err: err}
	if _, p, splitErr := net.SplitHostPort(addr); splitErr == nil {
		le.Port, _ = strconv.Atoi(p)
	}
	le.Kind = classify(err, le.Port)
	return le
}

func classify(err error, port int) ListenKind {
	switch {
	case isAny(err, errAddrInUse):
		return ListenPortInUse
	case isAny(err, errPermission) && port > 0 && port < 1024:
		return ListenPrivileged
	case isAny(err, errPermission):
		return ListenNotPermitted
	case isAny(err, errAddrNotAvail):
		return ListenAddrNotAvailable
	}
	return ListenOther
}

// Error is "listen on ADDR: CAUSE", e.g.
// "listen on 127.0.0.1:8080: address already in use".
func (e *ListenError) Error() string {
	if e.Err == nil {
		return "listen on " + e.Addr + ": " + e.Kind.String()
	}
	return "listen on " + e.Addr + ": " + cause(e.Err).Error()
}

// Unwrap returns the underlying error, for errors.Is with syscall errnos.
func (e *ListenError) Unwrap() error { return e.Err }

func isAny(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// cause strips net.OpError's "listen tcp ADDR:" and os.SyscallError's
// "bind:" prefixes, which repeat what Error already says.
func cause(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		err = op.Err
	}
	var sc *os.SyscallError
	if errors.As(err, &sc) && sc.Err != nil {
		err = sc.Err
	}
	return err
}
