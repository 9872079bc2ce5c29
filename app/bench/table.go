package bench

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// The goals of the performance issue.
const (
	GoalRatio       = 0.8   // serve's req/s over the bare handler's, at least
	GoalP99Ms       = 5.0   // p99 at a steady 1,000 req/s, under
	GoalNotifyP99Ms = 50.0  // webhook → Notify p99, under
	GoalStartMs     = 300.0 // start-up to listening, under
	GoalRSSOverMiB  = 25.0  // over an empty Fyne tray app, at most
	GoalFanOutMs    = 50.0  // webhook → 50 desks, p99 under
	GoalWindowMs    = 100.0 // recent-calls window to first frame, under
	GoalSoakGrowth  = 0.10  // RSS growth from a sixth of a soak to its end, at most
)

type row struct{ measure, result, goal, met string }

// Table writes the results as one markdown table and the machine line.
func (r Results) Table(w io.Writer) {
	var rows []row
	rows = append(rows, r.loadRows()...)
	rows = append(rows, r.notifyRow())
	rows = append(rows, r.hotPathRows()...)
	rows = append(rows, r.lookupRows()...)
	rows = append(rows, r.startRows()...)
	rows = append(rows, r.memoryRows()...)
	rows = append(rows, r.soakRows()...)
	rows = append(rows, r.windowRows()...)
	rows = append(rows, r.teamRows()...)
	fmt.Fprintln(w, "| measure | result | goal | met? |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, x := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", x.measure, x.result, x.goal, x.met)
	}
	fmt.Fprintln(w)
	if s := r.Seed; s != nil {
		fmt.Fprintf(w, "Data: %s contacts imported from a generated vCard file in %.1f s; %s calls posted through the tracker "+
			"(newCall → answer → hangup, every 5th missed) in %.1f s.\n", thousands(s.Contacts), s.ContactsSecond, thousands(s.Calls), s.CallsSecond)
	}
	m := r.Machine
	load := ""
	if m.Load != "" {
		load = ", load average " + m.Load + " before the run"
	}
	fmt.Fprintf(w, "Machine: %d CPUs (nproc), %s, %s%s. Command: `make bench` (runs `./.ci/bench`).\n", m.CPUs, m.Model, m.Go, load)
}

func (r Results) data() string {
	if r.Seed == nil {
		return "seeded data"
	}
	return fmt.Sprintf("%s contacts, %s calls", thousands(r.Seed.Contacts), thousands(r.Seed.Calls))
}

func (r Results) loadRows() []row {
	var rows []row
	if b, s := r.LoadBare, r.LoadServe; b != nil && s != nil {
		head := fmt.Sprintf("Webhook load, closed loop, %d connections, %.0f s", s.Concurrency, s.Seconds)
		rows = append(rows,
			row{head + ": bare net/http handler", loadText(b), "—", "—"},
			row{head + ": `whoiscalling serve` (" + r.data() + ", signature check off)", loadText(s), "—", "—"})
		ratio := s.RPS / b.RPS
		rows = append(rows, row{"Throughput ratio serve / bare", fmt.Sprintf("%.2f", ratio) + r.roundsText(serveOf), fmt.Sprintf("≥ %.1f", GoalRatio),
			met(ratio >= GoalRatio, fmt.Sprintf("%.2f short (%.0f %% of the goal)", GoalRatio-ratio, 100*ratio/GoalRatio))})
	}
	if b := r.RateBare; b != nil {
		rows = append(rows, row{fmt.Sprintf("Webhook load, open loop %s req/s, %.0f s: bare net/http handler", thousands(int(b.Rate)), b.Seconds), rateText(b), "—", "—"})
	}
	if s := r.RateServe; s != nil {
		ok := s.Latency.P99 < GoalP99Ms && s.Errors == 0
		rows = append(rows, row{fmt.Sprintf("Webhook load, open loop %s req/s, %.0f s: `whoiscalling serve`", thousands(int(s.Rate)), s.Seconds),
			rateText(s), fmt.Sprintf("p99 < %.0f ms", GoalP99Ms), met(ok, over(s.Latency.P99, GoalP99Ms, "ms")+errText(s.Errors))})
	}
	return rows
}

func serveOf(x LoadRound) *LoadResult { return x.Serve }
func teamOf(x LoadRound) *LoadResult  { return x.Team }

// roundsText names the rounds a median ratio comes from: " (median of
// 3 rounds, each with its own bare run: 0.74, 0.81, 0.79)"; nothing for
// one round.
func (r Results) roundsText(of func(LoadRound) *LoadResult) string {
	if len(r.Rounds) < 2 {
		return ""
	}
	var each []string
	for _, x := range r.Rounds {
		each = append(each, fmt.Sprintf("%.2f", roundRatio(x, of)))
	}
	return fmt.Sprintf(" (median of %d rounds, each with its own bare run: %s)", len(r.Rounds), strings.Join(each, ", "))
}

func loadText(l *LoadResult) string {
	return fmt.Sprintf("%s req/s · p50 %s · p99 %s · %s errors%s", thousands(int(l.RPS)), msText(l.Latency.P50), msText(l.Latency.P99), thousands(l.Errors), cpuText(l))
}

func cpuText(l *LoadResult) string {
	if l.ServerCPUus <= 0 {
		return ""
	}
	return fmt.Sprintf(" · listener CPU %s µs/req", trim(l.ServerCPUus))
}

func rateText(l *LoadResult) string {
	return fmt.Sprintf("p50 %s · p99 %s · max %s · %s req/s achieved · %s errors%s", msText(l.Latency.P50), msText(l.Latency.P99),
		msText(l.Latency.Max), thousands(int(l.RPS)), thousands(l.Errors), cpuText(l))
}

func (r Results) notifyRow() row {
	n := r.Notify
	measure := "Webhook → Notify at a D-Bus notification server (POST sent → Notify arrived)"
	if n == nil {
		return row{measure, "not run", fmt.Sprintf("p99 < %.0f ms", GoalNotifyP99Ms), "—"}
	}
	ok := n.Latency.P99 < GoalNotifyP99Ms && n.Missing == 0
	return row{measure + fmt.Sprintf(", %s calls", thousands(n.Calls)),
		fmt.Sprintf("p50 %s · p99 %s · max %s · %d/%d arrived", msText(n.Latency.P50), msText(n.Latency.P99), msText(n.Latency.Max), n.Arrived, n.Calls),
		fmt.Sprintf("p99 < %.0f ms", GoalNotifyP99Ms), met(ok, over(n.Latency.P99, GoalNotifyP99Ms, "ms")+missText(n.Missing))}
}

func (r Results) lookupRows() []row {
	var rows []row
	var lookups, lists []string
	allIn := len(r.Contacts) > 0
	for _, b := range r.Contacts {
		switch {
		case strings.HasPrefix(b.Name, "Lookup"):
			lookups = append(lookups, fmt.Sprintf("%s %.0f ns, %d allocs", strings.ToLower(strings.TrimPrefix(b.Name, "Lookup")), b.NsPerOp, b.AllocsPerOp))
			allIn = allIn && b.NsPerOp < 1000
		case strings.HasPrefix(b.Name, "OpenBook"):
			rows = append(rows, row{"The contact book in memory, 100,000 contacts (`BenchmarkOpenBook100k`: opened from contacts.db)",
				fmt.Sprintf("%.1f MiB live heap · opened in %s", b.Metrics["live-MiB"], msText(b.NsPerOp/1e6)), "—", "—"})
		case strings.HasPrefix(b.Name, "List100k/"):
			lists = append(lists, fmt.Sprintf("%s %s", strings.TrimPrefix(b.Name, "List100k/"), msText(b.NsPerOp/1e6)))
		case b.Name == "Import100k":
			rows = append(rows, row{"Import of 100,000 vCards into an empty book (`go test -bench Import ./app/contacts`)",
				fmt.Sprintf("%.1f s · %s MB allocated · %s allocs", b.NsPerOp/1e9, thousands(int(b.BytesPerOp>>20)), thousands(int(b.AllocsPerOp))), "—", "—"})
		}
	}
	if len(lists) > 0 {
		rows = append(rows, row{"Searching the contacts (the search box: `BenchmarkList100k`, 100,000 contacts)", strings.Join(lists, "; "), "—", "—"})
	}
	if len(lookups) == 0 {
		return append([]row{{"Lookup at 100,000 contacts", "not run", "in memory", "—"}}, rows...)
	}
	return append([]row{{"Lookup at 100,000 contacts, per op (`go test -bench Lookup ./app/contacts`; coldhit: 10,000 callers in turn, each contact built from its packed record)",
		strings.Join(lookups, "; "), "no SQL (sub-µs)", met(allIn, "a lookup over 1 µs")}}, rows...)
}

func (r Results) hotPathRows() []row {
	names := map[string]string{
		"HandlerNewCall/unsigned": "handler with a stub responder", "RespondNewCall": "Respond one at a time",
		"RespondNewCallParallel": "Respond 16 at once (group commit)",
	}
	var parts []string
	for _, b := range r.HotPath {
		if n, ok := names[b.Name]; ok {
			parts = append(parts, fmt.Sprintf("%s %s µs, %d allocs", n, trim(b.NsPerOp/1e3), b.AllocsPerOp))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return []row{{"Webhook hot path per newCall (`go test -bench` in webhook and app/calls; Respond includes its commit)", strings.Join(parts, "; "), "—", "—"}}
}

func (r Results) startRows() []row {
	var rows []row
	for _, b := range r.Open {
		rows = append(rows, row{"Opening the service in process: store, book, calls, listen (`BenchmarkOpenService`, " + r.data() + ")",
			fmt.Sprintf("%s · %s allocs (%s MiB) · %.1f MiB live heap after", msText(b.NsPerOp/1e6), thousands(int(b.AllocsPerOp)),
				thousands(int(b.BytesPerOp>>20)), b.Metrics["live-MiB"]), "—", "—"})
	}
	if s := r.StartSeeded; s != nil {
		rows = append(rows, row{fmt.Sprintf("Start-up of `serve` to listening, %s (p50 of %d, exec → first HTTP answer)", r.data(), s.Runs),
			fmt.Sprintf("%s (max %s)", msText(s.P50), msText(s.Max)), fmt.Sprintf("< %.0f ms", GoalStartMs), met(s.P50 < GoalStartMs, over(s.P50, GoalStartMs, "ms"))})
	}
	if s := r.StartEmpty; s != nil {
		rows = append(rows, row{fmt.Sprintf("Start-up of `serve` to listening, empty data dir (p50 of %d)", s.Runs),
			fmt.Sprintf("%s (max %s)", msText(s.P50), msText(s.Max)), "—", "—"})
	}
	return rows
}

func (r Results) memoryRows() []row {
	var rows []row
	var empty float64
	if t := r.TrayEmpty; t != nil {
		empty = mib(t.RSSKB)
		rows = append(rows, row{"RSS of the tray app, empty data dir (stands in for an empty Fyne tray app), 2 s after listening, Xvfb",
			fmt.Sprintf("%.1f MiB (listening after %s)", empty, msText(t.P50)), "—", "—"})
	}
	if t := r.TraySeeded; t != nil {
		got := mib(t.RSSKB)
		res := fmt.Sprintf("%.1f MiB (listening after %s)", got, msText(t.P50))
		goal, ok, why := "≤ empty + 25 MiB", true, ""
		if r.TrayEmpty != nil {
			res += fmt.Sprintf("; %+.1f MiB over empty", got-empty)
			ok, why = got-empty <= GoalRSSOverMiB, fmt.Sprintf("%.1f MiB over the goal", got-empty-GoalRSSOverMiB)
		}
		rows = append(rows, row{"RSS of the tray app, " + r.data() + ", 2 s after listening", res, goal, met(ok, why)})
	}
	if s := r.RSSServe; s != nil {
		got := mib(s.RSSKB)
		goal, verdict := "≤ empty tray app + 25 MiB", "—"
		if r.TrayEmpty != nil {
			verdict = met(got-empty <= GoalRSSOverMiB, fmt.Sprintf("%.1f MiB over the goal", got-empty-GoalRSSOverMiB))
		}
		rows = append(rows, row{"RSS of `serve`, " + r.data() + ", after the load runs", fmt.Sprintf("%.1f MiB", got), goal, verdict})
	}
	return rows
}

func (r Results) windowRows() []row {
	measure := "Recent-calls window opening with 50,000 calls, to first frame"
	goal := fmt.Sprintf("< %.0f ms", GoalWindowMs)
	var rows []row
	if len(r.Window) == 0 {
		note := r.WindowNote
		if note == "" {
			note = "no Benchmark.*Window in app/ui"
		}
		rows = append(rows, row{measure, "not measured: " + note, goal, "—"})
	}
	for _, b := range r.Window {
		got := b.NsPerOp / 1e6
		rows = append(rows, row{measure + " (`" + b.Name + "`)", fmt.Sprintf("%s · %s allocs", msText(got), thousands(int(b.AllocsPerOp))),
			goal, met(got < GoalWindowMs, over(got, GoalWindowMs, "ms"))})
	}
	for _, b := range r.WindowHeap {
		rows = append(rows, row{"Live Go heap the first opening of Recent calls and Contacts adds, 100,000 contacts and 50,000 calls (`" + b.Name + "`)",
			fmt.Sprintf("+%.1f MiB while open, +%.1f MiB after closing both", b.Metrics["MiB-open"], b.Metrics["MiB-closed"]), "—", "—"})
	}
	return rows
}

func (r Results) teamRows() []row {
	measure := "Team mode: a webhook's call change reaching 50 desks (embedded NATS, every desk on this machine), from the receiver's tracker to each desk's merge"
	goal := fmt.Sprintf("p99 < %.0f ms", GoalFanOutMs)
	rows := r.teamLoadRows()
	for _, b := range r.Team {
		if strings.HasPrefix(b.Name, "ReceiverPublish") {
			rows = append(rows, row{"Team mode: what publishing a call state costs the receiver (`" + b.Name + "`: embedded NATS, no desk attached; " +
				"through the outbox into the stream and back to its own consumer)",
				fmt.Sprintf("%s µs of CPU a state · %.2f messages a state", trim(b.Metrics["cpu-µs/state"]), b.Metrics["msgs/state"]), "—", "—"})
			continue
		}
		p50, p99 := b.Metrics["p50-ms"], b.Metrics["p99-ms"]
		rows = append(rows, row{measure, fmt.Sprintf("p50 %s · p99 %s · the last desk after %s", msText(p50), msText(p99), msText(b.NsPerOp/1e6)),
			goal, met(p99 < GoalFanOutMs, over(p99, GoalFanOutMs, "ms"))})
	}
	if !slices.ContainsFunc(r.Team, func(b GoBench) bool { return strings.HasPrefix(b.Name, "FanOut") }) {
		rows = append(rows, row{measure, "not measured", goal, "—"})
	}
	return rows
}

// teamLoadRows are the receiver's load and its ratio to the bare handler
// of the same run, with every change published to the team's NATS.
func (r Results) teamLoadRows() []row {
	b, t := r.TeamBare, r.LoadTeam
	if b == nil || t == nil {
		return nil
	}
	ratio := t.RPS / b.RPS
	return []row{
		{fmt.Sprintf("Team mode, closed loop, %d connections, %.0f s: `whoiscalling serve` publishing every call change "+
			"(embedded NATS with JetStream, `NATS_LISTEN`, no desk attached)", t.Concurrency, t.Seconds), loadText(t), "—", "—"},
		{"Throughput ratio team receiver / bare", fmt.Sprintf("%.2f", ratio) + r.roundsText(teamOf), fmt.Sprintf("≥ %.1f", GoalRatio),
			met(ratio >= GoalRatio, fmt.Sprintf("%.2f short (%.0f %% of the goal)", GoalRatio-ratio, 100*ratio/GoalRatio))},
	}
}
