package service

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// Feature is one thing the sipgate connection does, the token scope it
// needs, and whether the token has it.
type Feature struct {
	Name  string `json:"name"`
	Scope string `json:"scope"`
	// State is "allowed", "refused" (the token lacks the scope, or the
	// feature is not booked), "failed" (another error, in Error) or
	// "unchecked" (a write that is only tried when used).
	State string `json:"state"`
	Error string `json:"error,omitempty"`
}

// The states of Feature.
const (
	FeatureAllowed   = "allowed"
	FeatureRefused   = "refused"
	FeatureFailed    = "failed"
	FeatureUnchecked = "unchecked"
)

// Delivery is one webhook delivery in sipgate's log.
type Delivery struct {
	At     string `json:"at"`
	URL    string `json:"url"`
	Status int    `json:"status"`
	Error  string `json:"error,omitempty"`
}

// AccountReport is what `sipgate status` and Settings show.
type AccountReport struct {
	UserID   string `json:"user_id"`
	UserName string `json:"user_name,omitempty"`
	Company  string `json:"company,omitempty"`
	// Booked is false when sipgate refused the webhook settings (403).
	Booked      bool   `json:"sipgateio_booked"`
	IncomingURL string `json:"incoming_url"`
	OutgoingURL string `json:"outgoing_url"`
	Log         bool   `json:"log"`
	// PublicURL is this app's; PointsHere is true when sipgate sends
	// both directions to it.
	PublicURL  string     `json:"public_url"`
	PointsHere bool       `json:"points_here"`
	Deliveries []Delivery `json:"deliveries"`
	Features   []Feature  `json:"features"`
	// Neo is true when the account looks like sipgate neo: webhooks are
	// delivered but /history holds no calls.
	Neo bool `json:"neo"`
}

// maxDeliveries is how many of sipgate's last deliveries a report keeps.
const maxDeliveries = 5

// SipgateReport asks sipgate who the token belongs to, where it sends
// webhooks, its last deliveries, and which features the token's scopes
// allow. Only a token sipgate refuses (or sipgate unreachable) fails it;
// every other refusal is a feature's state.
func SipgateReport(ctx context.Context, c *sipgate.Client, publicURL string) (AccountReport, error) {
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	defer cancel()
	u, err := c.Userinfo(ctx)
	if err != nil {
		return AccountReport{}, err
	}
	r := AccountReport{UserID: u.Sub, PublicURL: publicURL, Deliveries: []Delivery{}}
	feature := func(name, scope string, err error) {
		f := Feature{Name: name, Scope: scope, State: FeatureAllowed}
		var se *sipgate.ScopeError
		var nb *sipgate.NotBookedError
		switch {
		case errors.As(err, &se), errors.As(err, &nb):
			f.State = FeatureRefused
		case err != nil:
			f.State, f.Error = FeatureFailed, err.Error()
		}
		r.Features = append(r.Features, f)
	}
	users, err := c.Users(ctx)
	feature("user names", "users:read", err)
	for _, us := range users {
		if us.ID == u.Sub {
			r.UserName = us.Name()
		}
	}
	acc, err := c.Account(ctx)
	feature("account", "account:read", err)
	r.Company = acc.Company
	settings, err := c.WebhookSettings(ctx)
	feature("webhook URLs", "settings:sipgateio:read", err)
	r.Booked = err == nil
	r.IncomingURL, r.OutgoingURL, r.Log = settings.IncomingURL, settings.OutgoingURL, settings.Log
	r.PointsHere = publicURL != "" && sameURL(settings.IncomingURL, publicURL) && sameURL(settings.OutgoingURL, publicURL)
	log, err := c.WebhookLog(ctx)
	feature("delivery log", "log:webhooks:read", err)
	slices.SortStableFunc(log, func(a, b sipgate.WebhookLogEntry) int { return b.Created.Time.Compare(a.Created.Time) })
	for _, e := range log[:min(len(log), maxDeliveries)] {
		r.Deliveries = append(r.Deliveries, Delivery{At: e.Created.Time.Format("2006-01-02 15:04:05"), URL: e.URL, Status: int(e.Status), Error: e.XMLError})
	}
	_, err = c.ContactsPage(ctx, 0, 1)
	feature("contacts sync", "contacts:read", err)
	hist, err := c.HistoryPage(ctx, sipgate.HistoryFilter{Types: []sipgate.HistoryType{sipgate.TypeCall}}, 0, 1)
	feature("calls while the app was off", "history:read", err)
	r.Neo = err == nil && hist.TotalCount == 0 && len(log) > 0
	_, err = c.Devices(ctx, u.Sub)
	feature("call back: your devices", "devices:read", err)
	r.Features = append(r.Features, Feature{Name: "call back through sipgate", Scope: "sessions:calls:write", State: FeatureUnchecked})
	_, err = c.BlockedNumbers(ctx)
	feature("block list (read)", "blacklist:read", err)
	r.Features = append(r.Features, Feature{Name: "block at sipgate", Scope: "blacklist:write", State: FeatureUnchecked})
	return r, nil
}

// sameURL compares webhook URLs, ignoring a trailing slash.
func sameURL(a, b string) bool {
	return a != "" && strings.TrimRight(a, "/") == strings.TrimRight(b, "/")
}
