package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// teamCall is one call the team tests post: a missed one (newCall,
// hangup with cause cancel) or an answered one (newCall, answer, hangup).
type teamCall struct {
	id       string
	answered bool
}

func teamCalls(from, n int) []teamCall {
	out := make([]teamCall, n)
	for i := range out {
		out[i] = teamCall{id: fmt.Sprintf("team-e2e-%03d", from+i), answered: (from+i)%2 == 1}
	}
	return out
}

func (c teamCall) status() calls.Status {
	if c.answered {
		return calls.StatusAnswered
	}
	return calls.StatusMissed
}

// bodies are the call's pushes, from the vectors V03 (newCall), V10
// (answer) and V13 (hangup) with the call's own callId.
func (c teamCall) bodies(t *testing.T) []string {
	byID := map[string]string{}
	for _, v := range vectors(t) {
		byID[v.ID] = v.Body
	}
	with := func(id string, set map[string]string) string {
		q, err := url.ParseQuery(byID[id])
		if err != nil {
			t.Fatal(err)
		}
		q.Set("callId", c.id)
		for k, v := range set {
			q.Set(k, v)
		}
		return q.Encode()
	}
	if c.answered {
		return []string{with("V03", nil), with("V10", nil), with("V13", nil)}
	}
	return []string{with("V03", nil), with("V13", map[string]string{"cause": "cancel"})}
}

// post sends the call's pushes to base; it reports how many were
// acknowledged (200) before the first that was not.
func (c teamCall) post(t *testing.T, base string) int {
	for i, body := range c.bodies(t) {
		resp, err := http.Post(base, form, strings.NewReader(body))
		if err != nil {
			return i
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return i
		}
	}
	return len(c.bodies(t))
}

// deskCalls reads `calls --json` of a data dir, by call key.
func deskCalls(t *testing.T, dataDir string) (map[string]calls.Call, map[string]int) {
	t.Helper()
	code, out, errOut := run(t, dataDir, nil, "calls", "--json", "--limit", "1000")
	if code != 0 {
		t.Fatalf("calls --json = %d: %s", code, errOut)
	}
	var list []calls.Call
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("calls --json printed %q: %v", out, err)
	}
	byKey, times := map[string]calls.Call{}, map[string]int{}
	for _, c := range list {
		byKey[c.Key()] = c
		times[c.Key()]++
	}
	return byKey, times
}

// want is what a desk must show of a call: its status, or only that it
// is there (a call whose hangup was never acknowledged).
type want struct {
	status calls.Status
	any    bool
}

// waitForCalls polls the desk until it shows exactly the wanted calls,
// each once, and fails with the difference after a minute.
func waitForCalls(t *testing.T, desk, dataDir string, wanted map[string]want) {
	t.Helper()
	var problem string
	for end := time.Now().Add(90 * time.Second); time.Now().Before(end); time.Sleep(250 * time.Millisecond) {
		if problem = callsProblem(t, dataDir, wanted); problem == "" {
			return
		}
	}
	t.Fatalf("%s: %s", desk, problem)
}

func callsProblem(t *testing.T, dataDir string, wanted map[string]want) string {
	byKey, times := deskCalls(t, dataDir)
	if len(byKey) != len(wanted) {
		return fmt.Sprintf("has %d calls, want %d", len(byKey), len(wanted))
	}
	for key, w := range wanted {
		c, ok := byKey[key]
		switch {
		case !ok:
			return fmt.Sprintf("call %s is missing", key)
		case times[key] != 1:
			return fmt.Sprintf("call %s is there %d times, want once", key, times[key])
		case !w.any && c.Status != w.status:
			return fmt.Sprintf("call %s has status %s, want %s", key, c.Status, w.status)
		}
	}
	return ""
}

// expect adds the calls, with their final status, to wanted.
func expect(wanted map[string]want, cs []teamCall) map[string]want {
	for _, c := range cs {
		wanted[c.id] = want{status: c.status()}
	}
	return wanted
}
