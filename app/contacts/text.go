package contacts

import "strings"

// components splits a structured vCard value (N, ADR, ORG) at the
// semicolons that are not escaped, and unescapes each part.
func components(v string) []string {
	if !strings.Contains(v, `\`) {
		return strings.Split(v, ";")
	}
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '\\' && i+1 < len(v) && v[i+1] == ';':
			cur.WriteByte(';')
			i++
		case v[i] == ';':
			parts = append(parts, unescape(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(v[i])
		}
	}
	return append(parts, unescape(cur.String()))
}

// unescaper undoes the escapes go-vcard leaves in a text value.
var unescaper = strings.NewReplacer(`\;`, ";", `\N`, "\n", `\:`, ":")

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return unescaper.Replace(s)
}

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
