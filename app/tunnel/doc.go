// Package tunnel makes the webhook listener reachable from the internet
// without a hand-run tunnel, and watches that the path keeps working.
//
// A Tunnel keeps one public URL alive: either through an SSH client inside
// the app that asks localhost.run for a port-80 forward (no ssh binary
// needed), or through the cloudflared program run as a child process. It
// reconnects with backoff, reports every new URL at once, and stops for good
// when the SSH server's host key changes.
//
// A Watchdog checks, after each new URL and every few minutes, that a test
// push sent through the public URL arrives and that sipgate points at it.
//
// This is the only package that imports golang.org/x/crypto/ssh; its API
// speaks in strings, so callers need not.
package tunnel
