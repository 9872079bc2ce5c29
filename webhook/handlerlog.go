package webhook

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
)

// accepted counts an answered push and logs it in one line: at Info
// without personal data (up to acceptedInFull an interval, then their
// count), or, when Debug is on, at Debug with every field.
func (h *Handler) accepted(r *http.Request, ev Event) {
	ctx := r.Context()
	switch {
	case h.logger.Enabled(ctx, slog.LevelDebug):
		h.counters.accept()
		h.logDebug(ctx, ev)
		return
	case !h.logger.Enabled(ctx, slog.LevelInfo):
		h.counters.accept()
		return
	}
	first, repeats := h.counters.acceptLogged(h.logger)
	if repeats > 0 {
		logAcceptedRepeats(h.logger, repeats)
	}
	if !first {
		return
	}
	h.logger.LogAttrs(ctx, slog.LevelInfo, "webhook",
		slog.String("event", string(ev.Type)),
		slog.String("direction", string(ev.Direction)),
		slog.Int("status", http.StatusOK),
		slog.String("id", ShortID(ev)))
}

// acceptedInFull is how many accepted pushes an interval are logged a
// line each at Info; the interval's others are one line with their
// count, so a busy line or a load test does not flood the log (and a
// line per push costs as much CPU as parsing it). Debug logs each.
const acceptedInFull = 30

func logAcceptedRepeats(logger *slog.Logger, n uint64) {
	logger.LogAttrs(context.Background(), slog.LevelInfo, "webhooks accepted",
		slog.Int("status", http.StatusOK),
		slog.Uint64("count", n),
		slog.Duration("within", repeatInterval))
}

func (h *Handler) logDebug(ctx context.Context, ev Event) {
	h.logger.LogAttrs(ctx, slog.LevelDebug, "webhook",
		slog.String("event", string(ev.Type)),
		slog.String("direction", string(ev.Direction)),
		slog.Int("status", http.StatusOK),
		slog.String("id", ShortID(ev)),
		slog.String("from", ev.From),
		slog.String("to", ev.To),
		slog.String("callId", ev.CallID),
		slog.String("origCallId", ev.OrigCallID),
		slog.Any("users", ev.Users),
		slog.String("user", ev.User),
		slog.String("answeringNumber", ev.AnsweringNumber),
		slog.String("diversion", ev.Diversion),
		slog.String("cause", string(ev.Cause)),
		slog.String("dtmf", ev.Digits))
}

// ShortID is a short, non-personal id for the call an event belongs to,
// for logs: the xcid when sipgate sent one, else the first 8 hex digits of
// the SHA-256 of the leg id (origCallId, or callId).
func ShortID(ev Event) string {
	if ev.XCID != "" {
		return ev.XCID
	}
	sum := sha256.Sum256([]byte(ev.LegID()))
	return hex.EncodeToString(sum[:4])
}
