package tunnel

import (
	"errors"
	"fmt"
)

// HostKeyChangedError stops the tunnel: the SSH server presented a key that
// is neither pinned nor the one trusted on first use.
type HostKeyChangedError struct {
	// Host is the server as written in the known-hosts file.
	Host string
	// Fingerprint is the SHA256 fingerprint of the key the server showed.
	Fingerprint string
}

// Error says what happened and what to do.
func (e *HostKeyChangedError) Error() string {
	return fmt.Sprintf("the tunnel server %s shows a different host key (%s) than the one trusted before, "+
		"so the tunnel stays off: if the server really changed its key, forget the old key and turn the tunnel on again",
		e.Host, e.Fingerprint)
}

// NotInstalledError is the cloudflared mode without the cloudflared program.
type NotInstalledError struct {
	// Program is the name that was looked up on PATH.
	Program string
	// Err is the lookup's error.
	Err error
}

// Error says what is missing and what to do.
func (e *NotInstalledError) Error() string {
	return fmt.Sprintf("%s is not installed (not found on PATH): install cloudflared or choose localhost.run", e.Program)
}

// Unwrap returns the lookup's error.
func (e *NotInstalledError) Unwrap() error { return e.Err }

// fatalError marks an error that retrying cannot fix (a bad setting, a
// missing program): the tunnel reports Failed and Run returns it.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }

func (e *fatalError) Unwrap() error { return e.err }

// fatal marks err as one that retrying cannot fix.
func fatal(err error) error { return &fatalError{err: err} }

// isFatal reports whether err stops the tunnel for good.
func isFatal(err error) bool {
	var f *fatalError
	var hk *HostKeyChangedError
	return errors.As(err, &f) || errors.As(err, &hk)
}
