package contacts

import (
	"bytes"
	"strings"
)

// nextLine is the first line of data with its line break.
func nextLine(data []byte) []byte {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return data[:i+1]
	}
	return data
}

// trimLine is a line without its line break and surrounding blanks.
func trimLine(l []byte) []byte { return bytes.TrimSpace(l) }

// isFolded reports whether l continues the line before (RFC 6350 3.2).
func isFolded(l []byte) bool { return len(l) > 0 && (l[0] == ' ' || l[0] == '\t') }

// isMarker reports whether t is "BEGIN:VCARD" or "END:VCARD" (kind).
func isMarker(t []byte, kind string) bool {
	return len(t) == len(kind)+6 && bytes.EqualFold(t[:len(kind)], []byte(kind)) &&
		bytes.EqualFold(t[len(kind):], []byte(":VCARD"))
}

// wanted are the properties a record is made of; the others (PHOTO,
// LOGO, SOUND, KEY: often megabytes) are skipped without being joined.
var wanted = map[string]bool{
	"VERSION": true, "N": true, "FN": true, "ORG": true, "TEL": true, "ADR": true, "NOTE": true,
	"X-ABLABEL": true, "UID": true, fieldVIP: true, fieldBlocked: true,
}

// logicalLines unfolds a card into its properties' lines, each with the
// line it starts on: folded lines are joined (RFC 2425/6350), and so are
// quoted-printable values of vCard 2.1 that end in a soft line break
// ("=" at the end). Properties that are not wanted are dropped here, so
// a photo of megabytes costs one pass over its bytes.
func logicalLines(data []byte, first int, fn func(line int, text string)) {
	var cur strings.Builder
	keep, qp, soft := false, false, false
	start := 0
	flush := func() {
		if keep {
			fn(start, cur.String())
		}
		cur.Reset()
		keep = false
	}
	for n, off := first, 0; off < len(data); n++ {
		l := nextLine(data[off:])
		off += len(l)
		body := bytes.TrimRight(l, "\r\n")
		switch {
		case soft && !isMarker(trimLine(body), "END"):
			// a quoted-printable value goes on, as it is
		case isFolded(body):
			body = body[1:]
		default:
			flush()
			start = n
			keep = wanted[propName(body)]
			qp = isQuotedPrintable(body)
		}
		soft = qp && bytes.HasSuffix(body, []byte("="))
		if keep {
			if soft {
				body = body[:len(body)-1]
			}
			cur.Write(body)
		}
	}
	flush()
}

// propName is the upper-case name of the property a line starts,
// without its group: "item1.TEL;type=pref:…" is "TEL".
func propName(l []byte) string {
	end := bytes.IndexAny(l, ";:")
	if end < 0 {
		return ""
	}
	name := l[:end]
	if dot := bytes.LastIndexByte(name, '.'); dot >= 0 {
		name = name[dot+1:]
	}
	return strings.ToUpper(string(name))
}

// isQuotedPrintable reports whether a line's parameters (before the
// first colon) say ENCODING=QUOTED-PRINTABLE, or just QUOTED-PRINTABLE
// as vCard 2.1 allows.
func isQuotedPrintable(l []byte) bool {
	head := l
	if i := bytes.IndexByte(l, ':'); i >= 0 {
		head = l[:i]
	}
	return bytes.Contains(bytes.ToUpper(head), []byte("QUOTED-PRINTABLE"))
}
