package carddav

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// statusError is an HTTP answer other than 2xx. The transport returns it
// in place of the response, so go-webdav's callers pass it through and
// classify can tell a wrong password from a missing book.
type statusError struct {
	Code   int
	Method string
	URL    string
	// Location is where a redirect points.
	Location string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("%s %s: HTTP %d %s", e.Method, e.URL, e.Code, http.StatusText(e.Code))
}

// transport sends requests with the account's basic auth and turns
// non-2xx answers into a *statusError. Redirects are not followed
// (net/http would turn a PROPFIND into a GET): discover follows them.
type transport struct {
	hc         *http.Client
	user, pass string
}

func newTransport(hc *http.Client, user, pass string) *transport {
	if hc == nil {
		hc = &http.Client{Timeout: time.Minute}
	}
	c := *hc
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &transport{hc: &c, user: user, pass: pass}
}

// Do implements go-webdav's HTTPClient.
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	if t.user != "" || t.pass != "" {
		req.SetBasicAuth(t.user, t.pass)
	}
	resp, err := t.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	se := &statusError{Code: resp.StatusCode, Method: req.Method, URL: redact(req.URL)}
	if loc, err := resp.Location(); err == nil {
		se.Location = loc.String()
	}
	return nil, se
}

// redact is u without user information.
func redact(u *url.URL) string {
	c := *u
	c.User = nil
	return c.String()
}
