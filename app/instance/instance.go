// Package instance keeps one whoiscalling tray app per data dir.
//
// The first Acquire becomes the primary: it listens on a Unix socket
// (net.Listen("unix", …) works on Linux, macOS and Windows 10+). A later
// Acquire finds the socket, sends "show\n", gets "ok\n" and reports that it
// is secondary, so the second start brings the running app's window to the
// front instead of failing on the busy webhook port. A lock file tells a
// running primary from the socket a crashed one left behind, which Acquire
// removes before it becomes the primary.
package instance

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// answerTimeout bounds how long a second start waits for the primary: the
// primary answers from a goroutine of its own, so a busy UI does not delay
// it, and a hung one must not keep the user waiting long.
const answerTimeout = 2 * time.Second

// ErrNoAnswer means nobody answers on the socket. Left over from a crash
// (no process holds the lock) the socket is removed and Acquire becomes the
// primary; when the running instance itself does not answer (it hangs),
// Acquire returns ErrNoAnswer, wrapped in a sentence saying what to do.
var ErrNoAnswer = errors.New("the running whoiscalling does not answer")

// Acquire makes the caller the primary instance for dataDir, or asks the
// primary to show itself. primary == nil && err == nil means another
// instance runs and was asked to show its window: the caller exits with
// status 0.
//
// The primary holds a lock on dataDir/instance.lock for as long as it runs;
// the system drops it when the process ends, even by a crash, so a socket
// without a lock holder is known to be stale.
//
// The primary calls onShow (if not nil) each time a later start asks it to
// show itself. It is called from a goroutine of the Instance, never twice at
// once; requests that arrive while it runs are folded into one more call.
// The caller crosses into the UI (fyne.Do).
func Acquire(dataDir string, onShow func()) (primary *Instance, err error) {
	return acquire(dataDir, onShow, answerTimeout)
}

// Hold makes the caller the primary instance for dataDir, like Acquire,
// but when another instance runs it returns (nil, nil) without asking it
// to show anything: what serve and the commands that write the history
// use.
func Hold(dataDir string) (*Instance, error) {
	return take(dataDir, nil, answerTimeout, false)
}

// acquire is Acquire with the wait for an answer as a parameter for tests.
func acquire(dataDir string, onShow func(), wait time.Duration) (*Instance, error) {
	return take(dataDir, onShow, wait, true)
}

// take locks dataDir and listens for later starts; when another instance
// holds the lock it asks it to show itself, if ask is set.
func take(dataDir string, onShow func(), wait time.Duration, ask bool) (*Instance, error) {
	path, err := socketPath(dataDir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, say(err, "cannot create the data directory %s: %s — choose another with --data-dir or fix its permissions", dataDir, cause(err))
	}
	lock, err := lockFile(filepath.Join(dataDir, "instance.lock"))
	if err != nil {
		return nil, say(err, "cannot lock %s: %s — check the data directory's permissions or choose another with --data-dir", filepath.Join(dataDir, "instance.lock"), cause(err))
	}
	if lock == nil {
		if !ask {
			return nil, nil
		}
		return nil, askPrimary(path, wait)
	}
	inst, err := becomePrimary(path, onShow, wait)
	if err != nil {
		_ = lock.Close()
		return nil, err
	}
	inst.lock = lock
	return inst, nil
}

// askPrimary asks the running primary to show itself. It may have taken the
// lock a moment ago and not be listening yet, so ask retries until wait
// has passed.
func askPrimary(path string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := ask(path, max(time.Until(deadline), 50*time.Millisecond))
		if err == nil {
			return nil
		}
		if time.Until(deadline) <= 0 {
			return say(err, "whoiscalling is already running but does not answer (%s) — quit it, or end it in the task manager, and start again", err.(noAnswer).why)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// becomePrimary removes what a crashed instance left at path and listens
// there. The caller holds the lock, so nothing else may be at path.
func becomePrimary(path string, onShow func(), wait time.Duration) (*Instance, error) {
	if fi, err := os.Lstat(path); err == nil {
		if ownedByOther(fi) {
			return nil, say(fs.ErrPermission, "%s belongs to another user — remove it or choose another --data-dir", path)
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, say(errors.Join(ErrNoAnswer, err), "cannot remove %s, left by a whoiscalling that no longer runs: %s — remove it by hand", path, cause(err))
		}
	}
	return listen(path, onShow, wait)
}
