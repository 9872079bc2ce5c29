package config

import (
	"fmt"
	"slices"
	"strings"
)

// UnknownKeyError is a key of .env or the saved settings that whoiscalling
// does not know: most often a typo, which would otherwise be ignored in
// silence.
type UnknownKeyError struct {
	Key, Source string
	// Closest is the known key most like Key.
	Closest string
}

func (e *UnknownKeyError) Error() string {
	return fmt.Sprintf("%s in %s is not a whoiscalling setting and is ignored: did you mean %s?", e.Key, e.Source, e.Closest)
}

// UnknownKeys lists the keys of m (a layer named source) that are not
// configuration keys, each with the closest known key, sorted by key.
func UnknownKeys(source string, m map[string]string) []*UnknownKeyError {
	var out []*UnknownKeyError
	for k := range m {
		if !known(k) {
			out = append(out, &UnknownKeyError{Key: k, Source: source, Closest: closest(k)})
		}
	}
	slices.SortFunc(out, func(a, b *UnknownKeyError) int { return strings.Compare(a.Key, b.Key) })
	return out
}

func known(key string) bool {
	for _, k := range Keys {
		if k.Name == key {
			return true
		}
	}
	return false
}

// closest is the known key with the least edit distance to key.
func closest(key string) string {
	best, bestD := "", -1
	for _, k := range Keys {
		if d := distance(strings.ToUpper(key), k.Name); bestD < 0 || d < bestD {
			best, bestD = k.Name, d
		}
	}
	return best
}

// distance is the Levenshtein distance of a and b, in bytes (keys are
// ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
