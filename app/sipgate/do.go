package sipgate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// maxBody caps a response: a full contacts page of 5000 entries fits.
const maxBody = 64 << 20

// request is one call of the API.
type request struct {
	ep    endpoint
	path  string // the real path; ep.pattern when empty
	query url.Values
	body  any // sent as JSON when not nil
}

// do sends r, retrying idempotent requests that sipgate asks to retry,
// and decodes a 2xx answer into out (when out is not nil).
func (c *Client) do(ctx context.Context, r request, out any) error {
	var payload []byte
	if r.body != nil {
		var err error
		if payload, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("sipgate: %s: encode request: %w", r.ep, err)
		}
	}
	for attempt := 0; ; attempt++ {
		resp, body, err := c.send(ctx, r, payload)
		if err != nil {
			return err
		}
		if resp.StatusCode/100 == 2 {
			return decode(r.ep, body, out)
		}
		wait, again := c.retry(r.ep, resp, attempt)
		if !again {
			return classify(r.ep, resp, body)
		}
		c.log.Info("sipgate: retrying", "endpoint", r.ep.String(), "status", resp.StatusCode, "wait", wait)
		if err := sleep(ctx, wait); err != nil {
			return fmt.Errorf("sipgate: %s: %w", r.ep, err)
		}
	}
}

// retry says whether and after how long to send r again.
func (c *Client) retry(ep endpoint, resp *http.Response, attempt int) (time.Duration, bool) {
	if !ep.idempotent() || !retryable(resp.StatusCode) || attempt >= c.maxRetries {
		return 0, false
	}
	wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now())
	if !ok {
		wait = backoff(attempt)
	}
	return wait, wait <= c.maxWait
}

// decode reads a 2xx body into out; an empty body leaves out as it is.
func decode(ep endpoint, body []byte, out any) error {
	if out == nil || len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("sipgate: %s: decode response: %w", ep, err)
	}
	return nil
}
