package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/team"
)

// runTeam is `whoiscalling team status [--json]`: it connects to the
// team's NATS beside the running app and reports the servers, the
// connection, the receivers online and this desk's lag.
func runTeam(ctx context.Context, env *Env, args []string) error {
	i := subcommand(args, "status")
	if i < 0 {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			c, _ := lookup("team")
			printCommandHelp(env, c, nil)
			return errHelpShown
		}
		return usagef("team needs a subcommand: status [--json]; run \"whoiscalling help team\"")
	}
	fs := newFlags(env, "team status")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	if err := fs.parseNone(append(args[:i:i], args[i+1:]...)); err != nil {
		return err
	}
	cfg, err := loadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	tc, on, err := service.TeamConfig(cfg)
	switch {
	case err != nil:
		return err
	case !on:
		return usagef("team mode is off: set NATS_URL (the team's NATS servers) or NATS_LISTEN (run one in this app); see the README, \"Team mode\"")
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	st, err := team.Inspect(ctx, tc, cfg.DataDir)
	if *asJSON && st.Team != "" {
		if jerr := writeJSON(env.Stdout, st); jerr != nil {
			return jerr
		}
	} else if st.Team != "" {
		printTeam(env.Stdout, st, time.Now())
	}
	return err
}

func printTeam(w io.Writer, st team.Status, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	desk := st.Instance
	if desk == "" {
		desk = "(has not joined yet: start whoiscalling with team mode on)"
	}
	fmt.Fprintf(tw, "Team:\t%s\nThis desk:\t%s\nServers:\t%s\n", st.Team, desk, strings.Join(st.Servers, ", "))
	if st.State == team.Connected {
		fmt.Fprintf(tw, "Connection:\tconnected to %s\n", st.Server)
	} else {
		fmt.Fprintf(tw, "Connection:\t%s\n", st.State)
	}
	fmt.Fprintf(tw, "Receivers:\t%s\n", receiversText(st, now))
	fmt.Fprintf(tw, "Lag:\t%d call states not merged yet by this desk\n", st.Lag)
	fmt.Fprintf(tw, "Outbox:\t%d call states waiting to be published\n", st.Outbox)
	tw.Flush()
}

func receiversText(st team.Status, now time.Time) string {
	if st.State != team.Connected {
		return "unknown while NATS cannot be reached"
	}
	if len(st.Receivers) == 0 {
		if st.NoReceiverSince != nil {
			return "none online since " + st.NoReceiverSince.Local().Format("2006-01-02 15:04")
		}
		return "none online (no desk has received a webhook in team mode yet)"
	}
	var parts []string
	for _, r := range st.Receivers {
		last := "no webhook since it started"
		if r.LastWebhook != nil {
			last = "last webhook " + ago(now.Sub(*r.LastWebhook)) + " ago"
		}
		parts = append(parts, fmt.Sprintf("%s (%s) online, %s", r.Host, r.Instance, last))
	}
	return strings.Join(parts, "; ")
}

// ago is a duration in the largest whole unit: 5 s, 3 min, 2 h, 4 d.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(max(d, 0)/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d/time.Hour))
	}
	return fmt.Sprintf("%d d", int(d/(24*time.Hour)))
}
