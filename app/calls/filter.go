package calls

import (
	"hash/maphash"
)

// keyFilter is a Bloom filter of the keys of every stored call. A push
// whose ids it has never seen is new for sure, so the webhook path
// decides it in memory; one it may have seen (a replay, a call forgotten
// from memory, or rarely a false positive) is looked up in the store.
// Until the keys of the stored calls are loaded, everything may have been
// seen. The Tracker guards it with t.mu.
type keyFilter struct {
	seed  maphash.Seed
	bits  []uint64
	ready bool
}

// filterBitsPerKey and filterHashes give about 0.01 % false positives
// at the expected size (0.5 MiB at 100,000 calls). A false positive costs
// a push a fold of the journal and a probe, so it must stay rare under
// load: at 10 bits and 4 hashes it was 1 %, dozens of folds a second.
const (
	filterBitsPerKey = 24
	filterHashes     = 6
)

// newKeyFilter sizes a filter for n keys, at least a million bits
// (128 KiB). More keys than that only raise the false positives.
func newKeyFilter(n int64) keyFilter {
	words := int64(1 << 14)
	for words*64 < n*filterBitsPerKey {
		words <<= 1
	}
	return keyFilter{seed: maphash.MakeSeed(), bits: make([]uint64, words)}
}

// empty is a filter of the same size and seed with no keys.
func (f *keyFilter) empty() keyFilter {
	return keyFilter{seed: f.seed, bits: make([]uint64, len(f.bits))}
}

func (f *keyFilter) add(key string) {
	if key != "" {
		f.addHash(maphash.String(f.seed, key))
	}
}

// addBytes is add for a key read as bytes (maphash hashes both alike).
func (f *keyFilter) addBytes(key []byte) {
	if len(key) > 0 {
		f.addHash(maphash.Bytes(f.seed, key))
	}
}

func (f *keyFilter) addHash(h uint64) {
	for i := range uint64(filterHashes) {
		p := f.pos(h, i)
		f.bits[p/64] |= 1 << (p % 64)
	}
}

// mayHave reports whether any of keys may be a stored call's key.
func (f *keyFilter) mayHave(keys ...string) bool {
	if !f.ready {
		return true
	}
	for i, k := range keys {
		if k != "" && (i == 0 || k != keys[i-1]) && f.has(k) {
			return true
		}
	}
	return false
}

func (f *keyFilter) has(key string) bool {
	h := maphash.String(f.seed, key)
	for i := range uint64(filterHashes) {
		p := f.pos(h, i)
		if f.bits[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// pos is the i-th bit of a key with hash h (double hashing).
func (f *keyFilter) pos(h, i uint64) uint64 {
	a, b := h&0xffffffff, h>>32|1
	return (a + i*b) & (uint64(len(f.bits))*64 - 1)
}

// merge adds the keys of g, a filter of the same size and seed.
func (f *keyFilter) merge(g keyFilter) {
	for i, w := range g.bits {
		f.bits[i] |= w
	}
}
