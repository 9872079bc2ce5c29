package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/whoiscalling/whoiscalling/app/bench"
)

func runBaseline(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("baseline", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "address to listen on (port 0: any free port)")
	addrFile := fs.String("addr-file", "", "also write the address to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	srv, ln, err := bench.ServeBaseline(*addr)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, ln.Addr().String())
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(ln.Addr().String()+"\n"), 0o644); err != nil {
			return err
		}
	}
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}
