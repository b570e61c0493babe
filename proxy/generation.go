package proxy

import (
	"crypto/tls"
	"errors"
	"fmt"
	"strings"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/lineage"
	"github.com/pgveil/pgveil/rules"
)

// generation is everything a statement is decided under: the rules, the
// catalog snapshot, the posture and the proxy's settings. A generation is
// never modified once published; a reload or a catalog refresh publishes a
// new one, and a statement captures one (session.analyze) and keeps it from
// analysis to its last row, so the rules and the snapshot it is judged by
// always belong together.
//
// The one thing refreshed in place is the known-name index of the scrub
// masks (rules.KnownNames): it follows the data, not the schema, and is
// swapped atomically inside the rules.
type generation struct {
	rules   *rules.Rules
	snap    *catalog.Snapshot
	posture lineage.Posture
	tls     *tls.Config // client leg; nil when proxy.tls is not set
	secret  []byte      // for the fake SCRAM exchange of unknown users
}

// settings are the proxy: block of the generation's rules.
func (g *generation) settings() *rules.Proxy { return g.rules.Proxy }

// planner decides result columns under the generation.
func (g *generation) planner() planner { return planner{snap: g.snap, rules: g.rules} }

// newGeneration builds the generation of r over snap; it loads the TLS
// certificate, so a reload with an unreadable one is refused.
func newGeneration(r *rules.Rules, snap *catalog.Snapshot) (*generation, error) {
	if r == nil || r.Proxy == nil {
		return nil, errors.New("the rules file has no proxy: section")
	}
	g := &generation{rules: r, snap: snap, posture: lineage.PostureStrict, secret: scramSecret(r)}
	if r.Proxy.Posture == rules.PostureStandard {
		g.posture = lineage.PostureStandard
	}
	if t := r.Proxy.TLS; t != nil {
		cert, err := tls.LoadX509KeyPair(t.Cert, t.Key)
		if err != nil {
			return nil, fmt.Errorf("proxy.tls: %w", err)
		}
		g.tls = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	return g, nil
}

// withSnapshot is g over another catalog snapshot.
func (g *generation) withSnapshot(snap *catalog.Snapshot) *generation {
	n := *g
	n.snap = snap
	return &n
}

// current is the generation in force.
func (s *Server) current() *generation { return s.gen.Load() }

// publish replaces the generation in force with what update makes of it.
// Publishers (reload, catalog refresh) are serialised so that neither
// loses the other's change.
func (s *Server) publish(update func(old *generation) (*generation, error)) error {
	s.genMu.Lock()
	defer s.genMu.Unlock()
	g, err := update(s.gen.Load())
	if err != nil {
		return err
	}
	s.gen.Store(g)
	return nil
}

// reloadSetting is one setting of the proxy: block and whether a reload
// may change it. This list is the contract of `kill -HUP`; the README
// repeats it and TestReloadPolicy checks every line.
type reloadSetting struct {
	name   string
	reload bool   // a reload may change it
	effect string // when a change takes effect, or why it needs a restart
	same   func(a, b *rules.Proxy) bool
}

var reloadPolicy = []reloadSetting{
	{"listen", false, "the listening socket is opened once, at start",
		func(a, b *rules.Proxy) bool { return a.Listen == b.Listen }},
	{"upstream", false, "sessions, the catalog reader and cancel requests are bound to the server it names",
		func(a, b *rules.Proxy) bool { return a.Upstream == b.Upstream }},
	{"password_env", false, "the upstream password is read from the environment once, at start",
		func(a, b *rules.Proxy) bool { return a.PasswordEnv == b.PasswordEnv }},
	{"metrics_listen", false, "the metrics listener is opened once, at start",
		func(a, b *rules.Proxy) bool { return a.MetricsListen == b.MetricsListen }},
	{"tls", true, "new connections; a session keeps the certificate it negotiated", nil},
	{"users", true, "new connections; authenticated sessions stay", nil},
	{"posture", true, "the next statement of every session", nil},
	{"max_connections", true, "the next connection accepted", nil},
	{"idle_timeout", true, "each session's next wait for a message", nil},
	{"max_message_size", true, "each session's next wait for a message", nil},
	{"tables, types, unlisted, locale, key", true, "the next statement of every session (a prepared statement is analysed again at its next Bind)", nil},
}

// checkReload refuses a reload that changes a setting only a restart can.
func checkReload(old, next *rules.Proxy) error {
	var fixed []string
	for _, rs := range reloadPolicy {
		if !rs.reload && !rs.same(old, next) {
			fixed = append(fixed, "proxy."+rs.name)
		}
	}
	if len(fixed) > 0 {
		return fmt.Errorf("%s cannot change on reload; restart the proxy", strings.Join(fixed, ", "))
	}
	return nil
}
