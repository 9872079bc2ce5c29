package sipgate

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
)

// WebhookLogEntry is one webhook delivery (GET /log/webhooks), kept by
// sipgate while WebhookSettings.Log is true.
type WebhookLogEntry struct {
	Created Time   `json:"created"`
	URL     string `json:"url"`
	// Request is what sipgate posted; Response what the receiver answered.
	Request  string `json:"request"`
	Response string `json:"response"`
	// XMLError is sipgate's complaint about the XML answer, if any.
	XMLError string `json:"xmlError"`
	// Status is the receiver's HTTP status; 0 when sipgate sent none or
	// a word instead of a number.
	Status StatusCode `json:"status"`
}

// StatusCode is an HTTP status that sipgate may send as a number or as a
// string ("200").
type StatusCode int

// UnmarshalJSON reads 200, "200", "", null; other words give 0.
func (s *StatusCode) UnmarshalJSON(b []byte) error {
	var n int
	if json.Unmarshal(b, &n) == nil {
		*s = StatusCode(n)
		return nil
	}
	var str string
	if json.Unmarshal(b, &str) == nil {
		n, _ = strconv.Atoi(strings.TrimSpace(str))
		*s = StatusCode(n)
		return nil
	}
	*s = 0
	return nil
}

// WebhookLog reads the last webhook deliveries (scope log:webhooks:read).
func (c *Client) WebhookLog(ctx context.Context) ([]WebhookLogEntry, error) {
	var r struct {
		Items []WebhookLogEntry `json:"items"`
	}
	err := c.do(ctx, request{ep: epWebhookLog}, &r)
	return r.Items, err
}
