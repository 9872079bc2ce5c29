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
	out := c.Direction == calls.Out
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
