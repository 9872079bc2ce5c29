package bench

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

// TrayHost plays the desktop's tray (org.kde.StatusNotifierWatcher) on
// a private bus, so a tray app under Xvfb registers its item and its
// menu can be clicked through com.canonical.dbusmenu.
type TrayHost struct {
	conn *dbus.Conn
	mu   sync.Mutex
	item string // the unique bus name of the registered item
}

// NewTrayHost owns the watcher name on the bus at addr.
func NewTrayHost(addr string) (*TrayHost, error) {
	conn, err := dbus.Connect(addr)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", addr, err)
	}
	h := &TrayHost{conn: conn}
	if err := conn.Export(trayWatcher{h}, "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher"); err != nil {
		conn.Close()
		return nil, err
	}
	r, err := conn.RequestName("org.kde.StatusNotifierWatcher", dbus.NameFlagDoNotQueue)
	if err != nil || r != dbus.RequestNameReplyPrimaryOwner {
		conn.Close()
		return nil, fmt.Errorf("own org.kde.StatusNotifierWatcher: %v %v", r, err)
	}
	return h, nil
}

// Close leaves the bus.
func (h *TrayHost) Close() error { return h.conn.Close() }

// Registered reports whether a tray item registered.
func (h *TrayHost) Registered() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.item != ""
}

// Click clicks the first top-level menu entry whose label starts with
// prefix. The app installs a new menu whenever what it shows changes
// (a call a second in the soak), and the menu on the bus is rebuilt
// entry by entry, so a layout read meanwhile can lack the entry: it is
// read again, as a tray host does on the menu's LayoutUpdated signal.
func (h *TrayHost) Click(prefix string) error {
	var err error
	for range 10 {
		if err = h.click(prefix); !errors.Is(err, errNoEntry) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("%w %q", err, prefix)
}

// errNoEntry: the menu read had no entry with the label asked for.
var errNoEntry = errors.New("the tray menu has no entry")

func (h *TrayHost) click(prefix string) error {
	h.mu.Lock()
	item := h.item
	h.mu.Unlock()
	if item == "" {
		return fmt.Errorf("no tray item registered")
	}
	obj := h.conn.Object(item, "/StatusNotifierMenu")
	var rev uint32
	var layout struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	if err := obj.Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{}).Store(&rev, &layout); err != nil {
		return fmt.Errorf("read the tray menu: %w", err)
	}
	for _, c := range layout.Children {
		fields, ok := c.Value().([]any)
		if !ok || len(fields) < 2 {
			continue
		}
		id, _ := fields[0].(int32)
		props, _ := fields[1].(map[string]dbus.Variant)
		label, _ := props["label"].Value().(string)
		if strings.HasPrefix(strings.ReplaceAll(label, "_", ""), prefix) {
			return obj.Call("com.canonical.dbusmenu.Event", 0, id, "clicked", dbus.MakeVariant(""), uint32(0)).Err
		}
	}
	return errNoEntry
}

// trayWatcher is the exported watcher: only its two methods are on the
// bus.
type trayWatcher struct{ h *TrayHost }

// RegisterStatusNotifierItem is what a tray item calls.
func (w trayWatcher) RegisterStatusNotifierItem(sender dbus.Sender, _ string) *dbus.Error {
	w.h.mu.Lock()
	w.h.item = string(sender)
	w.h.mu.Unlock()
	return nil
}

// RegisterStatusNotifierHost is part of the watcher interface.
func (w trayWatcher) RegisterStatusNotifierHost(string) *dbus.Error { return nil }
