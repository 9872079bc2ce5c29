package bench

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// privateBus starts a dbus-daemon of the test's own and returns its
// address; the test is skipped where there is none.
func privateBus(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("no dbus-daemon")
	}
	cmd := exec.Command(bin, "--session", "--nofork", "--nopidfile", "--print-address=1",
		"--address=unix:path="+filepath.Join(t.TempDir(), "bus"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	return strings.TrimSpace(addr)
}

// popup sends a Notify the way beeep does.
func popup(t *testing.T, conn *dbus.Conn, summary, body string) {
	t.Helper()
	call := conn.Object(notifyName, notifyPath).Call(notifyName+".Notify", 0,
		"whoiscalling", uint32(0), "", summary, body, []string{}, map[string]dbus.Variant{}, int32(5000))
	var id uint32
	if err := call.Store(&id); err != nil || id == 0 {
		t.Errorf("Notify = %d, %v", id, err)
	}
}

func TestNotifyServer(t *testing.T) {
	addr := privateBus(t)
	srv, err := StartNotifyServer(addr, true)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := StartNotifyServer(addr, false); err == nil {
		t.Error("a second server took the name too")
	}
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	before := time.Now()
	popup(t, conn, "Anna Mayer", "0211 1234567")
	select {
	case a := <-srv.Arrivals():
		if a.Summary != "Anna Mayer" || a.Body != "0211 1234567" || a.At.Before(before) {
			t.Errorf("arrival = %+v", a)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no arrival")
	}
	if srv.Count() != 1 {
		t.Errorf("Count = %d, want 1", srv.Count())
	}
}

// TestMeasureNotify times a fake listener that pops up every newCall's
// caller, except the callers it was told to drop, and sends an
// unrelated popup first.
func TestMeasureNotify(t *testing.T) {
	addr := privateBus(t)
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	plan := Plan{Seed: 5, Contacts: 100, Run: "notify-test"}
	drop := "+" + plan.Sequence(3).From
	listener := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ev, err := webhook.ParseBody(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if ev.Type == webhook.NewCall && ev.From != drop {
			popup(t, conn, "Someone else", "0800 000000")
			popup(t, conn, phone.Display(ev.From, "DE"), "Köln · fixed line")
		}
	}))
	defer listener.Close()
	res, err := MeasureNotify(context.Background(), NotifyConfig{URL: listener.URL, Bus: addr, Calls: 8, Warmup: 2,
		Timeout: 300 * time.Millisecond, Plan: plan})
	if err != nil {
		t.Fatal(err)
	}
	if res.Calls != 8 || res.Arrived != 7 || res.Missing != 1 || res.Errors != 0 || res.Other < 7 {
		t.Errorf("MeasureNotify = %+v; want 8 calls, 7 arrived, 1 missing, no errors, other popups skipped", res)
	}
	if res.Latency.P50 <= 0 || res.Latency.P50 > 300 {
		t.Errorf("latency = %+v", res.Latency)
	}
}
