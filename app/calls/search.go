package calls

import "strings"

// searchWhere matches s against the contact name and company
// (case-insensitive substring) and, when s has digits, against the
// numbers: its digits as a substring of from or to. Stored numbers are
// E.164, so a national "0211 12…" or international "0049 211…" prefix
// is also tried without its leading zeros.
func searchWhere(s string) (string, []any) {
	conds := []string{"instr(search, ?) > 0"}
	args := []any{strings.ToLower(s)}
	for _, d := range digitForms(digits(s)) {
		conds = append(conds, "instr(from_num, ?) > 0", "instr(to_num, ?) > 0")
		args = append(args, d, d)
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
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
