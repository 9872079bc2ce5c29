package tunnel

import (
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"slices"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// hostKeyCheck decides whether the SSH server's key is the expected one:
// a pinned key when the host has any, else the key trusted on first use.
type hostKeyCheck struct {
	host    string
	pinned  []ssh.PublicKey
	trusted []ssh.PublicKey
	file    string
	logger  *slog.Logger
}

// hostKeyCheck loads the pinned keys and the known-hosts file for the
// configured SSH host; a bad pinned line or a damaged file is fatal.
func (t *Tunnel) hostKeyCheck() (*hostKeyCheck, error) {
	if t.opts.DataDir == "" {
		return nil, fatal(fmt.Errorf("the tunnel has no data dir to keep the server's key in: set WHOISCALLING_DATA_DIR"))
	}
	c := &hostKeyCheck{
		host:   knownhosts.Normalize(t.opts.SSHHost),
		file:   filepath.Join(t.opts.DataDir, KnownHostsFile),
		logger: t.opts.Logger,
	}
	for _, line := range t.opts.PinnedKeys {
		keys, err := parseKnownHosts([]byte(line))
		if err != nil {
			return nil, fatal(fmt.Errorf("pinned tunnel key %q is not a known_hosts line: %w", line, err))
		}
		c.pinned = append(c.pinned, keysFor(keys, c.host)...)
	}
	keys, err := readKnownHosts(c.file)
	if err != nil {
		return nil, fatal(err)
	}
	c.trusted = keysFor(keys, c.host)
	return c, nil
}

// known is what the server must show, empty before the first use.
func (c *hostKeyCheck) known() []ssh.PublicKey {
	if len(c.pinned) > 0 {
		return c.pinned
	}
	return c.trusted
}

// verify is the ssh.HostKeyCallback.
func (c *hostKeyCheck) verify(_ string, _ net.Addr, key ssh.PublicKey) error {
	known := c.known()
	for _, k := range known {
		if string(k.Marshal()) == string(key.Marshal()) {
			return nil
		}
	}
	fp := ssh.FingerprintSHA256(key)
	if len(known) > 0 {
		return &HostKeyChangedError{Host: c.host, Fingerprint: fp}
	}
	if err := appendKnownHost(c.file, c.host, key); err != nil {
		return err
	}
	c.logger.Info("trusting the tunnel server's key on first use", "host", c.host, "fingerprint", fp)
	c.trusted = []ssh.PublicKey{key}
	return nil
}

// algorithms asks the server for the kinds of key already known, so that
// a server with several keys shows the one we have; nil allows any.
func (c *hostKeyCheck) algorithms() []string {
	var algos []string
	for _, k := range c.known() {
		names := []string{k.Type()}
		if k.Type() == ssh.KeyAlgoRSA {
			names = []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
		}
		for _, n := range names {
			if !slices.Contains(algos, n) {
				algos = append(algos, n)
			}
		}
	}
	return algos
}
