package tunnel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"sync"
	"time"
)

// stopGrace is how long cloudflared may take to stop after it was asked to.
const stopGrace = 3 * time.Second

// cloudflaredAttempt runs `cloudflared tunnel --url http://LOCAL` once and
// returns when it exits; ctx ending stops it (and its process group).
func (t *Tunnel) cloudflaredAttempt(ctx context.Context, up func(string)) error {
	local, err := localDialAddr(t.opts.LocalAddr)
	if err != nil {
		return fatal(err)
	}
	path, err := exec.LookPath(t.opts.Cloudflared)
	if err != nil {
		return fatal(&NotInstalledError{Program: t.opts.Cloudflared, Err: err})
	}
	cmd := exec.CommandContext(ctx, path, "tunnel", "--url", "http://"+local)
	ownProcessGroup(cmd)
	cmd.WaitDelay = stopGrace
	cmd.Stderr = &lineWriter{line: func(line string) { t.cloudflaredLine(line, up) }}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start cloudflared: %w", err)
	}
	t.opts.Logger.Debug("cloudflared started", "pid", cmd.Process.Pid)
	err = cmd.Wait()
	if err == nil {
		err = errors.New("exit status 0")
	}
	return fmt.Errorf("cloudflared exited: %w", err)
}

// cloudflaredLine logs one line of cloudflared's log and reports the URL
// it may show.
func (t *Tunnel) cloudflaredLine(line string, up func(string)) {
	t.opts.Logger.Debug("cloudflared says", "line", line)
	if url, ok := CloudflaredURL(line); ok {
		up(url)
	}
}

// lineWriter calls line for each complete line written to it; a line
// longer than maxLine is cut there.
type lineWriter struct {
	mu   sync.Mutex
	buf  []byte
	line func(string)
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 && len(w.buf) < maxLine {
			return len(p), nil
		}
		next := i + 1
		if i < 0 || i > maxLine {
			i, next = maxLine, maxLine
		}
		line := string(bytes.TrimRight(w.buf[:i], "\r"))
		w.buf = w.buf[next:]
		w.line(line)
	}
}
