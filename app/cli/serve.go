package cli

import (
	"context"
)

// runServe runs the listener, the tracker and the notifier with no GUI
// until ctx ends (main.go cancels it on SIGINT and SIGTERM).
func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments, got %q", pos[0])
	}
	cfg, err := LoadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	logger := newLogger(env, cfg)
	svc, err := OpenService(env, cfg, logger)
	if err != nil {
		return err
	}
	if err := svc.Listen(); err != nil {
		svc.Close()
		return err
	}
	if err := svc.Ready(); err != nil {
		svc.Close()
		return err
	}
	stopNotify := StartNotifier(svc, *env)
	<-ctx.Done()
	logger.Info("stopping")
	stopNotify()
	return svc.Close()
}
