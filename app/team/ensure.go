package team

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// stepTimeout bounds one JetStream API request of the set-up. In a
// cluster, two desks creating the same stream at once can leave one
// request unanswered; the retry then finds the stream made.
const stepTimeout = 5 * time.Second

// ensureStream looks the stream up first and creates or updates it only
// when it is missing or differs, so desks starting together rarely race.
func ensureStream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) error {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	s, err := js.Stream(ctx, cfg.Name)
	switch {
	case errors.Is(err, jetstream.ErrStreamNotFound):
		_, err = js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return nil
		}
		return err
	case err != nil:
		return err
	}
	have := s.CachedInfo().Config
	if have.Replicas == cfg.Replicas && have.MaxAge == cfg.MaxAge && slices.Equal(have.Subjects, cfg.Subjects) &&
		have.MaxMsgsPerSubject == cfg.MaxMsgsPerSubject {
		return nil
	}
	_, err = js.UpdateStream(ctx, cfg)
	return err
}

// ensureBucket binds to a key-value bucket, creating it when missing.
func ensureBucket(ctx context.Context, js jetstream.JetStream, cfg jetstream.KeyValueConfig) (jetstream.KeyValue, error) {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	kv, err := js.KeyValue(ctx, cfg.Bucket)
	if !errors.Is(err, jetstream.ErrBucketNotFound) {
		return kv, err
	}
	kv, err = js.CreateKeyValue(ctx, cfg)
	if errors.Is(err, jetstream.ErrBucketExists) {
		return js.KeyValue(ctx, cfg.Bucket)
	}
	return kv, err
}
