package bench

import (
	"context"
	"log/slog"
	"os"
	"runtime"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/service"
)

// benchDataEnv names a data dir filled by `loadgen seed` for
// BenchmarkOpenService; without it the benchmark is skipped.
const benchDataEnv = "WHOISCALLING_BENCH_DATA"

// keepOpen holds the last service the benchmark opened, so a
// -memprofile (written after the benchmarks) shows what it holds.
var keepOpen *service.Service

// BenchmarkOpenService is the start-up of serve and the tray app up to
// listening, in process: open the store, load the book and the calls
// that can still change, listen on a free port. It reports the heap the
// open service keeps live (live-MiB) beside the allocations. Run it on
// a seeded data dir, with profiles:
//
//	WHOISCALLING_BENCH_DATA=D go test -run '^$' -bench OpenService -benchtime 5x \
//	  -cpuprofile cpu.out -memprofile mem.out ./app/bench
func BenchmarkOpenService(b *testing.B) {
	dir := os.Getenv(benchDataEnv)
	if dir == "" {
		b.Skip(benchDataEnv + " is not set")
	}
	env := service.Env{LookupEnv: func(k string) (string, bool) {
		switch k {
		case "SIPGATE_VERIFY_SIGNATURE":
			return "false", true
		}
		return "", false
	}, DotEnv: func() (map[string]string, error) { return map[string]string{}, nil }, UserConfigDir: os.UserConfigDir}
	cfg, err := service.LoadConfig(env, dir)
	if err != nil {
		b.Fatal(err)
	}
	cfg.Port = 0
	quiet := slog.New(slog.DiscardHandler)
	var live float64
	b.ReportAllocs()
	for b.Loop() {
		if keepOpen != nil {
			keepOpen.Close()
			keepOpen = nil
		}
		before := heapAfterGC(b)
		svc, err := service.Open(service.Options{Config: cfg, Env: env, Logger: quiet, RequireListener: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := svc.Run(context.Background()); err != nil { // listening, the book loaded: the whole start-up
			b.Fatal(err)
		}
		keepOpen = svc
		b.StopTimer()
		live = float64(heapAfterGC(b)-before) / (1 << 20)
		b.StartTimer()
	}
	b.ReportMetric(live, "live-MiB")
}

func heapAfterGC(b *testing.B) uint64 {
	b.Helper()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
