package webhook

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// vector is one entry of testdata/vectors.json, a copy of the vectors in
// sipgate/PUSH-API.md §6.
type vector struct {
	ID, Title, Source, Body string
	Parsed                  map[string]any
	Signature               string
}

func loadVectors(tb testing.TB) []vector {
	tb.Helper()
	data, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		tb.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(data, &vs); err != nil {
		tb.Fatalf("testdata/vectors.json: %v", err)
	}
	return vs
}

func vectorByID(tb testing.TB, id string) vector {
	tb.Helper()
	for _, v := range loadVectors(tb) {
		if v.ID == id {
			return v
		}
	}
	tb.Fatalf("no vector %s in testdata", id)
	return vector{}
}

var allDigits = regexp.MustCompile(`^[0-9]+$`)

// wantNumber is the "+" rule, written independently of plusDigits.
func wantNumber(s string) string {
	if allDigits.MatchString(s) {
		return "+" + s
	}
	return s
}

// parsedKeys maps a key of a vector's Parsed JSON (the wire name without
// "[]") to the Event field it fills. The "user" key is special: a JSON
// array is user[], a string is the singular user of an answer.
var parsedKeys = map[string]func(e *Event, s string, list []string){
	"event":           func(e *Event, s string, _ []string) { e.Type = EventType(s) },
	"direction":       func(e *Event, s string, _ []string) { e.Direction = Direction(s) },
	"from":            func(e *Event, s string, _ []string) { e.From = wantNumber(s) },
	"to":              func(e *Event, s string, _ []string) { e.To = wantNumber(s) },
	"callId":          func(e *Event, s string, _ []string) { e.CallID = s },
	"origCallId":      func(e *Event, s string, _ []string) { e.OrigCallID = s },
	"xcid":            func(e *Event, s string, _ []string) { e.XCID = s },
	"answeringNumber": func(e *Event, s string, _ []string) { e.AnsweringNumber = wantNumber(s) },
	"diversion":       func(e *Event, s string, _ []string) { e.Diversion = wantNumber(s) },
	"cause":           func(e *Event, s string, _ []string) { e.Cause = Cause(s) },
	"dtmf":            func(e *Event, s string, _ []string) { e.Digits = s },
	"user": func(e *Event, s string, l []string) {
		e.User, e.Users = s, l
	},
	"userId": func(e *Event, s string, l []string) {
		e.UserID, e.UserIDs = s, l
	},
	"fullUserId": func(e *Event, s string, l []string) {
		e.FullUserID, e.FullUserIDs = s, l
	},
}

// ignoredKeys are V24's keys that sipgate never sends (qs-indexed arrays,
// sipgateio-node's internal name): they fill nothing.
var ignoredKeys = map[string]bool{
	"user[][0]": true, "userId[][0]": true, "fullUserId[][0]": true, "originalCallId": true,
}

// expectedEvent converts a vector's Parsed JSON into the Event ParseEvent
// must return.
func expectedEvent(tb testing.TB, parsed map[string]any) Event {
	tb.Helper()
	var e Event
	for k, v := range parsed {
		set, ok := parsedKeys[k]
		if !ok {
			if !ignoredKeys[k] {
				tb.Fatalf("Parsed key %q has no Event field", k)
			}
			continue
		}
		switch v := v.(type) {
		case string:
			set(&e, v, nil)
		case []any:
			set(&e, "", toStrings(tb, v))
		default:
			tb.Fatalf("Parsed key %q has type %T", k, v)
		}
	}
	return e
}

func toStrings(tb testing.TB, in []any) []string {
	out := make([]string, len(in))
	for i, v := range in {
		s, ok := v.(string)
		if !ok {
			tb.Fatalf("Parsed array element %v is %T", v, v)
		}
		out[i] = s
	}
	return out
}
