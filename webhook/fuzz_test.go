package webhook

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func FuzzParseEvent(f *testing.F) {
	for _, v := range loadVectors(f) {
		f.Add([]byte(v.Body))
	}
	f.Add([]byte("event=answer&from=%2B49&to=+49&diversion=4%0A9&answeringNumber="))
	f.Add([]byte("event=newCall;from=1&user[]=&user[]"))
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := ParseBody(body)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrMissingEvent) && !errors.Is(err, ErrUnknownEvent) {
				t.Fatalf("ParseBody(%q) error = %v, want one of the sentinels", body, err)
			}
			return
		}
		if !slices.Contains([]EventType{NewCall, Answer, Hangup, DTMF}, ev.Type) {
			t.Fatalf("ParseBody(%q).Type = %q, want a known type", body, ev.Type)
		}
		vals, _ := url.ParseQuery(string(body))
		for key, got := range map[string]string{"from": ev.From, "to": ev.To, "diversion": ev.Diversion, "answeringNumber": ev.AnsweringNumber} {
			checkNumber(t, key, vals.Get(key), got)
		}
	})
}

// checkNumber asserts the "+" rule: a "+" is added exactly when the raw
// value is non-empty and all ASCII digits, and nothing else changes.
func checkNumber(t *testing.T, key, raw, got string) {
	t.Helper()
	if allDigits.MatchString(raw) {
		if got != "+"+raw {
			t.Fatalf("%s: plusDigits(%q) = %q, want %q", key, raw, got, "+"+raw)
		}
		return
	}
	if got != raw {
		t.Fatalf("%s: plusDigits(%q) = %q, want it unchanged", key, raw, got)
	}
}

func FuzzHandler(f *testing.F) {
	for _, v := range loadVectors(f) {
		f.Add([]byte(v.Body), formCT+"; charset=UTF-8", true)
	}
	f.Add([]byte("event=newCall"), "text/plain", true)
	f.Add([]byte("%zz"), formCT, false)
	f.Add([]byte{}, "", true)
	f.Fuzz(func(t *testing.T, body []byte, ct string, signed bool) {
		h, _ := newTestHandler(nil)
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		r.Header["Content-Type"] = []string{ct}
		if signed {
			r.Header.Set(TestSignatureHeader, SignTestPush(testSecret, body))
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if want := wantStatus(body, ct, signed); w.Code != want {
			t.Fatalf("ServeHTTP(%q, %q, signed=%v) = %d, want %d", body, ct, signed, w.Code, want)
		}
		s := h.Counters().Snapshot()
		if s.Accepted+s.Rejected != 1 || (w.Code == 200) != (s.Accepted == 1) || (w.Code != 200 && s.LastReason.Status() != w.Code) {
			t.Fatalf("ServeHTTP(%q, %q, signed=%v) = %d, counted %+v; want it counted once under a reason with that status", body, ct, signed, w.Code, s)
		}
	})
}

// wantStatus is the handler's contract, restated for the fuzzer.
func wantStatus(body []byte, ct string, signed bool) int {
	ev, err := ParseBody(body)
	switch {
	case len(body) > MaxBody:
		return http.StatusRequestEntityTooLarge
	case strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0])) != formCT:
		return http.StatusUnsupportedMediaType
	case !signed:
		return http.StatusForbidden
	case err != nil:
		return http.StatusBadRequest
	case ev.CallID == "fail":
		return http.StatusInternalServerError
	}
	return http.StatusOK
}

// FuzzParseBodyMatchesParseQuery: ParseBody's one-pass reader gives what
// url.ParseQuery and ParseEvent give, error or event, for every body.
func FuzzParseBodyMatchesParseQuery(f *testing.F) {
	for _, v := range loadVectors(f) {
		f.Add([]byte(v.Body))
	}
	for _, s := range []string{"", "&&", "event=newCall&event=hangup", "event=answer&user=a&user=b&user[]=x&user[]=&user%5B%5D=y",
		"event=hangup&cause=%zz", "ev%65nt=dtmf&dtmf=1%2B2", "event=newCall;x=1", "event=newCall&=x&y", "event=x+y&from=1+2"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, gotErr := ParseBody(body)
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			if !errors.Is(gotErr, ErrMalformed) {
				t.Fatalf("ParseBody(%q) = %v, want ErrMalformed (url.ParseQuery: %v)", body, gotErr, err)
			}
			return
		}
		want, wantErr := ParseEvent(vals)
		if (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
			t.Fatalf("ParseBody(%q) error = %v, ParseEvent = %v", body, gotErr, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseBody(%q) = %+v, ParseEvent = %+v", body, got, want)
		}
	})
}
