package team

import (
	"errors"
	"fmt"
	"net/url"
)

// The reasons a ConfigError carries; match them with errors.Is.
var (
	ErrURL             = errors.New("not a nats:// or tls:// URL with a host")
	ErrCreds           = errors.New("not a readable .creds file")
	ErrListen          = errors.New("not a host:port address")
	ErrTeamName        = errors.New("not a team name of letters, digits, '-' and '_' (at most 64)")
	ErrReplicas        = errors.New("not a replica count from 1 to 5")
	ErrMaxAge          = errors.New("not a positive duration such as 90d or 720h")
	ErrListenAndURL    = errors.New("NATS_LISTEN and NATS_URL are both set")
	ErrTokenAndCreds   = errors.New("NATS_TOKEN and NATS_CREDS are both set")
	ErrMQTTNeedsListen = errors.New("NATS_MQTT_LISTEN needs NATS_LISTEN")
	// ErrInsecureListen refuses an embedded server (or MQTT listener)
	// reachable beyond this machine without NATS_TOKEN.
	ErrInsecureListen = errors.New("listening beyond loopback needs NATS_TOKEN")
)

// ConfigError is a bad team setting: Key is the environment key, Value
// what it held (passwords redacted, tokens never shown), Err one of the
// reasons above.
type ConfigError struct {
	Key   string
	Value string
	Err   error
}

// Error names the key, its shown value and the reason.
func (e *ConfigError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %v", e.Key, e.Err)
	}
	return fmt.Sprintf("%s=%q: %v", e.Key, e.Value, e.Err)
}

// Unwrap returns the reason, for errors.Is.
func (e *ConfigError) Unwrap() error { return e.Err }

// shown is the value of key as it may appear in an error or a log: the
// token not at all, URL passwords redacted.
func shown(key, v string) string {
	switch key {
	case KeyToken:
		return ""
	case KeyURL:
		return redactURLs(v)
	}
	return v
}

func redactURLs(v string) string {
	out := ""
	for i, part := range splitList(v) {
		if i > 0 {
			out += ","
		}
		if u, err := url.Parse(part); err == nil {
			part = u.Redacted()
		} else {
			part = "(unparsable URL)"
		}
		out += part
	}
	return out
}
