package tunnel

import "sync"

// reporter turns the URLs one attempt reads into Up states and OnURL calls:
// the first URL of each attempt and every change are reported.
type reporter struct {
	t    *Tunnel
	mu   sync.Mutex
	last string
}

// up reports url unless it is the one this attempt reported last.
func (r *reporter) up(url string) {
	r.mu.Lock()
	changed := url != r.last
	r.last = url
	r.mu.Unlock()
	if !changed {
		return
	}
	r.t.opts.Logger.Info("tunnel up", "mode", string(r.t.opts.Mode), "url", url)
	r.t.setState(Up{URL: url})
	if r.t.opts.OnURL != nil {
		r.t.opts.OnURL(url)
	}
}

// reached reports whether the attempt got a URL.
func (r *reporter) reached() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last != ""
}
