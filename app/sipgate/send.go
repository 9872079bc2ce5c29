package sipgate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// send makes one round trip and reads the whole answer.
func (c *Client) send(ctx context.Context, r request, payload []byte) (*http.Response, []byte, error) {
	req, err := c.newRequest(ctx, r, payload)
	if err != nil {
		return nil, nil, err
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, c.transportError(ctx, r.ep, req.URL.Host, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	c.log.Debug("sipgate: request", "method", req.Method, "path", req.URL.Path,
		"status", resp.StatusCode, "elapsed", time.Since(start))
	if err != nil {
		return nil, nil, c.transportError(ctx, r.ep, req.URL.Host, err)
	}
	if len(body) > maxBody {
		return nil, nil, fmt.Errorf("sipgate: %s: response larger than %d MiB", r.ep, maxBody>>20)
	}
	return resp, body, nil
}

func (c *Client) newRequest(ctx context.Context, r request, payload []byte) (*http.Request, error) {
	path := r.path
	if path == "" {
		path = r.ep.pattern
	}
	u := c.base + path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, r.ep.method, u, body)
	if err != nil {
		return nil, fmt.Errorf("sipgate: %s: build request: %w", r.ep, err)
	}
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.SetBasicAuth(c.creds.id, c.creds.token)
	return req, nil
}

// transportError is the context's error when it ended, else an
// UnreachableError. The url.Error wrapper is dropped: its URL may carry a
// phone number.
func (c *Client) transportError(ctx context.Context, ep endpoint, host string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("sipgate: %s: %w", ep, ctx.Err())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &UnreachableError{Endpoint: ep.String(), Host: host, Err: err}
}
