package contacts

import "slices"

// arena holds the records of an index: the load writes them into one
// string, each change into one more. Strings are never changed, so an
// index and the ones made from it share the chunks, and the text of a
// decoded contact points into them.
type arena struct {
	chunks []string
	starts []uint32 // starts[i] is the offset of chunks[i]'s first byte
	size   uint32   // the offset the next chunk starts at
}

// record is the record at offset off.
func (a *arena) record(off uint32) (string, error) {
	i := len(a.chunks) - 1
	if i > 0 && off < a.starts[i] {
		i, _ = slices.BinarySearch(a.starts, off+1)
		i--
	}
	if i < 0 || off < a.starts[i] || off-a.starts[i] >= uint32(len(a.chunks[i])) {
		return "", errBadRecord
	}
	rec, _, err := cutRecord(a.chunks[i][off-a.starts[i]:])
	return rec, err
}

// with is a with chunk added at its end.
func (a arena) with(chunk string) arena {
	if chunk == "" {
		return a
	}
	out := arena{chunks: make([]string, len(a.chunks)+1), starts: make([]uint32, len(a.starts)+1), size: a.size + uint32(len(chunk))}
	copy(out.chunks, a.chunks)
	copy(out.starts, a.starts)
	out.chunks[len(a.chunks)], out.starts[len(a.starts)] = chunk, a.size
	return out
}
