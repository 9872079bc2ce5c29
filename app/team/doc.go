// Package team is team mode: several desks of one sipgate account share
// their calls over NATS JetStream. It is the only package that imports
// NATS.
//
// A desk that receives webhooks publishes each change of its calls from a
// durable outbox to the stream WHOISCALLING_<team>, on the subject
// whoiscalling.<team>.calls.<key>; every desk consumes that stream with a
// durable consumer of its own and merges the states into its tracker.
// Key-value buckets carry the presence of receivers, the claims of who
// calls back a missed call, and the team's block list. With NATS_LISTEN
// the desk also runs an embedded NATS server (optionally speaking MQTT).
package team
