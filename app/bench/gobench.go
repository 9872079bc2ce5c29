package bench

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// GoBench is one result line of `go test -bench -benchmem`.
type GoBench struct {
	Name        string // without "Benchmark" and the -GOMAXPROCS suffix
	Iterations  int64
	NsPerOp     float64
	BytesPerOp  int64
	AllocsPerOp int64
	Mem         bool // the line had -benchmem's columns
	// Metrics are the b.ReportMetric columns, by unit.
	Metrics map[string]float64
}

var procsSuffix = regexp.MustCompile(`-\d+$`)

// ParseGoBench reads the result lines of `go test -bench` output and
// ignores every other line.
func ParseGoBench(r io.Reader) ([]GoBench, error) {
	var out []GoBench
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if b, ok := parseBenchLine(sc.Text()); ok {
			out = append(out, b)
		}
	}
	return out, sc.Err()
}

func parseBenchLine(line string) (GoBench, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
		return GoBench{}, false
	}
	n, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return GoBench{}, false
	}
	b := GoBench{Name: procsSuffix.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), ""), Iterations: n}
	seen := false
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			continue
		}
		switch f[i+1] {
		case "ns/op":
			b.NsPerOp, seen = v, true
		case "B/op":
			b.BytesPerOp, b.Mem = int64(v), true
		case "allocs/op":
			b.AllocsPerOp, b.Mem = int64(v), true
		case "MB/s":
		default:
			if b.Metrics == nil {
				b.Metrics = map[string]float64{}
			}
			b.Metrics[f[i+1]] = v
		}
	}
	return b, seen
}
