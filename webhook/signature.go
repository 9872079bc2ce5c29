package webhook

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// SignatureHeader carries sipgate's signature: standard base64 of an
// RSASSA-PKCS1-v1_5 SHA-256 signature over the raw request body.
const SignatureHeader = "X-Sipgate-Signature"

// Errors of the verifiers, wrapped with which header was missing or wrong.
var (
	ErrNoSignature  = errors.New("no signature")
	ErrBadSignature = errors.New("bad signature")
)

// Verifier checks that a request body comes from who it claims to. body is
// the exact bytes received, before any parsing.
type Verifier interface {
	Verify(body []byte, h http.Header) error
}

// SignatureVerifier checks sipgate's X-Sipgate-Signature.
type SignatureVerifier struct {
	pub *rsa.PublicKey
}

// NewSignatureVerifier returns a verifier for signatures made with the
// private half of pub; pass SipgateKey() for real pushes. It panics on a
// nil key: a verifier without a key would be a silent hole.
func NewSignatureVerifier(pub *rsa.PublicKey) *SignatureVerifier {
	if pub == nil {
		panic("webhook: NewSignatureVerifier with nil key")
	}
	return &SignatureVerifier{pub: pub}
}

// Verify checks the X-Sipgate-Signature header of h against body. The body
// must be the raw bytes: a re-encoded form (url.Values.Encode sorts keys)
// or an added newline does not verify.
func (v *SignatureVerifier) Verify(body []byte, h http.Header) error {
	hdr := strings.TrimSpace(h.Get(SignatureHeader))
	if hdr == "" {
		return fmt.Errorf("%w: %s header missing", ErrNoSignature, SignatureHeader)
	}
	sig, err := base64.StdEncoding.DecodeString(hdr)
	if err != nil {
		return fmt.Errorf("%w: %s is not base64", ErrBadSignature, SignatureHeader)
	}
	sum := sha256.Sum256(body)
	if rsa.VerifyPKCS1v15(v.pub, crypto.SHA256, sum[:], sig) != nil {
		return fmt.Errorf("%w: %s does not match the body", ErrBadSignature, SignatureHeader)
	}
	return nil
}
