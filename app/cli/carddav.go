package cli

import "context"

// contactsSyncCardDAV is `whoiscalling contacts sync carddav`.
func contactsSyncCardDAV(ctx context.Context, env *Env, args []string) error { return nil }
