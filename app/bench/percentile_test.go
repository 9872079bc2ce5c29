package bench

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Millisecond
	}
	ms := time.Millisecond
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one value is every percentile", []time.Duration{7 * ms}, 99, 7 * ms},
		{"one value, p0", []time.Duration{7 * ms}, 0, 7 * ms},
		{"median of two is the lower", []time.Duration{ms, 2 * ms}, 50, ms},
		{"median of three", []time.Duration{ms, 2 * ms, 3 * ms}, 50, 2 * ms},
		{"p50 of 1..100", hundred, 50, 50 * ms},
		{"p99 of 1..100", hundred, 99, 99 * ms},
		{"p99.9 of 1..100 is the max", hundred, 99.9, 100 * ms},
		{"p100 is the max", hundred, 100, 100 * ms},
		{"p0 is the min", hundred, 0, ms},
		{"p above 100 is clamped", hundred, 150, 100 * ms},
		{"negative p is clamped", hundred, -3, ms},
		{"p99 of 10 values is the max", hundred[:10], 99, 10 * ms},
	}
	for _, tt := range tests {
		if got := Percentile(tt.sorted, tt.p); got != tt.want {
			t.Errorf("%s: Percentile(%d values, %v) = %v, want %v", tt.name, len(tt.sorted), tt.p, got, tt.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name string
		in   []time.Duration
		want Summary
	}{
		{"none", nil, Summary{}},
		{"unsorted", []time.Duration{3 * ms, ms, 2 * ms, 10 * ms}, Summary{Count: 4, P50: 2, P99: 10, Max: 10, Mean: 4}},
		{"sub-millisecond", []time.Duration{250 * time.Microsecond, 750 * time.Microsecond}, Summary{Count: 2, P50: 0.25, P99: 0.75, Max: 0.75, Mean: 0.5}},
	}
	for _, tt := range tests {
		if got := Summarize(tt.in); got != tt.want {
			t.Errorf("%s: Summarize = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
