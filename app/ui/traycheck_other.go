//go:build !linux

package ui

// trayHost reports whether the desktop shows tray icons: macOS and
// Windows always do.
func trayHost() bool { return true }
