package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/instance"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// runSipgate is `whoiscalling sipgate login|logout|status|webhook`.
func runSipgate(ctx context.Context, env *Env, args []string) error {
	i := subcommand(args, "login", "logout", "status", "webhook")
	if i < 0 {
		return usagef("sipgate: use login, logout, status [--json] or webhook [URL]")
	}
	rest := append(args[:i:i], args[i+1:]...)
	switch args[i] {
	case "login":
		return sipgateLogin(ctx, env, rest)
	case "logout":
		return sipgateLogout(env, rest)
	case "status":
		return sipgateStatus(ctx, env, rest)
	default:
		return sipgateWebhook(ctx, env, rest)
	}
}

func sipgateLogin(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "sipgate login")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, err := loadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	id, token := cfg.Sipgate.TokenID, cfg.Sipgate.Token
	if id == "" || token == "" {
		if id, token, err = askToken(env); err != nil {
			return err
		}
	}
	l, err := service.SipgateLogin(ctx, cfg, id, token, quietLogger(env, cfg))
	if err != nil {
		return err
	}
	where := "the OS keyring"
	if l.Place == service.InFile {
		where = cfg.DataDir + "/" + service.SecretsFile + " (mode 0600; no keyring answered)"
	}
	fmt.Fprintf(env.Stdout, "Connected to sipgate as %s. The token is stored in %s.\n", i18n.Clean(l.User.Sub), where)
	return nil
}

// askToken reads the token id and token: prompted on a terminal (the
// token without echo), else two lines from standard input.
func askToken(env *Env) (id, token string, err error) {
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(env.Stderr, "Token id (token-…): ")
		r := bufio.NewReader(f)
		id, _ = r.ReadString('\n')
		fmt.Fprint(env.Stderr, "Token: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return "", "", fmt.Errorf("read the token: %w", err)
		}
		return strings.TrimSpace(id), strings.TrimSpace(string(b)), nil
	}
	lines := bufio.NewScanner(io.LimitReader(env.Stdin, 4096))
	var got []string
	for lines.Scan() && len(got) < 2 {
		if l := strings.TrimSpace(lines.Text()); l != "" {
			got = append(got, l)
		}
	}
	if len(got) < 2 {
		return "", "", usagef("sipgate login needs a personal access token: set SIPGATE_TOKEN_ID and SIPGATE_TOKEN, run it on a terminal, or give the token id and the token on two lines of standard input")
	}
	return got[0], got[1], nil
}

func sipgateLogout(env *Env, args []string) error {
	fs := newFlags(env, "sipgate logout")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, err := loadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	if err := service.SipgateLogout(cfg); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Logged out: the stored sipgate token is removed.")
	return nil
}

// sipgateSession is a command's connection to sipgate.
func sipgateSession(env *Env, dataDir string) (config.Config, *sipgate.Client, error) {
	cfg, err := loadConfig(env, dataDir)
	if err != nil {
		return cfg, nil, err
	}
	c, err := service.SipgateClient(cfg, quietLogger(env, cfg))
	return cfg, c, err
}

func sipgateStatus(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "sipgate status")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, c, err := sipgateSession(env, fs.dataDir)
	if err != nil {
		return err
	}
	r, err := service.SipgateReport(ctx, c, cfg.PublicURL)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, r)
	}
	printReport(env.Stdout, r)
	return nil
}

func printReport(out io.Writer, r service.AccountReport) {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	who := r.UserID
	if r.UserName != "" {
		who += " (" + r.UserName + ")"
	}
	fmt.Fprintf(w, "Connected as\t%s\n", i18n.Clean(who))
	if r.Company != "" {
		fmt.Fprintf(w, "Account\t%s\n", i18n.Clean(r.Company))
	}
	if !r.Booked {
		fmt.Fprintf(w, "sipgate.io\tnot booked, or the token may not read the webhook settings\n")
	} else {
		fmt.Fprintf(w, "Incoming calls go to\t%s\n", orNone(r.IncomingURL))
		fmt.Fprintf(w, "Outgoing calls go to\t%s\n", orNone(r.OutgoingURL))
		here := "not set (WEBHOOK_SERVER_ADDRESS)"
		if r.PublicURL != "" {
			here = r.PublicURL
			if !r.PointsHere {
				here += " — sipgate does not send here: run \"whoiscalling sipgate webhook\""
			}
		}
		fmt.Fprintf(w, "This app's URL\t%s\n", here)
	}
	if r.Neo {
		fmt.Fprintf(w, "Note\tthis looks like a sipgate neo account: sipgate's history has no calls for it, so calls made while the app is off cannot be filled in\n")
	}
	w.Flush()
	fmt.Fprintln(out, "\nLast deliveries:")
	if len(r.Deliveries) == 0 {
		fmt.Fprintln(out, "  none logged (switch on the log in sipgate's webhook settings to see them)")
	}
	for _, d := range r.Deliveries {
		line := fmt.Sprintf("  %s  %d  %s", d.At, d.Status, i18n.Clean(d.URL))
		if d.Error != "" {
			line += "  " + i18n.Clean(d.Error)
		}
		fmt.Fprintln(out, line)
	}
	fmt.Fprintln(out, "\nWhat the token allows:")
	w = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, f := range r.Features {
		state := f.State
		if f.Error != "" {
			state += ": " + i18n.Clean(f.Error)
		}
		fmt.Fprintf(w, "  %s\t%s\t%s\n", f.Name, f.Scope, state)
	}
	w.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return i18n.Clean(s)
}

func sipgateWebhook(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "sipgate webhook")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("sipgate webhook takes one URL")
	}
	cfg, c, err := sipgateSession(env, fs.dataDir)
	if err != nil {
		return err
	}
	url := cfg.PublicURL
	if len(pos) == 1 {
		url = pos[0]
	}
	if url == "" {
		return usagef("sipgate webhook: give the URL (your tunnel's https:// URL), or set WEBHOOK_SERVER_ADDRESS")
	}
	if err := config.Check(config.KeyPublicURL, url); err != nil {
		return usagef("%q: use the full https:// URL of your tunnel", url)
	}
	s, err := c.SetWebhookURLs(ctx, url, url)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "sipgate now sends incoming and outgoing calls to %s (log %s; whitelist unchanged).\n", i18n.Clean(s.IncomingURL), onOff(s.Log))
	return nil
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// runCall is `whoiscalling call NUMBER [--device ID]`.
func runCall(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "call")
	device := fs.String("device", "", "the device sipgate rings first, such as e0 (default: SIPGATE_DEVICE, else your default device)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("call: give the number to call, such as \"whoiscalling call 030 1234567\"")
	}
	cfg, c, err := sipgateSession(env, fs.dataDir)
	if err != nil {
		return err
	}
	if *device == "" {
		*device = cfg.Sipgate.Device
	}
	cb, err := service.CallThroughSipgate(ctx, c, *device, strings.Join(pos, " "), "", cfg.DefaultRegion)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cb.Sentence)
	return nil
}

// contactsSyncSipgate is `whoiscalling contacts sync sipgate`.
func contactsSyncSipgate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "contacts sync sipgate")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, c, err := sipgateSession(env, fs.dataDir)
	if err != nil {
		return err
	}
	bs, err := openBookWith(env, cfg)
	if err != nil {
		return err
	}
	defer bs.Close()
	r, err := service.SyncSipgateContacts(ctx, c, bs.book)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Synced sipgate's contacts: %d added, %d updated, %d removed, %d unchanged.\n", r.Imported, r.Updated, r.Removed, r.Unchanged)
	printProblems(env.Stdout, r, "contact")
	return nil
}

// callsSync is `whoiscalling calls sync`.
func callsSync(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "calls sync")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, c, err := sipgateSession(env, fs.dataDir)
	if err != nil {
		return err
	}
	inst, err := instance.Hold(cfg.DataDir)
	if err != nil {
		return err
	}
	if inst == nil {
		return errors.New("whoiscalling runs with this data dir and syncs sipgate's history itself (at start and every SIPGATE_SYNC_INTERVAL): stop it to run calls sync by hand")
	}
	defer inst.Close()
	svc, err := service.Open(service.Options{Config: cfg, Env: env.serviceEnv(), Logger: quietLogger(env, cfg)})
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Ready(); err != nil {
		return err
	}
	h, err := service.SyncSipgateHistory(ctx, c, svc.Tracker)
	if err != nil {
		return err
	}
	since := "all of sipgate's history"
	if !h.Since.IsZero() {
		since = "sipgate's history since " + h.Since.Local().Format("2006-01-02 15:04")
	}
	fmt.Fprintf(env.Stdout, "Synced %s: %d calls read, %d added (%d missed), %d completed.\n",
		since, h.Read, len(h.Added), len(h.Missed()), h.Updated)
	return nil
}
