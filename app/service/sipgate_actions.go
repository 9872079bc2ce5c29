package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// PointSipgateHere sets both of sipgate's webhook URLs to this app's
// public URL, keeping sipgate's log and whitelist settings.
func (s *Service) PointSipgateHere(ctx context.Context) error {
	c, err := s.sipgateClient()
	if err != nil {
		return err
	}
	url := s.PublicURL()
	if url == "" {
		return errors.New(i18n.T("This app has no public URL yet: turn on the tunnel in Settings, or set WEBHOOK_SERVER_ADDRESS to your own tunnel's URL."))
	}
	if _, err := c.SetWebhookURLs(ctx, url, url); err != nil {
		return err
	}
	s.clearNotice("wrong-url")
	s.SyncSipgateNow()
	return nil
}

// checkSipgateURL warns once when sipgate sends the calls elsewhere.
func (s *Service) checkSipgateURL(r AccountReport) {
	if !r.Booked || r.PublicURL == "" || r.PointsHere {
		if r.PointsHere {
			s.clearNotice("wrong-url")
		}
		return
	}
	s.notice(Notice{Key: "wrong-url", Title: i18n.WrongURL(r.IncomingURL), Body: i18n.PointHere()})
}

// CallBack is how a call back through sipgate went.
type CallBack struct {
	// Device is the alias of the device that rings; Sentence says so.
	Device, Sentence string
}

// CallThroughSipgate asks sipgate to ring the user's device (the one of
// SIPGATE_DEVICE, else the user's default device) and then dial number.
// party names the other side for the sentence.
func CallThroughSipgate(ctx context.Context, c *sipgate.Client, device, number, party, region string) (CallBack, error) {
	callee, err := phone.Parse(number, region)
	if err != nil {
		return CallBack{}, err
	}
	u, err := c.Userinfo(ctx)
	if err != nil {
		return CallBack{}, err
	}
	if device == "" {
		users, err := c.Users(ctx)
		if err != nil {
			return CallBack{}, fmt.Errorf("find your default device: %w", err)
		}
		for _, us := range users {
			if us.ID == u.Sub {
				device = us.DefaultDevice
			}
		}
		if device == "" {
			return CallBack{}, errors.New(i18n.T("sipgate names no default device for you: choose one in Settings → sipgate, or set SIPGATE_DEVICE."))
		}
	}
	alias := device
	if devs, err := c.Devices(ctx, u.Sub); err == nil {
		for _, d := range devs {
			if d.ID == device && strings.TrimSpace(d.Alias) != "" {
				alias = d.Alias
			}
		}
	}
	if party == "" {
		party = callee.International()
	}
	if _, err := c.Call(ctx, sipgate.CallRequest{DeviceID: device, Caller: device, Callee: callee.E164}); err != nil {
		return CallBack{}, err
	}
	return CallBack{Device: alias, Sentence: i18n.Ringing(alias, party)}, nil
}

// CallBack calls number through sipgate when an account is connected,
// and returns the sentence to show ("Your phone (Desk phone) rings — pick
// up to call Anna Mayer"); without an account it returns
// sipgate.ErrNoToken and the caller dials another way (tel:).
func (s *Service) CallBack(ctx context.Context, number string) (string, error) {
	c, err := s.sipgateClient()
	if err != nil {
		return "", err
	}
	cfg := s.Current()
	party := ""
	if s.Ready() == nil {
		if n, err := phone.Parse(number, cfg.DefaultRegion); err == nil {
			if m, ok := s.Book.Lookup(n.E164); ok {
				party = m.Contact.DisplayName()
			}
		}
	}
	cb, err := CallThroughSipgate(ctx, c, cfg.Sipgate.Device, number, party, cfg.DefaultRegion)
	return cb.Sentence, err
}

// BlockAtSipgate adds e164 to (or removes it from) sipgate's incoming
// block list, so the block holds while the desktop is off. Without a
// connection, or without the blacklist:write scope, it does nothing and
// returns nil: blocking here works as before, and Account().BlockRefused
// tells Settings to explain the scope.
func (s *Service) BlockAtSipgate(ctx context.Context, e164 string, block bool) error {
	c, err := s.sipgateClient()
	if err != nil {
		return nil
	}
	if block {
		_, err = c.Block(ctx, e164)
		if errors.Is(err, sipgate.ErrConflict) {
			err = nil
		}
	} else {
		err = c.Unblock(ctx, e164)
		if errors.Is(err, sipgate.ErrNotFound) {
			err = nil
		}
	}
	var se *sipgate.ScopeError
	if errors.As(err, &se) {
		s.setAccount(func(st *AccountStatus) { st.BlockRefused = true })
		return nil
	}
	return err
}

// SipgateUsers lists the account's users, for the "only for users" pick
// list.
func (s *Service) SipgateUsers(ctx context.Context) ([]sipgate.User, error) {
	c, err := s.sipgateClient()
	if err != nil {
		return nil, err
	}
	return c.Users(ctx)
}

// SipgateDevices lists the connected user's devices, for the device
// Call back rings.
func (s *Service) SipgateDevices(ctx context.Context) ([]sipgate.Device, error) {
	c, err := s.sipgateClient()
	if err != nil {
		return nil, err
	}
	u, err := c.Userinfo(ctx)
	if err != nil {
		return nil, err
	}
	return c.Devices(ctx, u.Sub)
}
