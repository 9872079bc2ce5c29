package bench

import "fmt"

// soakRows is the soak's line: RSS at a sixth of the run (5 of 30
// minutes) against the end.
func (r Results) soakRows() []row {
	s := r.Soak
	if s == nil {
		return nil
	}
	closing := ", left open (nothing closed them)"
	if s.WindowCloses > 0 {
		closing = " and closed with Ctrl+W 20 s later"
	}
	measure := fmt.Sprintf("Soak of the tray app, %s: one call a second, the recent-calls and contacts windows opened "+
		"from the tray menu at the start and every minute%s, %.0f min", r.data(), closing, s.Seconds/60)
	growth, early, last, ok := s.Growth()
	if !ok {
		return []row{{measure, "no RSS samples", "≤ +10 % from 1/6 of the run to its end", "—"}}
	}
	res := fmt.Sprintf("RSS %.1f MiB at %.1f min, %.1f MiB at the end (%+.1f %%) · %d calls, %d errors, %d window opens, %d closing rounds",
		mib(early), s.Seconds/6/60, mib(last), 100*growth, s.Calls, s.Errors, s.WindowOpens, s.WindowCloses)
	return []row{{measure, res, "≤ +10 % from 1/6 of the run to its end",
		met(growth <= GoalSoakGrowth, fmt.Sprintf("grew %.1f %%", 100*growth))}}
}
