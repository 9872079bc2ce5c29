package notify

import (
	"bytes"
	"errors"
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

func TestDBusSender(t *testing.T) {
	srv := serve(t, startBus(t))
	s, err := NewSender(assets.Icon, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	d, ok := s.(*DBus)
	if !ok {
		t.Fatalf("NewSender on Linux = %T, want the D-Bus sender", s)
	}
	defer d.Close()
	if icon, err := os.ReadFile(d.icon); err != nil || !bytes.Equal(icon, assets.Icon) {
		t.Fatalf("icon file %s = %d bytes, %v; want the app icon", d.icon, len(icon), err)
	}
	vip := with(func(c *calls.Call) { c.ID, c.ContactID, c.VIP = 2, 8, true })
	missed := with(func(c *calls.Call) { c.Status = calls.StatusMissed })
	for _, tt := range []struct {
		in       calls.Call
		urgency  byte
		replaces uint32 // the server's ID of the popup this one replaces
	}{{lisbeth(), 1, 0}, {vip, 2, 0}, {missed, 1, 1}} {
		m, _ := Decide(tt.in, nil, on)
		if err := s.Send(m); err != nil {
			t.Fatalf("Send(%s) = %v", show(m), err)
		}
		got := receiveNote(t, srv.notes)
		urgency, _ := got.Hints["urgency"].Value().(byte)
		if got.AppName != AppName || got.AppIcon != d.icon || got.Summary != m.Title || got.Body != m.Body ||
			urgency != tt.urgency || got.Replaces != tt.replaces {
			t.Errorf("Send(%s) delivered app %q icon %q summary %q body %q urgency %d replacing %d; want %q %q %q %q %d %d",
				show(m), got.AppName, got.AppIcon, got.Summary, got.Body, urgency, got.Replaces,
				AppName, d.icon, m.Title, m.Body, tt.urgency, tt.replaces)
		}
	}
}

// Without a session bus popups are off: whoiscalling never starts a bus
// (which would outlive it) just to show one.
func TestNoSessionBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	if _, err := NewDBus(""); !errors.Is(err, ErrNoSessionBus) {
		t.Errorf("NewDBus without a bus = %v, want ErrNoSessionBus", err)
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
	n := New(o, on, slog.New(slog.NewTextHandler(&logs, nil)))
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
