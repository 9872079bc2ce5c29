package cli

import (
	"context"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/instance"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// runServe runs the service with no GUI until ctx ends (main.go cancels it
// on SIGINT and SIGTERM). It holds the data dir's lock, as the tray app
// does, so two processes never share one history.
func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, err := loadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	logger := newLogger(env, cfg)
	inst, err := instance.Hold(cfg.DataDir)
	if err != nil {
		return err
	}
	if inst == nil {
		return fmt.Errorf("another whoiscalling (the tray app or serve) already runs with the data dir %s: stop it first, or give this one its own --data-dir", cfg.DataDir)
	}
	defer inst.Close()
	svc, err := service.Open(service.Options{Config: cfg, Env: env.serviceEnv(), Logger: logger, Popups: true, RequireListener: true})
	if err != nil {
		return err
	}
	if err := svc.Run(ctx); err != nil {
		svc.Close()
		return err
	}
	// Without a GUI to show it, a team mode that cannot start (a bad NATS
	// value: exit 2; a taken NATS_LISTEN port: 1) stops serve.
	if err := svc.TeamError(); err != nil {
		svc.Close()
		return err
	}
	<-ctx.Done()
	logger.Info("stopping")
	return svc.Close()
}
