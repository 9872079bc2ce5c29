package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/service"
)

// command is one subcommand.
type command struct {
	name    string
	args    string
	summary string
	example string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands lists every subcommand in the order `help` shows them. It is
// filled in init to let `help` refer to it.
var commands []command

func init() {
	commands = []command{
		{"serve", "", "run without a GUI: webhook listener, call tracking and notifications; Ctrl-C stops it", "whoiscalling serve --data-dir /srv/whoiscalling", runServe},
		{"calls", "[--json] [--limit N] [--status S] | export --format csv|json | sync", "recent calls, newest first, or the whole history", "whoiscalling calls --status missed --limit 20", runCalls},
		{"contacts", "list [--json] | add --name N --number NUM … | remove ID | import FILE | export --format vcf|csv|fritzbox | sync sipgate|carddav", "the contact book callers are looked up in", "whoiscalling contacts add --name \"Lisbeth Salander\" --company \"Milton Security\" --number \"+46 8 123 456 78\"", runContacts},
		{"lookup", "NUMBER [--json]", "who a number resolves to and why, or its region and line type", "whoiscalling lookup 02111234567 --json", runLookup},
		{"test-call", "[--url URL]", "send a sample newCall → answer → hangup to the listener (or your public URL) and report each round trip", "whoiscalling test-call --url https://example.lhr.life/", runTestCall},
		{"sipgate", "login|logout|status [--json]|webhook [URL]", "connect your sipgate account: token, webhook URLs, the last deliveries", "whoiscalling sipgate status --json", runSipgate},
		{"call", "NUMBER [--device ID]", "call a number through sipgate: your phone rings, then sipgate dials", "whoiscalling call 030 1234567", runCall},
		{"tunnel", "trust", "trust the new host key localhost.run announced (after \"tunnel stopped: … new key\")", "whoiscalling tunnel trust", runTunnel},
		{"team", "status [--json]", "team mode on NATS: servers, connection, receivers online, this desk's lag", "whoiscalling team status --json", runTeam},
		{"autostart", "on|off", "start the tray app at login (XDG autostart entry, LaunchAgent, or Windows Run entry)", "whoiscalling autostart on", runAutostart},
		{"help", "[COMMAND]", "the list of commands, or one command's help", "whoiscalling help lookup", runHelp},
		{"version", "", "print the version", "whoiscalling --version", runVersion},
	}
}

func lookup(name string) (command, bool) {
	switch name {
	case "--version", "-version", "-v":
		name = "version"
	case "--help", "-help", "-h":
		name = "help"
	}
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func runHelp(_ context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		c, ok := lookup(args[0])
		if !ok {
			return usagef("unknown command %q; run \"whoiscalling help\" for the list", args[0])
		}
		printCommandHelp(env, c, nil)
		return nil
	}
	w := env.Stdout
	fmt.Fprintf(w, "whoiscalling %s — who is calling, for sipgate.io\n\nUsage:\n  whoiscalling                 the tray app\n", env.Version)
	for _, c := range commands {
		fmt.Fprintf(w, "  whoiscalling %-15s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nEvery command takes --data-dir DIR (default: %s).\nRun \"whoiscalling help COMMAND\" or \"whoiscalling COMMAND --help\" for details.\n", service.DefaultDataDirText(env.serviceEnv()))
	return nil
}

func runVersion(_ context.Context, env *Env, _ []string) error {
	fmt.Fprintf(env.Stdout, "whoiscalling %s\n", env.Version)
	return nil
}

func printCommandHelp(env *Env, c command, flags func()) {
	w := env.Stdout
	fmt.Fprintf(w, "whoiscalling %s %s\n\n  %s\n\nExample:\n  %s\n", c.name, c.args, capitalize(c.summary), c.example)
	if flags != nil {
		fmt.Fprintln(w, "\nFlags:")
		flags()
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
