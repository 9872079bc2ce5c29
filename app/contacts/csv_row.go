package contacts

import (
	"strings"
)

// rowRecord turns a row into a record; false for an empty row.
func rowRecord(cols []column, row []string, line int) (record, bool) {
	r := record{line: line}
	c := &r.c
	var name string
	var order []string
	found := map[string]*address{}
	empty := true
	for i, col := range cols {
		v := undefuse(strings.TrimSpace(cell(row, i)))
		if v == "" {
			continue
		}
		empty = false
		switch col.role {
		case roleFirst:
			c.FirstName = first(c.FirstName, v)
		case roleLast:
			c.LastName = first(c.LastName, v)
		case roleName:
			name = first(name, v)
		case roleCompany:
			c.Company = first(c.Company, v)
		case rolePhone:
			c.Numbers = append(c.Numbers, cellNumbers(col, row, v)...)
		case roleStreet, rolePostal, roleCity, roleCountry:
			if found[col.group] == nil {
				found[col.group] = &address{}
				order = append(order, col.group)
			}
			found[col.group].set(col.role, v)
		case roleNote:
			c.Note = first(c.Note, v)
		case roleVIP:
			r.vip = new(truthy(v))
		case roleBlocked:
			r.blocked = new(truthy(v))
		}
	}
	pickAddress(c, order, found)
	if c.FirstName == "" && c.LastName == "" && name != "" {
		c.FirstName, c.LastName = splitName(name)
	}
	return r, !empty
}

// cellNumbers are the numbers in a phone cell, labelled by the column's
// header or by its label column (Google's "Phone 1 - Label"); none when
// that label says fax or pager.
func cellNumbers(col column, row []string, v string) []Number {
	label := col.label
	if col.typeCol >= 0 {
		text := cell(row, col.typeCol)
		if isFaxLabel(text) {
			return nil
		}
		label = labelOf(text)
	}
	var out []Number
	for _, num := range splitNumbers(v) {
		out = append(out, Number{Label: label, Raw: num})
	}
	return out
}

// undefuse removes the apostrophe that defuse put before a cell.
func undefuse(v string) string {
	if len(v) > 1 && v[0] == '\'' && strings.ContainsRune(formulaStart, rune(v[1])) {
		return v[1:]
	}
	return v
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func first(have, v string) string {
	if have != "" {
		return have
	}
	return v
}

// splitNumbers splits a cell that holds several numbers ("0211 1234567,
// 0171 2345678", Google's " ::: ").
func splitNumbers(v string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(strings.ReplaceAll(v, ":::", "\n"), func(r rune) bool {
		return r == '\n' || r == ',' || r == ';' || r == '|'
	}) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
