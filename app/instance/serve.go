package instance

import (
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// Instance is the primary instance: it answers later starts until Close.
type Instance struct {
	l      *net.UnixListener
	path   string
	mine   os.FileInfo // the socket file as created: Close removes only this one
	lock   *os.File    // held until Close
	wait   time.Duration
	onShow func()
	shows  chan struct{} // one pending show; more fold into it
	done   chan struct{}
	wg     sync.WaitGroup // accept loop and connections
	once   sync.Once
	err    error
}

// listen listens on path and answers there until Close.
func listen(path string, onShow func(), wait time.Duration) (*Instance, error) {
	l, err := net.Listen("unix", path)
	if err != nil {
		return nil, say(err, "cannot open %s, which keeps whoiscalling to one instance: %s — check the data directory's permissions or choose another with --data-dir", path, cause(err))
	}
	ul := l.(*net.UnixListener)
	ul.SetUnlinkOnClose(false) // Close removes the file only while it is still ours
	if err := restrict(path); err != nil {
		_ = ul.Close()
		_ = os.Remove(path)
		return nil, say(err, "cannot make %s private: %s — check the data directory's permissions", path, cause(err))
	}
	mine, _ := os.Lstat(path)
	i := &Instance{l: ul, path: path, mine: mine, wait: wait, onShow: onShow,
		shows: make(chan struct{}, 1), done: make(chan struct{})}
	i.wg.Add(1)
	go i.accept()
	go i.showLoop()
	return i, nil
}

// Close stops answering, removes the socket (unless another instance has
// put its own there, as after the data dir was deleted under a running app)
// and releases the lock. It does not wait for onShow, so it may be called
// from the UI goroutine even while onShow waits for that goroutine; an
// onShow that is running, or starting just as Close runs, may finish after
// Close returns. Close on nil (what a secondary gets) does nothing.
func (i *Instance) Close() error {
	if i == nil {
		return nil
	}
	i.once.Do(func() {
		close(i.done)
		i.err = i.l.Close()
		i.wg.Wait()
		_ = removeIfSame(i.path, i.mine)
		if i.lock != nil {
			_ = i.lock.Close() // releases the lock
		}
	})
	return i.err
}

// accept answers connections until Close.
func (i *Instance) accept() {
	defer i.wg.Done()
	for {
		conn, err := i.l.Accept()
		if err != nil {
			select {
			case <-i.done:
				return
			default:
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(50 * time.Millisecond) // out of file descriptors, say: try again
			continue
		}
		i.wg.Add(1)
		go i.answer(conn)
	}
}

// answer reads one request and answers it. It answers before onShow runs,
// so a slow UI never makes a second start think this one is dead.
func (i *Instance) answer(conn net.Conn) {
	defer i.wg.Done()
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(i.wait))
	line, err := readLine(conn)
	if err != nil {
		return
	}
	if line != requestShow {
		_, _ = io.WriteString(conn, "unknown request\n")
		return
	}
	select {
	case i.shows <- struct{}{}:
	default: // a show is pending already
	}
	_, _ = io.WriteString(conn, answerOK)
}

// showLoop calls onShow for each pending show until Close.
func (i *Instance) showLoop() {
	for {
		select {
		case <-i.done:
			return
		case <-i.shows:
		}
		select {
		case <-i.done:
			return
		default:
		}
		if i.onShow != nil {
			i.onShow()
		}
	}
}
