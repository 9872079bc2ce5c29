package team

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// instanceFile holds this desk's instance id in the data dir.
const instanceFile = "team-instance"

// instanceID returns the id kept in dir, creating it once from the host
// name and a random suffix. It names the desk's durable consumer, so it
// must never change for a data dir.
func instanceID(dir, hostname string) (string, error) {
	path := filepath.Join(dir, instanceFile)
	b, err := os.ReadFile(path)
	if err == nil {
		id := strings.TrimSpace(string(b))
		if validInstance(id) {
			return id, nil
		}
		return "", fmt.Errorf("instance id file %s holds %q: delete it to make a new one", path, id)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("read instance id: %w", err)
	}
	id := newInstanceID(hostname)
	if err := os.WriteFile(path, []byte(id+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("write instance id: %w", err)
	}
	return id, nil
}

func newInstanceID(hostname string) string {
	var host strings.Builder
	for _, r := range strings.ToLower(hostname) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			host.WriteRune(r)
		}
		if host.Len() == 32 {
			break
		}
	}
	if host.Len() == 0 {
		host.WriteString("desk")
	}
	suffix := make([]byte, 4)
	rand.Read(suffix)
	return host.String() + "-" + hex.EncodeToString(suffix)
}

// validInstance accepts what newInstanceID makes: a consumer name and
// key-value key.
func validInstance(id string) bool {
	return teamName.MatchString(id)
}
