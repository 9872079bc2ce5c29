package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestEndToEnd runs the real binary (the tray app) under Xvfb, with its own
// D-Bus session and dunst as the notification daemon, posts a newCall from
// a known contact and then its hangup, and reads dunst's history for the
// two notifications.
func TestEndToEnd(t *testing.T) {
	dir, bin, env := desktopTest(t)
	data := filepath.Join(dir, "data")
	port := freePort(t)
	env = append(env, "WHOISCALLING_DATA_DIR="+data, fmt.Sprintf("WEBHOOK_SERVER_PORT=%d", port),
		"SIPGATE_VERIFY_SIGNATURE=false", "LANG=C.UTF-8", "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))

	add := exec.Command(bin, "contacts", "add", "--name", "Lisbeth Salander", "--company", "Milton Security",
		"--city", "Stockholm", "--note", "prefers e-mail", "--number", "+46 8 123 456 78")
	add.Env = env
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("contacts add: %v\n%s", err, out)
	}

	startApp(t, bin, env)
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)

	common := "&direction=in&from=46812345678&to=4921155500123&callId=E2E1&origCallId=E2E1&xcid=e2e0000000000001"
	mustPost(t, base, "event=newCall&user%5B%5D=Anna+Mayer"+common)
	waitNotification(t, env, "Lisbeth Salander — Milton Security")
	mustPost(t, base, "event=hangup&cause=cancel"+common)
	waitNotification(t, env, "Missed call from Lisbeth Salander")
}

// desktopTest is the start of every end-to-end test: a temporary dir, the
// app built into it, and a desktop session (Xvfb, D-Bus, dunst) to run it
// in, described by the returned environment.
func desktopTest(t *testing.T) (dir, bin string, env []string) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	needTools(t, "Xvfb", "dbus-daemon", "dunst", "dunstctl")
	dir = t.TempDir()
	return dir, buildApp(t, dir), desktopSession(t, dir)
}

func buildApp(t *testing.T, dir string) string {
	bin := filepath.Join(dir, "whoiscalling")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startApp starts the tray app and waits until it listens; it is stopped
// with SIGINT when the test ends.
func startApp(t *testing.T, bin string, env []string) {
	app := exec.Command(bin)
	app.Env = env
	logs := &syncBuilder{}
	app.Stdout, app.Stderr = logs, logs
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		app.Process.Signal(os.Interrupt)
		app.Wait()
		if t.Failed() {
			t.Logf("app log:\n%s", logs.String())
		}
	})
	port := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "WEBHOOK_SERVER_PORT="); ok {
			port = v
		}
	}
	waitListening(t, "http://127.0.0.1:"+port+"/")
}

type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuilder) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func needTools(t *testing.T, tools ...string) {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing; make test installs it", tool)
			}
			t.Skipf("%s is not installed (make test installs it)", tool)
		}
	}
}

// desktopSession starts Xvfb, a D-Bus session bus and dunst, and returns
// the environment that points at them.
func desktopSession(t *testing.T, dir string) []string {
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	r, w, _ := os.Pipe()
	xvfb.ExtraFiles = []*os.File{w}
	start(t, xvfb)
	w.Close()
	display := ":" + readLine(t, r, "Xvfb display number")

	bus := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	out, _ := bus.StdoutPipe()
	start(t, bus)
	addr := readLine(t, out, "D-Bus address")

	env := append(os.Environ(), "DISPLAY="+display, "DBUS_SESSION_BUS_ADDRESS="+addr)
	rc := filepath.Join(dir, "dunstrc")
	os.WriteFile(rc, []byte("[global]\n    timeout = 60\n"), 0o600)
	dunst := exec.Command("dunst", "-config", rc)
	dunst.Env = env
	start(t, dunst)
	return env
}

func start(t *testing.T, c *exec.Cmd) {
	t.Helper()
	if err := c.Start(); err != nil {
		t.Fatalf("start %s: %v", c.Path, err)
	}
	t.Cleanup(func() { c.Process.Kill(); c.Wait() })
}

func readLine(t *testing.T, r interface{ Read([]byte) (int, error) }, what string) string {
	t.Helper()
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case s := <-line:
		if s == "" {
			t.Fatalf("no %s", what)
		}
		return s
	case <-time.After(20 * time.Second):
		t.Fatalf("no %s within 20 s", what)
	}
	return ""
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitListening(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base)
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the app did not listen on %s within 60 s", base)
}

func mustPost(t *testing.T, base, body string) {
	t.Helper()
	resp, err := http.Post(base, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s = %d, want 200", body, resp.StatusCode)
	}
}

// waitNotification polls dunst until a notification from whoiscalling whose
// summary contains want was shown; dunst draws each popup before it
// answers, so this allows several seconds.
func waitNotification(t *testing.T, env []string, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var seen []string
	for time.Now().Before(deadline) {
		seen = dunstNotifications(t, env)
		for _, s := range seen {
			if strings.Contains(s, want) && strings.HasPrefix(s, "whoiscalling|") {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no notification %q from whoiscalling reached dunst within 20 s; dunst has %q", want, seen)
}

// dunstNotifications moves the displayed notifications to dunst's history
// and returns each as "appname|summary|body".
func dunstNotifications(t *testing.T, env []string) []string {
	closeAll := exec.Command("dunstctl", "close-all")
	closeAll.Env = env
	closeAll.Run()
	hist := exec.Command("dunstctl", "history")
	hist.Env = env
	out, err := hist.Output()
	if err != nil {
		return nil
	}
	var h struct {
		Data [][]map[string]struct {
			Data any `json:"data"`
		} `json:"data"`
	}
	if err := json.Unmarshal(out, &h); err != nil {
		t.Fatalf("dunstctl history: %v\n%s", err, out)
	}
	var res []string
	for _, group := range h.Data {
		for _, n := range group {
			res = append(res, fmt.Sprintf("%v|%v|%v", n["appname"].Data, n["summary"].Data, n["body"].Data))
		}
	}
	return res
}
