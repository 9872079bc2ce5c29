package contacts

import (
	"encoding/csv"
	"io"
	"strconv"
)

// csvLabels are the header words of each label's number columns.
var csvLabels = map[Label]string{
	LabelWork: "Work Phone", LabelMobile: "Mobile Phone", LabelHome: "Home Phone", LabelOther: "Other Phone",
}

// writeCSV writes a header and one row per contact, with as many number
// columns per label as the contact with the most of that label needs.
// It starts with a UTF-8 byte order mark so that Excel shows umlauts.
// Number cells go through SafeCSVCell, the others through defuse:
// a name that looks like a number comes back as it was.
func writeCSV(w io.Writer, all []Contact) error {
	if _, err := io.WriteString(w, bomUTF8); err != nil {
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
	header = append(header, "Street", "Postal Code", "City", "Country", "Note", "VIP", "Blocked")
	if err := cw.Write(header); err != nil {
		return err
	}
	phones := 0 // the number columns follow the three name columns
	for _, l := range Labels {
		phones += most[l]
	}
	for _, c := range all {
		row := csvRow(c, most)
		for i := range row {
			if i >= 3 && i < 3+phones {
				row[i] = SafeCSVCell(row[i])
			} else {
				row[i] = defuse(row[i])
			}
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
	return append(row, c.Street, c.PostalCode, c.City, c.Country, c.Note, yesNo(c.VIP), yesNo(c.Blocked))
}

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
