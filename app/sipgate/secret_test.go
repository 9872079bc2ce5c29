package sipgate_test

import (
	"encoding/base64"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

func basicAuth(id, token string) string {
	return base64.StdEncoding.EncodeToString([]byte(id + ":" + token))
}

func debugLogger(w *logBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// Printing or logging a client or its config never shows the token.
func TestTokenNeverPrinted(t *testing.T) {
	cfg := sipgate.Config{BaseURL: "https://api.example.org/v2", TokenID: sipgatefake.TokenID, Token: sipgatefake.Token}
	c, err := sipgate.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	logs := &logBuffer{}
	debugLogger(logs).Info("values", "client", c, "config", cfg)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assertNoSecret(t, verb+" client", fmt.Sprintf(verb, c))
		assertNoSecret(t, verb+" config", fmt.Sprintf(verb, cfg))
		assertNoSecret(t, verb+" &config", fmt.Sprintf(verb, &cfg))
	}
	assertNoSecret(t, "slog", logs.String())
	if got := fmt.Sprint(c); got != "sipgate.Client{BaseURL: https://api.example.org/v2, Token: [redacted]}" {
		t.Errorf("client prints as %q", got)
	}
}

func TestNewChecksConfig(t *testing.T) {
	for _, tc := range []struct {
		cfg  sipgate.Config
		ok   bool
		base string
	}{
		{sipgate.Config{TokenID: "token-AB12CD", Token: "x"}, true, sipgate.DefaultBaseURL},
		{sipgate.Config{BaseURL: "http://127.0.0.1:9/v2/", TokenID: "a", Token: "b"}, true, "http://127.0.0.1:9/v2"},
		{sipgate.Config{TokenID: "", Token: "b"}, false, ""},
		{sipgate.Config{TokenID: "a", Token: "  "}, false, ""},
		{sipgate.Config{BaseURL: "api.sipgate.com/v2", TokenID: "a", Token: "b"}, false, ""},
		{sipgate.Config{BaseURL: "https://u:secretpw@api.sipgate.com", TokenID: "a", Token: "b"}, false, ""},
		{sipgate.Config{BaseURL: "https://api.sipgate.com/v2?x=1", TokenID: "a", Token: "b"}, false, ""},
	} {
		c, err := sipgate.New(tc.cfg)
		if (err == nil) != tc.ok {
			t.Errorf("New(%q) error = %v, want ok %v", tc.cfg.BaseURL, err, tc.ok)
			continue
		}
		if err != nil {
			if s := err.Error(); strings.Contains(s, "secretpw") {
				t.Errorf("New error shows the URL's password: %s", s)
			}
			continue
		}
		if c.BaseURL() != tc.base {
			t.Errorf("New(%q).BaseURL() = %q, want %q", tc.cfg.BaseURL, c.BaseURL(), tc.base)
		}
	}
}
