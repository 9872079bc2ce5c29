package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// childArgs names the environment variable that turns this test binary
// into `whoiscalling` for the team end-to-end tests: it holds the
// arguments as JSON.
const childArgs = "WHOISCALLING_TEST_CHILD_ARGS"

// TestTeamChild is not a test of its own: run by startProc as a separate
// process, it is `whoiscalling` with the arguments in childArgs, stopped
// by SIGTERM as main.go stops it.
func TestTeamChild(t *testing.T) {
	raw := os.Getenv(childArgs)
	if raw == "" {
		t.Skip("runs only as a child process of the team end-to-end tests")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	code := Run(ctx, Env{Stdout: os.Stdout, Stderr: os.Stderr, Version: "e2e"}, args)
	stop()
	os.Exit(code)
}

// proc is a `whoiscalling serve` running as a process of its own.
type proc struct {
	t    *testing.T
	name string
	cmd  *exec.Cmd
	out  *syncBuffer
	base string // the webhook listener's URL
	done chan struct{}
}

// startServe starts `whoiscalling serve` on dataDir with env (the only
// configuration it sees) and waits until its listener answers.
func startServe(t *testing.T, name, dataDir string, env map[string]string) *proc {
	t.Helper()
	args, _ := json.Marshal([]string{"serve", "--data-dir", dataDir})
	cmd := exec.Command(os.Args[0], "-test.run=^TestTeamChild$")
	cmd.Env = []string{childArgs + "=" + string(args), "PATH=" + os.Getenv("PATH"), "HOME=" + dataDir,
		"TMPDIR=" + os.TempDir(), "DBUS_SESSION_BUS_ADDRESS=", "LOG_LEVEL=info"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	p := &proc{t: t, name: name, cmd: cmd, out: &syncBuffer{}, done: make(chan struct{}),
		base: "http://127.0.0.1:" + env["WEBHOOK_SERVER_PORT"] + "/"}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.kill()
		if t.Failed() {
			t.Logf("output of %s:\n%s", name, p.out.String())
		}
	})
	for end := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(p.base); err == nil {
			resp.Body.Close()
			return p
		}
		select {
		case <-p.done:
			t.Fatalf("%s exited %d: %s", name, cmd.ProcessState.ExitCode(), p.out.String())
		default:
		}
		if time.Now().After(end) {
			t.Fatalf("%s did not listen: %s", name, p.out.String())
		}
	}
}

// stop sends SIGTERM and returns the exit code.
func (p *proc) stop() int {
	p.t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		p.t.Fatalf("%s did not stop within 30 s of SIGTERM: %s", p.name, p.out.String())
	}
	return p.cmd.ProcessState.ExitCode()
}

// kill sends SIGKILL and waits for the process to go.
func (p *proc) kill() {
	p.cmd.Process.Kill()
	<-p.done
}
