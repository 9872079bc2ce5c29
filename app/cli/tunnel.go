package cli

import (
	"context"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/tunnel"
)

// runTunnel is `whoiscalling tunnel trust`: forget the localhost.run host
// key trusted before, so the next connection trusts the one it shows.
func runTunnel(_ context.Context, env *Env, args []string) error {
	i := subcommand(args, "trust")
	if i < 0 {
		return usagef("tunnel: use \"tunnel trust\" after localhost.run announced a new host key")
	}
	fs := newFlags(env, "tunnel trust")
	if err := fs.parseNone(append(args[:i:i], args[i+1:]...)); err != nil {
		return err
	}
	cfg, err := loadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	if err := tunnel.ForgetHostKey(cfg.DataDir, cfg.TunnelSSHHost); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Forgot the host key of %s: the next connection trusts the key it shows. Restart whoiscalling (or turn the tunnel off and on).\n", cfg.TunnelSSHHost)
	return nil
}
