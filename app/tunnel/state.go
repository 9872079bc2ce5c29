package tunnel

import (
	"fmt"
	"time"
)

// State is what the tunnel is doing, for the tray's status line. It is one
// of Off, Connecting, Up, Down, HostKeyChanged or Failed.
type State interface {
	fmt.Stringer
	state()
}

// Off: the tunnel is not running (mode off, or Run has returned).
type Off struct{}

// Connecting: a connection or a cloudflared start is under way.
type Connecting struct{}

// Up: the listener is reachable at URL.
type Up struct {
	// URL is the public https URL, without a trailing slash.
	URL string
}

// Down: the tunnel dropped or could not start; it retries after RetryIn.
type Down struct {
	// Err says what went wrong.
	Err error
	// RetryIn is the wait before the next attempt.
	RetryIn time.Duration
}

// HostKeyChanged: the SSH server showed a key other than the one trusted
// before. The tunnel has stopped and does not retry by itself.
type HostKeyChanged struct {
	// Host is the server as written in the known-hosts file.
	Host string
	// Fingerprint is the SHA256 fingerprint of the key the server showed.
	Fingerprint string
}

// Failed: the tunnel cannot run until the user changes something (for
// example cloudflared is not installed). It does not retry by itself.
type Failed struct {
	// Err names the problem and the fix.
	Err error
}

func (Off) state()            {}
func (Connecting) state()     {}
func (Up) state()             {}
func (Down) state()           {}
func (HostKeyChanged) state() {}
func (Failed) state()         {}

// The String methods are for logs; app/i18n words the status line.

func (Off) String() string        { return "off" }
func (Connecting) String() string { return "connecting" }
func (s Up) String() string       { return "reachable at " + s.URL }
func (s Down) String() string {
	return fmt.Sprintf("down (%v), retrying in %v", s.Err, s.RetryIn)
}
func (s HostKeyChanged) String() string {
	return fmt.Sprintf("host key of %s changed to %s", s.Host, s.Fingerprint)
}
func (s Failed) String() string { return fmt.Sprintf("failed: %v", s.Err) }
