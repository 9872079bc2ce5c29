package sipgate

import "net/http"

// endpoint is one operation of the API: its method, its path pattern
// (printed in errors and logs instead of the real path, which may hold a
// phone number) and the token scope it needs (REST-API.md, from the
// spec's oauth2 scopes).
type endpoint struct {
	method, pattern, scope string
}

// String is "GET /history".
func (e endpoint) String() string { return e.method + " " + e.pattern }

// idempotent reports whether the request may be sent again after a 429
// or a 5xx without doing anything twice.
func (e endpoint) idempotent() bool { return e.method == http.MethodGet }

// The operations this client uses.
var (
	epUserinfo    = endpoint{http.MethodGet, "/authorization/userinfo", ""}
	epAccount     = endpoint{http.MethodGet, "/account", "account:read"}
	epUsers       = endpoint{http.MethodGet, "/users", "users:read"}
	epDevices     = endpoint{http.MethodGet, "/{userId}/devices", "devices:read"}
	epNumbers     = endpoint{http.MethodGet, "/numbers", "numbers:read"}
	epSettingsGet = endpoint{http.MethodGet, "/settings/sipgateio", "settings:sipgateio:read"}
	epSettingsPut = endpoint{http.MethodPut, "/settings/sipgateio", "settings:sipgateio:write"}
	epWebhookLog  = endpoint{http.MethodGet, "/log/webhooks", "log:webhooks:read"}
	epContacts    = endpoint{http.MethodGet, "/contacts", "contacts:read"}
	epHistory     = endpoint{http.MethodGet, "/history", "history:read"}
	epCall        = endpoint{http.MethodPost, "/sessions/calls", "sessions:calls:write"}
	epBlacklist   = endpoint{http.MethodGet, "/blacklist/incoming", "blacklist:read"}
	epBlock       = endpoint{http.MethodPost, "/blacklist/incoming", "blacklist:write"}
	epUnblock     = endpoint{http.MethodDelete, "/blacklist/incoming/{phoneNumber}", "blacklist:write"}
)
