package contacts

import (
	"strings"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// formulaStart are the characters a spreadsheet formula starts with
// (tab and CR because some spreadsheets drop them first), and the
// apostrophe that SafeCSVCell itself puts in front.
const formulaStart = "=+-@\t\r'"

// SafeCSVCell makes a cell of a CSV export safe to open in a
// spreadsheet (CSV formula injection): a cell that starts with "=",
// "+", "-", "@", a tab or a CR gets an apostrophe in front, so it is
// shown as text and never run. A plain international phone number
// ("+49 211 1234567", "+492111234567") is written as "(+49) 211
// 1234567" instead: kept as text, without a visible apostrophe, and
// still read back by phone.Parse and by this package's import. A cell
// that starts with an apostrophe gets a second one, so that import,
// which removes one, gives back the original. Everything else is
// returned as it is.
func SafeCSVCell(s string) string {
	if s == "" || !strings.ContainsRune(formulaStart, rune(s[0])) {
		return s
	}
	if t, ok := phone.Spreadsheet(s); ok {
		return t
	}
	return defuse(s)
}

// defuse puts an apostrophe before a cell that a spreadsheet would take
// for a formula, and before one that starts with an apostrophe (import
// removes one: see undefuse).
func defuse(s string) string {
	if s != "" && strings.ContainsRune(formulaStart, rune(s[0])) {
		return "'" + s
	}
	return s
}
