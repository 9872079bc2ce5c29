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
		b = append(b, `{"call_id":`...)
		b = appendJSONString(b, l.CallID)
		if l.OrigCallID != "" {
			b = append(b, `,"orig_call_id":`...)
			b = appendJSONString(b, l.OrigCallID)
		}
		b = append(b, `,"users":`...)
		b = appendUsersJSON(b, l.Users)
		if l.Diversion != "" {
			b = append(b, `,"diversion":`...)
			b = appendJSONString(b, l.Diversion)
		}
		if l.AnsweredBy != "" {
			b = append(b, `,"answered_by":`...)
			b = appendJSONString(b, l.AnsweredBy)
		}
		b = append(b, `,"voicemail":`...)
		b = strconv.AppendBool(b, l.Voicemail)
		if l.Cause != "" {
			b = append(b, `,"cause":`...)
			b = appendJSONString(b, l.Cause)
		}
		b = append(b, `,"started_at":`...)
		if b, ok = appendJSONTime(b, &l.StartedAt); !ok {
			return b, false
		}
		b = append(b, `,"answered_at":`...)
		if b, ok = appendJSONTime(b, l.AnsweredAt); !ok {
			return b, false
		}
		b = append(b, `,"ended_at":`...)
		if b, ok = appendJSONTime(b, l.EndedAt); !ok {
			return b, false
		}
		b = append(b, '}')
	}
	return append(b, ']'), true
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
