package webhook

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// tamperedV24 is sipgateio-node's newCallWebhookModified (PUSH-API §4.1
// item 3): V24 with fullUserId changed, which must not verify with V24's
// signature.
const tamperedV24 = "callId=&direction=in&event=newCall&from=4912354678&fullUserId%5B%5D%5B0%5D=123456779&originalCallId=&to=49999999&user%5B%5D%5B0%5D=TestUser&userId%5B%5D%5B0%5D=123456789&xcid="

func TestSipgateKey(t *testing.T) {
	k := SipgateKey()
	der, err := x509.MarshalPKIXPublicKey(k)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(der)
	got := hex.EncodeToString(sum[:])
	const want = "893cfd6caad92efc277a5977daec63dee1597223b1df5b2bf69ef56cd92305b3"
	if got != want || k.N.BitLen() != 4096 || k.E != 65537 {
		t.Errorf("SipgateKey() = %d bits, e=%d, SPKI sha256 %s; want 4096, 65537, %s", k.N.BitLen(), k.E, got, want)
	}
	if SipgateKey() != k {
		t.Errorf("SipgateKey() parsed twice, want one shared key")
	}
}

func sipgateHeader(sig string) http.Header {
	h := http.Header{}
	if sig != "" {
		h.Set(SignatureHeader, sig)
	}
	return h
}

func TestSignatureVerifier(t *testing.T) {
	v01, v24 := vectorByID(t, "V01"), vectorByID(t, "V24")
	if strings.Replace(v24.Body, "123456789", "123456779", 1) != tamperedV24 {
		t.Fatal("tamperedV24 is not V24 with one digit changed")
	}
	reencoded, _ := url.ParseQuery(v01.Body)
	tests := []struct {
		name, body, sig string
		want            error
	}{
		{"V01 real capture", v01.Body, v01.Signature, nil},
		{"V24 node test body", v24.Body, v24.Signature, nil},
		{"V01 padded header", v01.Body, " " + v01.Signature + " ", nil},
		{"tampered V24 (§4.1 item 3)", tamperedV24, v24.Signature, ErrBadSignature},
		{"V01 with trailing newline", v01.Body + "\n", v01.Signature, ErrBadSignature},
		{"V01 re-encoded", reencoded.Encode(), v01.Signature, ErrBadSignature},
		{"V01 with V24's signature", v01.Body, v24.Signature, ErrBadSignature},
		{"V01 unsigned", v01.Body, "", ErrNoSignature},
		{"V01 signature not base64", v01.Body, "not*base64", ErrBadSignature},
		{"V01 signature base64url", v01.Body, strings.NewReplacer("+", "-", "/", "_").Replace(v01.Signature), ErrBadSignature},
		{"V01 signature truncated", v01.Body, v01.Signature[:340], ErrBadSignature},
	}
	v := NewSignatureVerifier(SipgateKey())
	for _, tt := range tests {
		err := v.Verify([]byte(tt.body), sipgateHeader(tt.sig))
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("Verify(%s) = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestNewSignatureVerifierNilPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("NewSignatureVerifier(nil) did not panic")
		}
	}()
	NewSignatureVerifier(nil)
}
