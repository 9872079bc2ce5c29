package sipgate

import (
	"errors"
	"fmt"
	"net/http"
)

// APIError is any other non-2xx answer (400 bad number, 404, 409 …), with
// sipgate's error body when it sent one.
type APIError struct {
	Endpoint string
	Status   int
	// Title, Detail and Pointer come from {"errors":[{title, detail,
	// source:{pointer}}]}; they may be empty.
	Title, Detail, Pointer string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("sipgate: http %d on %s", e.Status, e.Endpoint)
}

// Is matches ErrBadRequest, ErrNotFound and ErrConflict by status.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrBadRequest:
		return e.Status == http.StatusBadRequest
	case ErrNotFound:
		return e.Status == http.StatusNotFound
	case ErrConflict:
		return e.Status == http.StatusConflict
	}
	return false
}

// Sentinels an APIError matches with errors.Is.
var (
	ErrBadRequest = errors.New("sipgate: bad request")
	ErrNotFound   = errors.New("sipgate: not found")
	ErrConflict   = errors.New("sipgate: already exists")
)
