package cli

import "context"

// runTeam is `whoiscalling team status [--json]`.
func runTeam(ctx context.Context, env *Env, args []string) error { return nil }
