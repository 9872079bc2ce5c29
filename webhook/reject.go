package webhook

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
)

// rejection is why a request got an error status. err carries the detail,
// which never includes a number or a name.
type rejection struct {
	reason Reason
	err    error
}

// reject answers with the reason's status and counts it. The first
// rejection of a reason in an interval is logged at Warn in full; repeats
// within the interval are logged as one line with their count.
func (h *Handler) reject(w http.ResponseWriter, r *http.Request, rej *rejection) {
	status := rej.reason.Status()
	if status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", http.MethodPost)
	}
	http.Error(w, http.StatusText(status), status)
	first, repeats := h.counters.reject(rej.reason, h.logger)
	if repeats > 0 {
		logRepeats(h.logger, rej.reason, repeats)
	}
	if !first {
		return
	}
	attrs := []slog.Attr{
		slog.Int("status", status),
		slog.String("reason", rej.reason.String()),
		slog.String("method", r.Method),
		slog.String("remote", r.RemoteAddr),
	}
	if rej.err != nil {
		attrs = append(attrs, slog.String("err", rej.err.Error()))
	}
	h.logger.LogAttrs(r.Context(), slog.LevelWarn, "webhook rejected", attrs...)
}

// logRepeats logs the rejections of one reason that were held back in an
// interval, as one line.
func logRepeats(logger *slog.Logger, reason Reason, n uint64) {
	logger.LogAttrs(context.Background(), slog.LevelWarn, "webhook rejected again",
		slog.Int("status", reason.Status()),
		slog.String("reason", reason.String()),
		slog.Uint64("count", n),
		slog.Duration("within", repeatInterval))
}

// signatureReason tells a missing signature (a tunnel or proxy dropped the
// header) from a wrong one: they have different fixes.
func signatureReason(err error) Reason {
	if errors.Is(err, ErrNoSignature) && !errors.Is(err, ErrBadSignature) {
		return ReasonNoSignature
	}
	return ReasonBadSignature
}

func parseReason(err error) Reason {
	if errors.Is(err, ErrMalformed) {
		return ReasonBadForm
	}
	return ReasonBadEvent
}
