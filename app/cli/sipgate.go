package cli

import "context"

func runSipgate(ctx context.Context, env *Env, args []string) error { return nil }

func runCall(ctx context.Context, env *Env, args []string) error { return nil }

func contactsSyncSipgate(ctx context.Context, env *Env, args []string) error { return nil }

func callsSync(ctx context.Context, env *Env, args []string) error { return nil }
