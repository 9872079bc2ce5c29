//go:build windows

package tunnel

import (
	"os/exec"
	"syscall"
)

// ownProcessGroup starts cmd in a process group of its own, so a console
// Ctrl-C meant for us is not delivered to it twice; the context's
// cancellation kills it (exec's default).
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP}
}
