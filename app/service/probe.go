package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// ProbeHeader marks the watchdog's probe: a signed request the listener
// answers by echoing its nonce, without tracking a call or popping up.
const ProbeHeader = "X-Whoiscalling-Probe"

// maxProbe bounds a probe's body.
const maxProbe = 64

// Probe posts a signed probe to url and checks that this app (holding the
// same test-call key) answered it. A nil client is a default one.
func Probe(ctx context.Context, client *http.Client, url string, secret []byte) error {
	nonce := make([]byte, 16)
	rand.Read(nonce)
	body := []byte(hex.EncodeToString(nonce))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set(ProbeHeader, webhook.SignTestPush(secret, body))
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return explainSendError(url, err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(io.LimitReader(resp.Body, maxProbe))
	if resp.StatusCode != http.StatusOK {
		return explainStatus(url, resp.StatusCode)
	}
	if !bytes.Equal(bytes.TrimSpace(got), body) {
		return fmt.Errorf("%s answered, but not as this whoiscalling: the URL reaches another program", url)
	}
	return nil
}

// answerProbe answers a probe signed with the test-call key; it reports
// false for every other request.
func (s *Service) answerProbe(w http.ResponseWriter, r *http.Request) bool {
	sig := r.Header.Get(ProbeHeader)
	if sig == "" || r.Method != http.MethodPost {
		return false
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxProbe+1))
	if err != nil || len(body) > maxProbe || webhook.NewTestPushVerifier(s.secret).Verify(body, http.Header{webhook.TestSignatureHeader: {sig}}) != nil {
		http.Error(w, "bad probe", http.StatusForbidden)
		return true
	}
	w.Header().Set("Content-Type", "text/plain")
	io.Copy(w, strings.NewReader(string(body)))
	return true
}
