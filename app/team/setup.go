package team

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// resources are the team's stream, this desk's consumer and the buckets,
// once set up on the server.
type resources struct {
	consumer  jetstream.Consumer
	claims    jetstream.KeyValue
	presence  jetstream.KeyValue // heartbeats, expiring after PresenceTTL
	receivers jetstream.KeyValue // each receiver's last heartbeat, kept
	blocked   jetstream.KeyValue
}

// setup creates (or updates) the stream, the buckets and this desk's
// durable consumer. Every step is idempotent, so it runs again after any
// failure.
func (t *Team) setup(ctx context.Context) (*resources, error) {
	err := ensureStream(ctx, t.js, jetstream.StreamConfig{
		Name: t.names.stream(), Subjects: []string{t.names.callsFilter()},
		MaxMsgsPerSubject: 1, MaxAge: t.cfg.MaxAge, Replicas: t.cfg.Replicas,
		Storage: jetstream.FileStorage, Discard: jetstream.DiscardOld, Duplicates: 2 * time.Minute,
	})
	if err != nil {
		return nil, fmt.Errorf("create stream %s: %w", t.names.stream(), err)
	}
	r := &resources{}
	buckets := []struct {
		kv  *jetstream.KeyValue
		ttl time.Duration
	}{{&r.claims, t.cfg.MaxAge}, {&r.presence, t.opt.PresenceTTL}, {&r.receivers, t.cfg.MaxAge}, {&r.blocked, 0}}
	for i, what := range []string{"claims", "presence", "receivers", "blocked"} {
		kv, err := ensureBucket(ctx, t.js, jetstream.KeyValueConfig{
			Bucket: t.names.bucket(what), TTL: buckets[i].ttl, Replicas: t.cfg.Replicas,
			Storage: jetstream.FileStorage})
		if err != nil {
			return nil, fmt.Errorf("create bucket %s: %w", t.names.bucket(what), err)
		}
		*buckets[i].kv = kv
	}
	cctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	r.consumer, err = t.js.CreateOrUpdateConsumer(cctx, t.names.stream(), jetstream.ConsumerConfig{
		Durable: t.id, AckPolicy: jetstream.AckExplicitPolicy, DeliverPolicy: jetstream.DeliverAllPolicy,
		FilterSubject: t.names.callsFilter(), AckWait: 30 * time.Second, MaxAckPending: 1000,
		InactiveThreshold: t.cfg.MaxAge, Replicas: t.cfg.Replicas,
	})
	if err != nil {
		return nil, fmt.Errorf("create consumer %s: %w", t.id, err)
	}
	return r, nil
}

// current returns the set-up resources, or nil before setup succeeded.
func (t *Team) current() *resources {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.res
}

func (t *Team) setResources(r *resources) {
	t.mu.Lock()
	defer t.mu.Unlock()
	first := t.res == nil
	t.res = r
	if first {
		close(t.ready)
	}
}
