//go:build !unix && !windows

package tunnel

import "os/exec"

// ownProcessGroup leaves cmd as it is where there are no process groups;
// the context's cancellation kills it (exec's default).
func ownProcessGroup(*exec.Cmd) {}
