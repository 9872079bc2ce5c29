package ui

import (
	"context"
	"os/exec"
	"strings"
	"time"
)

// telHandler reports whether a desktop application is registered for
// tel: links; xdg-open starts without telling when none is.
func telHandler(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xdg-mime", "query", "default", "x-scheme-handler/tel").Output()
	return err == nil && strings.TrimSpace(string(out)) != ""
}
