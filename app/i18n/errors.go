package i18n

import (
	"errors"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// Error is the sentence a person reads for err: the cause and the fix.
// The app's typed errors get sentences of their own; any other error is
// shown as it is.
func Error(err error) string {
	var le *webhook.ListenError
	if errors.As(err, &le) {
		return listenSentence(le)
	}
	if s, ok := storeSentence(err); ok {
		return s
	}
	if s, ok := sipgateSentence(err); ok {
		return s
	}
	var pe *phone.Error
	if errors.As(err, &pe) {
		return phoneSentence(pe)
	}
	return err.Error()
}

// storeSentence phrases the database's typed errors.
func storeSentence(err error) (string, bool) {
	var (
		full    *store.DiskFullError
		corrupt *store.CorruptError
		mode    *store.ModeError
		dir     *store.DirError
	)
	switch {
	case errors.As(err, &full):
		return T("The disk with {{.Dir}} is full: free some space, then start whoiscalling again. Nothing was lost.", map[string]any{"Dir": full.Dir}), true
	case errors.As(err, &corrupt):
		return T("{{.Path}} is not a usable whoiscalling database: move it away (whoiscalling then starts with an empty history), or choose another --data-dir.", map[string]any{"Path": corrupt.Path}), true
	case errors.As(err, &mode):
		return T("{{.Path}} can be read by other users and whoiscalling cannot make it private (chmod {{.Want}}): fix its owner or permissions, or choose another --data-dir.", map[string]any{"Path": mode.Path, "Want": fmt.Sprintf("%o", mode.Want)}), true
	case errors.As(err, &dir):
		return T("Cannot use the data directory {{.Dir}} ({{.Err}}): fix its permissions or choose another with --data-dir.", map[string]any{"Dir": dir.Dir, "Err": dir.Err}), true
	}
	return "", false
}

func listenSentence(e *webhook.ListenError) string {
	port := fmt.Sprint(e.Port)
	if e.Port == 0 {
		port = e.Addr
	}
	d := map[string]any{"Port": port, "Addr": e.Addr, "PortKey": config.KeyPort, "HostKey": config.KeyListenHost, "Err": e.Err}
	switch e.Kind {
	case webhook.ListenPortInUse:
		return T("Port {{.Port}} is already in use — is whoiscalling already running, or another program on that port? Choose another port in Settings or with {{.PortKey}}.", d)
	case webhook.ListenPrivileged:
		return T("Port {{.Port}} needs privileges (ports below 1024 do) — use 8080 and let the tunnel map port {{.Port}} to it.", d)
	case webhook.ListenNotPermitted:
		return T("Port {{.Port}} is not permitted on this system (it may be reserved or blocked) — choose another port in Settings or with {{.PortKey}}.", d)
	case webhook.ListenAddrNotAvailable:
		return T("Cannot listen on {{.Addr}}: that host is not an address of this computer — check {{.HostKey}}.", d)
	}
	return T("Cannot listen on {{.Addr}}: {{.Err}}.", d)
}

var reasonWords = map[webhook.Reason]string{
	webhook.ReasonBadMethod:       "not a POST",
	webhook.ReasonUnreadableBody:  "unreadable body",
	webhook.ReasonTooLarge:        "too large",
	webhook.ReasonBadContentType:  "wrong content type",
	webhook.ReasonNoSignature:     "no signature",
	webhook.ReasonBadSignature:    "bad signature",
	webhook.ReasonBadForm:         "bad form data",
	webhook.ReasonBadEvent:        "unknown event",
	webhook.ReasonResponderFailed: "could not be stored",
}

// Refused sums up the refused webhooks: "3 refused: bad signature", by
// the latest reason; "" when none was refused.
func Refused(s webhook.Stats) string {
	if s.Rejected == 0 {
		return ""
	}
	why := reasonWords[s.LastReason]
	if why == "" {
		why = s.LastReason.String()
	}
	return T("{{.N}} refused: {{.Why}}", map[string]any{"N": s.Rejected, "Why": T(why)})
}
