package instance

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"time"
)

// The protocol: the client sends one line, the primary answers one line.
const (
	requestShow = "show\n"
	answerOK    = "ok\n"
	maxLine     = 64
)

// ask asks the instance listening on path to show itself. Any failure
// (nobody listening, no answer within wait, a wrong answer) is a noAnswer.
func ask(path string, wait time.Duration) error {
	conn, err := net.DialTimeout("unix", path, wait)
	if err != nil {
		return noAnswer{cause(err)}
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(wait)); err != nil {
		return noAnswer{cause(err)}
	}
	if _, err := io.WriteString(conn, requestShow); err != nil {
		return noAnswer{cause(err)}
	}
	line, err := readLine(conn)
	if err != nil {
		return noAnswer{cause(err)}
	}
	if line != answerOK {
		return noAnswer{fmt.Sprintf("it answered %q", line)}
	}
	return nil
}

// noAnswer is ErrNoAnswer with what went wrong.
type noAnswer struct{ why string }

func (e noAnswer) Error() string { return ErrNoAnswer.Error() + ": " + e.why }
func (e noAnswer) Unwrap() error { return ErrNoAnswer }

// readLine reads one line of at most maxLine bytes, newline included.
func readLine(r io.Reader) (string, error) {
	return bufio.NewReader(io.LimitReader(r, maxLine)).ReadString('\n')
}
