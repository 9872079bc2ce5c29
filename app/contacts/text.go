package contacts

import "strings"

// components splits a structured vCard value (N, ADR, ORG) at the
// semicolons that are not escaped, and unescapes each part.
func components(v string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++ // the escaped character is never a separator
		case ';':
			parts = append(parts, unescape(v[start:i]))
			start = i + 1
		}
	}
	return append(parts, unescape(v[start:]))
}

// unescape undoes the escapes of a vCard text value (RFC 6350 3.4):
// "\\", "\n" (or "\N"), "\,", "\;", and "\:" that some writers add. A
// backslash before anything else is kept, as it is.
func unescape(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch next := s[i+1]; next {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ',', ';', ':':
			b.WriteByte(next)
		default:
			b.WriteByte('\\')
			b.WriteByte(next)
		}
		i++
	}
	return b.String()
}

// escape makes text safe as a vCard text value or component.
var escape = strings.NewReplacer(`\`, `\\`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`, ",", `\,`, ";", `\;`).Replace

func part(parts []string, i int) string {
	if i < len(parts) {
		return strings.TrimSpace(parts[i])
	}
	return ""
}

// splitName splits a full name into first and last name: "Anna
// Schmidt", "Schmidt, Anna".
func splitName(full string) (first, last string) {
	full = strings.TrimSpace(full)
	if l, f, ok := strings.Cut(full, ","); ok {
		return strings.TrimSpace(f), strings.TrimSpace(l)
	}
	if i := strings.LastIndexByte(full, ' '); i > 0 {
		return strings.TrimSpace(full[:i]), full[i+1:]
	}
	return full, ""
}
