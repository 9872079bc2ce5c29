package instance

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// helperDir names the data dir when this test binary runs as the helper
// process of TestCrashedPrimary.
const helperDir = "WHOISCALLING_INSTANCE_HELPER_DIR"

// TestHelperPrimary is not a test: run by TestCrashedPrimary in a child
// process, it becomes the primary and waits to be killed.
func TestHelperPrimary(t *testing.T) {
	dir := os.Getenv(helperDir)
	if dir == "" {
		t.Skip("helper process of TestCrashedPrimary")
	}
	inst, err := Acquire(dir, nil)
	if err != nil || inst == nil {
		t.Fatalf("helper: Acquire = %v, %v", inst, err)
	}
	os.Stdout.WriteString("primary\n")
	time.Sleep(time.Minute)
}

// A primary killed without any chance to clean up leaves its socket; the
// next start becomes the primary.
func TestCrashedPrimary(t *testing.T) {
	if os.Getenv(helperDir) != "" {
		t.Skip("in the helper process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperPrimary$")
	cmd.Env = append(os.Environ(), helperDir+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "primary\n" {
		t.Fatalf("helper said %q, %v, want primary", line, err)
	}
	mustSecondary(t, dir) // the helper process answers

	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if _, err := os.Lstat(filepath.Join(dir, "instance.sock")); err != nil {
		t.Fatalf("the killed primary left no socket (%v); the test proves nothing", err)
	}
	mustPrimary(t, dir, nil)
	mustSecondary(t, dir)
}
