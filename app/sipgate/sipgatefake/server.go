package sipgatefake

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// The credentials New's server accepts (fictional; a real token id is
// "token-" and six letters or digits, the token a UUID).
const (
	TokenID = "token-FAKE01"
	Token   = "5e0c0a1e-7d5f-4c1b-9a53-0f1e2d3c4b5a"
)

// Server is a running fake. All methods are safe for concurrent use.
type Server struct {
	// URL is the API root to give the client, e.g. http://127.0.0.1:PORT/v2.
	URL string
	// TokenID and Token are the credentials it accepts (New sets the
	// package's TokenID and Token). Change them only before the first
	// request, e.g. to provoke a 401.
	TokenID, Token string

	srv      *httptest.Server
	mux      *http.ServeMux
	mu       sync.Mutex
	data     Data
	faults   []Fault
	scopes   map[string]bool // nil: the token has every scope
	booked   bool
	requests []Request
	sessions int
}

// Request is what the fake received, and what it answered.
type Request struct {
	Method string
	// Path is the path below the API root, e.g. "/history".
	Path  string
	Query url.Values
	Body  []byte
	// Authorized is true when the Basic auth matched.
	Authorized bool
	Status     int
}

// New starts a fake seeded with Seed() and stops it when t ends.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{TokenID: TokenID, Token: Token, data: Seed(), booked: true}
	s.mux = s.routes()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL + "/v2"
	t.Cleanup(s.srv.Close)
	return s
}

// Close stops the server (New already arranges it).
func (s *Server) Close() { s.srv.Close() }

// serve answers into a buffer, records the request with its status, and
// only then sends the answer: a test that got the response finds the
// request recorded.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	r.Body = io.NopCloser(bytes.NewReader(body))
	id, tok, ok := r.BasicAuth()
	rec := Request{Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, "/v2"), Query: r.URL.Query(),
		Body: body, Authorized: ok && id == s.TokenID && tok == s.Token}
	buf := httptest.NewRecorder()
	s.answer(buf, r, rec)
	rec.Status = buf.Code
	s.record(rec)
	for k, v := range buf.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(buf.Code)
	_, _ = w.Write(buf.Body.Bytes())
}

// answer: 404 outside /v2, 401 for bad auth, an injected fault, or the
// route (which may answer 403 for a missing scope or unbooked sipgate.io).
func (s *Server) answer(w http.ResponseWriter, r *http.Request, rec Request) {
	if !strings.HasPrefix(r.URL.Path, "/v2/") {
		writeError(w, http.StatusNotFound, "not found", "the API root is /v2")
		return
	}
	if !rec.Authorized {
		writeError(w, http.StatusUnauthorized, "Unauthorized", "")
		return
	}
	if s.injected(w, r.Method, rec.Path) {
		return
	}
	r2 := r.Clone(r.Context())
	r2.URL.Path = rec.Path
	r2.URL.RawPath = ""
	s.mux.ServeHTTP(w, r2)
}

func (s *Server) record(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}
