package ui

import (
	"context"
	"sync"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// fakeBackend is the service as the UI sees it: settings, a test caller,
// the listener's status, and popup clicks it can play.
type fakeBackend struct {
	*fakeSettings
	fakeCaller
	mu       sync.Mutex
	status   service.Status
	onAction []func(service.PopupAction)
}

func (f *fakeBackend) Status() service.Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status
}

func (f *fakeBackend) setStatus(s service.Status) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status = s
}

func (f *fakeBackend) OnPopupAction(fn func(service.PopupAction)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.onAction = append(f.onAction, fn)
}

// click plays a click on a popup.
func (f *fakeBackend) click(a service.PopupAction) {
	f.mu.Lock()
	fns := append([]func(service.PopupAction){}, f.onAction...)
	f.mu.Unlock()
	for _, fn := range fns {
		fn(a)
	}
}

// overlayText is what the dialog on top of win says.
func overlayText(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

// recordDialer passes on the numbers it is asked to call back; it runs
// off the UI goroutine, as a real dialer does.
type recordDialer chan string

func (r recordDialer) CallBack(_ context.Context, number string) (string, error) {
	r <- number
	return "dialling", nil
}

var recentAll = calls.Query{Limit: 100}

// calls5 is the query for the missed call from San Francisco.
func calls5(*backend, *testing.T) calls.Query {
	return calls.Query{Status: calls.StatusMissed, Search: "415"}
}

// contactWith is a new contact with one number.
func contactWith(number string) contacts.Contact {
	return contacts.Contact{Numbers: []contacts.Number{{Raw: number}}}
}
