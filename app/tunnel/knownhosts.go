package tunnel

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// KnownHostsFile is the trust-on-first-use file in the data dir, in
// OpenSSH known_hosts format.
const KnownHostsFile = "tunnel_known_hosts"

// knownKey is one key a host may show.
type knownKey struct {
	hosts []string
	key   ssh.PublicKey
}

// parseKnownHosts reads known_hosts lines; marked (@revoked,
// @cert-authority) lines are skipped, and a malformed line is an error.
func parseKnownHosts(data []byte) ([]knownKey, error) {
	var keys []knownKey
	for {
		marker, hosts, key, _, rest, err := ssh.ParseKnownHosts(data)
		if errors.Is(err, io.EOF) {
			return keys, nil
		}
		if err != nil {
			return nil, err
		}
		if marker == "" {
			keys = append(keys, knownKey{hosts: hosts, key: key})
		}
		data = rest
	}
}

// keysFor returns the keys listed for host (as knownhosts.Normalize
// writes it).
func keysFor(keys []knownKey, host string) []ssh.PublicKey {
	var out []ssh.PublicKey
	for _, k := range keys {
		if slices.Contains(k.hosts, host) {
			out = append(out, k.key)
		}
	}
	return out
}

// readKnownHosts reads the file at path; a missing file holds no keys.
func readKnownHosts(path string) ([]knownKey, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the tunnel's known hosts: %w", err)
	}
	keys, err := parseKnownHosts(data)
	if err != nil {
		return nil, fmt.Errorf("the tunnel's known-hosts file %s is damaged (%w): delete it to trust the server again", path, err)
	}
	return keys, nil
}

// appendKnownHost adds host's key to the file at path, made 0600.
func appendKnownHost(path, host string, key ssh.PublicKey) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("save the tunnel server's key: %w", err)
	}
	_, werr := fmt.Fprintln(f, knownhosts.Line([]string{host}, key))
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(path, 0o600)); err != nil {
		return fmt.Errorf("save the tunnel server's key: %w", err)
	}
	return nil
}

// ForgetHostKey removes what dataDir's known-hosts file trusts for sshHost
// (host:port, as in TUNNEL_SSH_HOST), so that the next connection trusts
// the key the server shows then. Call it only when the user confirms that
// the server really changed its key. Other hosts' lines are kept.
func ForgetHostKey(dataDir, sshHost string) error {
	path := filepath.Join(dataDir, KnownHostsFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read the tunnel's known hosts: %w", err)
	}
	host := knownhosts.Normalize(sshHost)
	var kept bytes.Buffer
	for line := range bytes.Lines(data) {
		keys, err := parseKnownHosts(line)
		if err == nil && len(keysFor(keys, host)) > 0 {
			continue
		}
		kept.Write(line)
	}
	return writeFile0600(path, kept.Bytes())
}

// writeFile0600 replaces path with data through a temporary file, so a
// crash leaves either the old or the new file.
func writeFile0600(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".known_hosts-*")
	if err != nil {
		return fmt.Errorf("rewrite the tunnel's known hosts: %w", err)
	}
	_, werr := tmp.Write(data)
	err = errors.Join(werr, tmp.Chmod(0o600), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("rewrite the tunnel's known hosts: %w", err)
	}
	return nil
}
