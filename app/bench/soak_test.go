package bench

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

func TestSoakGrowth(t *testing.T) {
	for _, tc := range []struct {
		name        string
		res         SoakResult
		growth      float64
		early, last int64
		ok          bool
	}{
		{"no samples", SoakResult{Seconds: 60}, 0, 0, 0, false},
		{"flat", SoakResult{Seconds: 60, Samples: []SoakSample{{0, 100}, {10, 200}, {30, 210}, {60, 200}}}, 0, 200, 200, true},
		{"grew by half", SoakResult{Seconds: 600, Samples: []SoakSample{{0, 50}, {100, 100}, {300, 120}, {600, 150}}}, 0.5, 100, 150, true},
		{"shrank", SoakResult{Seconds: 60, Samples: []SoakSample{{0, 400}, {60, 300}}}, -0.25, 400, 300, true},
	} {
		g, e, l, ok := tc.res.Growth()
		if g != tc.growth || e != tc.early || l != tc.last || ok != tc.ok {
			t.Errorf("%s: Growth() = %v, %d, %d, %v, want %v, %d, %d, %v", tc.name, g, e, l, ok, tc.growth, tc.early, tc.last, tc.ok)
		}
	}
}

func TestSoakRow(t *testing.T) {
	r := Results{Soak: &SoakResult{Seconds: 1800, Calls: 1800, WindowOpens: 60,
		Samples: []SoakSample{{0, 100 << 10}, {300, 200 << 10}, {1800, 260 << 10}}}}
	var b strings.Builder
	r.Table(&b)
	for _, want := range []string{"left open (nothing closed them), 30 min",
		"RSS 200.0 MiB at 5.0 min, 260.0 MiB at the end (+30.0 %) · 1800 calls, 0 errors, 60 window opens, 0 closing rounds | ≤ +10 % from 1/6 of the run to its end | **no**: grew 30.0 %"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Table() =\n%s\nwant a row with %q", b.String(), want)
		}
	}
	r.Soak.WindowCloses = 30
	b.Reset()
	r.Table(&b)
	if want := "every minute and closed with Ctrl+W 20 s later, 30 min"; !strings.Contains(b.String(), want) {
		t.Errorf("Table() with closing rounds =\n%s\nwant %q", b.String(), want)
	}
}

// TestSoakOpensAtOnceAndCloses: the windows are opened at the start
// (not a minute in) and closed CloseAfter later.
func TestSoakOpensAtOnceAndCloses(t *testing.T) {
	host, item := registeredHost(t)
	closed := make(chan struct{}, 8)
	res := Soak(context.Background(), SoakConfig{URL: "http://127.0.0.1:1/", PID: os.Getpid(), Tray: host,
		Windows: []string{"Recent calls", "Contacts"}, Duration: time.Second, CallEvery: time.Hour, WindowsEvery: time.Hour,
		SampleEvery: time.Hour, CloseAfter: 10 * time.Millisecond,
		Close: func() error { closed <- struct{}{}; return nil }})
	if res.WindowOpens != 2 || res.WindowCloses != 1 || len(closed) != 1 || res.Errors != 0 {
		t.Errorf("soak: %d opens, %d closing rounds (%d calls of Close), %d errors (%s); want 2, 1, 1, 0",
			res.WindowOpens, res.WindowCloses, len(closed), res.Errors, res.FirstError)
	}
	item.mu.Lock()
	defer item.mu.Unlock()
	if len(item.clicked) != 2 {
		t.Errorf("clicked entries = %v, want the two windows once", item.clicked)
	}
}

// registeredHost is a tray host with a fake item registered.
func registeredHost(t *testing.T) (*TrayHost, *fakeItem) {
	t.Helper()
	addr := privateBus(t)
	host, err := NewTrayHost(addr)
	if err != nil {
		t.Fatalf("NewTrayHost() = %v", err)
	}
	t.Cleanup(func() { host.Close() })
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	item := &fakeItem{}
	if err := conn.Export(item, "/StatusNotifierMenu", "com.canonical.dbusmenu"); err != nil {
		t.Fatal(err)
	}
	watcher := conn.Object("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher")
	if err := watcher.Call("org.kde.StatusNotifierWatcher.RegisterStatusNotifierItem", 0, "/StatusNotifierItem").Err; err != nil {
		t.Fatalf("register the item: %v", err)
	}
	return host, item
}

// fakeItem is a tray item: it registers with the watcher and records
// which menu entries get clicked.
type fakeItem struct {
	mu      sync.Mutex
	clicked []int32
}

func (f *fakeItem) GetLayout(parent, depth int32, props []string) (uint32, dbusLayout, *dbus.Error) {
	entry := func(id int32, label string) dbus.Variant {
		return dbus.MakeVariant(dbusLayout{id, map[string]dbus.Variant{"label": dbus.MakeVariant(label)}, []dbus.Variant{}})
	}
	return 1, dbusLayout{0, map[string]dbus.Variant{}, []dbus.Variant{entry(3, "Listening on :8080"),
		entry(5, "Recent calls…"), entry(8, "_Contacts…")}}, nil
}

func (f *fakeItem) Event(id int32, kind string, data dbus.Variant, ts uint32) *dbus.Error {
	f.mu.Lock()
	f.clicked = append(f.clicked, id)
	f.mu.Unlock()
	return nil
}

type dbusLayout struct {
	ID       int32
	Props    map[string]dbus.Variant
	Children []dbus.Variant
}

func TestTrayHostClicks(t *testing.T) {
	alone, err := NewTrayHost(privateBus(t))
	if err != nil {
		t.Fatalf("NewTrayHost() = %v", err)
	}
	defer alone.Close()
	if err := alone.Click("Recent calls"); err == nil {
		t.Errorf("Click() before any item registered = nil error")
	}
	host, item := registeredHost(t)
	if !host.Registered() {
		t.Fatalf("Registered() = false after the item registered")
	}
	for _, label := range []string{"Recent calls", "Contacts"} {
		if err := host.Click(label); err != nil {
			t.Errorf("Click(%q) = %v", label, err)
		}
	}
	if err := host.Click("Settings"); err == nil {
		t.Errorf("Click(Settings) on a menu without it = nil error")
	}
	item.mu.Lock()
	defer item.mu.Unlock()
	if len(item.clicked) != 2 || item.clicked[0] != 5 || item.clicked[1] != 8 {
		t.Errorf("clicked entries = %v, want [5 8]", item.clicked)
	}
}
