package notify

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// notifyCall is one Notify method call seen on the bus.
type notifyCall struct {
	replaces uint32
	summary  string
	actions  []string
	timeout  int32
}

// monitor reads dbus-monitor's view of the Notify calls.
type monitor struct {
	mu    sync.Mutex
	calls []notifyCall
}

var (
	monUint   = regexp.MustCompile(`^\s*uint32 (\d+)`)
	monString = regexp.MustCompile(`^\s*string "(.*?)"?$`) // a multi-line string ends on a later line
	monInt    = regexp.MustCompile(`^\s*int32 (-?\d+)`)
)

// read parses dbus-monitor's output: after "member=Notify" come the app
// name, replaces_id, icon, summary, body, the actions array, the hints
// and the timeout.
func (m *monitor) read(sc *bufio.Scanner) {
	var cur *notifyCall
	field, inActions := 0, false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.Contains(line, "method call") && strings.Contains(line, "member=Notify"):
			cur, field, inActions = &notifyCall{}, 0, false
		case cur == nil:
		case strings.HasPrefix(strings.TrimSpace(line), "array ["):
			if field == 5 {
				inActions = true
			}
			field++
		case inActions && strings.TrimSpace(line) == "]":
			inActions = false
		case inActions:
			if s := monString.FindStringSubmatch(line); s != nil {
				cur.actions = append(cur.actions, s[1])
			}
		case field == 1 && monUint.MatchString(line):
			n, _ := strconv.Atoi(monUint.FindStringSubmatch(line)[1])
			cur.replaces = uint32(n)
			field++
		case field == 3 && monString.MatchString(line):
			cur.summary = monString.FindStringSubmatch(line)[1]
			field++
		case monString.MatchString(line) && field < 5:
			field++
		case field >= 6 && monInt.MatchString(line):
			n, _ := strconv.Atoi(monInt.FindStringSubmatch(line)[1])
			cur.timeout = int32(n)
			m.mu.Lock()
			m.calls = append(m.calls, *cur)
			m.mu.Unlock()
			cur = nil
		}
	}
}

func (m *monitor) seen() []notifyCall {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.calls)
}

// waitFor waits until the monitor saw n Notify calls.
func (m *monitor) waitFor(t *testing.T, n int) []notifyCall {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if got := m.seen(); len(got) >= n {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("dbus-monitor saw %d Notify calls within 20 s, want %d: %+v", len(m.seen()), n, m.seen())
	return nil
}

func needTools(t *testing.T, tools ...string) {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; skipping the desktop test", tool)
		}
	}
}

func startCmd(t *testing.T, c *exec.Cmd) {
	t.Helper()
	if err := c.Start(); err != nil {
		t.Fatalf("start %s: %v", c.Path, err)
	}
	t.Cleanup(func() { _ = c.Process.Kill(); _ = c.Wait() })
}

// desktop starts Xvfb, dunst on the test's session bus, and dbus-monitor
// watching the Notify calls.
func desktop(t *testing.T) (*monitor, []string) {
	needTools(t, "Xvfb", "dunst", "dunstctl", "dbus-monitor")
	addr := startBus(t)
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
	r, w, _ := os.Pipe()
	xvfb.ExtraFiles = []*os.File{w}
	startCmd(t, xvfb)
	w.Close()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("Xvfb gave no display: %v", err)
	}
	env := append(os.Environ(), "DISPLAY=:"+strings.TrimSpace(line), "DBUS_SESSION_BUS_ADDRESS="+addr)
	rc := filepath.Join(t.TempDir(), "dunstrc")
	if err := os.WriteFile(rc, []byte("[global]\n    timeout = 60\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dunst := exec.Command("dunst", "-config", rc)
	dunst.Env = env
	startCmd(t, dunst)
	mon := exec.Command("dbus-monitor", "--address", addr, "interface='org.freedesktop.Notifications',member='Notify'")
	out, _ := mon.StdoutPipe()
	startCmd(t, mon)
	m := &monitor{}
	go m.read(bufio.NewScanner(out))
	waitOwner(t, env)
	return m, env
}

// waitOwner waits until dunst owns the notification service name.
func waitOwner(t *testing.T, env []string) {
	t.Helper()
	for range 200 {
		c := exec.Command("dunstctl", "count", "displayed")
		c.Env = env
		if c.Run() == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("dunst did not start")
}

func dunstCount(t *testing.T, env []string, what string) int {
	c := exec.Command("dunstctl", "count", what)
	c.Env = env
	out, err := c.Output()
	if err != nil {
		t.Fatalf("dunstctl count %s: %v", what, err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	return n
}

// With dunst, in German: the ringing popup is replaced in place by the
// missed one, which offers Call back and stays; a click on it reaches
// the app; a burst of 20 calls opens at most 5 popups.
func TestDunstInGerman(t *testing.T) {
	mon, env := desktop(t)
	if err := i18n.SetLanguage("de"); err != nil {
		t.Fatal(err)
	}
	defer i18n.SetLanguage("en")
	d, err := NewDBus("")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	clicks := make(chan Action, 4)
	d.OnAction(func(a Action) { clicks <- a })
	n := New(d, on, nil)
	ch, stop := run(n)
	defer stop()

	ch <- unknown(calls.StatusRinging)
	ring := mon.waitFor(t, 1)[0]
	if ring.replaces != 0 || ring.timeout != 0 || ring.summary != "0211 1234567" {
		t.Errorf("ringing popup = %+v; want a new popup that stays while it rings", ring)
	}
	ch <- unknown(calls.StatusMissed)
	missed := mon.waitFor(t, 2)[1]
	if missed.replaces == 0 || missed.summary != "Verpasster Anruf von 0211 1234567" || missed.timeout != 0 ||
		!slices.Contains(missed.actions, "Zurückrufen") || !slices.Contains(missed.actions, "Kontakt anlegen") {
		t.Errorf("missed popup = %+v; want it to replace the ringing one, in German, staying, with Zurückrufen and Kontakt anlegen", missed)
	}
	if got := dunstCount(t, env, "displayed") + dunstCount(t, env, "waiting"); got != 1 {
		t.Errorf("dunst shows %d popups for one call, want 1", got)
	}
	act := exec.Command("dunstctl", "action", "0")
	act.Env = env
	if out, err := act.CombinedOutput(); err != nil {
		t.Fatalf("dunstctl action: %v %s", err, out)
	}
	select {
	case a := <-clicks:
		if a.CallID != 1 || a.Number != "+492111234567" {
			t.Errorf("the click reached the app as %+v, want call 1", a)
		}
	case <-time.After(10 * time.Second):
		t.Error("a click on the popup never reached the app")
	}

	closeAll := exec.Command("dunstctl", "close-all")
	closeAll.Env = env
	_ = closeAll.Run()
	time.Sleep(burstWindow + 100*time.Millisecond) // the first call is not part of the burst
	before := len(mon.seen())
	// Twenty callers, each with a number of their own: dunst stacks
	// popups that read the same, closing the older one.
	caller := func(id int64, st calls.Status) calls.Call {
		c := unknown(st)
		c.ID, c.From = id, fmt.Sprintf("+4921155501%02d", id-100)
		return c
	}
	for id := int64(100); id < 120; id++ {
		ch <- caller(id, calls.StatusRinging)
	}
	for id := int64(100); id < 120; id++ {
		ch <- caller(id, calls.StatusMissed)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		got := mon.seen()[before:]
		if len(got) > 0 && strings.HasPrefix(got[len(got)-1].summary, "20 Anrufe") || hasMissedOf(got, 3) && hasSummary(got, "20 Anrufe") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	newPopups := 0
	for _, c := range mon.seen()[before:] {
		if c.replaces == 0 {
			newPopups++
		}
	}
	if newPopups > 5 || !hasSummary(mon.seen()[before:], "20 Anrufe: ") {
		t.Errorf("a burst of 20 calls opened %d popups (want at most 5) and summaries %q", newPopups, summaries(mon.seen()[before:]))
	}
	if got := dunstCount(t, env, "displayed") + dunstCount(t, env, "waiting"); got > 5 {
		t.Errorf("dunst holds %d popups after the burst, want at most 5", got)
	}
}

func hasSummary(cs []notifyCall, prefix string) bool {
	return slices.ContainsFunc(cs, func(c notifyCall) bool { return strings.HasPrefix(c.summary, prefix) })
}

func hasMissedOf(cs []notifyCall, n int) bool {
	count := 0
	for _, c := range cs {
		if strings.HasPrefix(c.summary, "Verpasster Anruf") {
			count++
		}
	}
	return count >= n
}

func summaries(cs []notifyCall) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.summary)
	}
	return out
}
