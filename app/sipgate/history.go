package sipgate

import (
	"context"
	"net/url"
	"time"
)

// HistoryType is the kind of a history entry.
type HistoryType string

// The history types sipgate names.
const (
	TypeCall      HistoryType = "CALL"
	TypeVoicemail HistoryType = "VOICEMAIL"
	TypeSMS       HistoryType = "SMS"
	TypeFax       HistoryType = "FAX"
)

// Direction is a history entry's direction.
type Direction string

// The directions sipgate names.
const (
	DirIncoming       Direction = "INCOMING"
	DirOutgoing       Direction = "OUTGOING"
	DirMissedIncoming Direction = "MISSED_INCOMING"
	DirMissedOutgoing Direction = "MISSED_OUTGOING"
)

// HistoryEntry is an entry of GET /history. CallID, Duration, Recordings
// and CallStatus come with CALL entries only, Duration with VOICEMAIL
// entries too.
type HistoryEntry struct {
	ID            string      `json:"id"`
	Source        string      `json:"source"`
	Target        string      `json:"target"`
	SourceAlias   string      `json:"sourceAlias"`
	TargetAlias   string      `json:"targetAlias"`
	Type          HistoryType `json:"type"`
	Created       Time        `json:"created"`
	LastModified  Time        `json:"lastModified"`
	Direction     Direction   `json:"direction"`
	Incoming      bool        `json:"incoming"`
	Status        string      `json:"status"` // NOPICKUP, BUSY, PICKUP, FORWARD
	ConnectionIDs []string    `json:"connectionIds"`
	Read          bool        `json:"read"`
	Archived      bool        `json:"archived"`
	Note          string      `json:"note"`
	Endpoints     []Routed    `json:"endpoints"`
	Starred       bool        `json:"starred"`
	Labels        []string    `json:"labels"`
	CallID        string      `json:"callId"`
	// Duration is in seconds.
	Duration   float64     `json:"duration"`
	Recordings []Recording `json:"recordings"`
	// CallStatus: SUCCESS, FAILURE, REJECTED, REJECTED_DND,
	// VOICEMAIL_NO_MESSAGE, BUSY_ON_BUSY, BUSY, MISSED.
	CallStatus string `json:"callStatus"`
}

// Routed is an endpoint a call reached: Type is FORWARDED, ROUTED or
// PICKUP (the one that answered).
type Routed struct {
	Type     string      `json:"type"`
	Endpoint EndpointRef `json:"endpoint"`
}

// EndpointRef names an extension ("w0", "g1", "x0" …) and its kind.
type EndpointRef struct {
	Extension string `json:"extension"`
	Type      string `json:"type"`
}

// Recording is a call recording.
type Recording struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

// HistoryFilter narrows GET /history. Zero fields do not filter.
type HistoryFilter struct {
	Types      []HistoryType
	Directions []Direction
	// From and To bound the entries' creation time.
	From, To    time.Time
	Phonenumber string
}

// query is the filter as sipgate's parameters; lists repeat the name.
func (f HistoryFilter) query() url.Values {
	q := url.Values{}
	for _, t := range f.Types {
		q.Add("types", string(t))
	}
	for _, d := range f.Directions {
		q.Add("directions", string(d))
	}
	if !f.From.IsZero() {
		q.Set("from", f.From.UTC().Format(time.RFC3339))
	}
	if !f.To.IsZero() {
		q.Set("to", f.To.UTC().Format(time.RFC3339))
	}
	if f.Phonenumber != "" {
		q.Set("phonenumber", f.Phonenumber)
	}
	return q
}

// HistoryPage reads one page of the history (scope history:read; limit
// at most 1000).
func (c *Client) HistoryPage(ctx context.Context, f HistoryFilter, offset, limit int) (Page[HistoryEntry], error) {
	return getPage[HistoryEntry](ctx, c, epHistory, f.query(), offset, min(limit, 1000))
}

// History reads every entry that f lets through, page by page, newest
// first as sipgate sends them.
func (c *Client) History(ctx context.Context, f HistoryFilter) ([]HistoryEntry, error) {
	return collect[HistoryEntry](ctx, c, epHistory, f.query(), c.pageSize(1000))
}

// CallHistory reads the calls and voicemails created since since (all
// of them for the zero time): what a calls sync needs.
func (c *Client) CallHistory(ctx context.Context, since time.Time) ([]HistoryEntry, error) {
	return c.History(ctx, HistoryFilter{Types: []HistoryType{TypeCall, TypeVoicemail}, From: since})
}
