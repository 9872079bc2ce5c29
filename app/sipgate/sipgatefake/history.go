package sipgatefake

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// getHistory filters by types, directions, from, to and phonenumber,
// sorts newest first and pages (limit default 10, at most 1000).
func (s *Server) getHistory(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, err1 := queryTime(q, "from")
	to, err2 := queryTime(q, "to")
	if err1 != nil || err2 != nil {
		writeError(w, http.StatusBadRequest, "Bad Request", "from and to must be ISO 8601")
		return
	}
	var out []HistoryEntry
	for _, e := range s.snapshot().History {
		if keep(e, q, from, to) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b HistoryEntry) int { return strings.Compare(b.Created, a.Created) })
	paged(w, r, nonNil(out), 10, 1000)
}

func keep(e HistoryEntry, q url.Values, from, to time.Time) bool {
	if t := q["types"]; len(t) > 0 && !slices.Contains(t, e.Type) {
		return false
	}
	if d := q["directions"]; len(d) > 0 && !slices.Contains(d, e.Direction) {
		return false
	}
	created, err := time.Parse(time.RFC3339, e.Created)
	if err == nil && ((!from.IsZero() && created.Before(from)) || (!to.IsZero() && created.After(to))) {
		return false
	}
	if p := q.Get("phonenumber"); p != "" && e.Source != p && e.Target != p {
		return false
	}
	return true
}

func queryTime(q url.Values, key string) (time.Time, error) {
	v := q.Get(key)
	if v == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339, v)
}
