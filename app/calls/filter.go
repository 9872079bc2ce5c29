package calls

import (
	"hash/maphash"
	"math"
)

// keyFilter is a Bloom filter of the keys of every stored call. A push
// whose ids it has never seen is new for sure, so the webhook path
// decides it in memory; one it may have seen (a replay, a call forgotten
// from memory, or rarely a false positive) is looked up in the store.
// Until the keys of the stored calls are loaded, everything may have been
// seen. It grows with the calls: once its newest layer holds the keys it
// was sized for, the next ones go to a new layer twice its size, so the
// false positives stay rare in a process that runs for months or takes a
// flood. The Tracker guards it with t.mu.
type keyFilter struct {
	seed maphash.Seed
	// layers are Bloom filters of one seed, the newest last; a key is in
	// the one that was newest when it came.
	layers [][]uint64
	// room is how many more keys the newest layer takes.
	room  int64
	ready bool
}

// filterBitsPerKey and filterHashes give about 0.01 % false positives
// per layer at its expected size (0.5 MiB at 100,000 calls). A false
// positive costs a push a fold of the journal and a probe, so it must
// stay rare under load: at 10 bits and 4 hashes it was 1 %, dozens of
// folds a second.
const (
	filterBitsPerKey = 24
	filterHashes     = 6
)

// newKeyFilter sizes a filter for n keys, at least a million bits
// (128 KiB); the n keys are expected to come through merge.
func newKeyFilter(n int64) keyFilter {
	words := int64(1 << 14)
	for words*64 < n*filterBitsPerKey {
		words <<= 1
	}
	return keyFilter{seed: maphash.MakeSeed(), layers: [][]uint64{make([]uint64, words)},
		room: words*64/filterBitsPerKey - n}
}

// empty is a filter of the first layer's size and seed with no keys, to
// be merged into f: it never grows.
func (f *keyFilter) empty() keyFilter {
	return keyFilter{seed: f.seed, layers: [][]uint64{make([]uint64, len(f.layers[0]))}, room: math.MaxInt64}
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
	if f.room <= 0 {
		bits := make([]uint64, 2*len(f.layers[len(f.layers)-1]))
		f.layers = append(f.layers, bits)
		f.room = int64(len(bits)) * 64 / filterBitsPerKey
	}
	f.room--
	bits := f.layers[len(f.layers)-1]
	for i := range uint64(filterHashes) {
		p := pos(bits, h, i)
		bits[p/64] |= 1 << (p % 64)
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
	for _, bits := range f.layers {
		if layerHas(bits, h) {
			return true
		}
	}
	return false
}

func layerHas(bits []uint64, h uint64) bool {
	for i := range uint64(filterHashes) {
		p := pos(bits, h, i)
		if bits[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// pos is the i-th bit of a key with hash h (double hashing).
func pos(bits []uint64, h, i uint64) uint64 {
	a, b := h&0xffffffff, h>>32|1
	return (a + i*b) & (uint64(len(bits))*64 - 1)
}

// merge adds the keys of g, a filter made by f.empty, to f's first layer.
func (f *keyFilter) merge(g keyFilter) {
	for i, w := range g.layers[0] {
		f.layers[0][i] |= w
	}
}
