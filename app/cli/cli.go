// Package cli runs whoiscalling's commands that need no GUI: serve, calls,
// contacts, lookup, test-call and autostart. main.go hands it the process
// (arguments, environment, output streams); it hands back an exit code.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// Env is what a command may use of the process. main.go fills it in.
type Env struct {
	Stdout, Stderr io.Writer
	// Stdin is read by sipgate login (os.Stdin by default).
	Stdin io.Reader
	// LookupEnv reads the process environment.
	LookupEnv func(key string) (string, bool)
	// DotEnv returns the values of the .env file in the working directory
	// (an empty map when there is none).
	DotEnv func() (map[string]string, error)
	// UserConfigDir is os.UserConfigDir, replaceable in tests.
	UserConfigDir func() (string, error)
	// Executable is os.Executable: the path autostart entries start.
	Executable func() (string, error)
	// Version is the app version from FyneApp.toml.
	Version string
	// Logger, when set, replaces the stderr text logger (tests).
	Logger *slog.Logger

	// dataDir is the --data-dir given before the command.
	dataDir string
	// warned is set once the unknown keys were warned about.
	warned bool
}

// serviceEnv is what the service reads of the process.
func (env *Env) serviceEnv() service.Env {
	return service.Env{LookupEnv: env.LookupEnv, DotEnv: env.DotEnv, UserConfigDir: env.UserConfigDir}
}

// loadConfig reads the configuration for a command, and warns once on
// stderr about unknown keys in .env and the saved settings.
func loadConfig(env *Env, dataDirFlag string) (config.Config, error) {
	cfg, err := service.LoadConfig(env.serviceEnv(), dataDirFlag)
	if err == nil && !env.warned {
		env.warned = true
		for _, u := range cfg.Unknown {
			fmt.Fprintf(env.Stderr, "whoiscalling: warning: %s\n", u)
		}
	}
	return cfg, err
}

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// usageError is a mistake in the command line or the configuration: the
// exit code is 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Run runs the command named by args[0] and returns the exit code. Errors
// are printed as one sentence on stderr, never as a stack trace.
func Run(ctx context.Context, env Env, args []string) int {
	// The commands' output is for people and scripts alike: English.
	i18n.SetLanguage("en")
	env = env.Defaults()
	var err error
	if env.dataDir, args, err = globalFlags(args); err != nil {
		return report(env.Stderr, err)
	}
	if len(args) == 0 {
		args = []string{"help"}
	}
	cmd, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(env.Stderr, "whoiscalling: unknown command %q. Run \"whoiscalling help\" for the list of commands.\n", args[0])
		return ExitUsage
	}
	err = cmd.run(ctx, &env, args[1:])
	return report(env.Stderr, err)
}

// globalFlags takes the flags before the command: --data-dir DIR (or
// --data-dir=DIR), which then applies to the command as if given after
// it. Any other flag there is a mistake, except --help and --version,
// which are commands of their own.
func globalFlags(args []string) (dataDir string, rest []string, err error) {
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		switch {
		case name == "data-dir" && hasValue:
			dataDir, args = value, args[1:]
		case name == "data-dir" && len(args) > 1:
			dataDir, args = args[1], args[2:]
		case name == "data-dir":
			return "", nil, usagef("--data-dir needs a directory, e.g. --data-dir ~/whoiscalling-test")
		case name == "help" || name == "h" || name == "version" || name == "v":
			return dataDir, args, nil
		default:
			return "", nil, usagef("unknown flag %s before the command; run \"whoiscalling help\" for the list of commands", args[0])
		}
	}
	return dataDir, args, nil
}

func report(w io.Writer, err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return ExitOK
	case errors.As(err, &ue) || service.IsConfigError(err):
		fmt.Fprintf(w, "whoiscalling: %s\n", oneLine(err))
		return ExitUsage
	default:
		fmt.Fprintf(w, "whoiscalling: %s\n", oneLine(err))
		return ExitError
	}
}

// oneLine is err's sentence (see i18n.Error), each line of a joined
// error prefixed with the program's name.
func oneLine(err error) string {
	return strings.ReplaceAll(i18n.Error(err), "\n", "\nwhoiscalling: ")
}

// Defaults fills the process-bound fields of env that are nil.
func (env Env) Defaults() Env {
	if env.LookupEnv == nil {
		env.LookupEnv = os.LookupEnv
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
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
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	return env
}

// newLogger is the text logger on stderr at the configured level.
func newLogger(env *Env, cfg config.Config) *slog.Logger {
	if env.Logger != nil {
		return env.Logger
	}
	return service.NewLogger(env.Stderr, cfg)
}
