package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// look is how a call's outcome is drawn: an icon, a word, and the
// importance colour of the word (missed calls stand out in the error
// colour).
type look struct {
	icon fyne.Resource
	word string
	imp  widget.Importance
}

// lookOf picks the look of a call from its status and direction.
func lookOf(c calls.Call) look {
	out := c.Direction == "out"
	switch c.Status {
	case calls.StatusRinging:
		return look{theme.NewPrimaryThemedResource(theme.VolumeUpIcon()), "Ringing", widget.HighImportance}
	case calls.StatusActive:
		return look{theme.NewSuccessThemedResource(theme.VolumeUpIcon()), "On the phone", widget.SuccessImportance}
	case calls.StatusMissed:
		return look{theme.NewErrorThemedResource(theme.DownloadIcon()), "Missed", widget.DangerImportance}
	case calls.StatusVoicemail:
		return look{theme.NewWarningThemedResource(theme.MailComposeIcon()), "Voicemail", widget.WarningImportance}
	case calls.StatusRejected:
		return look{theme.NewErrorThemedResource(theme.CancelIcon()), "Blocked", widget.MediumImportance}
	case calls.StatusNotReached:
		return look{theme.NewWarningThemedResource(theme.UploadIcon()), "Not reached", widget.WarningImportance}
	case calls.StatusUnknown:
		return look{theme.NewDisabledResource(theme.QuestionIcon()), "Outcome unknown", widget.LowImportance}
	case calls.StatusAnswered:
		if out {
			return look{theme.UploadIcon(), "Outgoing", widget.MediumImportance}
		}
		return look{theme.DownloadIcon(), "Answered", widget.MediumImportance}
	}
	return look{theme.QuestionIcon(), string(c.Status), widget.MediumImportance}
}

// causeWords says what a hangup cause means.
var causeWords = map[string]string{
	"normalClearing": "hung up normally",
	"busy":           "busy",
	"cancel":         "the caller gave up",
	"noAnswer":       "nobody answered",
	"congestion":     "the network was congested",
	"notFound":       "the number does not exist",
	"forwarded":      "forwarded",
}

// causeText is a hangup cause in words, with the cause itself for
// reference; unknown causes are shown as they are.
func causeText(cause string) string {
	if w, ok := causeWords[cause]; ok && w != cause {
		return w + " (" + cause + ")"
	}
	return cause
}
