package bench

import "fmt"

// soakRows is the soak's line: RSS at a sixth of the run (5 of 30
// minutes) against the end.
func (r Results) soakRows() []row {
	s := r.Soak
	if s == nil {
		return nil
	}
	measure := fmt.Sprintf("Soak of the tray app, %s: one call a second, the recent-calls and contacts windows opened "+
		"from the tray menu every minute, %.0f min", r.data(), s.Seconds/60)
	growth, early, last, ok := s.Growth()
	if !ok {
		return []row{{measure, "no RSS samples", "≤ +10 % from 1/6 of the run to its end", "—"}}
	}
	res := fmt.Sprintf("RSS %.1f MiB at %.1f min, %.1f MiB at the end (%+.1f %%) · %d calls, %d errors, %d window opens",
		mib(early), s.Seconds/6/60, mib(last), 100*growth, s.Calls, s.Errors, s.WindowOpens)
	return []row{{measure, res, "≤ +10 % from 1/6 of the run to its end",
		met(growth <= GoalSoakGrowth, fmt.Sprintf("grew %.1f %%", 100*growth))}}
}
