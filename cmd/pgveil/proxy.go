package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/pgveil/pgveil/proxy"
	"github.com/pgveil/pgveil/rules"
)

func proxyCommand() *cli.Command {
	return &cli.Command{
		Name:  "proxy",
		Usage: "serve masked data over the PostgreSQL wire protocol (psql, drivers)",
		UsageText: "pgveil proxy --config pgveil.yaml\n" +
			"   psql \"postgres://alice@127.0.0.1:6432/prod\"",
		Description: "Listens on proxy.listen and serves the proxy's own users (proxy.users) from\n" +
			"proxy.upstream: every result column is masked under the rules or refused, and\n" +
			"only read-only statements run. SIGHUP reloads the rules (invalid rules keep the\n" +
			"old ones); SIGTERM or Ctrl-C shuts down after the sessions end.\n" +
			"proxy.metrics_listen serves Prometheus /metrics and /healthz. Not yet: COPY and\n" +
			"cursors (refused; see the README).",
		Flags: []cli.Flag{
			configFlag(),
			&cli.StringFlag{Name: "listen", Usage: "override proxy.listen (`HOST:PORT`)"},
		},
		Action: runProxy,
	}
}

func runProxy(c *cli.Context) error {
	lw := newBatchWriter(c.App.ErrWriter)
	defer lw.Close()
	log, err := newLoggerTo(c, lw)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	r, err := loadRules(c, rules.Options{})
	if err != nil {
		return err
	}
	if r.Proxy == nil {
		return fmt.Errorf("proxy: %s has no proxy: section (listen, upstream, users)", r.File)
	}
	for _, u := range r.Proxy.Users {
		if u.PlainText {
			log.Warn().Str("user", u.Name).Msg("plain-text password in the rules file; use `pgveil passwd` for a SCRAM verifier")
		}
	}
	listen := r.Proxy.Listen
	if l := c.String("listen"); l != "" {
		listen = l
	}
	srv, err := proxy.NewServer(c.Context, proxy.Config{Rules: r, Log: log})
	if err != nil {
		return fmt.Errorf("proxy: %w", err)
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("proxy: %w", err)
	}
	log.Info().Str("listen", ln.Addr().String()).Str("posture", r.Proxy.Posture).Msg("proxy listening")
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	ctx, cancel := context.WithCancel(c.Context)
	defer cancel()
	if addr := r.Proxy.MetricsListen; addr != "" {
		mln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("proxy: metrics_listen: %w", err)
		}
		log.Info().Str("metrics_listen", mln.Addr().String()).Msg("serving /metrics and /healthz")
		go func() {
			if err := srv.ServeMetrics(ctx, mln); err != nil {
				log.Error().Err(err).Msg("metrics server stopped")
			}
		}()
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				nr, err := loadRules(c, rules.Options{})
				if err == nil {
					err = srv.Reload(nr)
				}
				if err != nil {
					log.Error().Err(err).Msg("reload refused; the previous rules stay in force")
					continue
				}
				log.Info().Msg("rules reloaded")
			}
		}
	}()
	err = srv.Serve(ctx, ln)
	log.Info().Msg("proxy stopped")
	return err
}
