package service

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// Env is what the service reads of the process: main.go fills it in, tests
// give their own.
type Env struct {
	// LookupEnv reads the process environment.
	LookupEnv func(key string) (string, bool)
	// DotEnv returns the values of the .env file in the working directory
	// (an empty map when there is none).
	DotEnv func() (map[string]string, error)
	// UserConfigDir is os.UserConfigDir, replaceable in tests.
	UserConfigDir func() (string, error)
}

// LoadConfig reads the configuration: the environment, then .env, then the
// settings saved in the data dir, then defaults. The data dir itself comes
// from dataDirFlag, else WHOISCALLING_DATA_DIR, else the OS default.
func LoadConfig(env Env, dataDirFlag string) (config.Config, error) {
	dot, err := env.DotEnv()
	if err != nil {
		return config.Config{}, &ConfigError{fmt.Errorf("read .env: %w", err)}
	}
	envLayer := config.Layer{Name: config.SourceEnv, Get: env.LookupEnv}
	dotLayer := config.MapLayer(config.SourceDotEnv, dot)
	dir, err := dataDir(env, dataDirFlag, envLayer, dotLayer)
	if err != nil {
		return config.Config{}, err
	}
	saved, err := config.ReadSettings(dir)
	if err != nil {
		return config.Config{}, &ConfigError{err}
	}
	cfg, err := config.Load(envLayer, dotLayer, config.MapLayer(config.SourceSettings, saved))
	if err != nil {
		return config.Config{}, &ConfigError{err}
	}
	cfg.DataDir = dir
	cfg.Unknown = append(config.UnknownKeys(config.SourceDotEnv, dot), config.UnknownKeys(config.SourceSettings, saved)...)
	return cfg, nil
}

// WarnUnknown logs each unknown key of cfg once, at Warn level.
func WarnUnknown(logger *slog.Logger, cfg config.Config) {
	for _, u := range cfg.Unknown {
		logger.Warn(u.Error())
	}
}

func dataDir(env Env, flagValue string, layers ...config.Layer) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	for _, l := range layers {
		if v, ok := l.Get(config.KeyDataDir); ok && v != "" {
			return v, nil
		}
	}
	return config.DefaultDataDir(env.UserConfigDir)
}

// DefaultDataDirText names the default data dir for help texts.
func DefaultDataDirText(env Env) string {
	d, err := config.DefaultDataDir(env.UserConfigDir)
	if err != nil {
		return "the OS user config dir + /whoiscalling"
	}
	return d
}

// ConfigError marks a bad configuration value: a command exits with 2.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// IsConfigError reports whether err comes from a bad configuration value.
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}

// NewLogger is the text logger on w at the configured level.
func NewLogger(w interface{ Write([]byte) (int, error) }, cfg config.Config) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: cfg.Level()}))
}
