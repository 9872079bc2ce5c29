package notify

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/godbus/dbus/v5"
)

// ErrNoSessionBus means the desktop has no D-Bus session bus (a headless
// server, an ssh session): popups are off. whoiscalling never starts a
// bus of its own, which would outlive it.
var ErrNoSessionBus = errors.New("no D-Bus session bus")

const (
	busName = "org.freedesktop.Notifications"
	busPath = "/org/freedesktop/Notifications"
)

// DBus sends messages to the freedesktop notification service
// (org.freedesktop.Notifications) on the session bus. A call's later
// messages replace its earlier popup in place; urgent ones (VIP
// contacts) ask for critical urgency; actions are offered when the
// server has them, and clicks on them reach OnAction's functions.
type DBus struct {
	conn *dbus.Conn
	icon string

	mu       sync.Mutex
	ids      map[int64]uint32  // call ID → the server's ID of its popup
	popups   map[uint32]Action // the server's ID → what its actions are about
	handlers []func(Action)
}

// maxPopupIDs bounds the calls whose popup can still be replaced.
const maxPopupIDs = 256

// NewDBus connects to the session bus named by DBUS_SESSION_BUS_ADDRESS
// or found at $XDG_RUNTIME_DIR/bus; icon is the path of the app icon
// ("": the desktop's default).
func NewDBus(icon string) (*DBus, error) {
	addr := sessionBusAddress()
	if addr == "" {
		return nil, ErrNoSessionBus
	}
	conn, err := dbus.Connect(addr)
	if err != nil {
		return nil, fmt.Errorf("connect to the session bus: %w", err)
	}
	d := &DBus{conn: conn, icon: icon, ids: map[int64]uint32{}, popups: map[uint32]Action{}}
	d.listen()
	return d, nil
}

func sessionBusAddress() string {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return a
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		p := filepath.Join(dir, "bus")
		if fi, err := os.Stat(p); err == nil && fi.Mode()&os.ModeSocket != 0 {
			return "unix:path=" + p
		}
	}
	return ""
}

// capable asks the server whether it shows action buttons; a server
// that does not answer gets none. It is asked at every popup, as the
// server may be restarted or replaced while the app runs.
func (d *DBus) capable() bool {
	var caps []string
	err := d.conn.Object(busName, busPath).Call(busName+".GetCapabilities", 0).Store(&caps)
	return err == nil && slices.Contains(caps, "actions")
}

// Send shows m, replacing the popup of the same call if it is still
// known; KindEnded closes it.
func (d *DBus) Send(m Message) error {
	if m.Kind == KindEnded {
		return d.close(m.CallID)
	}
	urgency := byte(1)
	if m.Urgent {
		urgency = 2
	}
	hints := map[string]dbus.Variant{
		"urgency":       dbus.MakeVariant(urgency),
		"desktop-entry": dbus.MakeVariant("io.github.whoiscalling"),
		"category":      dbus.MakeVariant("im.received"),
	}
	var acts []string
	if d.capable() {
		acts = actionList(m.Actions)
	}
	obj := d.conn.Object(busName, busPath)
	var id uint32
	err := obj.Call(busName+".Notify", 0, AppName, d.replaces(m.CallID), d.icon,
		m.Title, m.Body, acts, hints, timeout(m)).Store(&id)
	if err != nil {
		return err
	}
	d.remember(m, id)
	return nil
}

// timeout is the spec's expire_timeout in ms: 0 never, -1 the server's.
func timeout(m Message) int32 {
	switch {
	case m.Sticky:
		return 0
	case m.Expire > 0:
		return int32(m.Expire.Milliseconds())
	}
	return -1
}

func (d *DBus) close(call int64) error {
	id := d.replaces(call)
	if id == 0 {
		return nil
	}
	d.forget(id)
	return d.conn.Object(busName, busPath).Call(busName+".CloseNotification", 0, id).Err
}

func (d *DBus) replaces(call int64) uint32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.ids[call]
}

func (d *DBus) remember(m Message, id uint32) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.ids) >= maxPopupIDs {
		clear(d.ids)
		clear(d.popups)
	}
	if old := d.ids[m.CallID]; old != 0 && old != id {
		delete(d.popups, old)
	}
	d.ids[m.CallID] = id
	a := Action{CallID: m.CallID, Number: m.Number}
	if a.CallID < 0 {
		a.CallID = 0 // a burst's summary opens the list
	}
	d.popups[id] = a
}

// forget drops a popup the server closed: the call's next message opens
// a new one.
func (d *DBus) forget(id uint32) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.popups, id)
	for call, v := range d.ids {
		if v == id {
			delete(d.ids, call)
		}
	}
}

// Close ends the connection to the bus.
func (d *DBus) Close() error { return d.conn.Close() }
