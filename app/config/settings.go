package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// SettingsFile is the name of the saved settings inside the data dir.
const SettingsFile = "settings.json"

// ReadSettings reads the saved settings of dataDir. A missing file is no
// settings; a file that is not a JSON object of strings is an error that
// names the file.
func ReadSettings(dataDir string) (map[string]string, error) {
	path := filepath.Join(dataDir, SettingsFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read saved settings: %w", err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s is not valid settings JSON (%v): fix or delete it", path, err)
	}
	return m, nil
}

// SaveSettings validates the values and writes them to dataDir, replacing
// the file atomically (mode 0600). An invalid value changes nothing.
func SaveSettings(dataDir string, m map[string]string) error {
	for k, v := range m {
		if IsSecret(k) {
			return fmt.Errorf("%s is a secret and is never saved in %s: put it in .env or the keyring", k, SettingsFile)
		}
		if err := Check(k, v); err != nil {
			return err
		}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	tmp, err := os.CreateTemp(dataDir, ".settings-*.json")
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("save settings: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dataDir, SettingsFile)); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}

// DefaultDataDir is the OS user config dir + "/whoiscalling".
func DefaultDataDir(userConfigDir func() (string, error)) (string, error) {
	d, err := userConfigDir()
	if err != nil {
		return "", fmt.Errorf("no user config directory (%v): pass --data-dir or set %s", err, KeyDataDir)
	}
	return filepath.Join(d, "whoiscalling"), nil
}
