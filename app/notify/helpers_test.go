package notify

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

const wait = 5 * time.Second

// chanSender passes each message to sent, and returns err for it.
type chanSender struct {
	sent chan Message
	err  func(Message) error
}

func (s chanSender) Send(m Message) error {
	s.sent <- m
	if s.err != nil {
		return s.err(m)
	}
	return nil
}

// logBuffer collects log lines from every goroutine.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// run starts n.Run and returns the change channel and a stop function
// that returns once Run did.
func run(n *Notifier) (chan<- calls.Call, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch, done := make(chan calls.Call), make(chan struct{})
	go func() {
		defer close(done)
		n.Run(ctx, ch)
	}()
	return ch, func() { cancel(); <-done }
}

func receive(t *testing.T, sent <-chan Message) Message {
	t.Helper()
	select {
	case m := <-sent:
		return m
	case <-time.After(wait):
		t.Fatal("no message was sent")
		return Message{}
	}
}
