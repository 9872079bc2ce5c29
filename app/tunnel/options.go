package tunnel

import (
	"log/slog"
	"time"
)

// DefaultSSHHost is where the localhost.run mode connects (TUNNEL_SSH_HOST).
const DefaultSSHHost = "localhost.run:22"

// Options configure a Tunnel. Zero values take the defaults named below.
type Options struct {
	// Mode picks the tunnel; ModeOff (or "") makes Run return at once.
	Mode Mode
	// LocalAddr is the webhook listener's host:port. An unspecified host
	// (0.0.0.0, ::, empty) is reached through loopback.
	LocalAddr string
	// SSHHost is the localhost.run server's host:port (DefaultSSHHost).
	SSHHost string
	// DataDir holds the trust-on-first-use known-hosts file (0600).
	DataDir string
	// PinnedKeys are known_hosts lines ("localhost.run ssh-ed25519 AAAA…")
	// shipped with the app. A host that has pinned keys must show one of
	// them; the known-hosts file is not consulted for it.
	PinnedKeys []string
	// Logger gets connection events; nil discards them.
	Logger *slog.Logger
	// OnURL is called with the public URL on every (re)connect and
	// whenever it changes. It runs on the tunnel's goroutine: keep it short.
	OnURL func(url string)
	// OnState is called on every state change, on the tunnel's goroutine.
	OnState func(State)
	// MinBackoff is the first wait after a drop (1 s); it doubles up to
	// MaxBackoff (60 s) and starts again after a connection that got a URL.
	MinBackoff, MaxBackoff time.Duration
	// ConnectTimeout bounds dialling, the SSH handshake and the wait for
	// the public URL (30 s).
	ConnectTimeout time.Duration
	// KeepAlive is how often an idle SSH connection is probed (30 s); a
	// probe unanswered for ConnectTimeout drops the connection.
	KeepAlive time.Duration
	// Cloudflared is the program run in cloudflared mode ("cloudflared",
	// looked up on PATH).
	Cloudflared string
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.Mode == "" {
		o.Mode = ModeOff
	}
	if o.SSHHost == "" {
		o.SSHHost = DefaultSSHHost
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	o.MinBackoff = orDefault(o.MinBackoff, time.Second)
	o.MaxBackoff = orDefault(o.MaxBackoff, time.Minute)
	o.ConnectTimeout = orDefault(o.ConnectTimeout, 30*time.Second)
	o.KeepAlive = orDefault(o.KeepAlive, 30*time.Second)
	if o.Cloudflared == "" {
		o.Cloudflared = "cloudflared"
	}
	return o
}

// orDefault is d when v is not positive.
func orDefault(v, d time.Duration) time.Duration {
	if v <= 0 {
		return d
	}
	return v
}
