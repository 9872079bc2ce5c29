package service

import "context"

// startAccount starts this connection when it is configured.
func (s *Service) startAccount(ctx context.Context) {}
