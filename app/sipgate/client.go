package sipgate

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultBaseURL is sipgate's REST API v2; SIPGATE_API_URL overrides it.
const DefaultBaseURL = "https://api.sipgate.com/v2"

// Config says where the API is and how to sign in. The zero values of the
// optional fields are sensible defaults.
type Config struct {
	// BaseURL is the API's root, e.g. DefaultBaseURL (the default).
	BaseURL string
	// TokenID and Token are a personal access token ("token-AB12CD" and
	// a UUID). Both are required.
	TokenID, Token string
	// HTTPClient sends the requests; default: a client with a 30 s timeout.
	HTTPClient *http.Client
	// Logger receives one Debug line per request and an Info line per
	// retry; default: discard.
	Logger *slog.Logger
	// MaxRetries bounds the retries of one GET after 429/502/503/504
	// (default 3; negative: none).
	MaxRetries int
	// MaxWait is the longest Retry-After honoured; a longer one ends the
	// request with a RateLimitError at once (default 60 s).
	MaxWait time.Duration
	// PageSize caps the page size of paged lists (default and maximum:
	// contacts 5000, history 1000, numbers 1000). Tests use small pages.
	PageSize int
}

// Errors of New: the configuration cannot work.
var (
	ErrNoToken    = errors.New("sipgate: token id and token are required")
	ErrBadBaseURL = errors.New("sipgate: base url must be an absolute http or https url without credentials")
)

// Client calls sipgate's REST API. It is safe for concurrent use.
type Client struct {
	base       string
	creds      credentials
	http       *http.Client
	log        *slog.Logger
	maxRetries int
	maxWait    time.Duration
	limit      int
}

// New checks cfg and returns a client. It makes no request.
func New(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.TokenID) == "" || strings.TrimSpace(cfg.Token) == "" {
		return nil, ErrNoToken
	}
	base, err := checkBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	c := &Client{base: base, creds: credentials{id: cfg.TokenID, token: cfg.Token},
		http: cfg.HTTPClient, log: cfg.Logger, maxRetries: cfg.MaxRetries, maxWait: cfg.MaxWait, limit: cfg.PageSize}
	if c.http == nil {
		c.http = &http.Client{Timeout: 30 * time.Second}
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.maxRetries == 0 {
		c.maxRetries = 3
	}
	if c.maxWait <= 0 {
		c.maxWait = time.Minute
	}
	return c, nil
}

// checkBaseURL returns raw (or the default) without a trailing slash.
func checkBaseURL(raw string) (string, error) {
	if strings.TrimSpace(raw) == "" {
		return DefaultBaseURL, nil
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%w (got %q)", ErrBadBaseURL, redactURL(raw))
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// redactURL drops anything before an "@" in the authority, where a
// password could hide.
func redactURL(raw string) string {
	if i := strings.Index(raw, "@"); i >= 0 {
		if j := strings.Index(raw, "://"); j >= 0 && j < i {
			return raw[:j+3] + "…" + raw[i:]
		}
		return "…" + raw[i:]
	}
	return raw
}

// BaseURL is the API root the client talks to.
func (c *Client) BaseURL() string { return c.base }
