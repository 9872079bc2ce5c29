package sipgate

import (
	"errors"
	"fmt"
	"net/url"
)

// ErrInvalidArgument: a method was given a value sipgate cannot take;
// nothing was sent. The wrapping error names the value and the fix.
var ErrInvalidArgument = errors.New("sipgate: invalid argument")

// checkWebhookURL accepts "" (no webhook) or an absolute http(s) URL.
func checkWebhookURL(name, raw string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: %s url %q must be an absolute https url such as https://example.org/sipgate", ErrInvalidArgument, name, raw)
	}
	return nil
}
