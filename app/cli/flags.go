package cli

import (
	"errors"
	"flag"
	"io"
	"strings"
)

// errHelpShown ends a command after it printed its --help.
var errHelpShown = errors.New("help shown")

// flagSet is a flag.FlagSet that accepts flags before or after the
// positional arguments (people type `whoiscalling lookup 0211… --json`)
// and always has --data-dir.
type flagSet struct {
	*flag.FlagSet
	env     *Env
	cmd     string
	dataDir string
}

func newFlags(env *Env, cmd string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(cmd, flag.ContinueOnError), env: env, cmd: cmd}
	fs.SetOutput(io.Discard)
	fs.StringVar(&fs.dataDir, "data-dir", env.dataDir, "where the database and saved settings live")
	return fs
}

// parse parses args and returns the positional arguments. --help prints
// the command's help and returns errHelpShown.
func (fs *flagSet) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.showHelp()
				return nil, errHelpShown
			}
			return nil, usagef("%s: %v; run \"whoiscalling %s --help\"", fs.cmd, err, strings.Fields(fs.cmd)[0])
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNone parses args for a command that takes no arguments besides
// its flags.
func (fs *flagSet) parseNone(args []string) error {
	pos, err := fs.parse(args)
	if err == nil && len(pos) > 0 {
		err = usagef("%s takes no arguments, got %q; run \"whoiscalling %s --help\"", fs.cmd, pos[0], strings.Fields(fs.cmd)[0])
	}
	return err
}

func (fs *flagSet) showHelp() {
	c, _ := lookup(strings.Fields(fs.cmd)[0])
	printCommandHelp(fs.env, c, func() {
		fs.SetOutput(fs.env.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	})
}

// multi is a repeatable string flag (--number a --number b).
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ", ") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// subcommand is the index of the first argument that is one of names and
// is not the value of a flag before it, or -1. It lets a global flag or a
// flag typed first (`contacts --json list`) stand before a subcommand.
func subcommand(args []string, names ...string) int {
	for i, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		if i > 0 && takesValue(args[i-1]) {
			continue
		}
		for _, n := range names {
			if a == n {
				return i
			}
		}
		return -1
	}
	return -1
}

// takesValue reports whether flag a is one that takes the next argument
// as its value.
func takesValue(a string) bool {
	if strings.Contains(a, "=") {
		return false
	}
	switch strings.TrimLeft(a, "-") {
	case "json", "vip", "blocked", "help", "h":
		return false
	}
	return true
}
