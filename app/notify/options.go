package notify

import (
	"slices"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// Options are the settings that decide which calls pop up. They may
// change while the app runs (Notifier.SetConfig).
type Options struct {
	// Outgoing also announces outgoing calls (NOTIFY_OUTGOING).
	Outgoing bool
	// Users limits popups to calls that ring one of these sipgate users
	// (NOTIFY_USERS); empty means every user.
	Users []string
	// Missed announces missed calls and voicemail (NOTIFY_MISSED).
	Missed bool
	// DoNotDisturb silences every popup except those for VIP contacts.
	DoNotDisturb bool
	// Region formats numbers in national form when they are from it
	// (DEFAULT_REGION).
	Region string
}

// FromConfig picks the notification settings out of the configuration.
func FromConfig(c config.Config) Options {
	return Options{
		Outgoing:     c.NotifyOutgoing,
		Users:        slices.Clone(c.NotifyUsers),
		Missed:       c.NotifyMissed,
		DoNotDisturb: c.DoNotDisturb,
		Region:       c.DefaultRegion,
	}
}

// wantsUsers reports whether a call that rang users is one to show:
// NOTIFY_USERS names one of them (case-insensitively), or is empty.
func (o Options) wantsUsers(users []string) bool {
	if len(o.Users) == 0 {
		return true
	}
	for _, u := range users {
		for _, want := range o.Users {
			if strings.EqualFold(strings.TrimSpace(u), strings.TrimSpace(want)) {
				return true
			}
		}
	}
	return false
}
