package bench

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseGoBench(t *testing.T) {
	out := `goos: linux
pkg: github.com/whoiscalling/whoiscalling/app/contacts
BenchmarkLookupExact-2         	 5045036	       206.6 ns/op	       0 B/op	       0 allocs/op
BenchmarkImport100k-2          	       1	16690374041 ns/op	   1.47 MB/s	869179320 B/op	13299557 allocs/op
BenchmarkNoMem	1000	12 ns/op
BenchmarkOpenService-2   	       5	1286634835 ns/op	        53.64 live-MiB	120696824 B/op	 3302524 allocs/op
BenchmarkBroken-2 notanumber 5 ns/op
PASS
ok  	github.com/whoiscalling/whoiscalling/app/contacts	35.146s
`
	got, err := ParseGoBench(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []GoBench{
		{Name: "LookupExact", Iterations: 5045036, NsPerOp: 206.6, Mem: true},
		{Name: "Import100k", Iterations: 1, NsPerOp: 16690374041, BytesPerOp: 869179320, AllocsPerOp: 13299557, Mem: true},
		{Name: "NoMem", Iterations: 1000, NsPerOp: 12},
		{Name: "OpenService", Iterations: 5, NsPerOp: 1286634835, BytesPerOp: 120696824, AllocsPerOp: 3302524, Mem: true,
			Metrics: map[string]float64{"live-MiB": 53.64}},
	}
	if len(got) != len(want) {
		t.Fatalf("ParseGoBench = %+v, want %+v", got, want)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("ParseGoBench line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseRSS(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{"Name:\tx\nVmPeak:\t 9 kB\nVmRSS:\t  123456 kB\nVmData: 1 kB\n", 123456, false},
		{"Name:\tx\n", 0, true},
		{"VmRSS:\tlots kB\n", 0, true},
	}
	for _, tt := range tests {
		got, err := parseRSS(strings.NewReader(tt.in))
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseRSS(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseStatCPU(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"4327 (wic) S 1 4327 4327 0 -1 4194560 9130 0 0 0 1520 237 0 0 20 0 12 0 1234 0", 17570 * time.Millisecond, false},
		{"12 (a) b) c) R 1 2 3 4 5 6 7 8 9 10 250 50 0 0", 3 * time.Second, false},
		{"12 (short) R 1 2", 0, true},
		{"12 (x) R 1 2 3 4 5 6 7 8 9 10 ab 50 0", 0, true},
	}
	for _, tt := range tests {
		got, err := parseStatCPU(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseStatCPU(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	if _, err := ProcCPU(os.Getpid()); err != nil {
		t.Errorf("ProcCPU(self) = %v", err)
	}
}

func TestReadRSSOfSelf(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	if kb, err := ReadRSS(os.Getpid()); err != nil || kb <= 0 {
		t.Errorf("ReadRSS(self) = %d, %v", kb, err)
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(in); got != want {
			t.Errorf("thousands(%d) = %q, want %q", in, got, want)
		}
	}
}

// TestTable renders a results dir with a goal met and one missed.
func TestTable(t *testing.T) {
	dir := t.TempDir()
	files := map[string]any{
		FileSeed:                   SeedResult{Contacts: 100_000, Calls: 50_000, ContactsSecond: 17, CallsSecond: 20},
		LoadFile(FileLoadBare, 1):  LoadResult{Mode: "closed", Concurrency: 16, Seconds: 10, RPS: 20_000, Latency: Summary{P50: 0.5, P99: 2}},
		LoadFile(FileLoadServe, 1): LoadResult{Mode: "closed", Concurrency: 16, Seconds: 10, RPS: 5_000, Latency: Summary{P50: 3, P99: 9}},
		LoadFile(FileLoadTeam, 1):  LoadResult{Mode: "closed", Concurrency: 16, Seconds: 10, RPS: 17_000, Latency: Summary{P50: 1, P99: 4}},
		FileRateServe:              LoadResult{Mode: "open", Rate: 1000, Seconds: 10, RPS: 1000, Latency: Summary{P50: 1, P99: 3}},
		FileStartSeeded:            StartResult{Runs: 10, P50: 900, Max: 1000},
		FileTrayEmpty:              StartResult{Runs: 1, RSSKB: 100 * 1024},
		FileTraySeeded:             StartResult{Runs: 1, RSSKB: 140 * 1024},
	}
	for name, v := range files {
		if err := WriteJSON(filepath.Join(dir, name), v); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, FileContacts), []byte("BenchmarkLookupExact-2 10 200 ns/op 0 B/op 0 allocs/op\n"+
		"BenchmarkLookupColdHit-2 10 932 ns/op 512 B/op 2 allocs/op\n"+
		"BenchmarkList100k/name-2 100 10486694 ns/op 150378 B/op 57 allocs/op\n"+
		"BenchmarkOpenBook100k-2 3 403221859 ns/op 10.08 live-MiB 209859056 B/op 3901743 allocs/op\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileWindowHeap), []byte("BenchmarkWindowsLiveHeap-2 1 458171950 ns/op 30.17 MiB-closed 66.37 MiB-open\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileTeam), []byte("BenchmarkFanOut50Desks-2 100 13094579 ns/op 8.637 p50-ms 30.67 p99-ms\n"+
		"BenchmarkReceiverPublish-2 20000 41210 ns/op 38.41 cpu-µs/state 1.000 msgs/state\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := ReadResults(dir, Machine{CPUs: 2, Model: "Test CPU", Go: "go version test"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Table(&b)
	got := b.String()
	for _, want := range []string{
		"| measure | result | goal | met? |",
		"| Throughput ratio serve / bare | 0.25 | ≥ 0.8 | **no**: 0.55 short",
		"| Throughput ratio team receiver / bare | 0.85 | ≥ 0.8 | yes |",
		"p99 3.00 ms", "| p99 < 5 ms | yes |",
		"| 900 ms (max 1,000 ms) | < 300 ms | **no**: 3× the goal (+600 ms) |",
		"+40.0 MiB over empty | ≤ empty + 25 MiB | **no**: 15.0 MiB over the goal |",
		"not measured: no Benchmark.*Window in app/ui",
		"+66.4 MiB while open, +30.2 MiB after closing both",
		"exact 200 ns, 0 allocs; coldhit 932 ns, 2 allocs | no SQL (sub-µs) | yes |",
		"| 10.1 MiB live heap · opened in 403 ms |", "name 10.5 ms", "p99 30.7 ms · the last desk after 13.1 ms | p99 < 50 ms | yes |",
		"costs the receiver (`ReceiverPublish`: embedded NATS", "| 38.4 µs of CPU a state · 1.00 messages a state | — | — |", "Machine: 2 CPUs (nproc), Test CPU, go version test.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}

// TestTableMedianOfRounds: with several rounds of load, each ratio is
// the median round's, and the table names every round's.
func TestTableMedianOfRounds(t *testing.T) {
	dir := t.TempDir()
	load := func(rps float64) LoadResult {
		return LoadResult{Mode: "closed", Concurrency: 16, Seconds: 10, RPS: rps, Latency: Summary{P50: 1, P99: 2}}
	}
	rounds := []struct{ bare, serve, team float64 }{
		{20_000, 14_000, 8_000}, // 0.70, 0.40
		{20_000, 17_000, 9_000}, // 0.85, 0.45
		{18_000, 14_400, 9_900}, // 0.80, 0.55
	}
	for i, x := range rounds {
		for name, rps := range map[string]float64{FileLoadBare: x.bare, FileLoadServe: x.serve, FileLoadTeam: x.team} {
			if err := WriteJSON(filepath.Join(dir, LoadFile(name, i+1)), load(rps)); err != nil {
				t.Fatal(err)
			}
		}
	}
	r, err := ReadResults(dir, Machine{CPUs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rounds) != 3 || r.LoadServe.RPS != 14_400 || r.LoadBare.RPS != 18_000 || r.LoadTeam.RPS != 9_000 {
		t.Fatalf("rounds %d, median serve %v over bare %v, team %v; want 3 rounds, 14400 over 18000, team 9000",
			len(r.Rounds), r.LoadServe.RPS, r.LoadBare.RPS, r.LoadTeam.RPS)
	}
	var b strings.Builder
	r.Table(&b)
	for _, want := range []string{
		"| Throughput ratio serve / bare | 0.80 (median of 3 rounds, each with its own bare run: 0.70, 0.85, 0.80) | ≥ 0.8 | yes |",
		"| Throughput ratio team receiver / bare | 0.45 (median of 3 rounds, each with its own bare run: 0.40, 0.45, 0.55) | ≥ 0.8 | **no**",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}
