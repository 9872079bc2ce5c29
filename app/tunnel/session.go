package tunnel

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"

	"golang.org/x/crypto/ssh"
)

// lhrCommand asks localhost.run for its JSON event lines (`ssh … --
// --output json`); LocalhostRunURL reads the text lines as well, should a
// server ignore it.
const lhrCommand = "--output json"

// maxLine bounds one output line; localhost.run's banner lines are short.
const maxLine = 64 << 10

// startSession opens the session whose output announces the public URL.
func (t *Tunnel) startSession(c ssh.Conn) (ssh.Channel, error) {
	ch, reqs, err := c.OpenChannel("session", nil)
	if err != nil {
		return nil, fmt.Errorf("open a session on the tunnel server: %w", err)
	}
	go ssh.DiscardRequests(reqs)
	ok, err := ch.SendRequest("exec", true, ssh.Marshal(struct{ Command string }{lhrCommand}))
	if err != nil {
		_ = ch.Close()
		return nil, fmt.Errorf("start the tunnel session: %w", err)
	}
	if !ok {
		t.opts.Logger.Debug("tunnel server refused the JSON output; reading its text output")
	}
	return ch, nil
}

// readURLs sends each URL the session's output announces to urls, until
// the session or ctx ends.
func (t *Tunnel) readURLs(ctx context.Context, r io.Reader, urls chan<- string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLine)
	for sc.Scan() {
		t.opts.Logger.Debug("tunnel server says", "line", sc.Text())
		url, ok := LocalhostRunURL(sc.Text())
		if !ok {
			continue
		}
		select {
		case urls <- url:
		case <-ctx.Done():
			return
		}
	}
	_, _ = io.Copy(io.Discard, r)
}

// logLines logs each line of r at Debug level until r ends.
func logLines(logger *slog.Logger, r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLine)
	for sc.Scan() {
		logger.Debug("tunnel server says", "stderr", sc.Text())
	}
	_, _ = io.Copy(io.Discard, r)
}
