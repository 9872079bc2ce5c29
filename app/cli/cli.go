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
	"strings"
)

// Env is what a command may use of the process. main.go fills it in.
type Env struct {
	Stdout, Stderr io.Writer
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
	args = commandFirst(args)
	if len(args) == 0 {
		args = []string{"help"}
	}
	cmd, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(env.Stderr, "whoiscalling: unknown command %q. Run \"whoiscalling help\" for the list of commands.\n", args[0])
		return ExitUsage
	}
	err := cmd.run(ctx, &env, args[1:])
	return report(env.Stderr, err)
}

// commandFirst moves a leading --data-dir behind the command name, so
// `whoiscalling --data-dir D serve` works like `whoiscalling serve --data-dir D`.
func commandFirst(args []string) []string {
	n := 0
	switch {
	case len(args) >= 3 && (args[0] == "--data-dir" || args[0] == "-data-dir"):
		n = 2
	case len(args) >= 2 && (strings.HasPrefix(args[0], "--data-dir=") || strings.HasPrefix(args[0], "-data-dir=")):
		n = 1
	default:
		return args
	}
	out := append([]string{args[n]}, args[:n]...)
	return append(out, args[n+1:]...)
}

func report(w io.Writer, err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return ExitOK
	case errors.As(err, &ue) || isConfigError(err):
		fmt.Fprintf(w, "whoiscalling: %s\n", oneLine(err))
		return ExitUsage
	default:
		fmt.Fprintf(w, "whoiscalling: %s\n", oneLine(err))
		return ExitError
	}
}

// oneLine joins the lines of a joined error with "; ".
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "\nwhoiscalling: ")
}
