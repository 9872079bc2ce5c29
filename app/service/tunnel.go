package service

import "context"

// startTunnel starts this connection when it is configured.
func (s *Service) startTunnel(ctx context.Context) {}
