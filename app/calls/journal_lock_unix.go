//go:build unix

package calls

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockJournal takes f's exclusive lock without waiting: false when
// another process holds it.
func lockJournal(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		return false, nil
	}
	return false, fmt.Errorf("lock the call journal file: %w", err)
}
