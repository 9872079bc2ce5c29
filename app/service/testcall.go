package service

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// TestCaller is the clearly fake number test calls come from: a London
// number from the range Ofcom keeps free for drama, so it never reaches a
// real person.
const TestCaller = "442079460123"

// TestUser is the sipgate user name test calls ring.
const TestUser = "whoiscalling test"

// LocalAddr is where this machine reaches the listener.
func LocalAddr(cfg config.Config) string {
	host := cfg.ListenHost
	if host == "0.0.0.0" || host == "::" || host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, fmt.Sprint(cfg.Port))
}

// TestResult is one round trip of a test call.
type TestResult struct {
	Event  webhook.EventType
	Status int
	Took   time.Duration
	Note   string
}

// TestRing is how long a test call rings before it is answered, and then
// lasts: long enough for the desktop to show the ringing popup, as with a
// real call.
const TestRing = time.Second

// SendTestCall posts newCall, answer and hangup of a fake call to u,
// signed with the data dir's test key, pausing ring between them, and
// stops at the first failure with an error that explains its usual causes.
func SendTestCall(ctx context.Context, u string, secret []byte, now time.Time, ring time.Duration) ([]TestResult, error) {
	callID := fmt.Sprintf("WHOISCALLINGTEST%X", now.UnixNano())
	bodies := testBodies(callID)
	client := &http.Client{Timeout: 10 * time.Second}
	var out []TestResult
	for i, b := range bodies {
		if i > 0 {
			if err := sleep(ctx, ring); err != nil {
				return out, err
			}
		}
		r, err := post(ctx, client, u, b, secret)
		out = append(out, r)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func testBodies(callID string) []testBody {
	common := url.Values{"callId": {callID}, "origCallId": {callID}, "from": {TestCaller}, "to": {"4921155500123"}, "direction": {"in"}}
	with := func(kv ...string) string {
		v := url.Values{}
		for k, vs := range common {
			v[k] = vs
		}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v.Encode()
	}
	return []testBody{
		{webhook.NewCall, with("event", "newCall", "user[]", TestUser)},
		{webhook.Answer, with("event", "answer", "user", TestUser, "answeringNumber", "4921155500123")},
		{webhook.Hangup, with("event", "hangup", "cause", "normalClearing", "answeringNumber", "4921155500123")},
	}
}

type testBody struct {
	event webhook.EventType
	body  string
}

func post(ctx context.Context, client *http.Client, u string, b testBody, secret []byte) (TestResult, error) {
	res := TestResult{Event: b.event}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(b.body))
	if err != nil {
		return res, &ConfigError{fmt.Errorf("bad URL %q: %w", u, err)}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "whoiscalling test-call")
	req.Header.Set(webhook.TestSignatureHeader, webhook.SignTestPush(secret, []byte(b.body)))
	start := time.Now()
	resp, err := client.Do(req)
	res.Took = time.Since(start)
	if err != nil {
		return res, explainSendError(u, err)
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	if resp.StatusCode != http.StatusOK {
		return res, explainStatus(u, resp.StatusCode)
	}
	if b.event == webhook.NewCall {
		res.Note = newCallNote(resp)
	}
	return res, nil
}

func newCallNote(resp *http.Response) string {
	var sb strings.Builder
	buf := make([]byte, 4096)
	n, _ := resp.Body.Read(buf)
	sb.Write(buf[:n])
	if strings.Contains(sb.String(), "onHangup=") {
		return " (subscribed to answer and hangup)"
	}
	return " (no onAnswer/onHangup: set " + config.KeyPublicURL + " or sipgate sends only newCall)"
}

func explainSendError(u string, err error) error {
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr):
		return fmt.Errorf("the host of %s does not resolve: the tunnel URL probably changed; restart the tunnel and use its new URL (%v)", u, err)
	case strings.Contains(err.Error(), "connection refused"):
		return fmt.Errorf("nothing listens at %s: start the tray app or \"whoiscalling serve\", and check %s", u, config.KeyPort)
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout"):
		return fmt.Errorf("no answer from %s within 10 s (sipgate gives up after 10 s too): is the tunnel still running?", u)
	}
	return fmt.Errorf("cannot reach %s: %v", u, err)
}

func explainStatus(u string, status int) error {
	switch {
	case status == http.StatusForbidden:
		return fmt.Errorf("%s refused the test call's signature: the whoiscalling there uses another data dir (its test-call.key differs); run test-call with the same --data-dir", u)
	case status == http.StatusNotFound || status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout:
		return fmt.Errorf("%s answered %d: the tunnel is up but does not reach whoiscalling; check that it forwards to the listener's port (WEBHOOK_SERVER_PORT) and that whoiscalling runs", u, status)
	}
	return fmt.Errorf("%s answered %d %s instead of 200", u, status, http.StatusText(status))
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// SendTestCall posts a test call to the running listener and describes
// the round trips in a sentence.
func (s *Service) SendTestCall(ctx context.Context) (string, error) {
	st := s.Status()
	if !st.Listening {
		return "", fmt.Errorf("the listener is not running: %v", st.Err)
	}
	results, err := SendTestCall(ctx, "http://"+LocalAddr(s.Current())+"/", s.secret, time.Now(), TestRing)
	if err != nil {
		return "", err
	}
	var took []string
	for _, r := range results {
		took = append(took, fmt.Sprintf("%s %s", r.Event, r.Took.Round(100*time.Microsecond)))
	}
	return "Test call delivered, each step answered 200 (" + strings.Join(took, ", ") + ").", nil
}
