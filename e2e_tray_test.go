package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// trayHost plays the desktop's tray: it owns org.kde.StatusNotifierWatcher
// on the test's session bus, notes who registers a tray item, and reads
// and clicks that item's menu through com.canonical.dbusmenu.
type trayHost struct {
	conn *dbus.Conn
	mu   sync.Mutex
	item string // the unique bus name of the registered item
}

func newTrayHost(t *testing.T, busAddr string) *trayHost {
	conn, err := dbus.Connect(busAddr)
	if err != nil {
		t.Fatalf("connect to the test bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	h := &trayHost{conn: conn}
	if err := conn.Export(h, "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher"); err != nil {
		t.Fatal(err)
	}
	if r, err := conn.RequestName("org.kde.StatusNotifierWatcher", dbus.NameFlagDoNotQueue); err != nil || r != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own org.kde.StatusNotifierWatcher: %v %v", r, err)
	}
	return h
}

// RegisterStatusNotifierItem is the watcher method a tray item calls.
func (h *trayHost) RegisterStatusNotifierItem(sender dbus.Sender, _ string) *dbus.Error {
	h.mu.Lock()
	h.item = string(sender)
	h.mu.Unlock()
	return nil
}

// RegisterStatusNotifierHost is part of the watcher interface.
func (h *trayHost) RegisterStatusNotifierHost(string) *dbus.Error { return nil }

type menuEntry struct {
	id      int32
	label   string
	enabled bool
}

// menu waits for a registered item and returns its menu's entries.
func (h *trayHost) menu(t *testing.T) []menuEntry {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		h.mu.Lock()
		item := h.item
		h.mu.Unlock()
		if item != "" {
			var rev uint32
			var layout struct {
				ID       int32
				Props    map[string]dbus.Variant
				Children []dbus.Variant
			}
			obj := h.conn.Object(item, "/StatusNotifierMenu")
			err := obj.Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{}).Store(&rev, &layout)
			if err == nil && len(layout.Children) > 0 {
				return entries(layout.Children)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no tray item registered a menu within 30 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func entries(children []dbus.Variant) []menuEntry {
	var out []menuEntry
	for _, c := range children {
		fields, ok := c.Value().([]any)
		if !ok || len(fields) < 2 {
			continue
		}
		id, _ := fields[0].(int32)
		props, _ := fields[1].(map[string]dbus.Variant)
		label, _ := props["label"].Value().(string)
		enabled := true
		if v, ok := props["enabled"]; ok {
			enabled, _ = v.Value().(bool)
		}
		out = append(out, menuEntry{id: id, label: strings.ReplaceAll(label, "__", "_"), enabled: enabled})
	}
	return out
}

// click finds the entry whose label starts with prefix and clicks it.
func (h *trayHost) click(t *testing.T, prefix string) {
	t.Helper()
	for _, e := range h.menu(t) {
		if strings.HasPrefix(e.label, prefix) {
			obj := h.conn.Object(h.item, "/StatusNotifierMenu")
			if err := obj.Call("com.canonical.dbusmenu.Event", 0, e.id, "clicked", dbus.MakeVariant(""), uint32(0)).Err; err != nil {
				t.Fatalf("click %q: %v", e.label, err)
			}
			return
		}
	}
	t.Fatalf("the tray menu has no %q: %v", prefix, h.menu(t))
}

// TestTrayToPopup is a new user's first minutes: the app starts into the
// tray, the menu says where it listens, and "Send test call" ends in a
// popup. With WHOISCALLING_SHOTS=DIR it also saves screenshots of the
// three windows, with realistic calls and contacts, for the README.
func TestTrayToPopup(t *testing.T) {
	dir, bin, env := desktopTest(t)
	host := newTrayHost(t, busAddress(env))
	port := freePort(t)
	data := filepath.Join(dir, "data")
	env = append(env, "WHOISCALLING_DATA_DIR="+data, fmt.Sprintf("WEBHOOK_SERVER_PORT=%d", port),
		"LANG=C.UTF-8", "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	shots := os.Getenv("WHOISCALLING_SHOTS")
	if shots != "" {
		seedShowcase(t, bin, env)
		env = append(env, "FYNE_THEME=light")
	}
	startApp(t, bin, env)

	status := host.menu(t)[0]
	want := fmt.Sprintf("Listening on 127.0.0.1:%d", port)
	if !strings.HasPrefix(status.label, want) || status.enabled {
		t.Errorf("tray status line = %+v, want a disabled %q…", status, want)
	}
	host.click(t, "Send test call")
	waitNotification(t, env, "+44 20 7946 0123")

	if shots != "" {
		postShowcase(t, port, data)
		time.Sleep(2 * time.Second) // the tray shows the last call
		for _, w := range []struct {
			entry, title, file string
			x, y               int // a click before the shot: the first row
		}{
			{"Recent calls", "Recent calls", "recent-calls.png", 150, 75},
			{"Contacts", "Contacts", "contacts.png", 150, 75},
			{"Settings", "Settings", "settings.png", 0, 0},
		} {
			host.click(t, w.entry)
			screenshot(t, env, w.title, filepath.Join(shots, w.file), w.x, w.y)
		}
	}
}

func busAddress(env []string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "DBUS_SESSION_BUS_ADDRESS="); ok {
			return v
		}
	}
	return ""
}

// screenshot captures the window titled title once it is mapped, after a
// click at x, y in it (none when both are 0).
func screenshot(t *testing.T, env []string, title, path string, x, y int) {
	t.Helper()
	var id string
	for i := 0; i < 100 && id == ""; i++ {
		find := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+title+"$")
		find.Env = env
		out, _ := find.Output()
		id = strings.TrimSpace(strings.Split(string(out), "\n")[0])
		time.Sleep(100 * time.Millisecond)
	}
	if id == "" {
		t.Fatalf("no window %q appeared", title)
	}
	if x != 0 || y != 0 {
		click := exec.Command("xdotool", "mousemove", "--window", id, fmt.Sprint(x), fmt.Sprint(y), "click", "1")
		click.Env = env
		if out, err := click.CombinedOutput(); err != nil {
			t.Fatalf("xdotool click: %v %s", err, out)
		}
	}
	time.Sleep(time.Second) // let it draw
	shot := exec.Command("import", "-window", id, path)
	shot.Env = env
	if out, err := shot.CombinedOutput(); err != nil {
		t.Fatalf("import: %v %s", err, out)
	}
}
