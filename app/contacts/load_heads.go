package contacts

import (
	"context"
	"database/sql"
	"hash/maphash"
	"slices"
	"strings"
)

// heads are the contacts read at load without their numbers: ID, and
// flags and text fields encoded (ends[i] is where the i-th ends).
type heads struct {
	ids  []int64
	ends []uint32
	buf  []byte
	ws   *sharedWords
}

// loadHeads reads the contacts' fields the index holds. A value becomes
// a shared word when it is seen the second time.
func loadHeads(ctx context.Context, q querier) (*heads, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, first_name, last_name, company, street, postal_code, city, country,
		note, vip, blocked FROM contacts ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	h := &heads{ws: newWords()}
	seen := map[uint64]bool{}
	seed := maphash.MakeSeed()
	var text [8]sql.RawBytes
	var id int64
	var vip, blocked bool
	for rows.Next() {
		if err := rows.Scan(&id, &text[0], &text[1], &text[2], &text[3], &text[4], &text[5], &text[6], &text[7],
			&vip, &blocked); err != nil {
			return nil, err
		}
		h.buf = append(h.buf, flagsOf(vip, blocked))
		for _, t := range text {
			if _, ok := h.ws.refs[string(t)]; !ok && len(t) > 1 {
				if k := maphash.Bytes(seed, t); seen[k] {
					h.ws.add(string(t))
				} else {
					seen[k] = true
				}
			}
			h.buf = appendFieldBytes(h.buf, t, h.ws)
		}
		h.ids, h.ends = append(h.ids, id), append(h.ends, uint32(len(h.buf)))
	}
	return h, rows.Err()
}

// join makes the index: each contact's head, then its numbers (nums is
// ordered by contact and position).
func (h *heads) join(nums []loadedNumber, numBuf []byte) *index {
	x := &index{ws: h.ws, ids: slices.Clip(h.ids), offs: make([]uint32, len(h.ids)), live: len(h.ids)}
	var exact, prefix keySet
	first := make([]int, len(h.ids)+1) // the numbers of contact i are nums[first[i]:first[i+1]]
	lens := make([]int, len(h.ids))    // each record's length
	size, j := 0, 0
	for i, id := range h.ids {
		for j < len(nums) && nums[j].id < id {
			j++ // a number of no contact; the foreign key makes this impossible
		}
		first[i] = j
		l := int(h.ends[i] - h.start(i))
		for ; j < len(nums) && nums[j].id == id; j++ {
			l += int(nums[j].end - nums[j].off)
			if !nums[j].prefix {
				exact.add(nums[j].key, uint32(i))
			} else if len(nums[j].key) <= maxKey {
				prefix.add(nums[j].key, uint32(i))
			}
		}
		l += uvarintLen(uint64(j - first[i]))
		lens[i] = l
		size += uvarintLen(uint64(l)) + l
	}
	first[len(h.ids)] = j
	var out strings.Builder
	out.Grow(size)
	var tmp [10]byte
	for i := range h.ids {
		x.offs[i] = uint32(out.Len())
		out.Write(appendUvarint(tmp[:0], uint64(lens[i])))
		out.Write(h.buf[h.start(i):h.ends[i]])
		out.Write(appendUvarint(tmp[:0], uint64(first[i+1]-first[i])))
		for _, n := range nums[first[i]:first[i+1]] {
			out.Write(numBuf[n.off:n.end])
		}
	}
	x.arena = arena{}.with(out.String())
	x.built = x.arena.size
	x.exact = (&numKeys{}).merged(nil, &exact)
	x.prefix = (&numKeys{}).merged(nil, &prefix)
	x.countLens()
	return x
}

func (h *heads) start(i int) uint32 {
	if i == 0 {
		return 0
	}
	return h.ends[i-1]
}
