package bench

import (
	"math"
	"slices"
	"time"
)

// Summary describes a set of latencies, in milliseconds so it reads
// the same in JSON and in the table.
type Summary struct {
	Count int     `json:"count"`
	P50   float64 `json:"p50_ms"`
	P99   float64 `json:"p99_ms"`
	Max   float64 `json:"max_ms"`
	Mean  float64 `json:"mean_ms"`
}

// Summarize sorts d in place and describes it.
func Summarize(d []time.Duration) Summary {
	if len(d) == 0 {
		return Summary{}
	}
	slices.Sort(d)
	var sum time.Duration
	for _, x := range d {
		sum += x
	}
	return Summary{
		Count: len(d),
		P50:   ms(Percentile(d, 50)),
		P99:   ms(Percentile(d, 99)),
		Max:   ms(d[len(d)-1]),
		Mean:  ms(sum / time.Duration(len(d))),
	}
}

// Percentile is the nearest-rank p-th percentile of sorted: the
// smallest value that at least p percent of the values do not exceed.
// It is 0 for no values; p is clamped to [0, 100].
func Percentile(sorted []time.Duration, p float64) time.Duration {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	p = min(max(p, 0), 100)
	rank := int(math.Ceil(p / 100 * float64(n)))
	return sorted[min(max(rank, 1), n)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
