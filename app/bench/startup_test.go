package bench

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// helperAddr, set in the environment, makes the test binary a stand-in
// listener for TestMeasureStartup: it waits a little, listens, answers
// every request with 405 and exits on SIGTERM.
const helperAddr = "BENCH_HELPER_ADDR"

func TestMain(m *testing.M) {
	if addr := os.Getenv(helperAddr); addr != "" {
		os.Exit(helper(addr))
	}
	os.Exit(m.Run())
}

func helper(addr string) int {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM)
	time.Sleep(20 * time.Millisecond)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return 3
	}
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusMethodNotAllowed)
	}))
	<-stop
	return 0
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

func TestMeasureStartup(t *testing.T) {
	addr := "127.0.0.1:" + freePort(t)
	res, err := MeasureStartup(context.Background(), StartConfig{
		Bin: os.Args[0], Env: []string{helperAddr + "=" + addr}, Addr: addr, Runs: 3, Settle: 10 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Runs != 3 || len(res.Took) != 3 || res.P50 < 20 || res.Max < res.P50 || res.RSSKB <= 0 {
		t.Errorf("MeasureStartup = %+v; want 3 runs of at least 20 ms and an RSS", res)
	}
}

func TestMeasureStartupOfAProgramThatExits(t *testing.T) {
	addr := "127.0.0.1:" + freePort(t)
	_, err := MeasureStartup(context.Background(), StartConfig{Bin: "/bin/true", Addr: addr, Runs: 1, Timeout: 5 * time.Second})
	if err == nil {
		t.Error("MeasureStartup of a program that never listens succeeded")
	}
}
