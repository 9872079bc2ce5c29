package tunnel

import (
	"fmt"
	"strings"
)

// Mode is how the app reaches the internet: the TUNNEL setting.
type Mode string

// The tunnel modes.
const (
	// ModeOff connects to no third party: the default.
	ModeOff Mode = "off"
	// ModeLocalhostRun runs an SSH client to localhost.run inside the app.
	ModeLocalhostRun Mode = "localhost.run"
	// ModeCloudflared runs cloudflared's quick tunnel as a child process.
	ModeCloudflared Mode = "cloudflared"
)

// Modes lists every mode, in the order a settings choice shows them.
var Modes = []Mode{ModeOff, ModeLocalhostRun, ModeCloudflared}

// ModeError is a TUNNEL value that names no mode.
type ModeError struct {
	// Value is the text that was given.
	Value string
}

// Error names the bad value and the good ones.
func (e *ModeError) Error() string {
	return fmt.Sprintf("TUNNEL=%q is not a tunnel mode: use off, localhost.run or cloudflared", e.Value)
}

// ParseMode reads a TUNNEL value. Case and surrounding spaces do not
// matter; the empty value is ModeOff. Anything else is a *ModeError.
func ParseMode(s string) (Mode, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "" {
		return ModeOff, nil
	}
	for _, m := range Modes {
		if v == string(m) {
			return m, nil
		}
	}
	return ModeOff, &ModeError{Value: s}
}
