package sipgate

import (
	"context"
	"fmt"
)

// WebhookSettings are the account's sipgate.io settings
// (GET/PUT /settings/sipgateio). There is one incoming and one outgoing
// URL per account: whoever sets them takes the calls of the whole account.
type WebhookSettings struct {
	IncomingURL string `json:"incomingUrl"`
	OutgoingURL string `json:"outgoingUrl"`
	// Log keeps sipgate's delivery log (WebhookLog) filled.
	Log bool `json:"log"`
	// Whitelist limits webhooks to these user or group extensions ("w0",
	// "g3"). nil (JSON null) switches the whitelist off; an empty,
	// non-nil slice ([]) lets nothing through.
	Whitelist []string `json:"whitelist"`
}

// WebhookSettings reads the sipgate.io settings. A 403 is a
// NotBookedError.
func (c *Client) WebhookSettings(ctx context.Context) (WebhookSettings, error) {
	var s WebhookSettings
	err := c.do(ctx, request{ep: epSettingsGet}, &s)
	return s, err
}

// PutWebhookSettings writes all of s. Prefer SetWebhookURLs, which keeps
// what the user set in sipgate's web app.
func (c *Client) PutWebhookSettings(ctx context.Context, s WebhookSettings) error {
	if err := checkWebhookURL("incoming", s.IncomingURL); err != nil {
		return err
	}
	if err := checkWebhookURL("outgoing", s.OutgoingURL); err != nil {
		return err
	}
	return c.do(ctx, request{ep: epSettingsPut, body: s}, nil)
}

// SetWebhookURLs points sipgate's webhooks at incoming and outgoing ("" =
// none). It reads the settings first and writes them back with only the
// URLs changed, so log and whitelist stay as they were; it returns what
// it wrote. Nothing is written when the URLs are already set.
func (c *Client) SetWebhookURLs(ctx context.Context, incoming, outgoing string) (WebhookSettings, error) {
	if err := checkWebhookURL("incoming", incoming); err != nil {
		return WebhookSettings{}, err
	}
	if err := checkWebhookURL("outgoing", outgoing); err != nil {
		return WebhookSettings{}, err
	}
	s, err := c.WebhookSettings(ctx)
	if err != nil {
		return WebhookSettings{}, fmt.Errorf("read settings before writing: %w", err)
	}
	if s.IncomingURL == incoming && s.OutgoingURL == outgoing {
		return s, nil
	}
	s.IncomingURL, s.OutgoingURL = incoming, outgoing
	return s, c.PutWebhookSettings(ctx, s)
}
