package config

import (
	"strconv"
	"strings"
	"time"
)

// Value is c's value of key in the form a person types it (and Load
// reads it back): what the Settings window shows. Secrets give "".
func (c Config) Value(key string) string {
	if IsSecret(key) {
		return ""
	}
	if v, ok := c.Team[key]; ok {
		return v
	}
	b := strconv.FormatBool
	d := shortDuration
	switch key {
	case KeyPort:
		return strconv.Itoa(c.Port)
	case KeyListenHost:
		return c.ListenHost
	case KeyPublicURL:
		return c.PublicURL
	case KeyVerifySignature:
		return b(c.VerifySignature)
	case KeyDefaultRegion:
		return c.DefaultRegion
	case KeyDataDir:
		return c.DataDir
	case KeyNotifyOutgoing:
		return b(c.NotifyOutgoing)
	case KeyNotifyUsers:
		return strings.Join(c.NotifyUsers, ", ")
	case KeyNotifyMissed:
		return b(c.NotifyMissed)
	case KeyDoNotDisturb:
		return b(c.DoNotDisturb)
	case KeyStaleTimeout:
		return d(c.StaleTimeout)
	case KeyHistoryKeep:
		return strconv.Itoa(c.HistoryKeep)
	case KeyLogLevel:
		return c.LogLevel
	case KeyUILanguage:
		return c.UILanguage
	case KeySipgateAPIURL:
		return c.Sipgate.APIURL
	case KeySipgateTokenID:
		return c.Sipgate.TokenID
	case KeySipgateSyncInterval:
		return d(c.Sipgate.SyncInterval)
	case KeySipgateDevice:
		return c.Sipgate.Device
	case KeyTunnel:
		return c.Tunnel
	case KeyTunnelSSHHost:
		return c.TunnelSSHHost
	case KeyCardDAVURL:
		return c.CardDAV.URL
	case KeyCardDAVUsername:
		return c.CardDAV.Username
	case KeyCardDAVSyncInterval:
		return d(c.CardDAV.SyncInterval)
	}
	return ""
}

// shortDuration is d without zero tails: 1h30m, 2h, 15m.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}
