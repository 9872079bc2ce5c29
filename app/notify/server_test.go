package notify

import (
	"testing"

	"github.com/godbus/dbus/v5"
)

const (
	notifyName = "org.freedesktop.Notifications"
	notifyPath = "/org/freedesktop/Notifications"
)

// note is what one Notify call carried.
type note struct {
	AppName, AppIcon, Summary, Body string
	Hints                           map[string]dbus.Variant
	Replaces                        uint32
}

// server plays a notification service: it answers the spec's methods
// and passes each Notify to notes.
type server struct {
	notes chan note
	id    uint32
}

// Notify is org.freedesktop.Notifications.Notify.
func (s *server) Notify(app string, replaces uint32, icon, summary, body string,
	actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	s.id++
	s.notes <- note{app, icon, summary, body, hints, replaces}
	return s.id, nil
}

// GetCapabilities is org.freedesktop.Notifications.GetCapabilities.
func (s *server) GetCapabilities() ([]string, *dbus.Error) {
	return []string{"body", "body-markup"}, nil
}

// GetServerInformation is org.freedesktop.Notifications.GetServerInformation.
func (s *server) GetServerInformation() (name, vendor, version, spec string, err *dbus.Error) {
	return "fake", "whoiscalling tests", "1", "1.2", nil
}

// CloseNotification is org.freedesktop.Notifications.CloseNotification.
func (s *server) CloseNotification(id uint32) *dbus.Error { return nil }

// serve owns the notification service name on the bus at addr until the
// test ends.
func serve(t *testing.T, addr string) *server {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect to the test bus: %v", err)
	}
	s := &server{notes: make(chan note, 10)}
	if err := conn.Export(s, notifyPath, notifyName); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName(notifyName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: reply %v, %v", notifyName, reply, err)
	}
	t.Cleanup(func() {
		_, _ = conn.ReleaseName(notifyName)
		conn.Close()
	})
	return s
}
