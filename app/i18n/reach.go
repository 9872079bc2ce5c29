package i18n

import (
	"time"

	"github.com/whoiscalling/whoiscalling/app/tunnel"
)

// TunnelState words the tunnel's state for the status line.
func TunnelState(st tunnel.State) string {
	switch st := st.(type) {
	case tunnel.Connecting:
		return T("tunnel connecting…")
	case tunnel.Up:
		return T("reachable at {{.URL}}", map[string]any{"URL": Clean(st.URL)})
	case tunnel.Down:
		return T("tunnel down — retrying in {{.Wait}}", map[string]any{"Wait": wait(st.RetryIn)})
	case tunnel.HostKeyChanged:
		return T("tunnel stopped: the server {{.Host}} showed a new key ({{.Fingerprint}})", map[string]any{"Host": Clean(st.Host), "Fingerprint": st.Fingerprint})
	case tunnel.Failed:
		return T("tunnel stopped: {{.Err}}", map[string]any{"Err": Clean(Error(st.Err))})
	}
	return T("tunnel off")
}

// HealthTitle says in one line what the watchdog found broken.
func HealthTitle(h tunnel.Health) string {
	for _, p := range h.Problems {
		switch p := p.(type) {
		case tunnel.SipgateElsewhere:
			return WrongURL(p.Theirs)
		case tunnel.TestCallLost:
			return T("Calls cannot reach this computer: the test through {{.URL}} got lost", map[string]any{"URL": Clean(p.URL)})
		case tunnel.DeliveriesFailing:
			if p.Count == 1 {
				return T("sipgate could not deliver 1 call to this app")
			}
			return T("sipgate could not deliver {{.Count}} calls to this app", map[string]any{"Count": p.Count})
		}
	}
	if len(h.Problems) > 0 {
		return T("The path from sipgate could not be checked")
	}
	return T("sipgate reaches this app")
}

// HealthAdvice says what to do about the first problem.
func HealthAdvice(h tunnel.Health) string {
	for _, p := range h.Problems {
		switch p := p.(type) {
		case tunnel.SipgateElsewhere:
			return PointHere()
		case tunnel.TestCallLost:
			return Clean(Error(p.Err))
		case tunnel.DeliveriesFailing:
			return T("Run \"whoiscalling sipgate status\" to see sipgate's last deliveries and their answers.")
		case tunnel.CheckFailed:
			return Clean(Error(p.Err))
		}
	}
	return ""
}

// wait is a short wait: "8 s", or in minutes and seconds from a minute on.
func wait(d time.Duration) string {
	if s := int(d.Round(time.Second) / time.Second); s < 60 {
		return T("{{.N}} s", map[string]any{"N": max(s, 1)})
	}
	return Duration(int(d.Round(time.Second) / time.Second))
}
