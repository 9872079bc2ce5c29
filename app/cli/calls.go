package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/store"
)

var statuses = []calls.Status{calls.StatusRinging, calls.StatusActive, calls.StatusAnswered, calls.StatusVoicemail,
	calls.StatusMissed, calls.StatusRejected, calls.StatusNotReached, calls.StatusUnknown}

func runCalls(ctx context.Context, env *Env, args []string) error {
	if i := subcommand(args, "export"); i >= 0 {
		return callsExport(ctx, env, append(args[:i:i], args[i+1:]...))
	}
	if i := subcommand(args, "sync"); i >= 0 {
		return callsSync(ctx, env, append(args[:i:i], args[i+1:]...))
	}
	fs := newFlags(env, "calls")
	asJSON := fs.Bool("json", false, "print the calls as JSON (fields in the README)")
	limit := fs.Int("limit", 20, "how many calls")
	status := fs.String("status", "", "only calls with this status: "+statusList())
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return usagef("--limit %d: use a number of at least 1", *limit)
	}
	if *status != "" && !validStatus(*status) {
		return usagef("--status %q: use one of %s", *status, statusList())
	}
	h, region, closeFn, err := openHistory(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer closeFn()
	list, err := h.Recent(ctx, calls.Query{Limit: *limit, Status: calls.Status(*status), Search: strings.Join(pos, " ")})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, list)
	}
	return printCalls(env.Stdout, list, region, strings.Join(pos, " "))
}

func statusList() string {
	s := make([]string, len(statuses))
	for i, st := range statuses {
		s[i] = string(st)
	}
	return strings.Join(s, ", ")
}

func validStatus(s string) bool {
	for _, st := range statuses {
		if string(st) == s {
			return true
		}
	}
	return false
}

// openHistory opens the call history read-only for a one-shot command;
// it returns the default region for display and a close function.
func openHistory(env *Env, dataDirFlag string) (*calls.History, string, func(), error) {
	cfg, err := loadConfig(env, dataDirFlag)
	if err != nil {
		return nil, "", nil, err
	}
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return nil, "", nil, err
	}
	h, err := calls.OpenHistory(st)
	if err != nil {
		st.Close()
		return nil, "", nil, fmt.Errorf("open the call history: %w", err)
	}
	return h, cfg.DefaultRegion, func() { st.Close() }, nil
}

func printCalls(w io.Writer, list []calls.Call, region, search string) error {
	if len(list) == 0 {
		msg := "No calls yet. Run \"whoiscalling test-call\" to see one arrive."
		if search != "" {
			msg = fmt.Sprintf("No calls match %q.", i18n.Clean(search))
		}
		_, err := fmt.Fprintln(w, msg)
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWHEN\tDIR\tSTATUS\tCALLER\tCOMPANY\tDURATION\tANSWERED BY")
	for _, c := range list {
		p := i18n.PartyOf(c, region)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.StartedAt.Local().Format("2006-01-02 15:04"), c.Direction,
			c.Status, p.Title(), p.Company, durationText(c), i18n.Clean(c.AnsweredBy))
	}
	return tw.Flush()
}

// durationText is the call's duration, or nothing for a call nobody took.
func durationText(c calls.Call) string {
	if c.DurationSeconds <= 0 {
		return ""
	}
	return i18n.Duration(c.DurationSeconds)
}

func callsExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "calls export")
	format := fs.String("format", "csv", "csv or json")
	if _, err := fs.parse(args); err != nil {
		return err
	}
	if *format != "csv" && *format != "json" {
		return usagef("--format %q: use csv or json", *format)
	}
	h, _, closeFn, err := openHistory(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer closeFn()
	if *format == "json" {
		return exportJSON(ctx, env.Stdout, h)
	}
	return exportCSV(ctx, env.Stdout, h)
}

func exportJSON(ctx context.Context, w io.Writer, h *calls.History) error {
	var all []calls.Call
	if err := h.Export(ctx, func(c calls.Call) error { all = append(all, c); return nil }); err != nil {
		return err
	}
	if all == nil {
		all = []calls.Call{}
	}
	return writeJSON(w, all)
}

var csvHeader = []string{"id", "direction", "from", "to", "contact", "company", "users", "answered_by", "status", "cause", "started_at", "answered_at", "ended_at", "duration_seconds", "legs"}

func exportCSV(ctx context.Context, w io.Writer, h *calls.History) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	err := h.Export(ctx, func(c calls.Call) error {
		row := []string{strconv.FormatInt(c.ID, 10), string(c.Direction), c.From, c.To, c.Contact, c.Company,
			strings.Join(c.Users, "; "), c.AnsweredBy, string(c.Status), c.Cause, rfc3339(&c.StartedAt),
			rfc3339(c.AnsweredAt), rfc3339(c.EndedAt), strconv.Itoa(c.DurationSeconds), strconv.Itoa(len(c.Legs))}
		for i := range row {
			row[i] = contacts.SafeCSVCell(row[i])
		}
		return cw.Write(row)
	})
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}

func rfc3339(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
