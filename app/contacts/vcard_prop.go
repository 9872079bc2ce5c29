package contacts

import (
	"strings"

	"github.com/emersion/go-vcard"
)

// readCard reads a card's wanted properties. Values stay escaped
// (text.go unescapes them) but are decoded from quoted-printable and
// their CHARSET. Lines that are not properties are ignored, as readers
// of vCard do.
func readCard(ct cardText) vcard.Card {
	card := vcard.Card{}
	logicalLines(ct.data, ct.line, func(_ int, text string) {
		group, name, params, value, ok := parseProperty(text)
		if !ok {
			return
		}
		card.Add(name, &vcard.Field{Group: group, Params: params, Value: decodeValue(value, params)})
	})
	return card
}

// parseProperty splits "item1.TEL;TYPE=work,voice;CELL:+49 …" into its
// group, upper-case name, parameters and value. vCard 2.1's bare
// parameters ("TEL;CELL;PREF:") are types, except the encodings
// ("QUOTED-PRINTABLE", "BASE64"), which are ENCODING.
func parseProperty(s string) (group, name string, params vcard.Params, value string, ok bool) {
	end := strings.IndexAny(s, ";:")
	if end < 0 {
		return "", "", nil, "", false
	}
	name = s[:end]
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
		group, name = name[:dot], name[dot+1:]
	}
	name = strings.ToUpper(name)
	params = vcard.Params{}
	rest := s[end:]
	for len(rest) > 0 && rest[0] == ';' {
		var key string
		var values []string
		key, values, rest = parseParam(rest[1:])
		params[key] = append(params[key], values...)
	}
	if len(rest) == 0 || rest[0] != ':' {
		return "", "", nil, "", false
	}
	return group, name, params, rest[1:], name != ""
}

// parseParam reads one parameter up to the next ';' or ':' outside
// double quotes, and returns the text after it.
func parseParam(s string) (key string, values []string, rest string) {
	i, quoted := 0, false
	for ; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			quoted = !quoted
		} else if !quoted && (c == ';' || c == ':') {
			break
		}
	}
	param, rest := s[:i], s[i:]
	k, v, hasValue := strings.Cut(param, "=")
	if !hasValue {
		v = k
		k = vcard.ParamType
		switch strings.ToUpper(strings.TrimSpace(v)) {
		case "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT":
			k = "ENCODING"
		}
	}
	for _, part := range splitParamValues(v) {
		values = append(values, strings.Trim(strings.TrimSpace(part), `"`))
	}
	return strings.ToUpper(strings.TrimSpace(k)), values, rest
}

// splitParamValues splits a parameter value at its commas:
// TYPE=work,voice and TYPE="voice,cell" have two values each.
func splitParamValues(v string) []string {
	return strings.FieldsFunc(strings.Trim(v, `"`), func(r rune) bool { return r == ',' })
}
