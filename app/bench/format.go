package bench

import (
	"fmt"
	"strconv"
	"strings"
)

// met is the last column: yes, or no and by how much.
func met(ok bool, miss string) string {
	if ok {
		return "yes"
	}
	return "**no**: " + strings.TrimPrefix(miss, ", ")
}

// over says by how much got exceeds the goal, "" when it does not.
func over(got, goal float64, unit string) string {
	if got < goal {
		return ""
	}
	return fmt.Sprintf("%.3g× the goal (+%s %s)", got/goal, trim(got-goal), unit)
}

func errText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d errors", n)
}

func missText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d popups missing", n)
}

func msText(v float64) string { return trim(v) + " ms" }

// trim prints a measurement with about three significant digits.
func trim(v float64) string {
	switch {
	case v >= 1000:
		return thousands(int(v + 0.5))
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func mib(kb int64) float64 { return float64(kb) / 1024 }

// thousands writes n with commas: 100000 → "100,000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
