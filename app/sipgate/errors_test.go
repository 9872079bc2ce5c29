package sipgate_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

// errorCase provokes one class of error and checks its facts.
type errorCase struct {
	name  string
	setup func(*sipgatefake.Server)
	call  func(context.Context, *sipgate.Client) error
	check func(error) bool
}

var history = func(ctx context.Context, c *sipgate.Client) error {
	_, err := c.History(ctx, sipgate.HistoryFilter{})
	return err
}

var errorCases = []errorCase{
	{"401 wrong token", func(s *sipgatefake.Server) { s.Token = "00000000-0000-4000-8000-000000000000" }, history,
		func(err error) bool {
			var e *sipgate.AuthError
			return errors.As(err, &e) && e.Endpoint == "GET /history"
		}},
	{"402 payment", func(s *sipgatefake.Server) { s.Inject(sipgatefake.Fault{Path: "/sessions/calls", Status: 402}) },
		func(ctx context.Context, c *sipgate.Client) error {
			_, err := c.Call(ctx, sipgate.CallRequest{Caller: "e0", Callee: "+4921155501000"})
			return err
		},
		func(err error) bool {
			var e *sipgate.PaymentError
			return errors.As(err, &e) && e.Endpoint == "POST /sessions/calls"
		}},
	{"403 missing scope", func(s *sipgatefake.Server) { s.SetScopes("contacts:read") }, history,
		func(err error) bool {
			var e *sipgate.ScopeError
			return errors.As(err, &e) && e.Scope == "history:read"
		}},
	{"403 block list scope", func(s *sipgatefake.Server) { s.SetScopes("blacklist:read") },
		func(ctx context.Context, c *sipgate.Client) error {
			_, err := c.Block(ctx, "+4915100000009")
			return err
		},
		func(err error) bool {
			var e *sipgate.ScopeError
			return errors.As(err, &e) && e.Scope == "blacklist:write" && e.Endpoint == "POST /blacklist/incoming"
		}},
	{"403 not booked", func(s *sipgatefake.Server) { s.SetBooked(false) },
		func(ctx context.Context, c *sipgate.Client) error { _, err := c.WebhookSettings(ctx); return err },
		func(err error) bool {
			var e *sipgate.NotBookedError
			return errors.As(err, &e) && e.Endpoint == "GET /settings/sipgateio"
		}},
	{"403 settings write", func(s *sipgatefake.Server) { s.SetScopes("settings:sipgateio:read") },
		func(ctx context.Context, c *sipgate.Client) error {
			return c.PutWebhookSettings(ctx, sipgate.WebhookSettings{IncomingURL: "https://x.example.org"})
		},
		func(err error) bool {
			var e *sipgate.NotBookedError
			return errors.As(err, &e) && e.Scope == "settings:sipgateio:write"
		}},
	{"429 rate limited", func(s *sipgatefake.Server) { s.Inject(sipgatefake.Fault{Status: 429, RetryAfter: "7"}) }, history,
		func(err error) bool {
			var e *sipgate.RateLimitError
			return errors.As(err, &e) && e.RetryAfter == 7*time.Second
		}},
	{"500 server", func(s *sipgatefake.Server) { s.Inject(sipgatefake.Fault{Status: 500}) }, history,
		func(err error) bool {
			var e *sipgate.ServerError
			return errors.As(err, &e) && e.Status == 500
		}},
	{"400 with body", func(s *sipgatefake.Server) {
		s.Inject(sipgatefake.Fault{Status: 400, Body: `{"errors":[{"status":"400","title":"Invalid","detail":"callee is no number","source":{"pointer":"/callee"}}]}`})
	},
		func(ctx context.Context, c *sipgate.Client) error {
			_, err := c.Call(ctx, sipgate.CallRequest{Caller: "e0", Callee: "+49abc"})
			return err
		},
		func(err error) bool {
			var e *sipgate.APIError
			return errors.Is(err, sipgate.ErrBadRequest) && errors.As(err, &e) &&
				e.Title == "Invalid" && e.Detail == "callee is no number" && e.Pointer == "/callee"
		}},
	{"unreachable", func(s *sipgatefake.Server) { s.Close() }, history,
		func(err error) bool {
			var e *sipgate.UnreachableError
			var op *net.OpError
			return errors.As(err, &e) && strings.HasPrefix(e.Host, "127.0.0.1:") && errors.As(err, &op)
		}},
}

func TestErrorClasses(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			srv := sipgatefake.New(t)
			logs := &logBuffer{}
			c := clientFor(t, srv, logs)
			tc.setup(srv)
			err := tc.call(context.Background(), c)
			if err == nil || !tc.check(err) {
				t.Fatalf("error = %#v (%v), not the expected class", err, err)
			}
			assertNoSecret(t, "error", err.Error())
			assertNoSecret(t, "error %+v", fmt.Sprintf("%+v", err))
			assertNoSecret(t, "logs", logs.String())
			if msg := err.Error(); msg != strings.ToLower(msg[:1])+msg[1:] || !strings.HasPrefix(msg, "sipgate: ") && !strings.HasPrefix(msg, "page at") {
				t.Errorf("Error() = %q, want a lowercase message", msg)
			}
		})
	}
}

// clientFor is a client with Debug logging to logs; no retries.
func clientFor(t *testing.T, srv *sipgatefake.Server, logs *logBuffer) *sipgate.Client {
	t.Helper()
	c, err := sipgate.New(sipgate.Config{BaseURL: srv.URL, TokenID: sipgatefake.TokenID, Token: sipgatefake.Token,
		Logger: debugLogger(logs), MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// assertNoSecret fails when s holds the token, its id, or their Basic
// auth encoding.
func assertNoSecret(t *testing.T, what, s string) {
	t.Helper()
	basic := basicAuth(sipgatefake.TokenID, sipgatefake.Token)
	for _, secret := range []string{sipgatefake.Token, sipgatefake.TokenID, basic, basic[:20]} {
		if strings.Contains(s, secret) {
			t.Errorf("%s contains a secret %q: %s", what, secret, s)
		}
	}
}

func TestContextCancelled(t *testing.T) {
	_, c, _ := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Userinfo(ctx)
	var ue *sipgate.UnreachableError
	if !errors.Is(err, context.Canceled) || errors.As(err, &ue) {
		t.Errorf("error = %v, want context.Canceled and not UnreachableError", err)
	}
}

func TestBadJSONIsAnError(t *testing.T) {
	srv, c, _ := setup(t)
	srv.Inject(sipgatefake.Fault{Path: "/users", Status: 200, Body: `{"items":[{"id":`})
	if _, err := c.Users(context.Background()); err == nil || !strings.Contains(err.Error(), "decode response") {
		t.Errorf("error = %v, want a decode error", err)
	}
}
