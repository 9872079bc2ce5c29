package contacts

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvLabels are the header words of each label's number columns.
var csvLabels = map[Label]string{
	LabelWork: "Work Phone", LabelMobile: "Mobile Phone", LabelHome: "Home Phone", LabelOther: "Other Phone",
}

// writeCSV writes a header and one row per contact, with as many number
// columns per label as the contact with the most of that label needs.
// It starts with a UTF-8 byte order mark so that Excel shows umlauts.
func writeCSV(w io.Writer, all []Contact) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	most := map[Label]int{}
	for _, c := range all {
		per := map[Label]int{}
		for _, n := range c.Numbers {
			per[n.Label]++
			most[n.Label] = max(most[n.Label], per[n.Label])
		}
	}
	cw := csv.NewWriter(w)
	header := []string{"First Name", "Last Name", "Company"}
	for _, l := range Labels {
		for i := range most[l] {
			header = append(header, csvLabels[l]+suffix(i))
		}
	}
	header = append(header, "City", "Country", "Note", "VIP", "Blocked")
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, c := range all {
		row := csvRow(c, most)
		for i := range row {
			row[i] = defuse(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(c Contact, most map[Label]int) []string {
	row := []string{c.FirstName, c.LastName, c.Company}
	for _, l := range Labels {
		var nums []string
		for _, n := range c.Numbers {
			if n.Label == l {
				nums = append(nums, exportNumber(n))
			}
		}
		for i := range most[l] {
			row = append(row, cell(nums, i))
		}
	}
	return append(row, c.City, c.Country, c.Note, yesNo(c.VIP), yesNo(c.Blocked))
}

// defuse puts an apostrophe before a cell that a spreadsheet would take
// for a formula ("=…", "+49 …"), so opening the export runs nothing and
// shows numbers as text; and before a cell that starts with an
// apostrophe, so import, which removes one, gives back the original.
func defuse(s string) string {
	if s != "" && strings.ContainsRune(formulaStart, rune(s[0])) {
		return "'" + s
	}
	return s
}

// formulaStart are the characters a spreadsheet formula starts with,
// and the apostrophe itself.
const formulaStart = "=+-@\t\r'"

func suffix(i int) string {
	if i == 0 {
		return ""
	}
	return " " + strconv.Itoa(i+1)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
