package calls

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// The users and legs columns hold JSON. A fold writes them for every
// call, and encoding/json's reflection was a tenth of the fold's cost,
// so they are written by hand here, byte for byte as json.Marshal writes
// them (FuzzRowJSON checks that against it).

// appendUsersJSON appends users as a JSON array of strings (null for nil).
func appendUsersJSON(b []byte, users []string) []byte {
	if users == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, u := range users {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, u)
	}
	return append(b, ']')
}

// appendLegsJSON appends legs as json.Marshal does; ok is false when a
// time cannot be written (a year outside 0…9999), as json.Marshal fails.
func appendLegsJSON(b []byte, legs []Leg) (_ []byte, ok bool) {
	if legs == nil {
		return append(b, "null"...), true
	}
	b = append(b, '[')
	for i := range legs {
		l := &legs[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = appendField(append(b, '{'), `"call_id":`, l.CallID)
		b = appendNonEmpty(b, `,"orig_call_id":`, l.OrigCallID)
		b = append(b, `,"users":`...)
		b = appendUsersJSON(b, l.Users)
		b = appendNonEmpty(b, `,"diversion":`, l.Diversion)
		b = appendNonEmpty(b, `,"answered_by":`, l.AnsweredBy)
		b = append(b, `,"voicemail":`...)
		b = strconv.AppendBool(b, l.Voicemail)
		b = appendNonEmpty(b, `,"cause":`, l.Cause)
		if b, ok = appendJSONTimes(b, &l.StartedAt, l.AnsweredAt, l.EndedAt); !ok {
			return b, false
		}
		b = append(b, '}')
	}
	return append(b, ']'), true
}

// appendJSONTimes appends the started_at, answered_at and ended_at
// fields that a call and a leg both have; ok as appendJSONTime.
func appendJSONTimes(b []byte, started, answered, ended *time.Time) (_ []byte, ok bool) {
	b = append(b, `,"started_at":`...)
	if b, ok = appendJSONTime(b, started); ok {
		b = append(b, `,"answered_at":`...)
		b, ok = appendJSONTime(b, answered)
	}
	if ok {
		b = append(b, `,"ended_at":`...)
		b, ok = appendJSONTime(b, ended)
	}
	return b, ok
}

// appendField appends a name (with its comma and colon) and a string.
func appendField(b []byte, name, s string) []byte {
	return appendJSONString(append(b, name...), s)
}

// appendNonEmpty is appendField for an omitempty string: nothing for "".
func appendNonEmpty(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendField(b, name, s)
}

// appendJSONTime appends t as time.Time's MarshalJSON does (null for nil).
func appendJSONTime(b []byte, t *time.Time) ([]byte, bool) {
	if t == nil {
		return append(b, "null"...), true
	}
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json does: control
// characters, quote and backslash escaped, <, > and & as \u00XX, U+2028
// and U+2029 escaped, invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
