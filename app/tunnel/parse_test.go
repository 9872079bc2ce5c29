package tunnel

import (
	"bufio"
	"net/url"
	"os"
	"strings"
	"testing"
)

// lhrCases are lines of localhost.run's output; want "" means no URL.
var lhrCases = []struct{ line, want string }{
	// The tunnel line as documented (sipgate notes, Tunnels).
	{"0b20df995bc7ac.lhr.life tunneled with tls termination, https://0b20df995bc7ac.lhr.life", "https://0b20df995bc7ac.lhr.life"},
	{"  4f2a.lhr.life tunneled with tls termination, https://4f2a.lhr.life\r", "https://4f2a.lhr.life"},
	{"4F2A.LHR.LIFE tunneled with tls termination, https://4F2A.LHR.LIFE", "https://4f2a.lhr.life"},
	{"demo-share.localhost.run tunneled with tls termination, https://demo-share.localhost.run", "https://demo-share.localhost.run"},
	// --output json events.
	{`{"address":"e92b7b9260b6ff.lhr.life","connection_id":"c0ffee","event":"tcpip-forward","listen_host":"e92b7b9260b6ff.lhr.life","message":"e92b7b9260b6ff.lhr.life tunneled with tls termination, https://e92b7b9260b6ff.lhr.life","status":"success","tls_termination":true}`, "https://e92b7b9260b6ff.lhr.life"},
	{`{"event":"tcpip-forward","address":"https://example.lhr.life"}`, "https://example.lhr.life"},
	{`{"connection_id":"abc","event":"tcpip-forward","message":"test.lhr.life tunneled with tls termination, https://test.lhr.life"}`, "https://test.lhr.life"},
	{`{"connection_id":"c0ffee","event":"authn","message":"authenticated as anonymous user","status":"success"}`, ""},
	{`{"event":"authn","message":"Visit https://admin.localhost.run"}`, ""},
	{`{"event":"tcpip-forward","status":"failed","address":"x.lhr.life"}`, ""},
	{`{"event":"tcpip-forward","address":"evil.example/path"}`, ""},
	{`{"event":"tcpip-forward","message":"{\"event\":\"tcpip-forward\"}"}`, ""},
	{`{"event":`, ""},
	// The banner's other links are not tunnels.
	{"To set up and manage custom domains go to https://admin.localhost.run/", ""},
	{"https://localhost.run/docs/", ""},
	{"Follow your favourite reverse tunnel at [https://twitter.com/localhost_run].", ""},
	{"x.lhr.life tunneled with tls termination, http://x.lhr.life", ""},
	{"x.lhr.life tunneled with tls termination, https://x.lhr.life/path", ""},
	{"x.lhr.life tunneled with tls termination, https://localhost", ""},
	{"x.lhr.life tunneled with tls termination, https://-x.lhr.life", ""},
	{"x.lhr.life tunneled with tls termination, ", ""},
	{"", ""},
}

// cloudflaredCases are lines of cloudflared's log.
var cloudflaredCases = []struct{ line, want string }{
	{"2024-05-10T08:14:04Z INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                                      |", "https://seasonal-deck-organisms-sf.trycloudflare.com"},
	{"|  https://Words-Here.trycloudflare.com  |", "https://words-here.trycloudflare.com"},
	{"https://words-here.trycloudflare.com", "https://words-here.trycloudflare.com"},
	{"2024-05-10T08:14:04Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |", ""},
	{"2024-05-10T08:14:02Z INF Requesting new quick Tunnel on trycloudflare.com...", ""},
	{`2024-05-10T08:14:03Z ERR failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": dial tcp: lookup api.trycloudflare.com: no such host`, ""},
	{"see https://www.cloudflare.com/website-terms/ and https://developers.cloudflare.com/cloudflare-one/connections/connect-apps", ""},
	{"https://a.b.trycloudflare.com", ""},
	{"https://x.trycloudflare.com.evil.example", ""},
	{"https://.trycloudflare.com", ""},
	{"", ""},
}

func TestLocalhostRunURL(t *testing.T) {
	for _, tc := range lhrCases {
		got, ok := LocalhostRunURL(tc.line)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("LocalhostRunURL(%q) = %q, %v; want %q", tc.line, got, ok, tc.want)
		}
	}
}

func TestCloudflaredURL(t *testing.T) {
	for _, tc := range cloudflaredCases {
		got, ok := CloudflaredURL(tc.line)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("CloudflaredURL(%q) = %q, %v; want %q", tc.line, got, ok, tc.want)
		}
	}
}

// TestWholeOutputs reads each service's whole output: exactly one URL.
func TestWholeOutputs(t *testing.T) {
	for _, tc := range []struct {
		file  string
		parse func(string) (string, bool)
		want  string
	}{
		{"testdata/localhost.run.txt", LocalhostRunURL, "https://0b20df995bc7ac.lhr.life"},
		{"testdata/cloudflared.log", CloudflaredURL, "https://seasonal-deck-organisms-sf.trycloudflare.com"},
	} {
		f, err := os.Open(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		for sc := bufio.NewScanner(f); sc.Scan(); {
			if u, ok := tc.parse(sc.Text()); ok {
				found = append(found, u)
			}
		}
		_ = f.Close()
		if len(found) != 1 || found[0] != tc.want {
			t.Errorf("URLs in %s = %q, want [%q]", tc.file, found, tc.want)
		}
	}
}

// checkURL fails unless u is a bare https URL of a DNS name.
func checkURL(t *testing.T, in, u string) {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "https" || p.Host != strings.TrimPrefix(u, "https://") ||
		strings.ContainsAny(p.Host, ":/ ") || p.Host != strings.ToLower(p.Host) {
		t.Errorf("parse(%q) = %q: not a bare https URL of a host name", in, u)
	}
}
