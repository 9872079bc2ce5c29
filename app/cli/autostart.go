package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/whoiscalling/whoiscalling/app/autostart"
)

// LoginEntry is the start-at-login entry that starts this executable's
// tray app (with dataDir, when one was given).
func LoginEntry(env *Env, dataDir string) (*autostart.Autostart, error) {
	exe, err := env.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot find this program's path: %w", err)
	}
	var args []string
	if dataDir != "" {
		abs, err := filepath.Abs(dataDir)
		if err != nil {
			return nil, err
		}
		args = []string{"--data-dir", abs}
	}
	return autostart.New(autostart.Entry{Name: "whoiscalling", Comment: "See who is calling on your sipgate phone",
		Exec: exe, Args: args, Icon: autostart.ID})
}

func runAutostart(_ context.Context, env *Env, args []string) error {
	fs := newFlags(env, "autostart")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (pos[0] != "on" && pos[0] != "off") {
		return usagef("autostart needs on or off, e.g. whoiscalling autostart on")
	}
	entry, err := LoginEntry(env, fs.dataDir)
	if err != nil {
		return err
	}
	if pos[0] == "on" {
		err = entry.Enable()
	} else {
		err = entry.Disable()
	}
	if err != nil {
		return err
	}
	on, err := entry.Enabled()
	if err != nil {
		return err
	}
	if on {
		fmt.Fprintf(env.Stdout, "whoiscalling starts at login (%s).\n", entry.Path())
	} else {
		fmt.Fprintln(env.Stdout, "whoiscalling no longer starts at login.")
	}
	return nil
}
