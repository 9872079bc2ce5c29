package calls_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// childEnv makes the test binary a webhook server on the store in the
// directory it names (see serveChild).
const childEnv = "WHOISCALLING_CALLS_CRASH_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		os.Exit(serveChild(dir))
	}
	os.Exit(m.Run())
}

// serveChild serves the real webhook handler with a Tracker on the store
// in dir, on 127.0.0.1:0, and prints the address on stdout. It runs until
// it is killed.
func serveChild(dir string) int {
	st, err := store.Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tr, err := calls.Open(st, nil, calls.Options{PublicURL: hook})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(ln.Addr())
	fmt.Fprintln(os.Stderr, http.Serve(ln, webhook.NewHandler(nil, nil, tr)))
	return 1
}

// TestCrashLosesNoAcknowledgedCall kills the server with SIGKILL in the
// middle of a burst of concurrent newCalls and finds every call that got
// its 200 in the store afterwards.
func TestCrashLosesNoAcknowledgedCall(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	child, url := startChild(t, dir)
	acked := burst(t, url, 32, 400, func() {
		if err := child.Process.Kill(); err != nil { // SIGKILL on Unix
			t.Errorf("kill child: %v", err)
		}
	})
	child.Wait()

	tr := openTracker(t, openStore(t, dir), newClock(), calls.Options{})
	stored := map[string]bool{}
	err := tr.Export(context.Background(), func(c calls.Call) error {
		stored[c.Legs[0].CallID] = true
		return nil
	})
	if err != nil {
		t.Fatalf("Export() after the crash = %v", err)
	}
	for _, id := range acked {
		if !stored[id] {
			t.Errorf("call %s got 200 before the crash but is not stored", id)
		}
	}
	t.Logf("%d calls acknowledged, %d stored", len(acked), len(stored))
	if len(acked) < 400 {
		t.Errorf("only %d calls acknowledged, want the kill to come after 400", len(acked))
	}
}

// startChild re-executes the test binary as a webhook server.
func startChild(t *testing.T, dir string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Wait()
		t.Fatalf("child printed no address: %v; stderr: %s", err, stderr.String())
	}
	return cmd, "http://" + strings.TrimSpace(addr) + "/"
}

// burst posts newCalls from workers goroutines until the server is gone;
// once killAt calls are acknowledged it calls kill. It returns the callIds
// that got a 200.
func burst(t *testing.T, url string, workers, killAt int, kill func()) []string {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	var mu sync.Mutex
	var acked []string
	var once sync.Once
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := 0; ; i++ {
				id := fmt.Sprintf("crash-%d-%d", w, i)
				resp, err := client.Post(url, "application/x-www-form-urlencoded", strings.NewReader(erika.newCall(id, id, anna)))
				if err != nil {
					return // the server is gone
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("POST newCall %s = %d, want 200", id, resp.StatusCode)
					return
				}
				mu.Lock()
				acked = append(acked, id)
				n := len(acked)
				mu.Unlock()
				if n >= killAt {
					once.Do(kill)
				}
			}
		})
	}
	wg.Wait()
	return acked
}
