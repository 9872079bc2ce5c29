package webhook

import (
	"errors"
	"net/url"
	"strings"
)

// maxFields is how many &-separated fields a body may have, the bound
// net/url puts on a query.
const maxFields = 10000

// errSemicolon is a field with a ";", which form encoding does not allow
// as a separator.
var errSemicolon = errors.New("invalid semicolon separator in form body")

// The single-valued fields of a push, as indexes into form.one.
const (
	fEvent = iota
	fDirection
	fFrom
	fTo
	fCallID
	fOrigCallID
	fXCID
	fUser
	fUserID
	fFullUserID
	fAnsweringNumber
	fDiversion
	fCause
	fDTMF
	nFields
)

// formFields are the names of the single-valued fields, by index.
var formFields = [nFields]string{"event", "direction", "from", "to", "callId", "origCallId", "xcid",
	"user", "userId", "fullUserId", "answeringNumber", "diversion", "cause", "dtmf"}

// form is a push's fields, read in one pass over the body with the rules
// of url.ParseQuery (the first value of a field counts, list fields
// collect every value) but without building its map: this runs for every
// request.
type form struct {
	one                         [nFields]string
	seen                        [nFields]bool
	users, userIDs, fullUserIDs []string
}

// parse reads body. Like url.ParseQuery it reads every field even after
// an error, and reports the first error.
func (f *form) parse(body string) error {
	if strings.Count(body, "&") >= maxFields {
		return errors.New("the body has more than 10000 fields")
	}
	var first error
	for body != "" {
		var field string
		field, body, _ = strings.Cut(body, "&")
		if strings.Contains(field, ";") {
			first = errSemicolon
			continue
		}
		if field == "" {
			continue
		}
		key, value, _ := strings.Cut(field, "=")
		key, err := url.QueryUnescape(key)
		if err == nil {
			value, err = url.QueryUnescape(value)
		}
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		f.set(key, value)
	}
	return first
}

// set stores one field's value; the first value of a field counts.
func (f *form) set(key, value string) {
	switch key {
	case "user[]":
		f.users = append(f.users, value)
		return
	case "userId[]":
		f.userIDs = append(f.userIDs, value)
		return
	case "fullUserId[]":
		f.fullUserIDs = append(f.fullUserIDs, value)
		return
	}
	for i, name := range formFields {
		if name == key {
			if !f.seen[i] {
				f.seen[i], f.one[i] = true, value
			}
			return
		}
	}
}

// event is the push the fields make.
func (f *form) event() (Event, error) {
	v := &f.one
	t, err := eventType(v[fEvent])
	if err != nil {
		return Event{}, err
	}
	return Event{
		Type:            t,
		Direction:       Direction(v[fDirection]),
		From:            plusDigits(v[fFrom]),
		To:              plusDigits(v[fTo]),
		CallID:          v[fCallID],
		OrigCallID:      v[fOrigCallID],
		XCID:            v[fXCID],
		Users:           f.users,
		UserIDs:         f.userIDs,
		FullUserIDs:     f.fullUserIDs,
		User:            v[fUser],
		UserID:          v[fUserID],
		FullUserID:      v[fFullUserID],
		AnsweringNumber: plusDigits(v[fAnsweringNumber]),
		Diversion:       plusDigits(v[fDiversion]),
		Cause:           Cause(v[fCause]),
		Digits:          v[fDTMF],
	}, nil
}
