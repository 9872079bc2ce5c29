package calls

import (
	"database/sql/driver"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"modernc.org/sqlite"
)

// foldFunc is the SQL function that tells whether every word of a query
// occurs in a text, both folded (see Fold).
const foldFunc = "wic_has_words"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(foldFunc, 2, hasWords)
}

// searchWhere matches s against the calls. Words with letters must all
// occur, in any order and ignoring case and accents, in the contact's
// name, company or city, the users it rang or who answered ("mayer
// anna", "dusseldorf", "bob"). A query without letters is a number: its
// digits are looked for in from or to. Stored numbers are E.164, so a
// national "0211 12…" or international "0049 211…" prefix is also tried
// without its leading zeros. Numbers among words ("anna 0211") must
// match too.
func searchWhere(s string) (string, []any) {
	words, numbers := splitQuery(s)
	var conds []string
	var args []any
	if len(words) > 0 {
		conds = append(conds, foldFunc+"(search || ' ' || city || ' ' || users || ' ' || answered_by, ?)")
		args = append(args, strings.Join(words, " "))
	}
	for _, n := range numbers {
		var alts []string
		for _, d := range digitForms(n) {
			alts = append(alts, "instr(from_num, ?) > 0", "instr(to_num, ?) > 0")
			args = append(args, d, d)
		}
		conds = append(conds, "("+strings.Join(alts, " OR ")+")")
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return "(" + strings.Join(conds, " AND ") + ")", args
}

// splitQuery separates the folded words with letters from the digit
// strings to find in numbers. A query with no letters is one number,
// whatever its spaces ("0211 123 45").
func splitQuery(s string) (words, numbers []string) {
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		if d := digits(s); d != "" {
			numbers = append(numbers, d)
		}
		return nil, numbers
	}
	for _, f := range strings.Fields(s) {
		switch {
		case strings.ContainsFunc(f, unicode.IsLetter):
			if w := Fold(f); w != "" {
				words = append(words, w)
			}
		case digits(f) != "":
			numbers = append(numbers, digits(f))
		}
	}
	return words, numbers
}

// hasWords is the SQL function: 1 when every space-separated word of
// args[1] (folded already) occurs in args[0] once folded.
func hasWords(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	text, _ := args[0].(string)
	query, _ := args[1].(string)
	folded := Fold(text)
	for _, w := range strings.Fields(query) {
		if !strings.Contains(folded, w) {
			return int64(0), nil
		}
	}
	return int64(1), nil
}

// Fold makes text comparable for search: lower case, without accents
// ("Düsseldorf" → "dusseldorf", "Ørsted" → "orsted"), ß as ss.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, "")) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ø' || r == 'Ø':
			b.WriteByte('o')
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ł' || r == 'Ł':
			b.WriteByte('l')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// digitForms are the digit strings to look for: d itself, and d without
// its trunk ("0") or international ("00") prefix.
func digitForms(d string) []string {
	if d == "" {
		return nil
	}
	forms := []string{d}
	if t := strings.TrimLeft(d, "0"); t != d && len(t) >= 2 && len(d)-len(t) <= 2 {
		forms = append(forms, t)
	}
	return forms
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
