//go:build unix

package tunnel

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeCloudflared puts a cloudflared first on PATH that logs, on stderr,
// the lines of testdata/cloudflared.log with the URL
// https://run-N.trycloudflare.com for its Nth start, then waits on a child
// (or, with crashFirst, exits 1 on its first start). It notes its
// arguments, its pid and its child's pid in the returned directory.
func fakeCloudflared(t *testing.T, crashFirst bool) string {
	t.Helper()
	dir := t.TempDir()
	crash := ""
	if crashFirst {
		crash = `[ "$n" = 1 ] && exit 1`
	}
	script := fmt.Sprintf(`#!/bin/sh
dir=%q
n=$(cat "$dir/count" 2>/dev/null || echo 0); n=$((n+1)); echo "$n" > "$dir/count"
echo "$*" > "$dir/args"
echo "$$" > "$dir/pid.$n"
echo '2024-05-10T08:14:02Z INF Requesting new quick Tunnel on trycloudflare.com...' >&2
echo '2024-05-10T08:14:04Z INF +--------------------------------------------------------------------------------------------+' >&2
echo '2024-05-10T08:14:04Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |' >&2
echo "2024-05-10T08:14:04Z INF |  https://run-$n.trycloudflare.com                                                          |" >&2
echo '2024-05-10T08:14:04Z INF +--------------------------------------------------------------------------------------------+' >&2
%s
sleep 600 &
echo "$!" > "$dir/child.$n"
wait
`, dir, crash)
	if err := os.WriteFile(filepath.Join(dir, "cloudflared"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return dir
}

func TestCloudflaredURLAndStop(t *testing.T) {
	dir := fakeCloudflared(t, false)
	r := startTunnel(t, Options{Mode: ModeCloudflared, LocalAddr: "0.0.0.0:8080"})
	if got, want := r.nextURL(t), "https://run-1.trycloudflare.com"; got != want {
		t.Fatalf("URL = %q, want %q", got, want)
	}
	args, _ := os.ReadFile(filepath.Join(dir, "args"))
	if got, want := strings.TrimSpace(string(args)), "tunnel --url http://127.0.0.1:8080"; got != want {
		t.Errorf("cloudflared arguments = %q, want %q", got, want)
	}
	pids := []int{readPid(t, dir, "pid.1"), readPid(t, dir, "child.1")}
	if err := r.stop(t); err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
	for _, pid := range pids {
		waitGone(t, pid)
	}
}

func TestCloudflaredCrashRestarts(t *testing.T) {
	fakeCloudflared(t, true)
	r := startTunnel(t, Options{Mode: ModeCloudflared, LocalAddr: "127.0.0.1:8080"})
	if got := r.nextURL(t); got != "https://run-1.trycloudflare.com" {
		t.Fatalf("first URL = %q", got)
	}
	s := r.waitState(t, func(s State) bool { _, ok := s.(Down); return ok })
	if err := s.(Down).Err; err == nil || !strings.Contains(err.Error(), "cloudflared exited") {
		t.Errorf("Down.Err = %v, want cloudflared's exit", err)
	}
	if got := r.nextURL(t); got != "https://run-2.trycloudflare.com" {
		t.Fatalf("URL after the crash = %q, want https://run-2.trycloudflare.com", got)
	}
}

// readPid waits for a pid file the fake writes.
func readPid(t *testing.T, dir, name string) int {
	t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if pid, perr := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && perr == nil {
			return pid
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("the fake cloudflared wrote no %s", name)
	return 0
}

// waitGone waits until pid has ended (a zombie counts as ended).
func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		if !alive(pid) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("process %d still runs after the tunnel stopped", pid)
}

func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	_, after, _ := strings.Cut(string(stat), ") ")
	return !strings.HasPrefix(after, "Z")
}
