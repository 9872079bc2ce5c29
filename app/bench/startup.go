package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// StartConfig says which program to start and how often.
type StartConfig struct {
	Bin  string
	Args []string
	// Env is added to this process's environment.
	Env []string
	// Addr is the host:port the program listens on once it is up.
	Addr string
	Runs int
	// Settle is how long the last run keeps going after it listens
	// before its resident memory is read (0: not read).
	Settle time.Duration
	// Timeout bounds each start (default 30 s).
	Timeout time.Duration
	// Log gets the program's output (nil: discarded).
	Log io.Writer
}

// StartResult is how long the starts took until the program answered
// HTTP, and the resident memory of the last one after Settle.
type StartResult struct {
	Runs  int       `json:"runs"`
	Took  []float64 `json:"took_ms"`
	P50   float64   `json:"p50_ms"`
	Max   float64   `json:"max_ms"`
	RSSKB int64     `json:"rss_kb,omitempty"`
}

// MeasureStartup starts the program cfg.Runs times, one after the other.
// Each start is timed from just before exec to the first HTTP answer on
// cfg.Addr (any status: a GET gets 405 from a webhook listener); then
// the program gets SIGTERM and is waited for.
func MeasureStartup(ctx context.Context, cfg StartConfig) (StartResult, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	var res StartResult
	var took []time.Duration
	for i := range max(cfg.Runs, 1) {
		d, rss, err := startOnce(ctx, cfg, i == max(cfg.Runs, 1)-1)
		if err != nil {
			return res, fmt.Errorf("start %d of %s: %w", i+1, cfg.Bin, err)
		}
		took = append(took, d)
		res.Took = append(res.Took, ms(d))
		res.RSSKB = rss
	}
	s := Summarize(took)
	res.Runs, res.P50, res.Max = s.Count, s.P50, s.Max
	return res, nil
}

func startOnce(ctx context.Context, cfg StartConfig, last bool) (time.Duration, int64, error) {
	cmd := exec.Command(cfg.Bin, cfg.Args...)
	cmd.Env = append(os.Environ(), cfg.Env...)
	cmd.Stdout, cmd.Stderr = cfg.Log, cfg.Log
	exited := make(chan struct{})
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	defer stop(cmd, exited)
	if err := WaitListening(ctx, cfg.Addr, start.Add(cfg.Timeout), exited); err != nil {
		select {
		case <-exited:
			err = fmt.Errorf("%w (%s)", err, cmd.ProcessState)
		default:
		}
		return 0, 0, err
	}
	took := time.Since(start)
	if !last || cfg.Settle <= 0 {
		return took, 0, nil
	}
	time.Sleep(cfg.Settle)
	rss, err := ReadRSS(cmd.Process.Pid)
	return took, rss, err
}

// stop ends a started program: SIGTERM, and SIGKILL if it is still
// there after 10 s.
func stop(cmd *exec.Cmd, exited <-chan struct{}) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
	}
}

// WaitListening polls http://addr/ until anything answers HTTP, the
// deadline passes, or exited (if not nil) is closed: the program ended.
func WaitListening(ctx context.Context, addr string, deadline time.Time, exited <-chan struct{}) error {
	c := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	defer c.CloseIdleConnections()
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/", nil)
		if err != nil {
			return err
		}
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case <-exited:
			return fmt.Errorf("exited before listening on %s", addr)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not listening on %s in time", addr)
		}
	}
}
