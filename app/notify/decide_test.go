package notify

import (
	"fmt"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// lisbeth is a known contact with company, city and note, ringing two users.
func lisbeth() calls.Call {
	return calls.Call{
		ID: 1, Direction: calls.In, From: "+492111234567", To: "+4921155500123",
		Contact: "Lisbeth Salander", Company: "Milton Security", ContactID: 7,
		City: "Stockholm", Note: "Prefers e-mail",
		Users: []string{"Anna Mayer", "Marcus Satt"}, Status: calls.StatusRinging,
	}
}

// with returns lisbeth changed by f.
func with(f func(*calls.Call)) calls.Call {
	c := lisbeth()
	f(&c)
	return c
}

var on = Options{Missed: true, Region: "DE"}

func opt(f func(*Options)) Options {
	o := on
	f(&o)
	return o
}

var decideTests = []struct {
	name string
	in   calls.Call
	opts Options
	want *Message // nil: no popup
}{
	{"known contact", lisbeth(), on, &Message{Title: "Lisbeth Salander — Milton Security",
		Body: "0211 1234567 · Stockholm\nPrefers e-mail\non 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"name only, our number", with(func(c *calls.Call) { c.Company, c.Users = "", nil }), on,
		&Message{Title: "Lisbeth Salander", Body: "0211 1234567 · Stockholm\nPrefers e-mail\non 0211 55500123"}},
	{"company only, no details", with(func(c *calls.Call) { c.Contact, c.ContactID, c.City, c.Note = "", 0, "", "" }), on,
		&Message{Title: "Milton Security", Body: "0211 1234567\non 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"unknown German fixed line", with(func(c *calls.Call) { c.Contact, c.Company, c.ContactID, c.City, c.Note = "", "", 0, "", "" }), on,
		&Message{Title: "0211 1234567", Body: "Düsseldorf · fixed line\non 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"anonymous", with(func(c *calls.Call) { c.From, c.Contact, c.Company, c.ContactID = "anonymous", "", "", 0 }), on,
		&Message{Title: "Anonymous caller", Body: "on 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"VIP under do not disturb", with(func(c *calls.Call) { c.VIP = true }), opt(func(o *Options) { o.DoNotDisturb = true }),
		&Message{Title: "★ Lisbeth Salander — Milton Security", Urgent: true,
			Body: "0211 1234567 · Stockholm\nPrefers e-mail\non 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"non-VIP under do not disturb", lisbeth(), opt(func(o *Options) { o.DoNotDisturb = true }), nil},
	{"outgoing, off", with(func(c *calls.Call) { c.Direction, c.From, c.To = "out", c.To, c.From }), on, nil},
	{"outgoing, on", with(func(c *calls.Call) {
		c.Direction, c.From, c.To, c.Users = "out", "+4921155500123", c.From, []string{"Anna Mayer"}
	}),
		opt(func(o *Options) { o.Outgoing = true }),
		&Message{Title: "Calling Lisbeth Salander — Milton Security", Kind: KindOutgoing,
			Body: "0211 1234567 · Stockholm\nPrefers e-mail\ndialled by Anna Mayer"}},
	{"NOTIFY_USERS names another user", lisbeth(), opt(func(o *Options) { o.Users = []string{"Ronja Räubertochter"} }), nil},
	{"NOTIFY_USERS names a rung user", lisbeth(), opt(func(o *Options) { o.Users = []string{"Ronja", " marcus satt"} }),
		&Message{Title: "Lisbeth Salander — Milton Security",
			Body: "0211 1234567 · Stockholm\nPrefers e-mail\non 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"missed", with(func(c *calls.Call) { c.Status = calls.StatusMissed }), on,
		&Message{Title: "Missed call from Lisbeth Salander — Milton Security", Kind: KindMissed,
			Body: "0211 1234567 · Stockholm\nPrefers e-mail\non 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"missed, NOTIFY_MISSED off", with(func(c *calls.Call) { c.Status = calls.StatusMissed }), Options{}, nil},
	{"missed anonymous", with(func(c *calls.Call) {
		c.Status, c.From, c.Contact, c.Company, c.Users = calls.StatusMissed, "anonymous", "", "", nil
	}), on,
		&Message{Title: "Missed call from an anonymous caller", Kind: KindMissed, Body: "on 0211 55500123"}},
	{"voicemail", with(func(c *calls.Call) { c.Status, c.AnsweredBy = calls.StatusVoicemail, calls.AnsweredByVoicemail }), on,
		&Message{Title: "Voicemail from Lisbeth Salander — Milton Security", Kind: KindVoicemail,
			Body: "0211 1234567 · Stockholm\nPrefers e-mail\non 0211 55500123 · Anna Mayer, Marcus Satt"}},
	{"voicemail, NOTIFY_MISSED off", with(func(c *calls.Call) { c.Status = calls.StatusVoicemail }), Options{}, nil},
	{"answered", with(func(c *calls.Call) { c.Status = calls.StatusAnswered }), on, nil},
	{"rejected", with(func(c *calls.Call) { c.Status = calls.StatusRejected }), on, nil},
	{"markup in the details", with(func(c *calls.Call) {
		c.Contact, c.ContactID, c.Users = "<b>x</b>", 8, []string{"Ben & Jerry"}
		c.City, c.Note = "<b>x</b>", `R&D <a href="http://x">site</a> 'y'`
	}), on,
		&Message{Title: "<b>x</b> — Milton Security",
			Body: "0211 1234567 · &lt;b&gt;x&lt;/b&gt;\nR&amp;D &lt;a href=&quot;http://x&quot;&gt;site&lt;/a&gt; &apos;y&apos;\non 0211 55500123 · Ben &amp; Jerry"}},
}

func TestDecide(t *testing.T) {
	for _, tt := range decideTests {
		got, ok := Decide(tt.in, nil, tt.opts)
		var want Message
		if tt.want != nil {
			want = *tt.want
			want.CallID = tt.in.ID
			if want.Kind == KindNone {
				want.Kind = KindIncoming
			}
		}
		if ok != (tt.want != nil) || show(got) != show(want) {
			t.Errorf("Decide(%s) = %s, %v; want %s, %v", tt.name, show(got), ok, show(want), tt.want != nil)
		}
	}
}

func show(m Message) string {
	return fmt.Sprintf("{%q %q urgent=%v call=%d %s}", m.Title, m.Body, m.Urgent, m.CallID, m.Kind)
}
