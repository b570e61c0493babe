package proxy

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are counts only: no label ever carries a value, a statement, a
// user-supplied name or the key.
type metrics struct {
	reg        *prometheus.Registry
	sessions   prometheus.Counter
	active     prometheus.GaugeFunc
	authFailed prometheus.Counter
	statements *prometheus.CounterVec // decision: allowed, refused, withheld, error (audit.go)
	rows       prometheus.Counter
	refreshes  *prometheus.CounterVec // result: ok, failed
}

func newMetrics(s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		sessions: prometheus.NewCounter(prometheus.CounterOpts{Name: "pgveil_proxy_sessions_total",
			Help: "Client sessions that passed authentication."}),
		authFailed: prometheus.NewCounter(prometheus.CounterOpts{Name: "pgveil_proxy_auth_failures_total",
			Help: "Failed authentications (unknown user and wrong password counted together)."}),
		statements: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "pgveil_proxy_statements_total",
			Help: "Statements by decision: allowed, refused (never reached the database), withheld (cut off by the proxy), error (failed in the database)."}, []string{"decision"}),
		rows: prometheus.NewCounter(prometheus.CounterOpts{Name: "pgveil_proxy_rows_total",
			Help: "Result rows sent to clients after masking."}),
		refreshes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "pgveil_proxy_catalog_refreshes_total",
			Help: "Catalog snapshot refreshes by result."}, []string{"result"}),
	}
	m.active = prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "pgveil_proxy_connections",
		Help: "Client connections being served."}, func() float64 { return float64(s.active.Load()) })
	m.reg.MustRegister(m.sessions, m.active, m.authFailed, m.statements, m.rows, m.refreshes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, d := range decisions {
		m.statements.WithLabelValues(d)
	}
	return m
}

// ServeMetrics answers /metrics and /healthz on addr until ctx ends.
// /healthz is 200 while the proxy holds a catalog snapshot no older than
// three refresh periods, else 503.
func (s *Server) ServeMetrics(ctx context.Context, ln net.Listener) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		if s.current().snap == nil || time.Since(time.Unix(0, s.snapAt.Load())) > 3*s.refreshEvery() {
			http.Error(w, "catalog snapshot missing or stale", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
