package service

import "context"

// startCardDAV starts this connection when it is configured.
func (s *Service) startCardDAV(ctx context.Context) {}
