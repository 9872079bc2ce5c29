package tunnel

import (
	"encoding/json"
	"strings"
)

// lhrMarker precedes the public URL in localhost.run's text output:
// "<id>.lhr.life tunneled with tls termination, https://<id>.lhr.life".
const lhrMarker = "tunneled with tls termination, "

// LocalhostRunURL reads one line of localhost.run's session output, in its
// text form or its --output json form, and returns the public https URL the
// line announces. The banner's other links (docs, admin) are not tunnels
// and give ok false.
func LocalhostRunURL(line string) (url string, ok bool) {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "{") {
		return lhrJSONURL(line)
	}
	_, after, found := strings.Cut(line, lhrMarker)
	if !found {
		return "", false
	}
	fields := strings.Fields(after)
	if len(fields) == 0 {
		return "", false
	}
	host, found := strings.CutPrefix(fields[0], "https://")
	if !found {
		return "", false
	}
	return httpsURL(strings.TrimRight(host, "/.,;"))
}

// lhrEvent is one line of localhost.run's --output json.
type lhrEvent struct {
	Event   string `json:"event"`
	Status  string `json:"status"`
	Address string `json:"address"`
	Message string `json:"message"`
}

// lhrJSONURL reads a tcpip-forward event: its address, or failing that
// the text line in its message.
func lhrJSONURL(line string) (string, bool) {
	var ev lhrEvent
	if err := json.Unmarshal([]byte(line), &ev); err != nil {
		return "", false
	}
	if ev.Event != "tcpip-forward" || (ev.Status != "" && ev.Status != "success") {
		return "", false
	}
	if ev.Address != "" {
		host := strings.TrimPrefix(ev.Address, "https://")
		return httpsURL(strings.TrimRight(host, "/"))
	}
	if strings.HasPrefix(strings.TrimSpace(ev.Message), "{") {
		return "", false
	}
	return LocalhostRunURL(ev.Message)
}

// CloudflaredURL reads one line of cloudflared's log and returns the quick
// tunnel's https://….trycloudflare.com URL when the line shows it. The
// service's own address (api.trycloudflare.com) is not a tunnel.
func CloudflaredURL(line string) (url string, ok bool) {
	for rest := line; ; {
		_, after, found := strings.Cut(rest, "https://")
		if !found {
			return "", false
		}
		rest = after
		end := strings.IndexAny(after, " \t|\"'")
		if end < 0 {
			end = len(after)
		}
		host := strings.TrimSuffix(after[:end], "/")
		label, found := strings.CutSuffix(strings.ToLower(host), ".trycloudflare.com")
		if !found || label == "api" || strings.Contains(label, ".") {
			continue
		}
		if u, ok := httpsURL(host); ok {
			return u, true
		}
	}
}

// httpsURL is "https://"+host when host is a plain DNS name of at least
// two labels; anything else (a path, a port, odd characters) gives false.
func httpsURL(host string) (string, bool) {
	host = strings.ToLower(host)
	labels := strings.Split(host, ".")
	if len(host) > 253 || len(labels) < 2 {
		return "", false
	}
	for _, l := range labels {
		if !dnsLabel(l) {
			return "", false
		}
	}
	return "https://" + host, true
}

// dnsLabel reports whether l is 1 to 63 letters, digits or inner hyphens.
func dnsLabel(l string) bool {
	if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for _, c := range []byte(l) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
