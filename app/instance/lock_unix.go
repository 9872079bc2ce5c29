//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package instance

import (
	"errors"
	"os"
	"syscall"
)

// lockFile opens path and takes an exclusive lock on it, which the kernel
// drops when the process ends. It returns nil, nil when another process
// (or another open of the file) holds the lock.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, nil
		}
		return nil, &os.PathError{Op: "flock", Path: path, Err: err}
	}
	return f, nil
}
