package ui

import (
	"context"
	"errors"
	"net/url"

	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// errNoTelHandler means nothing on this computer opens tel: links.
var errNoTelHandler = errors.New("no tel: handler")

// dialerFor is b when it can call back itself (through sipgate), falling
// back to the system's tel: handler, opened with open, while b has no
// sipgate account.
func dialerFor(b Backend, open func(*url.URL) error) CallBacker {
	tel := telDialer{open: open, hasHandler: telHandler}
	if cb, ok := b.(CallBacker); ok {
		return fallbackDialer{cb, tel}
	}
	return tel
}

// fallbackDialer calls through first, and through then when first has no
// sipgate account to call with.
type fallbackDialer struct{ first, then CallBacker }

func (f fallbackDialer) CallBack(ctx context.Context, number string) (string, error) {
	msg, err := f.first.CallBack(ctx, number)
	if errors.Is(err, sipgate.ErrNoToken) {
		return f.then.CallBack(ctx, number)
	}
	return msg, err
}

// telDialer dials through the system's tel: handler (a softphone or the
// sipgate app).
type telDialer struct {
	open       func(*url.URL) error
	hasHandler func(ctx context.Context) bool
}

// CallBack opens tel:number, or says that nothing would answer it.
func (t telDialer) CallBack(ctx context.Context, number string) (string, error) {
	if !t.hasHandler(ctx) {
		return "", &TelError{Number: number, Err: errNoTelHandler}
	}
	if err := t.open(&url.URL{Scheme: "tel", Opaque: number}); err != nil {
		return "", &TelError{Number: number, Err: err}
	}
	return i18n.T("Dialling {{.Number}} with your phone app.", map[string]any{"Number": phone.Display(number, "")}), nil
}

// TelError is why a number could not be dialled through the system.
type TelError struct {
	Number string
	Err    error
}

func (e *TelError) Error() string {
	if errors.Is(e.Err, errNoTelHandler) {
		return i18n.T("Nothing on this computer dials phone numbers (tel: links): install a softphone or the sipgate app, or copy the number and dial it on your phone.")
	}
	return i18n.T("Your phone app could not be opened to dial {{.Number}}: {{.Err}}", map[string]any{"Number": e.Number, "Err": e.Err})
}

func (e *TelError) Unwrap() error { return e.Err }
