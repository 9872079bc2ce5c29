package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
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
		return look{theme.NewPrimaryThemedResource(theme.VolumeUpIcon()), i18n.T("Ringing"), widget.HighImportance}
	case calls.StatusActive:
		return look{theme.NewSuccessThemedResource(theme.VolumeUpIcon()), i18n.T("On the phone"), widget.SuccessImportance}
	case calls.StatusMissed:
		return look{theme.NewErrorThemedResource(theme.DownloadIcon()), i18n.T("Missed"), widget.DangerImportance}
	case calls.StatusVoicemail:
		return look{theme.NewWarningThemedResource(theme.MailComposeIcon()), i18n.T("Voicemail"), widget.WarningImportance}
	case calls.StatusRejected:
		return look{theme.NewErrorThemedResource(theme.CancelIcon()), i18n.T("Blocked"), widget.MediumImportance}
	case calls.StatusNotReached:
		return look{theme.NewWarningThemedResource(theme.UploadIcon()), i18n.T("Not reached"), widget.WarningImportance}
	case calls.StatusUnknown:
		return look{theme.NewDisabledResource(theme.QuestionIcon()), i18n.T("Outcome unknown"), widget.LowImportance}
	case calls.StatusAnswered:
		if out {
			return look{theme.UploadIcon(), i18n.T("Outgoing"), widget.MediumImportance}
		}
		return look{theme.DownloadIcon(), i18n.T("Answered"), widget.MediumImportance}
	}
	return look{theme.QuestionIcon(), string(c.Status), widget.MediumImportance}
}
