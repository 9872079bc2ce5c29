package bench

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// CloseByKeyboard returns a function that closes the tray app's windows
// with the given titles the way a person would: it finds each window on
// the X display ($DISPLAY) with xdotool and sends it Ctrl+W. Without a
// window manager (Xvfb) nothing else can close a window. A title whose
// window is not open is skipped.
func CloseByKeyboard(titles []string) func() error {
	return func() error {
		if _, err := exec.LookPath("xdotool"); err != nil {
			return errors.New("xdotool is not installed (make bench installs it)")
		}
		var errs []error
		for _, t := range titles {
			out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+regexpQuote(t)+"$").Output()
			if err != nil {
				continue // xdotool exits 1 when no window matches
			}
			for _, id := range strings.Fields(string(out)) {
				// The press goes through the server's keyboard (the window
				// has the input focus) but the window is gone before the
				// release, which xdotool then sends to the window alone:
				// without the keyup the server keeps Ctrl+W held and key
				// repeat closes every window opened after.
				msg, err := exec.Command("xdotool", "key", "--window", id, "ctrl+w", "keyup", "ctrl+w").CombinedOutput()
				if err != nil {
					errs = append(errs, fmt.Errorf("ctrl+w to %q (%s): %w: %s", t, id, err, strings.TrimSpace(string(msg))))
				}
			}
		}
		return errors.Join(errs...)
	}
}

// regexpQuote escapes what xdotool's --name pattern (a POSIX extended
// regular expression) would read as special.
func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
