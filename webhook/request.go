package webhook

import (
	"bytes"
	"io"
	"net/http"
	"strings"
)

// MaxBody is the largest request body the handler reads. Real pushes are
// well under 1 KiB; a group call with many users stays far below this.
const MaxBody = 64 << 10

const formType = "application/x-www-form-urlencoded"

// readBody reads the body into buf, at most MaxBody+1 bytes: one byte over
// the cap is enough to know it is too large, without reading the rest.
func readBody(r *http.Request, buf *bytes.Buffer) *rejection {
	if r.ContentLength <= MaxBody {
		if _, err := buf.ReadFrom(io.LimitReader(r.Body, MaxBody+1)); err != nil {
			return &rejection{ReasonUnreadableBody, err}
		}
	}
	if r.ContentLength > MaxBody || buf.Len() > MaxBody {
		return &rejection{reason: ReasonTooLarge}
	}
	return nil
}

// isForm reports whether a Content-Type is the form type, whatever its
// case and parameters (sipgate sends "; charset=UTF-8").
func isForm(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), formType)
}
