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
	Actions                         []string
	Timeout                         int32
}

// server plays a notification service: it answers the spec's methods
// and passes each Notify to notes.
type server struct {
	notes   chan note
	closed  chan uint32
	id      uint32
	actions bool // offer the "actions" capability
	conn    *dbus.Conn
}

// Notify is org.freedesktop.Notifications.Notify.
func (s *server) Notify(app string, replaces uint32, icon, summary, body string,
	actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	id := replaces
	if id == 0 {
		s.id++
		id = s.id
	}
	s.notes <- note{app, icon, summary, body, hints, replaces, actions, timeout}
	return id, nil
}

// GetCapabilities is org.freedesktop.Notifications.GetCapabilities.
func (s *server) GetCapabilities() ([]string, *dbus.Error) {
	if s.actions {
		return []string{"body", "body-markup", "actions"}, nil
	}
	return []string{"body", "body-markup"}, nil
}

// GetServerInformation is org.freedesktop.Notifications.GetServerInformation.
func (s *server) GetServerInformation() (name, vendor, version, spec string, err *dbus.Error) {
	return "fake", "whoiscalling tests", "1", "1.2", nil
}

// CloseNotification is org.freedesktop.Notifications.CloseNotification.
func (s *server) CloseNotification(id uint32) *dbus.Error {
	s.closed <- id
	return nil
}

// click plays a person clicking action key on popup id.
func (s *server) click(t *testing.T, id uint32, key string) {
	t.Helper()
	if err := s.conn.Emit(notifyPath, notifyName+".ActionInvoked", id, key); err != nil {
		t.Fatal(err)
	}
}

// serve owns the notification service name on the bus at addr until the
// test ends.
func serve(t *testing.T, addr string) *server {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect to the test bus: %v", err)
	}
	s := &server{notes: make(chan note, 64), closed: make(chan uint32, 8), conn: conn}
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
