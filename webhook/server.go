package webhook

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Timeouts of the listener. sipgate gives up after about 10 s and a push is
// a few hundred bytes, so anything slower is not sipgate. sipgate sends one
// push per request, so an idle connection is soon closed.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 5 * time.Second
	maxHeaderBytes    = 32 << 10
)

// Server is the webhook listener: bound by Listen, served by Serve,
// stopped by Shutdown.
type Server struct {
	srv *http.Server
	lim *connLimit
}

// Listen binds addr (host:port) now, so a port in use or not permitted is
// reported at start-up as a *ListenError, and returns a Server that serves
// h once Serve is called. It keeps at most 1024 connections open, closing
// the longest idle ones first. Server errors go to logger at Warn.
func Listen(addr string, h http.Handler, logger *slog.Logger) (*Server, error) {
	return listen(addr, h, logger, maxConns)
}

func listen(addr string, h http.Handler, logger *slog.Logger, maxOpen int) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, newListenError(addr, err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	lim := newConnLimit(ln, maxOpen, (&capLog{logger: logger, clock: realClock{}, max: maxOpen}).evicted)
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ConnState:         lim.track,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	return &Server{srv: srv, lim: lim}, nil
}

// Addr is the address the server listens on, with the real port when
// Listen was given port 0.
func (s *Server) Addr() string { return s.lim.Addr().String() }

// Serve accepts connections until Shutdown; run it in a goroutine. It
// returns nil after Shutdown and the cause of any other stop.
func (s *Server) Serve() error {
	err := s.srv.Serve(s.lim)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return fmt.Errorf("serve webhooks on %s: %w", s.Addr(), err)
}

// Shutdown stops accepting, waits for requests in flight until ctx ends,
// and releases the port, also when Serve was never called.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if cerr := s.lim.Close(); cerr != nil && !errors.Is(cerr, net.ErrClosed) && err == nil {
		err = fmt.Errorf("close listener: %w", cerr)
	}
	return err
}
