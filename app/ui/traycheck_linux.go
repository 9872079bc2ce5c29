package ui

import "github.com/godbus/dbus/v5"

// trayHost reports whether the desktop shows tray icons: on Linux, Fyne's
// tray is a StatusNotifierItem, which needs a StatusNotifierWatcher on the
// session bus (GNOME has none without the AppIndicator extension).
func trayHost() bool {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	return err == nil && has
}
