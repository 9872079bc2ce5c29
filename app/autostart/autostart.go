// Package autostart starts whoiscalling when the user logs in: an XDG
// autostart entry on Linux and the BSDs, a LaunchAgent on macOS and the
// per-user Run value in the Windows registry.
//
// The state is never remembered: Enabled reads what is on disk (or in the
// registry) each time, so a switch built on it shows the truth even after
// the user removed the entry by hand or through the desktop's settings.
package autostart

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// ID names the entry: the desktop file, the LaunchAgent label and its
// plist file all carry it. It is the app ID of FyneApp.toml.
const ID = "io.github.whoiscalling"

// Entry describes the app to start at login.
type Entry struct {
	Name    string   // shown by the desktop's startup settings
	Comment string   // one line on what the app does
	Exec    string   // absolute path of the executable
	Args    []string // arguments after Exec, usually none
	Icon    string   // icon theme name (Linux) of the app's icon
}

// Autostart manages the entry for one OS.
type Autostart struct {
	goos      string
	home      string
	configDir string
	entry     Entry
	reg       regStore // windows only
}

// New returns the Autostart of the running OS, with the directories of the
// current user. e.Exec must be absolute (os.Executable gives it).
func New(e Entry) (*Autostart, error) {
	if !filepath.IsAbs(e.Exec) {
		return nil, fmt.Errorf("cannot set up start at login: the program path %q is not absolute", e.Exec)
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil, fmt.Errorf("cannot set up start at login: %w — set HOME to your home folder", err)
	}
	config, err := os.UserConfigDir()
	if err != nil {
		return nil, fmt.Errorf("cannot set up start at login: %w — set XDG_CONFIG_HOME or HOME", err)
	}
	return NewFor(runtime.GOOS, home, config, e), nil
}

// NewFor returns the Autostart for goos ("linux", "darwin", "windows", or a
// BSD, which is treated like Linux) with the given home and config dirs.
// Tests point home and configDir at t.TempDir(). For "windows" it uses the
// real registry, which exists only when built for Windows.
func NewFor(goos, home, configDir string, e Entry) *Autostart {
	return &Autostart{goos: goos, home: home, configDir: configDir, entry: e, reg: systemRegistry()}
}

// errUnsupported is what every method returns on an OS without autostart.
var errUnsupported = errors.New("start at login is not supported on this system")

// Enabled reports whether the entry on disk starts this program at login.
// An entry that starts another path (a stale one, say from a copy of the
// program that has since moved) counts as not enabled, as does one the user
// switched off in the desktop's settings (Hidden=true or
// X-GNOME-Autostart-enabled=false on Linux, Disabled in the plist on macOS,
// "disabled" in Task Manager on Windows). Enable replaces such an entry.
func (a *Autostart) Enabled() (bool, error) {
	switch {
	case a.xdg():
		return a.xdgEnabled()
	case a.goos == "darwin":
		return a.agentEnabled()
	case a.goos == "windows":
		return a.runEnabled()
	}
	return false, errUnsupported
}

// Enable writes the entry, replacing whatever was there. Files are written
// atomically: a crash leaves the old entry or the new one, never half of one.
func (a *Autostart) Enable() error {
	switch {
	case a.xdg():
		return a.writeFile(a.xdgPath(), a.desktopEntry())
	case a.goos == "darwin":
		return a.writeFile(a.agentPath(), a.plist())
	case a.goos == "windows":
		return a.runEnable()
	}
	return errUnsupported
}

// Disable removes the entry. An absent entry is not an error.
func (a *Autostart) Disable() error {
	switch {
	case a.xdg():
		return a.removeFile(a.xdgPath())
	case a.goos == "darwin":
		return a.removeFile(a.agentPath())
	case a.goos == "windows":
		return a.runDisable()
	}
	return errUnsupported
}

// Path is where the entry lives, for messages: a file path, or on Windows
// the registry key and value name.
func (a *Autostart) Path() string {
	switch {
	case a.xdg():
		return a.xdgPath()
	case a.goos == "darwin":
		return a.agentPath()
	case a.goos == "windows":
		return `HKCU\` + runKey + `\` + runValue
	}
	return ""
}

// xdg reports whether goos follows the XDG autostart spec.
func (a *Autostart) xdg() bool {
	switch a.goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return true
	}
	return false
}
