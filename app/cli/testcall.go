package cli

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/service"
)

func runTestCall(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "test-call")
	target := fs.String("url", "", "send to this URL (your public tunnel URL) instead of the local listener")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, err := loadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	u := *target
	if u == "" {
		u = "http://" + service.LocalAddr(cfg) + "/"
	} else if err := config.Check(config.KeyPublicURL, u); err != nil {
		return usagef("--url %q: use the full https:// URL of your tunnel", u)
	}
	secret, err := service.ReadTestCallKey(cfg.DataDir)
	if err != nil {
		return err
	}
	results, err := service.SendTestCall(ctx, u, secret, time.Now(), service.TestRing)
	for _, r := range results {
		fmt.Fprintf(env.Stdout, "%-8s → %d %s in %s%s\n", r.Event, r.Status, http.StatusText(r.Status), r.Took.Round(100*time.Microsecond), r.Note)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Test call delivered to %s: a call from +44 20 7946 0123 is in the recent calls as answered by %q.\n", u, service.TestUser)
	return nil
}
