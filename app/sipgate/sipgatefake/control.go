package sipgatefake

import (
	"maps"
	"slices"
)

// Requests returns every request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// RequestsTo returns the requests of method to path (e.g. "GET",
// "/history"), oldest first.
func (s *Server) RequestsTo(method, path string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// Data returns a copy of what the fake serves now (after PUTs, blocks …).
func (s *Server) Data() Data {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.clone()
}

// Update changes the served data under the server's lock.
func (s *Server) Update(fn func(*Data)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(&s.data)
}

// SetScopes gives the token only these scopes (e.g. "history:read");
// requests needing another get 403. No argument restores every scope.
func (s *Server) SetScopes(scopes ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.scopes = nil
	if len(scopes) > 0 {
		s.scopes = map[string]bool{}
		for _, sc := range scopes {
			s.scopes[sc] = true
		}
	}
}

// SetBooked says whether sipgate.io is booked; when not, the settings
// answer 403 as sipgate does.
func (s *Server) SetBooked(booked bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.booked = booked
}

func (d Data) clone() Data {
	d.Users = slices.Clone(d.Users)
	d.Devices = maps.Clone(d.Devices)
	d.Numbers = slices.Clone(d.Numbers)
	d.Settings.Whitelist = slices.Clone(d.Settings.Whitelist)
	d.WebhookLog = slices.Clone(d.WebhookLog)
	d.Contacts = slices.Clone(d.Contacts)
	d.History = slices.Clone(d.History)
	d.Blacklist = slices.Clone(d.Blacklist)
	return d
}
