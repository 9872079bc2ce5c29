package webhook

import (
	"bytes"
	"crypto/hmac"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// FuzzSignatureVerifier: whatever the body and header, Verify never panics,
// fails with one of the sentinels, and accepts only a body and signature
// sipgate really signed.
func FuzzSignatureVerifier(f *testing.F) {
	v01, v24 := vectorByID(f, "V01"), vectorByID(f, "V24")
	f.Add([]byte(v01.Body), v01.Signature)
	f.Add([]byte(v24.Body), v24.Signature)
	f.Add([]byte(tamperedV24), v24.Signature)
	f.Add([]byte(v01.Body), " "+v01.Signature[:100]+"\n"+v01.Signature[100:]+" ")
	f.Add([]byte(v01.Body), "not*base64")
	f.Add([]byte{}, "")
	signed := map[string][]byte{}
	for _, v := range []vector{v01, v24} {
		sig, _ := base64.StdEncoding.DecodeString(v.Signature)
		signed[v.Body] = sig
	}
	ver := NewSignatureVerifier(SipgateKey())
	f.Fuzz(func(t *testing.T, body []byte, sig string) {
		err := ver.Verify(body, sipgateHeader(sig))
		if err != nil {
			if !errors.Is(err, ErrNoSignature) && !errors.Is(err, ErrBadSignature) {
				t.Fatalf("Verify(%q, %q) = %v, want a sentinel", body, sig, err)
			}
			return
		}
		got, _ := base64.StdEncoding.DecodeString(strings.TrimSpace(sig))
		if want, ok := signed[string(body)]; !ok || !bytes.Equal(got, want) {
			t.Fatalf("Verify(%q, %q) = nil, want a forged signature refused", body, sig)
		}
	})
}

// FuzzTestPushVerifier: Verify accepts exactly the hex of the body's MAC,
// in any case and with spaces around, and fails with a sentinel otherwise.
func FuzzTestPushVerifier(f *testing.F) {
	body := []byte("event=newCall&from=4921112345")
	f.Add(body, SignTestPush(testSecret, body))
	f.Add(body, strings.ToUpper(SignTestPush(testSecret, body)))
	f.Add(body, SignTestPush(testSecret, body)[:32])
	f.Add([]byte{}, "")
	f.Add(body, "zz")
	ver := NewTestPushVerifier(testSecret)
	f.Fuzz(func(t *testing.T, body []byte, sig string) {
		h := http.Header{}
		h.Set(TestSignatureHeader, sig)
		err := ver.Verify(body, h)
		got, decErr := hex.DecodeString(strings.TrimSpace(h.Get(TestSignatureHeader)))
		match := decErr == nil && hmac.Equal(got, testMAC(testSecret, body))
		if (err == nil) != match {
			t.Fatalf("Verify(%q, %q) = %v, want accepted=%v", body, sig, err, match)
		}
		if err != nil && !errors.Is(err, ErrNoSignature) && !errors.Is(err, ErrBadSignature) {
			t.Fatalf("Verify(%q, %q) = %v, want a sentinel", body, sig, err)
		}
	})
}
