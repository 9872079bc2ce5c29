package calls

import (
	"slices"
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// The facts settle reads off a call's legs.

// live reports whether more events are due: a leg has not hung up, or
// the newest leg hung up as "forwarded", so a new leg follows.
func (c *call) live() bool {
	for _, l := range c.Legs {
		if l.EndedAt == nil {
			return true
		}
	}
	n := len(c.Legs)
	return n > 0 && c.Legs[n-1].Cause == string(webhook.Forwarded)
}

// firstHuman is the leg a person answered first, or nil.
func (c *call) firstHuman() *Leg {
	var first *Leg
	for i := range c.Legs {
		l := &c.Legs[i]
		if l.AnsweredAt == nil || l.Voicemail {
			continue
		}
		if first == nil || l.AnsweredAt.Before(*first.AnsweredAt) {
			first = l
		}
	}
	return first
}

func (c *call) voicemailAnswered() bool {
	for _, l := range c.Legs {
		if l.Voicemail && l.AnsweredAt != nil {
			return true
		}
	}
	return false
}

func (c *call) lastEnd() *time.Time {
	var last *time.Time
	for _, l := range c.Legs {
		if l.EndedAt != nil && (last == nil || l.EndedAt.After(*last)) {
			last = l.EndedAt
		}
	}
	return last
}

// rungUsers is the union of the legs' users in order, without voicemail.
func (c *call) rungUsers() []string {
	users := c.Users[:0]
	for _, l := range c.Legs {
		for _, u := range l.Users {
			if u != webhook.VoicemailUser && !slices.Contains(users, u) {
				users = append(users, u)
			}
		}
	}
	if users == nil {
		users = []string{}
	}
	return users
}

func seconds(d time.Duration) int {
	return int(max(d, 0).Round(time.Second) / time.Second)
}
