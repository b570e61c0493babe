package proxy

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// The adversarial suite beyond leak_test.go: every known leak class
// (docs/design.md, threat model) with more variants. A case is a sequence of statements run in one session,
// through the proxy over the simple protocol and the extended protocol with
// text and with binary results; no form of the canary (or of the case's own
// markers) may be among the bytes the client receives. The same statements
// run directly on the server are the poison control. The cases are in
// leak_cases_test.go, the inference oracles in leak_oracle_test.go, raw
// protocol messages in extended_test.go and functioncall_test.go.

// outcome is the answer to one statement in one protocol mode.
type outcome struct {
	rows [][][]byte
	err  error
}

func (o outcome) pgErr() *pgconn.PgError {
	var pe *pgconn.PgError
	if errors.As(o.err, &pe) {
		return pe
	}
	return nil
}

// refusedByProxy: an ErrorResponse of the proxy's own (with code unless
// code is empty), not a server error relayed with its text withheld.
func (o outcome) refusedByProxy(code string) bool {
	pe := o.pgErr()
	return pe != nil && (code == "" || pe.Code == code) && len(o.rows) == 0 &&
		strings.HasPrefix(pe.Message, "pgveil:") && !strings.Contains(pe.Message, "withheld")
}

func (o outcome) String() string {
	if o.err != nil {
		return fmt.Sprintf("error %v", o.err)
	}
	return fmt.Sprintf("%d rows", len(o.rows))
}

// protoMode runs one statement as a client of that protocol does.
type protoMode struct {
	name string
	run  func(ctx context.Context, pc *pgconn.PgConn, sql string, args ...string) outcome
}

var protoModes = []protoMode{
	{"simple", runSimple},
	{"extended-text", func(ctx context.Context, pc *pgconn.PgConn, sql string, args ...string) outcome {
		return runExtended(ctx, pc, sql, args, nil)
	}},
	{"extended-binary", func(ctx context.Context, pc *pgconn.PgConn, sql string, args ...string) outcome {
		return runExtended(ctx, pc, sql, args, []int16{1})
	}},
}

// runSimple sends a Query message; arguments are inlined as literals.
func runSimple(ctx context.Context, pc *pgconn.PgConn, sql string, args ...string) outcome {
	for i := len(args); i > 0; i-- {
		sql = strings.ReplaceAll(sql, fmt.Sprintf("$%d", i), "'"+strings.ReplaceAll(args[i-1], "'", "''")+"'")
	}
	res, err := pc.Exec(ctx, sql).ReadAll()
	var o outcome
	for _, r := range res {
		o.rows = append(o.rows, r.Rows...)
	}
	o.err = err
	return o
}

// runExtended sends Parse/Bind/Describe/Execute/Sync with text parameters.
func runExtended(ctx context.Context, pc *pgconn.PgConn, sql string, args []string, formats []int16) outcome {
	var params [][]byte
	for _, a := range args {
		params = append(params, []byte(a))
	}
	r := pc.ExecParams(ctx, sql, params, nil, nil, formats).Read()
	return outcome{rows: r.Rows, err: r.Err}
}

// dialRecorded connects to dsn and records every byte the client reads.
func dialRecorded(t *testing.T, dsn string) (*pgconn.PgConn, *recordingConn) {
	t.Helper()
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	var rec *recordingConn
	dial := cfg.DialFunc
	cfg.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		rec = &recordingConn{Conn: c}
		return rec, nil
	}
	cfg.OnNotice = func(*pgconn.PgConn, *pgconn.Notice) {}
	cfg.OnNotification = func(*pgconn.PgConn, *pgconn.Notification) {}
	pc, err := pgconn.ConnectConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close(context.Background()) })
	return pc, rec
}

// spellings are the forms of a marker on the wire: as it is, upper case,
// and hex (bytea's text output).
func spellings(markers ...string) [][]byte {
	var out [][]byte
	for _, m := range markers {
		out = append(out, []byte(m), []byte(strings.ToUpper(m)), []byte(hex.EncodeToString([]byte(m))))
	}
	return out
}

func containsAny(b []byte, forms [][]byte) bool {
	for _, f := range forms {
		if bytes.Contains(b, f) {
			return true
		}
	}
	return false
}

// leakFixture is created directly on the server before the proxy re-reads
// its catalog. An optional one (an extension the server may not ship) that
// fails only skips the poison controls of the cases that need it.
type leakFixture struct {
	name     string
	optional bool
	sql      string
}

// leakEnv is a proxy over the sample with canaries and fixtures planted, a
// recorded session through it and a recorded session directly on the server.
type leakEnv struct {
	ctx      context.Context
	upstream string
	vars     map[string]string // {{name}} in statements and markers
	missing  map[string]bool   // optional fixtures the server lacks
	pc       *pgconn.PgConn    // through the proxy
	rec      *recordingConn
	direct   *pgconn.PgConn // on the server: the poison control
	drec     *recordingConn
}

func newLeakEnv(t *testing.T, fixtures []leakFixture) *leakEnv {
	t.Helper()
	client, upstream, _, srv := startProxyServer(t, "")
	plantCanaries(t, upstream)
	e := &leakEnv{ctx: context.Background(), upstream: upstream, missing: map[string]bool{}}
	u, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	e.vars = map[string]string{
		"host": u.Hostname(), "port": u.Port(), "user": u.User.Username(), "password": pw,
		"dbname": strings.TrimPrefix(u.Path, "/"),
	}
	e.vars["conn"] = fmt.Sprintf("host=%s port=%s dbname=%s user=%s password=%s",
		e.vars["host"], e.vars["port"], e.vars["dbname"], e.vars["user"], pw)
	uc := pgtest.Connect(t, upstream)
	for _, f := range fixtures {
		if _, err := uc.Exec(e.ctx, e.expand(f.sql)); err != nil {
			if !f.optional {
				t.Fatalf("fixture %s: %v", f.name, err)
			}
			t.Logf("fixture %s not available: %v", f.name, err)
			e.missing[f.name] = true
		}
	}
	var toast string
	if err := uc.QueryRow(e.ctx, `SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = 'contacts'::regclass`).Scan(&toast); err != nil {
		t.Fatal(err)
	}
	e.vars["toast"] = toast
	// The proxy read the catalog when it started, before the fixtures.
	if err := srv.loadCatalog(e.ctx); err != nil {
		t.Fatal(err)
	}
	e.pc, e.rec = dialRecorded(t, client)
	e.direct, e.drec = dialRecorded(t, upstream)
	return e
}

// expand replaces {{name}} with the environment's values.
func (e *leakEnv) expand(s string) string {
	for k, v := range e.vars {
		s = strings.ReplaceAll(s, "{{"+k+"}}", v)
	}
	return s
}

// resetProxySession ends what a case left open and checks that the session
// still works.
func (e *leakEnv) resetProxySession(t *testing.T, cleanup []string) {
	t.Helper()
	for _, s := range append([]string{"ROLLBACK"}, cleanup...) {
		e.pc.Exec(e.ctx, s).ReadAll()
	}
	if e.pc.IsClosed() {
		t.Fatal("the proxy closed the session")
	}
	if _, err := e.pc.Exec(e.ctx, "SELECT 1").ReadAll(); err != nil {
		t.Fatalf("session broken after the case: %v", err)
	}
	e.rec.take()
}

// control runs steps directly on the server, in a transaction rolled back
// afterwards unless autocommit, and returns the bytes received and the
// first error's SQLSTATE.
func (e *leakEnv) control(steps []string, autocommit bool) ([]byte, string) {
	e.drec.take()
	if !autocommit {
		e.direct.Exec(e.ctx, "BEGIN").ReadAll()
	}
	code := ""
	for _, s := range steps {
		_, err := e.direct.Exec(e.ctx, e.expand(s)).ReadAll()
		var pe *pgconn.PgError
		if errors.As(err, &pe) && code == "" {
			code = pe.Code
		}
	}
	got := e.drec.take()
	e.direct.Exec(e.ctx, "ROLLBACK; CLOSE ALL; DEALLOCATE ALL; UNLISTEN *; RESET ALL").ReadAll()
	e.drec.take()
	return got, code
}

type expectation uint8

const (
	anyAnswer expectation = iota // only the bytes are judged
	refused                      // the proxy itself refuses (42501; 0A000 for COPY and cursors; 42703 for unknown names)
	answered                     // rows come back (the byte check says they are masked)
)

func checkOutcome(t *testing.T, what string, o outcome, want expectation) {
	t.Helper()
	switch want {
	case refused:
		if !o.refusedByProxy("") {
			t.Errorf("%s: want the proxy's own refusal, got %s", what, o)
		}
	case answered:
		if o.err != nil || len(o.rows) == 0 {
			t.Errorf("%s: want rows, got %s", what, o)
		}
	}
}

// seqCase is a sequence of statements run in one session; the last one
// is judged against want (the first against first), the bytes of all of
// them against the canary.
type seqCase struct {
	class string // the leak class
	steps []string
	want  expectation
	first expectation
	// noControl says why no poison control is possible (a write the
	// rolled-back direct run cannot show, a name the server does not have);
	// empty means the direct run must show a canary or a marker.
	noControl string
	markers   []string // more values that must not reach the client
	needs     string   // an optional fixture the poison control needs
	// autocommit runs the poison control outside a transaction: a
	// notification is delivered at commit, and a case's own BEGIN and
	// ROLLBACK must not end the control's transaction.
	autocommit bool
	cleanup    []string // on the proxy session, after ROLLBACK
}

func (lc seqCase) name() string { return lc.class + "/" + strings.Join(lc.steps, " | ") }

// runLeakCases runs every case in every protocol mode through the proxy,
// then its poison control.
func runLeakCases(t *testing.T, e *leakEnv, cases []seqCase) {
	for _, lc := range cases {
		t.Run(lc.name(), func(t *testing.T) {
			var markers []string
			for _, m := range lc.markers {
				markers = append(markers, e.expand(m))
			}
			forms := append(canaryForms(), spellings(markers...)...)
			for _, mode := range protoModes {
				e.rec.take()
				var first, last outcome
				for i, s := range lc.steps {
					last = mode.run(e.ctx, e.pc, e.expand(s))
					if i == 0 {
						first = last
					}
				}
				if got := e.rec.take(); containsAny(got, forms) {
					t.Errorf("%s: LEAK: a canary reached the client through the proxy (%d bytes received): %q",
						mode.name, len(got), excerpt(got, forms))
				}
				checkOutcome(t, mode.name+", last statement", last, lc.want)
				checkOutcome(t, mode.name+", first statement", first, lc.first)
				e.resetProxySession(t, lc.cleanup)
			}
			if lc.noControl != "" {
				return
			}
			if lc.needs != "" && e.missing[lc.needs] {
				t.Skipf("poison control skipped: the server lacks %s", lc.needs)
			}
			if got, code := e.control(lc.steps, lc.autocommit); !containsAny(got, forms) {
				t.Errorf("poison control: the statements show no canary even on the server (first error %q), so this case tests nothing", code)
			}
		})
	}
}

// excerpt shows where the first form occurs in b.
func excerpt(b []byte, forms [][]byte) []byte {
	for _, f := range forms {
		if i := bytes.Index(b, f); i >= 0 {
			lo, hi := max(0, i-60), min(len(b), i+len(f)+60)
			return b[lo:hi]
		}
	}
	return nil
}

// TestLeaksMore: the cases of leak_cases_test.go.
func TestLeaksMore(t *testing.T) {
	e := newLeakEnv(t, leakFixtures)
	runLeakCases(t, e, moreLeakCases)
}
