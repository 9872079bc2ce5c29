package service

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// Save merges values into the saved settings and applies them at once. A
// new listen address is tried before the old listener stops, so when the
// new port is in use the error says so, the old listener keeps serving
// and nothing is saved. The configuration consumers run after a save.
func (s *Service) Save(values map[string]string) error {
	cfg, err := s.save(values)
	if err != nil {
		return err
	}
	s.configChanged(cfg)
	return nil
}

func (s *Service) save(values map[string]string) (config.Config, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	saved, err := config.ReadSettings(s.cfg.DataDir)
	if err != nil {
		return config.Config{}, err
	}
	next := maps.Clone(saved)
	maps.Copy(next, values)
	cfg, err := s.loadWith(next)
	if err != nil {
		return config.Config{}, err
	}
	if err := s.applyListen(cfg); err != nil {
		return config.Config{}, err
	}
	if err := config.SaveSettings(cfg.DataDir, next); err != nil {
		return config.Config{}, err
	}
	s.applyRest(cfg)
	return cfg, nil
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
	if cfg.ListenAddr() == s.cfg.ListenAddr() && s.listener.server != nil {
		return nil
	}
	srv, err := webhook.Listen(cfg.ListenAddr(), s, s.Logger)
	if err != nil {
		return err
	}
	old := s.listener.server
	s.listener.server, s.listener.lastErr = srv, nil
	go s.serve(srv)
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
	s.listener.handler.Store(s.newHandler(cfg))
	s.Tracker.SetPublicURL(cfg.PublicURL)
	if s.Ready() == nil {
		s.Book.SetRegion(cfg.DefaultRegion)
	}
}
