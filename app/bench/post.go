package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// NewClient is an HTTP client for conns requests at once to one host,
// keeping that many connections open between requests.
func NewClient(conns int) *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			MaxIdleConns:        2 * conns,
			MaxIdleConnsPerHost: 2 * conns,
			IdleConnTimeout:     time.Minute,
			DisableCompression:  true,
		},
	}
}

// FormType is the Content-Type sipgate posts with.
const FormType = "application/x-www-form-urlencoded; charset=UTF-8"

// Post sends one push and reads the whole answer; anything but a 200 is
// an error.
func Post(ctx context.Context, c *http.Client, url string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", FormType)
	req.Header.Set("User-Agent", "whoiscalling-loadgen")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return err
}
