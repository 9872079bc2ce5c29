package sipgatefake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

func (s *Server) getSettings(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	booked, st := s.booked, s.data.clone().Settings
	s.mu.Unlock()
	if !booked {
		writeError(w, http.StatusForbidden, "Forbidden", "sipgate.io is not booked")
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// putSettings needs incomingUrl and outgoingUrl, as sipgate's spec says.
func (s *Server) putSettings(w http.ResponseWriter, r *http.Request) {
	var keys map[string]json.RawMessage
	var st Settings
	if json.NewDecoder(r.Body).Decode(&keys) != nil || keys["incomingUrl"] == nil || keys["outgoingUrl"] == nil {
		writeError(w, http.StatusBadRequest, "Bad Request", "incomingUrl and outgoingUrl are required")
		return
	}
	if err := remarshal(keys, &st); err != nil {
		writeError(w, http.StatusBadRequest, "Bad Request", err.Error())
		return
	}
	s.mu.Lock()
	booked := s.booked
	if booked {
		s.data.Settings = st
	}
	s.mu.Unlock()
	if !booked {
		writeError(w, http.StatusForbidden, "Forbidden", "sipgate.io is not booked")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func remarshal(in any, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// postCall checks the click-to-call body like sipgate: caller and callee
// required, and a deviceId when the caller is a number.
func (s *Server) postCall(w http.ResponseWriter, r *http.Request) {
	var c CallRequest
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil || c.Caller == "" || c.Callee == "" {
		writeError(w, http.StatusBadRequest, "Bad Request", "caller and callee are required")
		return
	}
	if strings.IndexAny(c.Caller[:1], "+0123456789") == 0 && c.DeviceID == "" {
		writeError(w, http.StatusBadRequest, "Bad Request", "deviceId is required when caller is a number")
		return
	}
	s.mu.Lock()
	s.sessions++
	id := fmt.Sprintf("fake-session-%d", s.sessions)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{"sessionId": id})
}

func (s *Server) getBlacklist(w http.ResponseWriter, _ *http.Request) {
	items(w, nonNil(s.snapshot().Blacklist))
}

func (s *Server) postBlock(w http.ResponseWriter, r *http.Request) {
	var e BlockEntry
	if err := json.NewDecoder(r.Body).Decode(&e); err != nil || e.PhoneNumber == "" {
		writeError(w, http.StatusBadRequest, "Bad Request", "phoneNumber is required")
		return
	}
	s.mu.Lock()
	exists := slices.ContainsFunc(s.data.Blacklist, func(b BlockEntry) bool { return b.PhoneNumber == e.PhoneNumber })
	if !exists {
		s.data.Blacklist = append(s.data.Blacklist, e)
	}
	s.mu.Unlock()
	if exists {
		writeError(w, http.StatusConflict, "Conflict", "IncomingEntry already exists")
		return
	}
	writeJSON(w, http.StatusCreated, e)
}

func (s *Server) deleteBlock(w http.ResponseWriter, r *http.Request) {
	n := r.PathValue("phoneNumber")
	s.mu.Lock()
	before := len(s.data.Blacklist)
	s.data.Blacklist = slices.DeleteFunc(s.data.Blacklist, func(b BlockEntry) bool { return b.PhoneNumber == n })
	found := len(s.data.Blacklist) < before
	s.mu.Unlock()
	if !found {
		writeError(w, http.StatusNotFound, "Not Found", "IncomingEntry not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
