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
	KeyUILanguage      = "UI_LANGUAGE"

	KeySipgateAPIURL       = "SIPGATE_API_URL"
	KeySipgateTokenID      = "SIPGATE_TOKEN_ID"
	KeySipgateToken        = "SIPGATE_TOKEN"
	KeySipgateSyncInterval = "SIPGATE_SYNC_INTERVAL"
	KeySipgateDevice       = "SIPGATE_DEVICE"

	KeyTunnel        = "TUNNEL"
	KeyTunnelSSHHost = "TUNNEL_SSH_HOST"

	KeyNATSURL        = "NATS_URL"
	KeyNATSToken      = "NATS_TOKEN"
	KeyNATSCreds      = "NATS_CREDS"
	KeyNATSListen     = "NATS_LISTEN"
	KeyNATSMQTTListen = "NATS_MQTT_LISTEN"
	KeyTeamName       = "TEAM_NAME"
	KeyNATSReplicas   = "NATS_REPLICAS"
	KeyNATSMaxAge     = "NATS_MAX_AGE"

	KeyCardDAVURL          = "CARDDAV_URL"
	KeyCardDAVUsername     = "CARDDAV_USERNAME"
	KeyCardDAVPassword     = "CARDDAV_PASSWORD"
	KeyCardDAVSyncInterval = "CARDDAV_SYNC_INTERVAL"
)

// Secret keys are read from the environment and .env only: they are never
// written to the saved settings, shown, or logged. Entered secrets go to
// the OS keyring.
var secretKeys = map[string]bool{KeySipgateToken: true, KeyNATSToken: true, KeyCardDAVPassword: true}

// IsSecret reports whether key holds a secret (a token or password).
func IsSecret(key string) bool { return secretKeys[key] }

// Tunnel kinds of the TUNNEL key.
const (
	TunnelOff          = "off"
	TunnelLocalhostRun = "localhost.run"
	TunnelCloudflared  = "cloudflared"
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
	// UILanguage is "auto" (the system locale), "de" or "en".
	UILanguage string

	// Sipgate is the sipgate account connection (token from the
	// environment, .env or the keyring).
	Sipgate Sipgate
	// Tunnel is off, localhost.run or cloudflared; TunnelSSHHost is the
	// localhost.run SSH server (host:port).
	Tunnel        string
	TunnelSSHHost string
	// Team holds the raw NATS_* and TEAM_NAME values; app/team validates
	// them (team.ParseConfig). Empty values are not set.
	Team map[string]string
	// CardDAV is the remote address book to sync contacts from.
	CardDAV CardDAV

	// Unknown are the keys of .env and the saved settings that are not
	// configuration keys (typos, mostly): warned about once at start.
	Unknown []*UnknownKeyError

	// Source tells, per key, which layer set it ("environment", ".env",
	// "saved settings", or "default").
	Source map[string]string
}

// Sipgate is the sipgate REST API connection.
type Sipgate struct {
	APIURL       string
	TokenID      string
	Token        string
	SyncInterval time.Duration
	// Device is the device sipgate rings for a call back (empty: the
	// user's default device).
	Device string
}

// Connected reports whether a token is configured.
func (s Sipgate) Connected() bool { return s.TokenID != "" && s.Token != "" }

// CardDAV is a remote address book.
type CardDAV struct {
	URL          string
	Username     string
	Password     string
	SyncInterval time.Duration
}

// Enabled reports whether a CardDAV address book is configured.
func (c CardDAV) Enabled() bool { return c.URL != "" }

// TeamGetenv reads the team keys of c for team.ParseConfig.
func (c Config) TeamGetenv(key string) string { return c.Team[key] }

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
