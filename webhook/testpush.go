package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
)

// TestSignatureHeader carries the signature of the app's own test pushes
// (whoiscalling test-call): hex HMAC-SHA256 of the raw body, keyed with a
// secret only this installation knows.
const TestSignatureHeader = "X-Whoiscalling-Test-Signature"

// MinTestSecret is the shortest secret NewTestPushVerifier accepts. A short
// or empty key would let anyone forge a test push, so it is refused rather
// than weakening the check.
const MinTestSecret = 16

// TestPushVerifier checks X-Whoiscalling-Test-Signature. Combine it with the
// sipgate verifier through AnyOf; on its own it accepts nothing else.
type TestPushVerifier struct {
	secret []byte
}

// NewTestPushVerifier returns a verifier for test pushes signed with
// SignTestPush(secret, body). It keeps a copy of secret. A secret shorter
// than MinTestSecret makes a verifier that rejects every request.
func NewTestPushVerifier(secret []byte) *TestPushVerifier {
	return &TestPushVerifier{secret: append([]byte(nil), secret...)}
}

// SignTestPush returns the X-Whoiscalling-Test-Signature value for body.
func SignTestPush(secret, body []byte) string {
	return hex.EncodeToString(testMAC(secret, body))
}

// Verify checks the X-Whoiscalling-Test-Signature header of h against body.
func (v *TestPushVerifier) Verify(body []byte, h http.Header) error {
	hdr := strings.TrimSpace(h.Get(TestSignatureHeader))
	if hdr == "" {
		return fmt.Errorf("%w: %s header missing", ErrNoSignature, TestSignatureHeader)
	}
	if len(v.secret) < MinTestSecret {
		return fmt.Errorf("%w: %s sent, but no test-push secret is set", ErrBadSignature, TestSignatureHeader)
	}
	got, err := hex.DecodeString(hdr)
	if err != nil || !hmac.Equal(got, testMAC(v.secret, body)) {
		return fmt.Errorf("%w: %s does not match the body", ErrBadSignature, TestSignatureHeader)
	}
	return nil
}

func testMAC(secret, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return m.Sum(nil)
}
