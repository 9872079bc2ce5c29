package i18n

import (
	"errors"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// sipgateSentence phrases the sipgate client's typed errors.
func sipgateSentence(err error) (string, bool) {
	var (
		auth    *sipgate.AuthError
		scope   *sipgate.ScopeError
		booked  *sipgate.NotBookedError
		pay     *sipgate.PaymentError
		rate    *sipgate.RateLimitError
		server  *sipgate.ServerError
		unreach *sipgate.UnreachableError
		api     *sipgate.APIError
	)
	switch {
	case errors.Is(err, sipgate.ErrNoToken):
		return T("No sipgate account is connected: run \"whoiscalling sipgate login\", or set SIPGATE_TOKEN_ID and SIPGATE_TOKEN."), true
	case errors.As(err, &auth):
		return T("sipgate refused the token (SIPGATE_TOKEN_ID and SIPGATE_TOKEN): the id or the token is wrong, or the token was deleted. Create a personal access token in the sipgate web app and log in again."), true
	case errors.As(err, &booked):
		return T("sipgate did not allow the webhook settings: sipgate.io is not booked for this account, or the token lacks the scope {{.Scope}}. Book sipgate.io in the sipgate web app, or create a token with that scope.", map[string]any{"Scope": booked.Scope}), true
	case errors.As(err, &scope):
		return T("The sipgate token lacks the scope {{.Scope}}: create a token that has it (or \"all\") and log in again.", map[string]any{"Scope": scope.Scope}), true
	case errors.As(err, &pay):
		return T("sipgate refused: the account has too little credit. Top it up in the sipgate web app."), true
	case errors.As(err, &rate):
		return T("sipgate asks to slow down (too many requests): try again in a minute."), true
	case errors.As(err, &server):
		return T("sipgate's servers failed (HTTP {{.Status}}): try again later; nothing was changed here.", map[string]any{"Status": server.Status}), true
	case errors.As(err, &unreach):
		return T("sipgate cannot be reached at {{.Host}} ({{.Err}}): check the internet connection, or SIPGATE_API_URL.", map[string]any{"Host": unreach.Host, "Err": unreach.Err}), true
	case errors.As(err, &api):
		return T("sipgate refused the request: {{.Err}}", map[string]any{"Err": api.Error()}), true
	}
	return "", false
}

// Away is the title of the popup after calls came in while the app was
// off: "3 calls while you were away".
func Away(missed int) string {
	if missed == 1 {
		return T("1 call while you were away")
	}
	return T("{{.Count}} calls while you were away", map[string]any{"Count": missed})
}

// WrongURL says that sipgate sends the calls elsewhere.
func WrongURL(url string) string {
	if url == "" {
		return T("sipgate sends calls nowhere: no webhook URL is set")
	}
	return T("sipgate sends calls to {{.URL}} — not here", map[string]any{"URL": Clean(url)})
}

// PointHere is the advice that goes with WrongURL.
func PointHere() string {
	return T("Open Settings → sipgate and press \"Point sipgate here\", or run \"whoiscalling sipgate webhook\".")
}

// Ringing is the answer to a call back through sipgate: "Your phone
// (Yealink) rings — pick up to call Anna Mayer".
func Ringing(device, party string) string {
	if device == "" {
		device = T("your phone")
	}
	return T("Your phone ({{.Device}}) rings — pick up to call {{.Party}}", map[string]any{"Device": Clean(device), "Party": Clean(party)})
}
