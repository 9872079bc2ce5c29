package webhook

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

var testSecret = []byte("0123456789abcdef-test-secret")

func testHeader(sig string) http.Header {
	h := http.Header{}
	h.Set(TestSignatureHeader, sig)
	return h
}

func TestTestPushVerifier(t *testing.T) {
	body := []byte("event=newCall&from=4921112345")
	good := SignTestPush(testSecret, body)
	tests := []struct {
		name   string
		secret []byte
		body   []byte
		h      http.Header
		want   error
	}{
		{"signed", testSecret, body, testHeader(good), nil},
		{"upper-case hex", testSecret, body, testHeader(strings.ToUpper(good)), nil},
		{"other body", testSecret, append(body, '\n'), testHeader(good), ErrBadSignature},
		{"other secret", []byte("another-secret-of-16+"), body, testHeader(good), ErrBadSignature},
		{"not hex", testSecret, body, testHeader("zz" + good[2:]), ErrBadSignature},
		{"truncated", testSecret, body, testHeader(good[:32]), ErrBadSignature},
		{"missing", testSecret, body, http.Header{}, ErrNoSignature},
		{"sipgate header only", testSecret, body, sipgateHeader(good), ErrNoSignature},
		{"empty secret refuses its own signature", nil, body, testHeader(SignTestPush(nil, body)), ErrBadSignature},
		{"short secret refuses its own signature", []byte("short"), body, testHeader(SignTestPush([]byte("short"), body)), ErrBadSignature},
	}
	for _, tt := range tests {
		err := NewTestPushVerifier(tt.secret).Verify(tt.body, tt.h)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("TestPushVerifier.Verify(%s) = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestTestPushVerifierCopiesSecret(t *testing.T) {
	secret := append([]byte(nil), testSecret...)
	v := NewTestPushVerifier(secret)
	body := []byte("event=dtmf")
	sig := SignTestPush(testSecret, body)
	secret[0] ^= 0xff
	if err := v.Verify(body, testHeader(sig)); err != nil {
		t.Errorf("Verify after caller changed its secret = %v, want nil", err)
	}
}

func TestAnyOf(t *testing.T) {
	v01 := vectorByID(t, "V01")
	body := []byte(v01.Body)
	sipgate := NewSignatureVerifier(SipgateKey())
	both := AnyOf(sipgate, NewTestPushVerifier(testSecret))
	withSig := func(name, sig string) http.Header { h := http.Header{}; h.Set(name, sig); return h }
	tests := []struct {
		name     string
		v        Verifier
		h        http.Header
		want     error
		mentions []string
	}{
		{"sipgate signature", both, withSig(SignatureHeader, v01.Signature), nil, nil},
		{"test signature", both, withSig(TestSignatureHeader, SignTestPush(testSecret, body)), nil, nil},
		{"nothing sent", both, http.Header{}, ErrNoSignature, []string{SignatureHeader, TestSignatureHeader}},
		{"bad test signature", both, withSig(TestSignatureHeader, SignTestPush([]byte("wrong-secret-wrong"), body)),
			ErrBadSignature, []string{TestSignatureHeader, "does not match"}},
		{"bad sipgate signature", both, withSig(SignatureHeader, "AAAA"), ErrBadSignature, []string{SignatureHeader}},
		{"test push with empty secret", AnyOf(sipgate, NewTestPushVerifier(nil)),
			withSig(TestSignatureHeader, SignTestPush(nil, body)), ErrBadSignature, []string{"no test-push secret"}},
		{"no verifiers", AnyOf(), withSig(SignatureHeader, v01.Signature), ErrNoSignature, []string{"no verifier"}},
		{"nil entries skipped", AnyOf(nil, sipgate), withSig(SignatureHeader, v01.Signature), nil, nil},
	}
	for _, tt := range tests {
		err := tt.v.Verify(body, tt.h)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("AnyOf.Verify(%s) = %v, want %v", tt.name, err, tt.want)
			continue
		}
		for _, m := range tt.mentions {
			if !strings.Contains(err.Error(), m) {
				t.Errorf("AnyOf.Verify(%s) = %q, want it to mention %q", tt.name, err, m)
			}
		}
	}
}
