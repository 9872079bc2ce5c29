// Package bench is the performance harness behind `make bench`: it
// generates a realistic contact book and call traffic (German and
// international numbers, newCall → answer → hangup sequences of which
// half come from known callers), seeds a data dir through the app's own
// packages, drives a webhook listener open- or closed-loop, plays the
// desktop's notification server on a private D-Bus, times start-up and
// reads resident memory, and prints the results as one markdown table.
//
// Everything is deterministic from a seed, so `loadgen seed` and
// `loadgen run` agree on which callers the book knows without sharing a
// file. The cmd is in loadgen/; .ci/bench runs it.
package bench
