package contacts

import (
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// decodeValue undoes vCard 2.1's ENCODING=QUOTED-PRINTABLE ("=44=C3=B6")
// and reads the bytes in the CHARSET the property names (UTF-8 when
// none, Windows-1252 when they are not UTF-8). Other values are already
// text: the whole file was made UTF-8 before.
func decodeValue(v string, params vcard.Params) string {
	if !strings.EqualFold(params.Get("ENCODING"), "QUOTED-PRINTABLE") {
		return v
	}
	raw := unQuotedPrintable(v)
	if cs := strings.TrimSpace(params.Get("CHARSET")); cs != "" && !strings.EqualFold(cs, "UTF-8") {
		if enc, err := htmlindex.Get(cs); err == nil {
			if out, err := enc.NewDecoder().Bytes(raw); err == nil {
				return string(out)
			}
		}
	}
	if utf8.Valid(raw) {
		return string(raw)
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(raw) // cannot fail
	return string(out)
}

// unQuotedPrintable decodes "=XX" escapes (RFC 2045 6.7; the soft line
// breaks are already joined). A "=" not followed by two hex digits is
// kept as it is: exporters get this wrong, and the text is still worth
// more than an error.
func unQuotedPrintable(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '=' && i+2 < len(s) {
			if h, ok := unhex(s[i+1]); ok {
				if l, ok := unhex(s[i+2]); ok {
					out = append(out, h<<4|l)
					i += 2
					continue
				}
			}
		}
		out = append(out, s[i])
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}
