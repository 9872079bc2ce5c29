package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/team"
)

// office is a receiver (serve with NATS_LISTEN) and two desks (serve on
// NATS_URL), each a process of its own with its own data dir.
type office struct {
	natsURL            string
	rxDir, aDir, bDir  string
	rxEnv, aEnv, bEnv  map[string]string
	receiver, deskA, b *proc
}

func teamEnv(extra map[string]string) map[string]string {
	env := map[string]string{"SIPGATE_VERIFY_SIGNATURE": "false", "WEBHOOK_SERVER_PORT": "", "TEAM_NAME": "e2e"}
	for k, v := range extra {
		env[k] = v
	}
	return env
}

func startOffice(t *testing.T) *office {
	port := freePort(t)
	o := &office{natsURL: "nats://127.0.0.1:" + port, rxDir: t.TempDir(), aDir: t.TempDir(), bDir: t.TempDir()}
	o.rxEnv = teamEnv(map[string]string{"NATS_LISTEN": "127.0.0.1:" + port, "WEBHOOK_SERVER_PORT": freePort(t)})
	o.aEnv = teamEnv(map[string]string{"NATS_URL": o.natsURL, "WEBHOOK_SERVER_PORT": freePort(t)})
	o.bEnv = teamEnv(map[string]string{"NATS_URL": o.natsURL, "WEBHOOK_SERVER_PORT": freePort(t)})
	o.receiver = startServe(t, "receiver", o.rxDir, o.rxEnv)
	o.deskA = startServe(t, "desk A", o.aDir, o.aEnv)
	o.b = startServe(t, "desk B", o.bDir, o.bEnv)
	return o
}

// teamStatus runs `team status --json` for a desk's data dir.
func teamStatus(t *testing.T, dataDir string, env map[string]string) (team.Status, int, string) {
	t.Helper()
	code, out, errOut := run(t, dataDir, env, "team", "status", "--json")
	var st team.Status
	if out != "" {
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("team status --json printed %q: %v", out, err)
		}
	}
	return st, code, errOut
}

func instanceOf(t *testing.T, dataDir string) string {
	b, err := os.ReadFile(filepath.Join(dataDir, "team-instance"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// waitStatus polls `team status --json` until ok holds.
func waitStatus(t *testing.T, what, dataDir string, env map[string]string, ok func(team.Status) bool) team.Status {
	t.Helper()
	var st team.Status
	var errOut string
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(250 * time.Millisecond) {
		if st, _, errOut = teamStatus(t, dataDir, env); ok(st) {
			return st
		}
	}
	t.Fatalf("team status never showed %s: last %+v %s", what, st, errOut)
	return st
}

func TestTeamEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three whoiscalling processes")
	}
	o := startOffice(t)
	first := teamCalls(0, 20)
	for _, c := range first {
		if n := c.post(t, o.receiver.base); n != len(c.bodies(t)) {
			t.Fatalf("the receiver did not acknowledge push %d of %s", n, c.id)
		}
	}
	wanted := expect(map[string]want{}, first)
	waitForCalls(t, "receiver", o.rxDir, wanted)
	waitForCalls(t, "desk A", o.aDir, wanted)
	waitForCalls(t, "desk B", o.bDir, wanted)

	rx := instanceOf(t, o.rxDir)
	st := waitStatus(t, "the receiver online with its last webhook and no lag", o.aDir, o.aEnv, func(s team.Status) bool {
		return s.State == team.Connected && len(s.Receivers) == 1 && s.Receivers[0].Instance == rx &&
			s.Receivers[0].LastWebhook != nil && s.Lag == 0
	})
	if st.Instance != instanceOf(t, o.aDir) || st.Team != "e2e" || len(st.Servers) != 1 {
		t.Errorf("team status of desk A = %+v, want its own instance, team e2e and one server", st)
	}

	t.Log("desk B stops for 10 calls")
	if code := o.b.stop(); code != 0 {
		t.Errorf("desk B exit code after SIGTERM = %d, want 0", code)
	}
	more := teamCalls(20, 10)
	for _, c := range more {
		c.post(t, o.receiver.base)
	}
	wanted = expect(wanted, more)
	waitForCalls(t, "desk A", o.aDir, wanted)
	waitStatus(t, "desk B's lag of 10", o.bDir, o.bEnv, func(s team.Status) bool { return s.Lag == 10 })
	o.b = startServe(t, "desk B again", o.bDir, o.bEnv)
	waitForCalls(t, "desk B after its restart", o.bDir, wanted)

	t.Log("the receiver is killed mid-burst")
	acked := killMidBurst(t, o.receiver, teamCalls(30, 30), 10)
	o.receiver = startServe(t, "receiver again", o.rxDir, o.rxEnv)
	for _, a := range acked {
		wanted[a.call.id] = want{status: a.call.status(), any: a.pushes < len(a.call.bodies(t))}
	}
	waitForCalls(t, "desk A after the receiver's restart", o.aDir, wanted)
	waitForCalls(t, "desk B after the receiver's restart", o.bDir, wanted)
}

// ack is a call of a burst with how many of its pushes were acknowledged.
type ack struct {
	call   teamCall
	pushes int
}

// killMidBurst posts the calls from two goroutines and kills p with
// SIGKILL once after calls were acknowledged; it returns the calls whose
// newCall was acknowledged.
func killMidBurst(t *testing.T, p *proc, cs []teamCall, after int) []ack {
	t.Helper()
	var mu sync.Mutex
	var acked []ack
	var once sync.Once
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := w; i < len(cs); i += 2 {
				n := cs[i].post(t, p.base)
				mu.Lock()
				if n > 0 {
					acked = append(acked, ack{cs[i], n})
				}
				full := len(acked) >= after
				mu.Unlock()
				if full {
					once.Do(p.kill)
				}
			}
		})
	}
	wg.Wait()
	once.Do(p.kill)
	t.Logf("the receiver acknowledged %d of %d calls before it was killed", len(acked), len(cs))
	return acked
}
