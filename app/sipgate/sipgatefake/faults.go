package sipgatefake

import (
	"encoding/json"
	"net/http"
)

// Fault makes the fake answer Status instead of serving the route.
type Fault struct {
	// Method and Path select the requests ("" matches any); Path is below
	// the API root, e.g. "/history".
	Method, Path string
	Status       int
	// RetryAfter is sent as the Retry-After header when not empty.
	RetryAfter string
	// Skip lets the first Skip matching requests through (e.g. 1: the
	// second page fails).
	Skip int
	// Times is how many requests the fault answers; 0: all until
	// ClearFaults.
	Times int
	// Body is sent as it is; empty: a sipgate ErrorResponse.
	Body string
}

// Inject adds a fault; the first matching fault answers a request.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// injected answers with the first matching fault and uses one of its times.
func (s *Server) injected(w http.ResponseWriter, method, path string) bool {
	s.mu.Lock()
	var hit *Fault
	for i := range s.faults {
		f := &s.faults[i]
		if (f.Method == "" || f.Method == method) && (f.Path == "" || f.Path == path) {
			if f.Skip > 0 {
				f.Skip--
				continue
			}
			c := *f
			hit = &c
			if f.Times > 0 {
				if f.Times--; f.Times == 0 {
					s.faults = append(s.faults[:i], s.faults[i+1:]...)
				}
			}
			break
		}
	}
	s.mu.Unlock()
	if hit == nil {
		return false
	}
	if hit.RetryAfter != "" {
		w.Header().Set("Retry-After", hit.RetryAfter)
	}
	if hit.Body != "" {
		w.WriteHeader(hit.Status)
		_, _ = w.Write([]byte(hit.Body))
		return true
	}
	writeError(w, hit.Status, http.StatusText(hit.Status), "injected by sipgatefake")
	return true
}

// writeError sends sipgate's ErrorResponse.
func writeError(w http.ResponseWriter, status int, title, detail string) {
	type item struct {
		Status string `json:"status"`
		Title  string `json:"title"`
		Detail string `json:"detail,omitempty"`
	}
	writeJSON(w, status, map[string][]item{"errors": {{Status: http.StatusText(status), Title: title, Detail: detail}}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// InjectStatus is Inject of a one-time fault: the next request of method
// to path answers status, with Retry-After retryAfter when not empty.
func (s *Server) InjectStatus(method, path string, status int, retryAfter string) {
	s.Inject(Fault{Method: method, Path: path, Status: status, RetryAfter: retryAfter, Times: 1})
}
