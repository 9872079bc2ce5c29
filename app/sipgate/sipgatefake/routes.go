package sipgatefake

import (
	"net/http"
)

// route is one endpoint: its pattern, the scope it needs, its handler.
type route struct {
	pattern, scope string
	h              http.HandlerFunc
}

func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	for _, r := range []route{
		{"GET /authorization/userinfo", "", s.getUserinfo},
		{"GET /account", "account:read", s.getAccount},
		{"GET /users", "users:read", s.getUsers},
		{"GET /{userId}/devices", "devices:read", s.getDevices},
		{"GET /numbers", "numbers:read", s.getNumbers},
		{"GET /settings/sipgateio", "settings:sipgateio:read", s.getSettings},
		{"PUT /settings/sipgateio", "settings:sipgateio:write", s.putSettings},
		{"GET /log/webhooks", "log:webhooks:read", s.getWebhookLog},
		{"GET /contacts", "contacts:read", s.getContacts},
		{"GET /history", "history:read", s.getHistory},
		{"POST /sessions/calls", "sessions:calls:write", s.postCall},
		{"GET /blacklist/incoming", "blacklist:read", s.getBlacklist},
		{"POST /blacklist/incoming", "blacklist:write", s.postBlock},
		{"DELETE /blacklist/incoming/{phoneNumber}", "blacklist:write", s.deleteBlock},
	} {
		mux.HandleFunc(r.pattern, s.scoped(r.scope, r.h))
	}
	return mux
}

// scoped answers 403 when the token lacks scope.
func (s *Server) scoped(scope string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		ok := scope == "" || s.scopes == nil || s.scopes[scope] || s.scopes["all"]
		s.mu.Unlock()
		if !ok {
			writeError(w, http.StatusForbidden, "Forbidden", "")
			return
		}
		h(w, r)
	}
}

// items sends {"items": v}.
func items(w http.ResponseWriter, v any) {
	writeJSON(w, http.StatusOK, map[string]any{"items": v})
}

func (s *Server) snapshot() Data {
	return s.Data()
}

func (s *Server) getUserinfo(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.snapshot().Userinfo)
}

func (s *Server) getAccount(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.snapshot().Account)
}

func (s *Server) getUsers(w http.ResponseWriter, _ *http.Request) {
	items(w, nonNil(s.snapshot().Users))
}

func (s *Server) getDevices(w http.ResponseWriter, r *http.Request) {
	d, ok := s.snapshot().Devices[r.PathValue("userId")]
	if !ok {
		writeError(w, http.StatusNotFound, "Not Found", "no such user")
		return
	}
	items(w, nonNil(d))
}

func (s *Server) getWebhookLog(w http.ResponseWriter, _ *http.Request) {
	items(w, nonNil(s.snapshot().WebhookLog))
}

func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
