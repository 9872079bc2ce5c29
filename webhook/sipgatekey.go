package webhook

import (
	"crypto/rsa"
	"crypto/x509"
	_ "embed"
	"encoding/pem"
	"errors"
	"fmt"
	"sync"
)

// sipgatePEM is sipgate's push API public key (RSA-4096, e=65537), as
// published in sipgateio-node and sipgate's own pushapi-request-verifier.
//
//go:embed sipgate.pem
var sipgatePEM []byte

// SipgateKey returns sipgate's public key for X-Sipgate-Signature. It is
// parsed once and shared: do not modify it.
func SipgateKey() *rsa.PublicKey { return sipgateKey() }

var sipgateKey = sync.OnceValue(func() *rsa.PublicKey {
	pub, err := parseRSAPublicKey(sipgatePEM)
	if err != nil {
		panic("webhook: embedded sipgate key: " + err.Error())
	}
	return pub
})

func parseRSAPublicKey(pemBytes []byte) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil || block.Type != "PUBLIC KEY" {
		return nil, errors.New("no PUBLIC KEY block")
	}
	key, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("parse public key: %w", err)
	}
	pub, ok := key.(*rsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("public key is %T, not RSA", key)
	}
	return pub, nil
}
