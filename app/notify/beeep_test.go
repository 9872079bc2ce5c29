package notify

import (
	"bytes"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/assets"
)

func receiveNote(t *testing.T, notes <-chan note) note {
	t.Helper()
	select {
	case n := <-notes:
		return n
	case <-time.After(wait):
		t.Fatal("the notification server got nothing")
		return note{}
	}
}

func TestBeeepOverDBus(t *testing.T) {
	srv := serve(t, startBus(t))
	s, err := NewBeeep(assets.Icon, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if icon, err := os.ReadFile(s.Icon()); err != nil || !bytes.Equal(icon, assets.Icon) {
		t.Fatalf("icon file %s = %d bytes, %v; want the app icon", s.Icon(), len(icon), err)
	}
	vip := with(func(c *calls.Call) { c.ContactID, c.VIP = 8, true })
	for _, tt := range []struct {
		in      calls.Call
		urgency byte
	}{{lisbeth(), 1}, {vip, 2}} {
		m, _ := Decide(tt.in, nil, on, testBook)
		if err := s.Send(m); err != nil {
			t.Fatalf("Send(%s) = %v", show(m), err)
		}
		got := receiveNote(t, srv.notes)
		urgency, _ := got.Hints["urgency"].Value().(byte)
		if got.AppName != AppName || got.AppIcon != s.Icon() || got.Summary != m.Title || got.Body != m.Body || urgency != tt.urgency {
			t.Errorf("Send(%s) delivered app %q icon %q summary %q body %q urgency %d; want %q %q %q %q %d",
				show(m), got.AppName, got.AppIcon, got.Summary, got.Body, urgency,
				AppName, s.Icon(), m.Title, m.Body, tt.urgency)
		}
	}
}

// observed passes each Send's result to results after it returns.
type observed struct {
	Sender
	results chan error
}

func (o observed) Send(m Message) error {
	err := o.Sender.Send(m)
	o.results <- err
	return err
}

func TestNotifierWithoutService(t *testing.T) {
	addr := startBus(t)
	s, err := NewBeeep(assets.Icon, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var logs logBuffer
	o := observed{s, make(chan error, 1)}
	n := New(o, testBook, on, slog.New(slog.NewTextHandler(&logs, nil)))
	ch, stop := run(n)
	var srv *server
	for id := int64(1); id <= 3; id++ {
		if id == 3 {
			srv = serve(t, addr)
		}
		ch <- call(id, calls.StatusRinging)
		if err := receiveErr(t, o.results); (err == nil) != (id == 3) {
			t.Errorf("Send(call %d) = %v, want an error only while no service runs", id, err)
		}
	}
	if got := receiveNote(t, srv.notes); got.Summary != "Lisbeth Salander — Milton Security" {
		t.Errorf("after the service started, it got %q", got.Summary)
	}
	stop()
	checkOutageLog(t, logs.String())
}

func receiveErr(t *testing.T, results <-chan error) error {
	t.Helper()
	select {
	case err := <-results:
		return err
	case <-time.After(wait):
		t.Fatal("Send did not return")
		return nil
	}
}
