package ui

import (
	"context"
	"io"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// CallSource is the call history the recent-calls window shows.
// *calls.Tracker satisfies it.
type CallSource interface {
	// Recent returns calls newest first; the window pages with
	// Query.Limit and Query.Before and never asks for everything.
	Recent(ctx context.Context, q calls.Query) ([]calls.Call, error)
	// Subscribe delivers every call change; the window closes the
	// subscription when it closes.
	Subscribe(buf int) *calls.Subscription
	// Remove deletes a call from the history.
	Remove(ctx context.Context, id int64) error
}

// ContactBook is the contact book the windows read and edit.
// *contacts.Book satisfies it. Its errors are shown to the person as
// they are, so they must be sentences a person understands.
type ContactBook interface {
	// List returns the contacts matching query (name, company, city or
	// a number in any format), sorted by name; "" lists all.
	List(ctx context.Context, query string) ([]contacts.Contact, error)
	// Get returns one contact by ID.
	Get(id int64) (contacts.Contact, error)
	// Lookup finds the contact an E.164 number belongs to now.
	Lookup(e164 string) (contacts.Match, bool)
	// Add and Update validate and store a contact; a bad contact
	// changes nothing and returns the reason.
	Add(ctx context.Context, c contacts.Contact) (contacts.Contact, error)
	Update(ctx context.Context, c contacts.Contact) (contacts.Contact, error)
	Remove(ctx context.Context, id int64) error
	SetBlocked(ctx context.Context, id int64, blocked bool) error
	// Import merges a .vcf or .csv file (name picks the format) and
	// reports what it did; progress may be called from its goroutine.
	Import(ctx context.Context, r io.Reader, name string, progress func(done, total int)) (contacts.Report, error)
	// Export writes every contact as "vcf" or "csv".
	Export(ctx context.Context, w io.Writer, format string) error
	// OnChange registers fn to run after every change, on the goroutine
	// that made it; the windows hand it on to the UI goroutine.
	OnChange(fn func())
}

// SettingsStore is the configuration behind the Settings window.
type SettingsStore interface {
	// Current is the configuration in effect, with the source of each
	// key (Config.Source), so the window can lock what the environment
	// or .env sets.
	Current() config.Config
	// Save stores values (only the keys the person changed, on top of
	// the settings saved before) in the data dir and applies them at
	// once: a new port or host restarts the listener. The error is
	// shown as it is, so it must name the cause and the fix, such as
	// the listener's "port 8080 is already in use".
	Save(values map[string]string) error
}

// TestCaller sends a fake call through the running listener.
type TestCaller interface {
	// SendTestCall posts newCall, answer and hangup of a test call and
	// returns what happened in a sentence, or why it failed.
	SendTestCall(ctx context.Context) (string, error)
}

// CallBacker calls a number back. The Backend may be one (the service
// calls through sipgate when the account is connected); otherwise the
// system's tel: handler dials (see dialerFor). Every "Call back" button
// and popup action goes through it.
type CallBacker interface {
	// CallBack starts a call to number (E.164) and returns what happened
	// in a sentence to show, or why it failed.
	CallBack(ctx context.Context, number string) (string, error)
}

// PopupSource reports what the person clicked on a popup. The Backend
// may be one (*service.Service is).
type PopupSource interface {
	// OnPopupAction registers fn for every click on a popup's action or
	// body; fn runs on the goroutine that heard it.
	OnPopupAction(fn func(service.PopupAction))
}
