// Package config holds the app's settings: their keys, defaults and
// validation. It never reads the process environment itself; main.go hands
// it the layers to read (environment, .env, the settings saved in the data
// dir), so every value's origin is known and the Settings window can say
// why a field is locked.
package config

import (
	"time"
)

// The configuration keys. Other tools and the README rely on these names.
const (
	KeyPort            = "WEBHOOK_SERVER_PORT"
	KeyListenHost      = "WEBHOOK_LISTEN_HOST"
	KeyPublicURL       = "WEBHOOK_SERVER_ADDRESS"
	KeyVerifySignature = "SIPGATE_VERIFY_SIGNATURE"
	KeyDefaultRegion   = "DEFAULT_REGION"
	KeyDataDir         = "WHOISCALLING_DATA_DIR"
	KeyNotifyOutgoing  = "NOTIFY_OUTGOING"
	KeyNotifyUsers     = "NOTIFY_USERS"
	KeyNotifyMissed    = "NOTIFY_MISSED"
	KeyDoNotDisturb    = "DO_NOT_DISTURB"
	KeyStaleTimeout    = "CALL_STALE_TIMEOUT"
	KeyHistoryKeep     = "HISTORY_KEEP"
	KeyLogLevel        = "LOG_LEVEL"
)

// Config is the validated configuration.
type Config struct {
	Port            int
	ListenHost      string
	PublicURL       string
	VerifySignature bool
	DefaultRegion   string
	DataDir         string
	NotifyOutgoing  bool
	NotifyUsers     []string
	NotifyMissed    bool
	DoNotDisturb    bool
	StaleTimeout    time.Duration
	HistoryKeep     int
	LogLevel        string

	// Source tells, per key, which layer set it ("environment", ".env",
	// "saved settings", or "default").
	Source map[string]string
}

// ListenAddr is host:port for the webhook listener.
func (c Config) ListenAddr() string {
	return joinHostPort(c.ListenHost, c.Port)
}

// FromEnvironment reports whether key was set by the environment or .env,
// which the saved settings cannot override.
func (c Config) FromEnvironment(key string) bool {
	s := c.Source[key]
	return s == SourceEnv || s == SourceDotEnv
}
