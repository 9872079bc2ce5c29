package team

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
)

func TestEmbeddedServerRefusesNonLoopbackWithoutToken(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:4222", "[::]:0"} {
		_, err := startServer(Config{Listen: addr}, t.TempDir(), "refuse")
		if !errors.Is(err, ErrInsecureListen) {
			t.Errorf("startServer(%s) = %v, want ErrInsecureListen", addr, err)
		}
		_, err = Start(Options{Config: Config{Listen: addr}, DataDir: t.TempDir(), Tracker: newFake()})
		if !errors.Is(err, ErrInsecureListen) {
			t.Errorf("Start(NATS_LISTEN=%s) = %v, want ErrInsecureListen", addr, err)
		}
	}
}

func TestEmbeddedServerRefusesATakenPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, err = Start(Options{Config: Config{Listen: l.Addr().String()}, DataDir: t.TempDir(), Tracker: newFake()})
	var le *ListenError
	if !errors.As(err, &le) {
		t.Errorf("Start on a taken port = %v, want *ListenError", err)
	}
}

func TestEmbeddedServerWithTokenRejectsOthers(t *testing.T) {
	const token = "s3cret-team-token"
	rx := desk(t, Config{Listen: "127.0.0.1:0", Token: token}, t.TempDir(), newFake())
	ready(t, rx)
	if _, err := nats.Connect(rx.ServerURL()); !errors.Is(err, nats.ErrAuthorization) {
		t.Errorf("connect without token = %v, want an authorization violation", err)
	}
	stranger := desk(t, urlConfig(rx.ServerURL()), t.TempDir(), newFake())
	waitFor(t, "a desk without token to report a *ConnectError", func() bool {
		var ce *ConnectError
		return errors.As(stranger.Status(context.Background()).Err, &ce)
	})
	friend := desk(t, Config{URLs: []string{rx.ServerURL()}, Token: token}, t.TempDir(), newFake())
	ready(t, friend)
}

func TestConnectErrorNamesServersWithoutPassword(t *testing.T) {
	port := freePort(t)
	url := fmt.Sprintf("nats://anna:hunter2@127.0.0.1:%d", port)
	dk := desk(t, urlConfig(url), t.TempDir(), newFake())
	var ce *ConnectError
	waitFor(t, "a *ConnectError", func() bool { return errors.As(dk.Status(context.Background()).Err, &ce) })
	if msg := ce.Error(); !strings.Contains(msg, "@127.0.0.1:"+fmt.Sprint(port)) || strings.Contains(msg, "hunter2") {
		t.Errorf("ConnectError = %q, want the server named without its password", msg)
	}
}
