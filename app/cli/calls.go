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
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/store"
)

var statuses = []calls.Status{calls.StatusRinging, calls.StatusActive, calls.StatusAnswered, calls.StatusVoicemail,
	calls.StatusMissed, calls.StatusRejected, calls.StatusNotReached, calls.StatusUnknown}

func runCalls(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 && args[0] == "export" {
		return callsExport(ctx, env, args[1:])
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
	return printCalls(env.Stdout, list, region, time.Now())
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
	cfg, err := LoadConfig(env, dataDirFlag)
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

func printCalls(w io.Writer, list []calls.Call, region string, now time.Time) error {
	if len(list) == 0 {
		_, err := fmt.Fprintln(w, "No calls yet. Run \"whoiscalling test-call\" to see one arrive.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWHEN\tDIR\tSTATUS\tCALLER\tCOMPANY\tDURATION\tANSWERED BY")
	for _, c := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.StartedAt.Local().Format("2006-01-02 15:04"), c.Direction,
			c.Status, partyName(c, region), c.Company, durationText(c.DurationSeconds), c.AnsweredBy)
	}
	return tw.Flush()
}

// partyName is the other party: the contact's name, else the number in
// display form.
func partyName(c calls.Call, region string) string {
	if c.Contact != "" {
		return c.Contact
	}
	n := c.Party()
	if n == "anonymous" {
		return "Anonymous"
	}
	return phone.Display(n, region)
}

func durationText(s int) string {
	if s <= 0 {
		return ""
	}
	return (time.Duration(s) * time.Second).String()
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
		return cw.Write([]string{strconv.FormatInt(c.ID, 10), c.Direction, c.From, c.To, c.Contact, c.Company,
			strings.Join(c.Users, "; "), c.AnsweredBy, string(c.Status), c.Cause, rfc3339(&c.StartedAt),
			rfc3339(c.AnsweredAt), rfc3339(c.EndedAt), strconv.Itoa(c.DurationSeconds), strconv.Itoa(len(c.Legs))})
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
