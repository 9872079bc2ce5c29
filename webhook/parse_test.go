package webhook

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func TestParseEventVectors(t *testing.T) {
	for _, v := range loadVectors(t) {
		t.Run(v.ID, func(t *testing.T) {
			vals, err := url.ParseQuery(v.Body)
			if err != nil {
				t.Fatalf("url.ParseQuery(%s) error: %v", v.ID, err)
			}
			got, err := ParseEvent(vals)
			want := expectedEvent(t, v.Parsed)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("ParseEvent(%s) = %+v, %v\nwant %+v, nil", v.ID, got, err, want)
			}
		})
	}
}

func TestParseEventFields(t *testing.T) {
	tests := []struct {
		name string
		body string
		want Event
	}{
		{"answer with [] forms fills the slices",
			"event=answer&user%5B%5D=Ann&user%5B%5D=Bo&userId[]=w0&user=Ann",
			Event{Type: Answer, Users: []string{"Ann", "Bo"}, UserIDs: []string{"w0"}, User: "Ann"}},
		{"arrays of different lengths stay as sent",
			"event=newCall&user[]=a&user[]=b&user[]=c&fullUserId[]=1w0",
			Event{Type: NewCall, Users: []string{"a", "b", "c"}, FullUserIDs: []string{"1w0"}}},
		{"empty user[] is one empty user",
			"event=newCall&user[]=", Event{Type: NewCall, Users: []string{""}}},
		{"numbers: digits get +, the rest is kept",
			"event=newCall&from=1452406e0&to=00000&diversion=%2B4921&answeringNumber=",
			Event{Type: NewCall, From: "1452406e0", To: "+00000", Diversion: "+4921"}},
		{"anonymous everywhere",
			"event=answer&from=anonymous&to=anonymous&diversion=anonymous&answeringNumber=anonymous",
			Event{Type: Answer, From: Anonymous, To: Anonymous, Diversion: Anonymous, AnsweringNumber: Anonymous}},
		{"non-ASCII digits are not digits",
			"event=hangup&from=%EF%BC%94%EF%BC%99&to=+49", Event{Type: Hangup, From: "４９", To: " 49"}},
		{"open strings: unknown cause and direction kept",
			"event=hangup&cause=chanunavail&direction=sideways",
			Event{Type: Hangup, Cause: "chanunavail", Direction: "sideways"}},
		{"dtmf keeps zeros, star and hash",
			"event=dtmf&dtmf=0%2A%23", Event{Type: DTMF, Digits: "0*#"}},
		{"first of repeated singular keys wins",
			"event=hangup&cause=busy&cause=cancel", Event{Type: Hangup, Cause: Busy}},
	}
	for _, tt := range tests {
		got, err := ParseBody([]byte(tt.body))
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: ParseBody(%q) = %+v, %v\nwant %+v, nil", tt.name, tt.body, got, err, tt.want)
		}
	}
}

func TestParseBodyErrors(t *testing.T) {
	tests := []struct {
		body    string
		want    error
		mention string
	}{
		{"", ErrMissingEvent, ""},
		{"from=4921", ErrMissingEvent, ""},
		{"event=", ErrMissingEvent, ""},
		{"event=onAnswer", ErrUnknownEvent, `"onAnswer"`},
		{"event=NEWCALL", ErrUnknownEvent, `"NEWCALL"`},
		{"event=" + strings.Repeat("x", 100), ErrUnknownEvent, strings.Repeat("x", maxQuoted) + "…"},
		{"event=newCall&from=%zz", ErrMalformed, "%zz"},
		{"event=newCall;from=1", ErrMalformed, "semicolon"},
	}
	for _, tt := range tests {
		_, err := ParseBody([]byte(tt.body))
		if !errors.Is(err, tt.want) || !strings.Contains(errString(err), tt.mention) {
			t.Errorf("ParseBody(%.40q) error = %v, want %v mentioning %q", tt.body, err, tt.want, tt.mention)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
