package service

import "context"

// startTeam starts this connection when it is configured.
func (s *Service) startTeam(ctx context.Context) {}
