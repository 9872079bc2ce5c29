package sipgatefake

import (
	"fmt"
	"net/http"
	"strconv"
)

// pageParams reads offset and limit (limit: def when absent, at most max).
func pageParams(r *http.Request, def, max int) (offset, limit int, err error) {
	q := r.URL.Query()
	offset, limit = 0, def
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("offset %q is not a number ≥ 0", v)
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > max {
			return 0, 0, fmt.Errorf("limit %q is not between 1 and %d", v, max)
		}
	}
	return offset, limit, nil
}

// slicePage cuts list[offset:offset+limit].
func slicePage[T any](list []T, offset, limit int) []T {
	if offset >= len(list) {
		return []T{}
	}
	return list[offset:min(offset+limit, len(list))]
}

// paged sends {"items", "totalCount"} of one page, or 400.
func paged[T any](w http.ResponseWriter, r *http.Request, list []T, def, max int) {
	offset, limit, err := pageParams(r, def, max)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Bad Request", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": slicePage(list, offset, limit), "totalCount": len(list)})
}

func (s *Server) getContacts(w http.ResponseWriter, r *http.Request) {
	paged(w, r, s.snapshot().Contacts, 5000, 5000)
}

// getNumbers pages like sipgate's /numbers, which sends no totalCount.
func (s *Server) getNumbers(w http.ResponseWriter, r *http.Request) {
	offset, limit, err := pageParams(r, 1000, 1000)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Bad Request", err.Error())
		return
	}
	items(w, slicePage(s.snapshot().Numbers, offset, limit))
}
