package contacts

import (
	"context"
	"errors"
	"sync"
)

// change runs fn, which checks a change against the index and writes
// it, and runs it again on the reloaded book when another process
// changed the book in between (ErrConflict). The caller holds wmu.
func (b *Book) change(ctx context.Context, fn func() error) error {
	for try := 1; ; try++ {
		err := fn()
		if !errors.Is(err, ErrConflict) || try == 3 {
			return err
		}
		b.catchUp(ctx)
	}
}

// writeLock serialises the book's changes. Taking it first brings the
// index up to date with what other processes committed, so that a
// change is checked against the book as it is in the file.
type writeLock struct {
	mu sync.Mutex
	b  *Book
}

// Lock takes the lock and catches up with other processes' changes.
func (l *writeLock) Lock() {
	l.mu.Lock()
	l.b.catchUp(context.Background())
}

// Unlock releases the lock.
func (l *writeLock) Unlock() { l.mu.Unlock() }
