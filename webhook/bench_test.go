package webhook

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// discardWriter is a ResponseWriter that keeps nothing, so the benchmark
// measures the handler, not httptest.ResponseRecorder.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

func BenchmarkHandlerNewCall(b *testing.B) {
	v01 := vectorByID(b, "V01")
	rc := ResponderFunc(func(_ context.Context, _ Event) (Response, error) {
		return Response{OnAnswer: hookURL, OnHangup: hookURL}, nil
	})
	for _, bc := range []struct {
		name     string
		verifier Verifier
	}{
		{"unsigned", nil},
		{"sipgate-signature", NewSignatureVerifier(SipgateKey())},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := NewHandler(nil, bc.verifier, rc)
			body := []byte(v01.Body)
			rd := bytes.NewReader(body)
			r := httptest.NewRequest(http.MethodPost, "/sipgate", nil)
			r.Body, r.ContentLength = io.NopCloser(rd), int64(len(body))
			r.Header.Set("Content-Type", formCT+"; charset=UTF-8")
			r.Header.Set(SignatureHeader, v01.Signature)
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				rd.Reset(body)
				h.ServeHTTP(w, r)
			}
		})
	}
}

// BenchmarkCounters measures the counting of an accepted push (lock-free,
// no allocation) and of a rejection held back from the log.
func BenchmarkCounters(b *testing.B) {
	c := NewCounters()
	b.Run("accept", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c.accept()
		}
	})
	b.Run("reject-repeat", func(b *testing.B) {
		logger := slog.New(slog.DiscardHandler)
		b.ReportAllocs()
		for b.Loop() {
			c.reject(ReasonBadSignature, logger)
		}
	})
}
