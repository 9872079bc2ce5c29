package cli

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/notify"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// Save merges values into the saved settings and applies them at once. A
// new listen address is tried before the old listener stops, so when the
// new port is in use the error says so, the old listener keeps serving
// and nothing is saved.
func (s *Service) Save(values map[string]string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	saved, err := config.ReadSettings(s.cfg.DataDir)
	if err != nil {
		return err
	}
	next := maps.Clone(saved)
	maps.Copy(next, values)
	cfg, err := s.loadWith(next)
	if err != nil {
		return err
	}
	if err := s.applyListen(cfg); err != nil {
		return err
	}
	if err := config.SaveSettings(cfg.DataDir, next); err != nil {
		return err
	}
	s.applyRest(cfg)
	return nil
}

// loadWith builds the configuration the app would have with these saved
// settings: the environment and .env still win.
func (s *Service) loadWith(saved map[string]string) (config.Config, error) {
	dot, err := s.env.DotEnv()
	if err != nil {
		return config.Config{}, fmt.Errorf("read .env: %w", err)
	}
	cfg, err := config.Load(config.Layer{Name: config.SourceEnv, Get: s.env.LookupEnv},
		config.MapLayer(config.SourceDotEnv, dot), config.MapLayer(config.SourceSettings, saved))
	cfg.DataDir = s.cfg.DataDir
	return cfg, err
}

func (s *Service) applyListen(cfg config.Config) error {
	if cfg.ListenAddr() == s.cfg.ListenAddr() && s.server != nil {
		return nil
	}
	srv, err := webhook.Listen(cfg.ListenAddr(), s, s.Logger)
	if err != nil {
		return err
	}
	old := s.server
	s.server, s.lastErr = srv, nil
	go srv.Serve()
	if old != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		old.Shutdown(ctx)
	}
	s.Logger.Info("listener moved", "addr", srv.Addr())
	return nil
}

func (s *Service) applyRest(cfg config.Config) {
	s.cfg = cfg
	s.handler.Store(s.newHandler(cfg))
	s.Tracker.SetPublicURL(cfg.PublicURL)
	if s.Ready() == nil {
		s.Book.SetRegion(cfg.DefaultRegion)
	}
	if s.notifier != nil {
		s.notifier.SetConfig(notify.FromConfig(cfg))
	}
}

// SendTestCall posts a test call to the running listener and describes
// the round trips in a sentence.
func (s *Service) SendTestCall(ctx context.Context) (string, error) {
	st := s.Status()
	if !st.Listening {
		return "", fmt.Errorf("the listener is not running: %v", st.Err)
	}
	results, err := SendTestCall(ctx, "http://"+localAddr(s.Current())+"/", s.secret, time.Now(), TestRing)
	if err != nil {
		return "", err
	}
	var took []string
	for _, r := range results {
		took = append(took, fmt.Sprintf("%s %s", r.Event, r.Took.Round(100*time.Microsecond)))
	}
	return "Test call delivered, each step answered 200 (" + strings.Join(took, ", ") + ").", nil
}
