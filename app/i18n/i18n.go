// Package i18n holds every sentence and word a person reads of
// whoiscalling: call statuses, causes, durations, "… ago", line types, the
// other party of a call, and the sentences made from the app's typed
// errors. Other packages pass typed values here and show what comes back,
// so a translation changes this package only.
//
// Texts go through Fyne's lang package; English is the source language
// and the fallback.
package i18n

import (
	"fyne.io/fyne/v2/lang"
)

// T translates the English text s. data fills {{.Name}} placeholders.
func T(s string, data ...any) string { return lang.L(s, data...) }

// N translates the English text s in the plural form that suits count.
func N(s string, count int, data ...any) string { return lang.N(s, count, data...) }
