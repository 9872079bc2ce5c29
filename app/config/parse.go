package config

import (
	"errors"
	"log/slog"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"
)

// Each parser returns a bare reason; Load wraps it into a ValueError.
type reason string

func (r reason) Error() string { return string(r) }

func parsePort(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > 65535 {
		return 0, reason("use a port number from 1 to 65535, such as 8080")
	}
	return n, nil
}

func parseHost(v string) (string, error) {
	v = strings.TrimSpace(v)
	v = strings.TrimSuffix(strings.TrimPrefix(v, "["), "]")
	if v == "" || !isPrintable(v) || strings.ContainsAny(v, " /:?#") && net.ParseIP(v) == nil {
		return "", reason("use an IP address such as 127.0.0.1 or 0.0.0.0, or a host name such as localhost")
	}
	return v, nil
}

func parseURL(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !isPrintable(v) {
		return "", reason("use an absolute http:// or https:// URL such as https://example.lhr.life/, or leave it empty")
	}
	return v, nil
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off":
		return false, nil
	}
	return false, reason("use true or false")
}

func parseRegion(v string) (string, error) {
	r := strings.ToUpper(strings.TrimSpace(v))
	if !validRegion(r) {
		return "", reason("use a two-letter country code that has phone numbers, such as DE, AT, CH, GB or US")
	}
	return r, nil
}

var regions = func() map[string]bool {
	m := map[string]bool{}
	for r := range phonenumbers.GetSupportedRegions() {
		m[r] = true
	}
	return m
}()

func validRegion(r string) bool { return regions[r] }

func parseDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(v))
	if err != nil || d < time.Minute {
		return 0, reason("use a Go duration of at least one minute, such as 30m or 4h")
	}
	return d, nil
}

func parsePositive(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 100 {
		return 0, reason("use a whole number of at least 100, such as 100000")
	}
	return n, nil
}

func parseLevel(v string) (string, error) {
	var l slog.Level
	s := strings.ToLower(strings.TrimSpace(v))
	if err := l.UnmarshalText([]byte(s)); err != nil || strings.ContainsAny(s, "+-") {
		return "", reason("use debug, info, warn or error")
	}
	return s, nil
}

// Level is LogLevel as a slog.Level.
func (c Config) Level() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return slog.LevelInfo
	}
	return l
}

var errNoKey = errors.New("unknown key")

func parseChoice(v string, choices ...string) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, c := range choices {
		if v == c {
			return v, nil
		}
	}
	return "", reason("use one of " + strings.Join(choices, ", "))
}

func parseRequiredURL(v string) (string, error) {
	u, err := parseURL(v)
	if err == nil && u == "" {
		err = reason("use an absolute https:// URL")
	}
	return strings.TrimRight(u, "/"), err
}

// parseToken accepts an id or user name: printable, no spaces.
func parseToken(v string) (string, error) {
	v = strings.TrimSpace(v)
	if !isPrintable(v) || strings.ContainsAny(v, " \t") {
		return "", reason("copy it again without spaces or control characters")
	}
	return v, nil
}

// parseSecret accepts a password: anything printable.
func parseSecret(v string) (string, error) {
	if !isPrintable(v) {
		return "", reason("copy it again without control characters")
	}
	return v, nil
}

func parseHostPort(v string) (string, error) {
	v = strings.TrimSpace(v)
	host, port, err := net.SplitHostPort(v)
	if err != nil || host == "" || !isPrintable(v) {
		return "", reason("use host:port, such as localhost.run:22")
	}
	if _, err := parsePort(port); err != nil {
		return "", err
	}
	return v, nil
}

// tokenID is the form of a sipgate personal access token's id.
var tokenID = regexp.MustCompile(`^token-[a-zA-Z0-9]{6}$`)

func parseTokenID(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v != "" && !tokenID.MatchString(v) {
		return "", reason("a token id looks like token-AB12CD: copy it again from the sipgate web app")
	}
	return v, nil
}
