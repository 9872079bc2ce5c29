package config

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"unicode"
)

// Names of the layers a value can come from.
const (
	SourceEnv      = "environment"
	SourceDotEnv   = ".env"
	SourceSettings = "saved settings"
	SourceDefault  = "default"
)

// Key describes one configuration key: its default, what it means (for the
// README, .env.example and `help`), and how to apply a value.
type Key struct {
	Name    string
	Default string
	Meaning string
	apply   func(c *Config, v string) error
}

// Keys lists every key in the order the README documents them.
var Keys = []Key{
	{KeyPort, "8080", "TCP port of the webhook listener", func(c *Config, v string) (err error) {
		c.Port, err = parsePort(v)
		return
	}},
	{KeyListenHost, "127.0.0.1", "address the listener binds to (127.0.0.1 behind a tunnel; 0.0.0.0 for every interface)", func(c *Config, v string) (err error) {
		c.ListenHost, err = parseHost(v)
		return
	}},
	{KeyPublicURL, "", "the public URL sipgate posts to (your tunnel); used for onAnswer/onHangup — without it only newCall arrives", func(c *Config, v string) (err error) {
		c.PublicURL, err = parseURL(v)
		return
	}},
	{KeyVerifySignature, "true", "check sipgate's RSA signature on every webhook", func(c *Config, v string) (err error) {
		c.VerifySignature, err = parseBool(v)
		return
	}},
	{KeyDefaultRegion, "DE", "country for numbers typed without a country code (ISO 3166 code)", func(c *Config, v string) (err error) {
		c.DefaultRegion, err = parseRegion(v)
		return
	}},
	{KeyDataDir, "", "where the database and saved settings live (empty: the OS user config dir + /whoiscalling)", func(c *Config, v string) error {
		c.DataDir = v
		return nil
	}},
	{KeyNotifyOutgoing, "false", "also pop up for outgoing calls", func(c *Config, v string) (err error) {
		c.NotifyOutgoing, err = parseBool(v)
		return
	}},
	{KeyNotifyUsers, "", "comma-separated sipgate user names whose calls pop up (empty: every user)", func(c *Config, v string) error {
		c.NotifyUsers = splitList(v)
		return nil
	}},
	{KeyNotifyMissed, "true", "pop up \"Missed call from …\" after a missed call", func(c *Config, v string) (err error) {
		c.NotifyMissed, err = parseBool(v)
		return
	}},
	{KeyDoNotDisturb, "false", "silence every popup except VIP contacts", func(c *Config, v string) (err error) {
		c.DoNotDisturb, err = parseBool(v)
		return
	}},
	{KeyStaleTimeout, "4h", "a call with no hangup after this long becomes \"unknown\" (Go duration: 30m, 4h)", func(c *Config, v string) (err error) {
		c.StaleTimeout, err = parseDuration(v)
		return
	}},
	{KeyHistoryKeep, "100000", "how many calls the history keeps (the oldest are pruned)", func(c *Config, v string) (err error) {
		c.HistoryKeep, err = parsePositive(v)
		return
	}},
	{KeyLogLevel, "info", "log level: debug, info, warn or error (info: a line per webhook, at most 30 in 10 s; debug: every webhook, with numbers and names)", func(c *Config, v string) (err error) {
		c.LogLevel, err = parseLevel(v)
		return
	}},
	{KeyUILanguage, "auto", "language of the windows and popups: auto (the system's), de or en", func(c *Config, v string) (err error) {
		c.UILanguage, err = parseChoice(v, "auto", "de", "en")
		return
	}},
	{KeySipgateAPIURL, "https://api.sipgate.com/v2", "sipgate's REST API (change only for tests)", func(c *Config, v string) (err error) {
		c.Sipgate.APIURL, err = parseRequiredURL(v)
		return
	}},
	{KeySipgateTokenID, "", "id of a sipgate personal access token (see Connect your sipgate account)", func(c *Config, v string) (err error) {
		c.Sipgate.TokenID, err = parseTokenID(v)
		return
	}},
	{KeySipgateToken, "", "the personal access token itself (environment or .env only; entered tokens go to the keyring)", func(c *Config, v string) (err error) {
		c.Sipgate.Token, err = parseToken(v)
		return
	}},
	{KeySipgateSyncInterval, "1h", "how often sipgate's contacts and call history are synced while connected (Go duration)", func(c *Config, v string) (err error) {
		c.Sipgate.SyncInterval, err = parseDuration(v)
		return
	}},
	{KeySipgateDevice, "", "the device sipgate rings for Call back, such as e0 (empty: your default device)", func(c *Config, v string) (err error) {
		c.Sipgate.Device, err = parseToken(v)
		return
	}},
	{KeyTunnel, TunnelOff, "reach this computer from the internet: off, localhost.run or cloudflared", func(c *Config, v string) (err error) {
		c.Tunnel, err = parseChoice(v, TunnelOff, TunnelLocalhostRun, TunnelCloudflared)
		return
	}},
	{KeyTunnelSSHHost, "localhost.run:22", "the localhost.run SSH server (host:port)", func(c *Config, v string) (err error) {
		c.TunnelSSHHost, err = parseHostPort(v)
		return
	}},
	teamKey(KeyNATSURL, "NATS servers for team mode, comma-separated (nats:// or tls://)"),
	teamKey(KeyNATSToken, "token for the NATS servers and the embedded server (environment or .env only)"),
	teamKey(KeyNATSCreds, "a NATS .creds file instead of a token"),
	teamKey(KeyNATSListen, "run an embedded NATS server with JetStream on host:port (beyond loopback needs NATS_TOKEN)"),
	teamKey(KeyNATSMQTTListen, "the embedded server also speaks MQTT on host:port (Home Assistant, Node-RED)"),
	teamKey(KeyTeamName, "team name: the subject prefix, so several teams can share one NATS (default: default)"),
	teamKey(KeyNATSReplicas, "JetStream replicas of the team's stream (3 on a 3-node cluster; default 1)"),
	teamKey(KeyNATSMaxAge, "how long the team keeps a call (90d, or a Go duration such as 720h; default 90 days)"),
	{KeyCardDAVURL, "", "a CardDAV address book to sync contacts from (Nextcloud, Radicale, iCloud)", func(c *Config, v string) (err error) {
		c.CardDAV.URL, err = parseURL(v)
		return
	}},
	{KeyCardDAVUsername, "", "the CardDAV user name", func(c *Config, v string) (err error) {
		c.CardDAV.Username, err = parseToken(v)
		return
	}},
	{KeyCardDAVPassword, "", "the CardDAV password or app password (environment or .env only; entered ones go to the keyring)", func(c *Config, v string) (err error) {
		c.CardDAV.Password, err = parseSecret(v)
		return
	}},
	{KeyCardDAVSyncInterval, "15m", "how often the CardDAV book is synced while the app runs (Go duration)", func(c *Config, v string) (err error) {
		c.CardDAV.SyncInterval, err = parseDuration(v)
		return
	}},
}

// teamKey is a NATS key: kept raw here, validated by app/team.
func teamKey(name, meaning string) Key {
	return Key{name, "", meaning, func(c *Config, v string) error {
		v = strings.TrimSpace(v)
		if !isPrintable(v) {
			return reason("remove the control characters")
		}
		if v == "" {
			return nil
		}
		if c.Team == nil {
			c.Team = map[string]string{}
		}
		c.Team[name] = v
		return nil
	}}
}

func joinHostPort(host string, port int) string {
	return net.JoinHostPort(host, strconv.Itoa(port))
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ValueError is a bad configuration value: it names the key, the value and
// what is accepted.
type ValueError struct {
	Key, Value, Want string
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("%s=%q is not valid: %s", e.Key, e.Value, e.Want)
}

func isPrintable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) < 0
}
