package team

import (
	"fmt"
	"strconv"
	"strings"
)

// names are the NATS subjects, stream, buckets and header of one team.
type names struct {
	team string
}

// HeaderInstance names the instance that published a call state.
const HeaderInstance = "Whoiscalling-Instance"

func (n names) stream() string            { return "WHOISCALLING_" + n.team }
func (n names) callsPrefix() string       { return "whoiscalling." + n.team + ".calls." }
func (n names) callsFilter() string       { return n.callsPrefix() + ">" }
func (n names) subject(key string) string { return n.callsPrefix() + escapeToken(key) }
func (n names) bucket(what string) string { return "whoiscalling_" + n.team + "_" + what }

// msgID de-duplicates a state in JetStream: one message per call version.
func msgID(key string, version int64) string { return fmt.Sprintf("%s:%d", key, version) }

// escapeToken makes s a valid NATS subject token and key-value key: it
// keeps letters, digits, '-' and '_' and writes every other byte as =XX,
// so different keys stay different. The empty string becomes "=".
func escapeToken(s string) string {
	if s == "" {
		return "="
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "=%02X", c)
	}
	return b.String()
}

// unescapeToken reverses escapeToken; ok is false for a token it cannot
// have made.
func unescapeToken(t string) (string, bool) {
	if t == "=" {
		return "", true
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] != '=' {
			b.WriteByte(t[i])
			continue
		}
		if i+2 >= len(t) {
			return "", false
		}
		c, err := strconv.ParseUint(t[i+1:i+3], 16, 8)
		if err != nil {
			return "", false
		}
		b.WriteByte(byte(c))
		i += 2
	}
	s := b.String()
	return s, escapeToken(s) == t
}
