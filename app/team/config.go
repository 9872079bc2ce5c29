package team

import (
	"strings"
	"time"
)

// Defaults of Config.
const (
	DefaultTeam     = "default"
	DefaultMaxAge   = 90 * 24 * time.Hour
	DefaultReplicas = 1
)

// Config is the team-mode configuration, read from the environment by
// ParseConfig. The zero value (no URLs, no Listen) means team mode is off.
type Config struct {
	// URLs are the NATS servers (nats:// or tls://, user:password@ allowed).
	URLs []string
	// Token authenticates to the servers and, with Listen, protects the
	// embedded server. It is never logged.
	Token string
	// CredsFile is a NATS .creds file (JWT and seed).
	CredsFile string
	// Listen is the host:port of the embedded NATS server; empty for none.
	Listen string
	// MQTTListen is the host:port of the embedded server's MQTT listener.
	MQTTListen string
	// Team is the subject token that keeps teams on one NATS apart.
	Team string
	// MaxAge is how long the stream and the buckets keep a call.
	MaxAge time.Duration
	// Replicas is the JetStream replica count (3 on a 3-node cluster).
	Replicas int
}

// Enabled reports whether team mode is on: servers to connect to or an
// embedded server to run.
func (c Config) Enabled() bool { return len(c.URLs) > 0 || c.Listen != "" }

// The environment keys ParseConfig reads. NATS_REPLICAS and NATS_MAX_AGE
// are optional tuning keys for clusters and retention.
const (
	KeyURL        = "NATS_URL"
	KeyToken      = "NATS_TOKEN"
	KeyCreds      = "NATS_CREDS"
	KeyListen     = "NATS_LISTEN"
	KeyMQTTListen = "NATS_MQTT_LISTEN"
	KeyTeam       = "TEAM_NAME"
	KeyReplicas   = "NATS_REPLICAS"
	KeyMaxAge     = "NATS_MAX_AGE"
)

// ParseConfig reads the team keys through getenv. A bad value gives a
// *ConfigError naming the key; the first bad key is reported.
func ParseConfig(getenv func(string) string) (Config, error) {
	get := func(k string) string { return strings.TrimSpace(getenv(k)) }
	c := Config{Token: get(KeyToken), Team: DefaultTeam, MaxAge: DefaultMaxAge, Replicas: DefaultReplicas}
	steps := []struct {
		key string
		set func(string) error
	}{
		{KeyURL, func(v string) (err error) { c.URLs, err = parseURLs(v); return }},
		{KeyCreds, func(v string) (err error) { c.CredsFile, err = parseCreds(v); return }},
		{KeyListen, func(v string) (err error) { c.Listen, err = parseListen(v); return }},
		{KeyMQTTListen, func(v string) (err error) { c.MQTTListen, err = parseListen(v); return }},
		{KeyTeam, func(v string) (err error) { c.Team, err = parseTeam(v); return }},
		{KeyReplicas, func(v string) (err error) { c.Replicas, err = parseReplicas(v); return }},
		{KeyMaxAge, func(v string) (err error) { c.MaxAge, err = parseMaxAge(v); return }},
	}
	for _, s := range steps {
		v := get(s.key)
		if v == "" {
			continue
		}
		if err := s.set(v); err != nil {
			return Config{}, &ConfigError{Key: s.key, Value: shown(s.key, v), Err: err}
		}
	}
	if err := c.Check(); err != nil {
		return Config{}, err
	}
	return c, nil
}
