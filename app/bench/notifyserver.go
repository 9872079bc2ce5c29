package bench

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/godbus/dbus/v5"
)

// The well-known name, path and interface of the desktop notification
// service (freedesktop.org Desktop Notifications Specification).
const (
	notifyName = "org.freedesktop.Notifications"
	notifyPath = dbus.ObjectPath("/org/freedesktop/Notifications")
)

// Arrival is one Notify call as the server saw it.
type Arrival struct {
	At            time.Time
	Summary, Body string
}

// NotifyServer plays the desktop's notification service on a D-Bus: it
// owns org.freedesktop.Notifications and answers every Notify at once,
// as the fastest real server would, noting when each one arrived.
type NotifyServer struct {
	conn     *dbus.Conn
	arrivals chan Arrival
	count    atomic.Int64
	ids      atomic.Uint32
}

// StartNotifyServer connects to the bus at addr (a D-Bus address such
// as unix:path=/tmp/bus) and takes the notification service's name.
// With record, Arrivals delivers each Notify (while 256 wait unread,
// further ones are only counted); without, the server only counts them.
func StartNotifyServer(addr string, record bool) (*NotifyServer, error) {
	conn, err := dbus.Connect(addr)
	if err != nil {
		return nil, fmt.Errorf("connect to the D-Bus at %s: %w", addr, err)
	}
	s := &NotifyServer{conn: conn}
	if record {
		s.arrivals = make(chan Arrival, 256)
	}
	if err := conn.Export(notifyMethods{s}, notifyPath, notifyName); err != nil {
		conn.Close()
		return nil, err
	}
	// A server that was just stopped may hold the name until the bus has
	// seen its connection close: ask again for a while.
	var reply dbus.RequestNameReply
	for deadline := time.Now().Add(3 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		reply, err = conn.RequestName(notifyName, dbus.NameFlagDoNotQueue)
		if err != nil || reply == dbus.RequestNameReplyPrimaryOwner || time.Now().After(deadline) {
			break
		}
	}
	if err == nil && reply != dbus.RequestNameReplyPrimaryOwner {
		err = errors.New("another notification server owns " + notifyName)
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return s, nil
}

// Arrivals delivers the Notify calls when the server records them.
func (s *NotifyServer) Arrivals() <-chan Arrival { return s.arrivals }

// Count is how many Notify calls arrived.
func (s *NotifyServer) Count() int64 { return s.count.Load() }

// Close gives up the name and the connection.
func (s *NotifyServer) Close() error { return s.conn.Close() }

func (s *NotifyServer) notify(summary, body string) uint32 {
	a := Arrival{At: time.Now(), Summary: summary, Body: body}
	s.count.Add(1)
	if s.arrivals != nil {
		select {
		case s.arrivals <- a:
		default:
		}
	}
	return s.ids.Add(1)
}

// notifyMethods are the D-Bus methods of the service; godbus exports
// every exported method of the type, so it has no others.
type notifyMethods struct{ s *NotifyServer }

// Notify shows a popup: here it only notes it.
func (m notifyMethods) Notify(appName string, replacesID uint32, appIcon, summary, body string,
	actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	return m.s.notify(summary, body), nil
}

// GetCapabilities lists what the server can show.
func (m notifyMethods) GetCapabilities() ([]string, *dbus.Error) {
	return []string{"body", "body-markup"}, nil
}

// GetServerInformation names the server.
func (m notifyMethods) GetServerInformation() (name, vendor, version, spec string, err *dbus.Error) {
	return "whoiscalling-loadgen", "whoiscalling", "1", "1.2", nil
}

// CloseNotification closes a popup: there is nothing to close.
func (m notifyMethods) CloseNotification(id uint32) *dbus.Error { return nil }
