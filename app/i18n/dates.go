package i18n

import "time"

// weekdays and months are the short names, as catalog keys.
var (
	weekdays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	months   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// dateParts are the pieces the date formats put together, in t's local
// time.
func dateParts(t time.Time, clock string) map[string]any {
	t = t.Local()
	return map[string]any{
		"Weekday": T(weekdays[t.Weekday()]),
		"Day":     t.Day(),
		"Month":   T(months[t.Month()-1]),
		"Year":    t.Year(),
		"Time":    t.Format(clock),
	}
}

// DayTime is a day and time of day as the language writes them:
// "Mon 30 Nov, 13:13", "Mo., 30. Nov., 13:13".
func DayTime(t time.Time) string {
	return T("{{.Weekday}} {{.Day}} {{.Month}}, {{.Time}}", dateParts(t, "15:04"))
}

// Stamp is an absolute time to the second, with the year: "Mon 30 Nov
// 2026, 13:13:05", "Mo., 30. Nov. 2026, 13:13:05".
func Stamp(t time.Time) string {
	return T("{{.Weekday}} {{.Day}} {{.Month}} {{.Year}}, {{.Time}}", dateParts(t, "15:04:05"))
}

// Clock is the time of day to the second, "13:13:05" (the same in both
// languages).
func Clock(t time.Time) string { return t.Local().Format("15:04:05") }
