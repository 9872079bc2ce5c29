package service

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/zalando/go-keyring"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/store"
)

// keyringService names whoiscalling's entries in the OS keyring.
const keyringService = "whoiscalling"

// SecretsFile holds entered secrets where no keyring answers (mode 0600).
const SecretsFile = "secrets.json"

// SecretPlace says where an entered secret was stored.
type SecretPlace string

// The places of SecretPlace.
const (
	InKeyring SecretPlace = "keyring"
	InFile    SecretPlace = "file"
)

// secretsMu serialises the secrets file of this process.
var secretsMu sync.Mutex

// Secret returns the secret of key (config.IsSecret): from the
// configuration (environment or .env) when set there, else from the OS
// keyring, else from the data dir's secrets file; "" when none has it.
func Secret(cfg config.Config, key string) (string, error) {
	if v := secretFromConfig(cfg, key); v != "" {
		return v, nil
	}
	if keyringUsable() {
		v, err := keyring.Get(keyringService, key)
		if err == nil {
			return v, nil
		}
	}
	m, err := readSecrets(cfg.DataDir)
	return m[key], err
}

func secretFromConfig(cfg config.Config, key string) string {
	switch key {
	case config.KeySipgateTokenID:
		return cfg.Sipgate.TokenID
	case config.KeySipgateToken:
		return cfg.Sipgate.Token
	case config.KeyCardDAVUsername:
		return cfg.CardDAV.Username
	case config.KeyCardDAVPassword:
		return cfg.CardDAV.Password
	case config.KeyNATSToken:
		return cfg.Team[key]
	}
	return ""
}

// StoreSecret keeps an entered secret in the OS keyring, or, where no
// keyring answers, in the data dir's secrets file (0600), and says which.
func StoreSecret(dataDir, key, value string) (SecretPlace, error) {
	if !config.IsSecret(key) && key != config.KeySipgateTokenID && key != config.KeyCardDAVUsername {
		return "", fmt.Errorf("%s is not a secret", key)
	}
	if keyringUsable() && keyring.Set(keyringService, key, value) == nil {
		// A copy left in the file from before would shadow nothing, but
		// would linger: remove it.
		return InKeyring, updateSecrets(dataDir, func(m map[string]string) { delete(m, key) })
	}
	return InFile, updateSecrets(dataDir, func(m map[string]string) { m[key] = value })
}

// DeleteSecret removes key from the keyring and the secrets file.
func DeleteSecret(dataDir, key string) error {
	if keyringUsable() {
		if err := keyring.Delete(keyringService, key); err != nil && !errors.Is(err, keyring.ErrNotFound) {
			return fmt.Errorf("remove %s from the keyring: %w", key, err)
		}
	}
	return updateSecrets(dataDir, func(m map[string]string) { delete(m, key) })
}

// keyringUsable is false on Linux without a D-Bus session: asking then
// would start a bus of its own.
func keyringUsable() bool {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" {
		return os.Getenv("DBUS_SESSION_BUS_ADDRESS") != ""
	}
	return true
}

func readSecrets(dataDir string) (map[string]string, error) {
	path := filepath.Join(dataDir, SecretsFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%s can be read by other users (mode %o): run chmod 600 on it, or log in again", path, fi.Mode().Perm())
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s is damaged (%v): delete it and log in again", path, err)
	}
	return m, nil
}

func updateSecrets(dataDir string, change func(map[string]string)) error {
	secretsMu.Lock()
	defer secretsMu.Unlock()
	m, err := readSecrets(dataDir)
	if err != nil {
		return err
	}
	change(m)
	path := filepath.Join(dataDir, SecretsFile)
	if len(m) == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", path, err)
		}
		return nil
	}
	if err := store.EnsureDir(dataDir); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return writePrivate(path, append(b, '\n'))
}
