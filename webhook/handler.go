package webhook

import (
	"bytes"
	"log/slog"
	"net/http"
	"sync"
)

// xmlContentType is shared by every newCall answer (net/http only reads
// it), which saves an allocation per call.
var xmlContentType = []string{"application/xml; charset=utf-8"}

// Handler is the http.Handler sipgate posts to. It checks the request,
// verifies the signature over the raw body, parses the event, asks the
// Responder and writes the answer. It is safe for concurrent use.
type Handler struct {
	logger    *slog.Logger
	verifier  Verifier
	responder Responder
	counters  *Counters
}

// NewHandler returns a Handler. A nil verifier turns the signature check
// off (for a tunnel that re-encodes bodies, or when the user turned it
// off); a nil logger discards logs. The responder is required. Pass
// WithCounters to count into Counters that outlive the handler.
func NewHandler(logger *slog.Logger, verifier Verifier, responder Responder, opts ...Option) *Handler {
	if responder == nil {
		panic("webhook: NewHandler with nil responder")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	h := &Handler{logger: logger, verifier: verifier, responder: responder}
	for _, o := range opts {
		o(h)
	}
	if h.counters == nil {
		h.counters = NewCounters()
	}
	return h
}

// bufPool holds request and response buffers: the body is read into one,
// and once parsed the same buffer carries the XML answer.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// ServeHTTP handles one push.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	ev, rej := h.accept(r, buf)
	if rej != nil {
		h.reject(w, r, rej)
		return
	}
	resp, err := h.responder.Respond(r.Context(), ev)
	if err != nil {
		h.reject(w, r, &rejection{ReasonResponderFailed, err})
		return
	}
	writeAnswer(w, buf, ev, resp)
	h.accepted(r, ev)
}

// accept runs the checks in order, cheapest and least trusting first; the
// signature is checked over the raw bytes before anything parses them.
func (h *Handler) accept(r *http.Request, buf *bytes.Buffer) (Event, *rejection) {
	if r.Method != http.MethodPost {
		return Event{}, &rejection{reason: ReasonBadMethod}
	}
	if rej := readBody(r, buf); rej != nil {
		return Event{}, rej
	}
	if !isForm(r.Header.Get("Content-Type")) {
		return Event{}, &rejection{reason: ReasonBadContentType}
	}
	if h.verifier != nil {
		if err := h.verifier.Verify(buf.Bytes(), r.Header); err != nil {
			return Event{}, &rejection{signatureReason(err), err}
		}
	}
	ev, err := ParseBody(buf.Bytes())
	if err != nil {
		return Event{}, &rejection{parseReason(err), err}
	}
	return ev, nil
}

// writeAnswer answers a newCall with the Responder's XML and every other event
// with an empty 200: sipgate discards those answers.
func writeAnswer(w http.ResponseWriter, buf *bytes.Buffer, ev Event, resp Response) {
	if ev.Type != NewCall {
		w.WriteHeader(http.StatusOK)
		return
	}
	buf.Reset()
	buf.Write(resp.AppendXML(buf.AvailableBuffer()))
	w.Header()["Content-Type"] = xmlContentType
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}
