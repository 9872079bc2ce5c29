package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// SipgateClient is a client of sipgate's REST API with the token of cfg:
// SIPGATE_TOKEN_ID and SIPGATE_TOKEN from the environment or .env, else
// the ones `sipgate login` or Settings stored. Without a token it returns
// sipgate.ErrNoToken.
func SipgateClient(cfg config.Config, logger *slog.Logger) (*sipgate.Client, error) {
	id, token, err := sipgateToken(cfg)
	if err != nil {
		return nil, err
	}
	return sipgate.New(sipgate.Config{BaseURL: cfg.Sipgate.APIURL, TokenID: id, Token: token, Logger: logger})
}

// sipgateToken is the token id and token in effect, or sipgate.ErrNoToken.
func sipgateToken(cfg config.Config) (id, token string, err error) {
	if id, err = Secret(cfg, config.KeySipgateTokenID); err != nil {
		return "", "", err
	}
	if token, err = Secret(cfg, config.KeySipgateToken); err != nil {
		return "", "", err
	}
	if id == "" || token == "" {
		return "", "", sipgate.ErrNoToken
	}
	return id, token, nil
}

// Login is the outcome of SipgateLogin.
type Login struct {
	User  sipgate.Userinfo
	Place SecretPlace
}

// SipgateLogin checks a token with sipgate (/authorization/userinfo) and
// stores it: in the OS keyring, or where none answers, in the data dir's
// secrets file. A token sipgate refuses is not stored.
func SipgateLogin(ctx context.Context, cfg config.Config, tokenID, token string, logger *slog.Logger) (Login, error) {
	if err := config.Check(config.KeySipgateTokenID, tokenID); err != nil {
		return Login{}, err
	}
	if err := config.Check(config.KeySipgateToken, token); err != nil {
		return Login{}, err
	}
	c, err := sipgate.New(sipgate.Config{BaseURL: cfg.Sipgate.APIURL, TokenID: tokenID, Token: token, Logger: logger})
	if err != nil {
		return Login{}, err
	}
	u, err := c.Userinfo(ctx)
	if err != nil {
		return Login{}, err
	}
	if _, err := StoreSecret(cfg.DataDir, config.KeySipgateTokenID, tokenID); err != nil {
		return Login{}, err
	}
	place, err := StoreSecret(cfg.DataDir, config.KeySipgateToken, token)
	return Login{User: u, Place: place}, err
}

// SipgateLogout forgets the stored token. A token set in the environment
// or .env stays in effect, and the error says so.
func SipgateLogout(cfg config.Config) error {
	err := errors.Join(DeleteSecret(cfg.DataDir, config.KeySipgateTokenID), DeleteSecret(cfg.DataDir, config.KeySipgateToken))
	if err == nil && cfg.Sipgate.Token != "" {
		return fmt.Errorf("the stored token is removed, but SIPGATE_TOKEN is set in the %s and still connects: remove it there", cfg.Source[config.KeySipgateToken])
	}
	return err
}

// readTimeout bounds one round of reads against sipgate.
const readTimeout = 30 * time.Second
