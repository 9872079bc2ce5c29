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
	fs.StringVar(&fs.dataDir, "data-dir", "", "where the database and saved settings live")
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
