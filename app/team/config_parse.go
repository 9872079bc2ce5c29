package team

import (
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func splitList(v string) []string {
	var out []string
	for p := range strings.SplitSeq(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseURLs(v string) ([]string, error) {
	urls := splitList(v)
	for _, s := range urls {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "nats" && u.Scheme != "tls") || u.Hostname() == "" ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || badPort(u.Port()) {
			return nil, ErrURL
		}
	}
	return urls, nil
}

func badPort(p string) bool {
	if p == "" {
		return false
	}
	n, err := strconv.Atoi(p)
	return err != nil || n < 1 || n > 65535
}

func parseCreds(v string) (string, error) {
	f, err := os.Open(v)
	if err != nil {
		return "", ErrCreds
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.IsDir() {
		return "", ErrCreds
	}
	return v, nil
}

// parseListen accepts host:port, [v6]:port, :port (every interface) and a
// bare port (loopback). Port 0 asks for a free port.
func parseListen(v string) (string, error) {
	if _, err := strconv.Atoi(v); err == nil {
		v = "127.0.0.1:" + v
	}
	host, port, err := net.SplitHostPort(v)
	if err != nil || strings.ContainsAny(host, " /?#") {
		return "", ErrListen
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return "", ErrListen
	}
	return net.JoinHostPort(host, port), nil
}

var teamName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func parseTeam(v string) (string, error) {
	if !teamName.MatchString(v) {
		return "", ErrTeamName
	}
	return v, nil
}

func parseReplicas(v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 5 {
		return 0, ErrReplicas
	}
	return n, nil
}

// parseMaxAge takes a Go duration or a number of days ("90d").
func parseMaxAge(v string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(v, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 1 || n > 100*365 {
			return 0, ErrMaxAge
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, ErrMaxAge
	}
	return d, nil
}

// loopback reports whether a listen address only accepts connections from
// this machine.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
