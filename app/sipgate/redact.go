package sipgate

import (
	"fmt"
	"log/slog"
)

// credentials hold the token; nothing prints them.
type credentials struct{ id, token string }

const redacted = "[redacted]"

// Format prints the client without its token, whatever the verb: fmt
// prints unexported fields raw, so a %+v of the client would show them.
func (c *Client) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "sipgate.Client{BaseURL: %s, Token: %s}", c.base, redacted)
}

// LogValue keeps the token out of slog output.
func (c *Client) LogValue() slog.Value {
	return slog.GroupValue(slog.String("base_url", c.base), slog.String("token", redacted))
}

// Format prints the configuration with the token id and token redacted.
func (cfg Config) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "sipgate.Config{BaseURL: %s, TokenID: %s, Token: %s}", cfg.BaseURL, redacted, redacted)
}

// LogValue keeps the token out of slog output.
func (cfg Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("base_url", cfg.BaseURL), slog.String("token", redacted))
}
