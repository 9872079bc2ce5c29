package cli

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// LoadConfig reads the configuration: the environment, then .env, then the
// settings saved in the data dir, then defaults. The data dir itself comes
// from --data-dir, else WHOISCALLING_DATA_DIR, else the OS default.
func LoadConfig(env *Env, dataDirFlag string) (config.Config, error) {
	dot, err := env.DotEnv()
	if err != nil {
		return config.Config{}, &configError{fmt.Errorf("read .env: %w", err)}
	}
	envLayer := config.Layer{Name: config.SourceEnv, Get: env.LookupEnv}
	dotLayer := config.MapLayer(config.SourceDotEnv, dot)
	dir, err := dataDir(env, dataDirFlag, envLayer, dotLayer)
	if err != nil {
		return config.Config{}, err
	}
	saved, err := config.ReadSettings(dir)
	if err != nil {
		return config.Config{}, &configError{err}
	}
	cfg, err := config.Load(envLayer, dotLayer, config.MapLayer(config.SourceSettings, saved))
	if err != nil {
		return config.Config{}, &configError{err}
	}
	cfg.DataDir = dir
	return cfg, nil
}

func dataDir(env *Env, flagValue string, layers ...config.Layer) (string, error) {
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

func defaultDataDirText(env *Env) string {
	d, err := config.DefaultDataDir(env.UserConfigDir)
	if err != nil {
		return "the OS user config dir + /whoiscalling"
	}
	return d
}

// configError marks a bad configuration value: exit code 2.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

func isConfigError(err error) bool {
	var ce *configError
	return errors.As(err, &ce)
}

// newLogger is the text logger on stderr at the configured level.
func newLogger(env *Env, cfg config.Config) *slog.Logger {
	if env.Logger != nil {
		return env.Logger
	}
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: cfg.Level()}))
}

// Defaults fills the process-bound fields of env that are nil.
func (env Env) Defaults() Env {
	if env.LookupEnv == nil {
		env.LookupEnv = os.LookupEnv
	}
	if env.DotEnv == nil {
		env.DotEnv = func() (map[string]string, error) { return map[string]string{}, nil }
	}
	if env.UserConfigDir == nil {
		env.UserConfigDir = os.UserConfigDir
	}
	if env.Executable == nil {
		env.Executable = os.Executable
	}
	return env
}
