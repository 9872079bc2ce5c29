package contacts

import (
	"cmp"
	"maps"
	"slices"
)

// numKeys maps index keys (E.164 digits without the +) to slots. A key
// of up to 19 digits that does not start with 0 (every E.164 number) is
// a uint64 in a sorted array, 12 bytes a number; any other key is in a
// small map.
type numKeys struct {
	nums  []uint64 // ascending
	slots []uint32 // slots[i] holds nums[i]
	other map[string]uint32
}

// keyPair is a key that is a uint64 and its slot.
type keyPair struct {
	v    uint64
	slot uint32
}

// digitsKey is k as a number, if it is one that numKeys stores as such.
func digitsKey(k string) (uint64, bool) {
	if len(k) == 0 || len(k) > 19 || k[0] == '0' {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(k); i++ {
		d := k[i] - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + uint64(d)
	}
	return v, true
}

// find is the slot that holds key k.
func (nk *numKeys) find(k string) (uint32, bool) {
	if v, ok := digitsKey(k); ok {
		return nk.findNum(v)
	}
	s, ok := nk.other[k]
	return s, ok
}

func (nk *numKeys) findNum(v uint64) (uint32, bool) {
	if i, ok := slices.BinarySearch(nk.nums, v); ok {
		return nk.slots[i], true
	}
	return 0, false
}

// keySet collects the keys of a new index, or of the contacts a change
// puts in.
type keySet struct {
	pairs []keyPair
	other map[string]uint32
}

func (ks *keySet) add(k string, slot uint32) {
	if v, ok := digitsKey(k); ok {
		ks.pairs = append(ks.pairs, keyPair{v, slot})
		return
	}
	if ks.other == nil {
		ks.other = map[string]uint32{}
	}
	ks.other[k] = slot
}

// merged is nk without the keys of the slots in drop, with the keys of
// ks added; nk is left as it is (readers may be using it).
func (nk *numKeys) merged(drop slotSet, ks *keySet) numKeys {
	slices.SortFunc(ks.pairs, func(a, b keyPair) int { return cmp.Compare(a.v, b.v) })
	n := len(nk.nums) + len(ks.pairs)
	out := numKeys{nums: make([]uint64, 0, n), slots: make([]uint32, 0, n)}
	i := 0
	for j, v := range nk.nums {
		if drop.has(nk.slots[j]) {
			continue
		}
		for ; i < len(ks.pairs) && ks.pairs[i].v <= v; i++ {
			out.nums, out.slots = append(out.nums, ks.pairs[i].v), append(out.slots, ks.pairs[i].slot)
		}
		out.nums, out.slots = append(out.nums, v), append(out.slots, nk.slots[j])
	}
	for ; i < len(ks.pairs); i++ {
		out.nums, out.slots = append(out.nums, ks.pairs[i].v), append(out.slots, ks.pairs[i].slot)
	}
	if len(nk.other)+len(ks.other) > 0 {
		out.other = maps.Clone(nk.other)
		if out.other == nil {
			out.other = map[string]uint32{}
		}
		maps.DeleteFunc(out.other, func(_ string, s uint32) bool { return drop.has(s) })
		maps.Copy(out.other, ks.other)
	}
	out.nums, out.slots = slices.Clip(out.nums), slices.Clip(out.slots)
	return out
}

// slotSet is a set of slots, a bit each.
type slotSet []uint64

func (ss slotSet) add(s uint32) { ss[s/64] |= 1 << (s % 64) }

func (ss slotSet) has(s uint32) bool { return int(s/64) < len(ss) && ss[s/64]&(1<<(s%64)) != 0 }

// keyLen is the number of digits of a key stored as a number.
func keyLen(v uint64) int {
	n := 1
	for ; v >= 10; v /= 10 {
		n++
	}
	return n
}
