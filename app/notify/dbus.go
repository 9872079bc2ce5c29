package notify

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/godbus/dbus/v5"
)

// ErrNoSessionBus means the desktop has no D-Bus session bus (a headless
// server, an ssh session): popups are off. whoiscalling never starts a
// bus of its own, which would outlive it.
var ErrNoSessionBus = errors.New("no D-Bus session bus")

// DBus sends messages to the freedesktop notification service
// (org.freedesktop.Notifications) on the session bus. A call's later
// messages replace its earlier popup in place, and urgent ones (VIP
// contacts) ask for critical urgency without a beep.
type DBus struct {
	conn *dbus.Conn
	icon string

	mu  sync.Mutex
	ids map[int64]uint32 // call ID → the server's ID of its popup
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
	return &DBus{conn: conn, icon: icon, ids: map[int64]uint32{}}, nil
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

// Send shows m, replacing the popup of the same call if it is still
// known.
func (d *DBus) Send(m Message) error {
	urgency := byte(1)
	if m.Urgent {
		urgency = 2
	}
	hints := map[string]dbus.Variant{
		"urgency":       dbus.MakeVariant(urgency),
		"desktop-entry": dbus.MakeVariant("io.github.whoiscalling"),
		"category":      dbus.MakeVariant("im.received"),
	}
	obj := d.conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
	var id uint32
	err := obj.Call("org.freedesktop.Notifications.Notify", 0, AppName, d.replaces(m.CallID), d.icon,
		m.Title, m.Body, []string{}, hints, int32(-1)).Store(&id)
	if err != nil {
		return err
	}
	d.remember(m.CallID, id)
	return nil
}

func (d *DBus) replaces(call int64) uint32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.ids[call]
}

func (d *DBus) remember(call int64, id uint32) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.ids) >= maxPopupIDs {
		clear(d.ids)
	}
	d.ids[call] = id
}

// Close ends the connection to the bus.
func (d *DBus) Close() error { return d.conn.Close() }
