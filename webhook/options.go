package webhook

// Option configures a Handler.
type Option func(*Handler)

// WithCounters makes the handler count into c, which outlives it: pass the
// same Counters to every handler that replaces this one. A nil c is
// ignored. Without this option a handler has counters of its own.
func WithCounters(c *Counters) Option {
	return func(h *Handler) {
		if c != nil {
			h.counters = c
		}
	}
}

// Counters returns the counters the handler counts into.
func (h *Handler) Counters() *Counters { return h.counters }
