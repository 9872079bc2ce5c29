package sipgate_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

func TestRetryAfter429ThenSuccess(t *testing.T) {
	srv, c, logs := setup(t)
	srv.Inject(sipgatefake.Fault{Path: "/users", Status: 429, RetryAfter: "0", Times: 2})
	us, err := c.Users(context.Background())
	if err != nil || len(us) != 2 {
		t.Fatalf("Users = %d, %v", len(us), err)
	}
	if n := len(srv.RequestsTo("GET", "/users")); n != 3 {
		t.Errorf("requests = %d, want 3 (two 429s, then 200)", n)
	}
	if got := strings.Count(logs.String(), "sipgate: retrying"); got != 2 {
		t.Errorf("retry log lines = %d, want 2", got)
	}
}

func TestRetry503ThenSuccess(t *testing.T) {
	srv, c, _ := setup(t)
	srv.InjectStatus("GET", "/contacts", 503, "0")
	if _, err := c.Contacts(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.RequestsTo("GET", "/contacts")); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
}

func TestRetriesAreBounded(t *testing.T) {
	srv, c, _ := setup(t, func(cfg *sipgate.Config) { cfg.MaxRetries = 2 })
	srv.Inject(sipgatefake.Fault{Path: "/users", Status: 429, RetryAfter: "0"})
	_, err := c.Users(context.Background())
	var rl *sipgate.RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != 0 {
		t.Fatalf("error = %v, want RateLimitError", err)
	}
	if n := len(srv.RequestsTo("GET", "/users")); n != 3 {
		t.Errorf("requests = %d, want 1 + 2 retries", n)
	}
}

// A Retry-After longer than MaxWait ends the request at once: a sync
// must not hang for minutes.
func TestRetryAfterBeyondMaxWait(t *testing.T) {
	srv, c, _ := setup(t, func(cfg *sipgate.Config) { cfg.MaxWait = 5 * time.Second })
	srv.Inject(sipgatefake.Fault{Path: "/users", Status: 429, RetryAfter: "120"})
	_, err := c.Users(context.Background())
	var rl *sipgate.RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != 2*time.Minute {
		t.Fatalf("error = %v, want RateLimitError with 2m", err)
	}
	if n := len(srv.RequestsTo("GET", "/users")); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

// The wait before a retry ends with the context.
func TestRetryWaitHonoursContext(t *testing.T) {
	srv, c, _ := setup(t)
	srv.Inject(sipgatefake.Fault{Path: "/users", Status: 429, RetryAfter: "30"})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Users(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error = %v, want DeadlineExceeded", err)
	}
	if n := len(srv.RequestsTo("GET", "/users")); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

func TestWritesAreNotRetried(t *testing.T) {
	srv, c, _ := setup(t)
	srv.Inject(sipgatefake.Fault{Method: "PUT", Status: 429, RetryAfter: "0"})
	err := c.PutWebhookSettings(context.Background(), sipgate.WebhookSettings{IncomingURL: "https://x.example.org/in"})
	var rl *sipgate.RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("error = %v, want RateLimitError", err)
	}
	if n := len(srv.RequestsTo("PUT", "/settings/sipgateio")); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}
