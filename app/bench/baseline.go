package bench

import (
	"net"
	"net/http"
	"time"
)

// baselineXML is the answer the baseline gives every newCall: the same
// document, of the same size, as the app's answer with a public URL.
var baselineXML = []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
	`<Response onAnswer="` + SeedPublicURL + `" onHangup="` + SeedPublicURL + `"/>`)

// Baseline is the least a webhook listener can do, the yardstick for
// the app: parse the form, answer a newCall with fixed XML and every
// other event with an empty 200.
func Baseline() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		if r.PostForm.Get("event") != "newCall" {
			w.WriteHeader(http.StatusOK)
			return
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		_, _ = w.Write(baselineXML)
	})
}

// ServeBaseline listens on addr and serves Baseline with the same
// timeouts as the app's listener, until the returned server is closed.
func ServeBaseline(addr string) (*http.Server, net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	srv := &http.Server{
		Handler:           Baseline(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       time.Minute,
	}
	go srv.Serve(ln)
	return srv, ln, nil
}
