package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/rs/zerolog"
)

// syncBuffer is a log sink shared by the sessions' goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) events(t *testing.T) []map[string]any {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for _, line := range bytes.Split(s.b.Bytes(), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var ev map[string]any
		if err := json.Unmarshal(line, &ev); err != nil {
			t.Fatalf("log line is not JSON: %v: %s", err, line)
		}
		if ev["message"] == "statement" {
			out = append(out, ev)
		}
	}
	return out
}

// auditWant is what TestAuditEvents expects of one statement event.
type auditWant struct {
	protocol, decision, text string
	rows                     float64
	masked                   string
}

// auditWants are the events of the statements TestAuditEvents runs, in
// order.
var auditWants = []auditWant{
	{"simple", "allowed", "LIMIT $2", 3, "public.customers.email"},
	{"simple", "refused", "lower(email)", -1, ""},
	{"extended", "allowed", "<> $1 ORDER BY id LIMIT $2", 2, "public.customers.email"},
	{"extended", "allowed", "<> $1 ORDER BY id LIMIT $2", 2, "public.customers.email"},
	{"extended", "refused", "md5(email)", -1, ""},
}

// TestAuditEvents: one event per statement in both protocols, with the
// user, the client address, the fingerprint, the text without its literals,
// the decision, the masked columns, the rows and the duration; literals
// (here a canary e-mail) never reach the log.
func TestAuditEvents(t *testing.T) {
	var logs syncBuffer
	client, _, _, _ := startProxyLogged(t, "", zerolog.New(&logs))
	const literal = "audit-canary-7f3a@example.com"
	auditSimpleStatements(t, client, literal)
	auditExtendedStatements(t, client, literal)
	evs := waitAuditEvents(t, &logs, 5)
	if len(evs) != len(auditWants) {
		t.Fatalf("%d statement events, want %d:\n%s", len(evs), len(auditWants), logs.b.String())
	}
	for i, w := range auditWants {
		checkAuditEvent(t, i, evs[i], w)
	}
	if strings.Contains(logs.b.String(), "audit-canary") {
		t.Error("a literal of a statement reached the log")
	}
}

// auditSimpleStatements runs, in the simple protocol, an allowed and a
// refused statement with literal in them.
func auditSimpleStatements(t *testing.T, client, literal string) {
	t.Helper()
	ctx := context.Background()
	sc := simpleConn(t, client)
	if _, err := sc.Exec(ctx, "SELECT id, email FROM customers WHERE email <> '"+literal+"' ORDER BY id LIMIT 3"); err != nil {
		t.Fatal(err)
	}
	sc.Exec(ctx, "SELECT lower(email) FROM customers WHERE email = '"+literal+"'")
}

// auditExtendedStatements runs, in the extended protocol with cached
// statements, an allowed statement twice with literal as its argument and
// a refused one; the session is closed when the test ends.
func auditExtendedStatements(t *testing.T, client, literal string) {
	t.Helper()
	ctx := context.Background()
	xc, err := pgx.Connect(ctx, client) // extended protocol, cached statements
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xc.Close(ctx) })
	for i := 0; i < 2; i++ {
		rows, err := xc.Query(ctx, "SELECT email, country FROM customers WHERE email <> $1 ORDER BY id LIMIT 2", literal)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			n++
		}
		if rows.Err() != nil || n != 2 {
			t.Fatalf("extended query: %d rows, %v", n, rows.Err())
		}
	}
	xc.Exec(ctx, "SELECT md5(email) FROM customers WHERE id > $1", 0) // with an argument: extended
}

// waitAuditEvents returns the statement events logged once there are n of
// them, or after five seconds.
func waitAuditEvents(t *testing.T, logs *syncBuffer, n int) []map[string]any {
	t.Helper()
	var evs []map[string]any
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if evs = logs.events(t); len(evs) >= n {
			break
		}
	}
	return evs
}

// checkAuditEvent checks event i, ev, against w.
func checkAuditEvent(t *testing.T, i int, ev map[string]any, w auditWant) {
	t.Helper()
	text, _ := ev["statement"].(string)
	if text == "" {
		text, _ = ev["statement_0"].(string)
	}
	fp, _ := ev["fingerprint"].(string)
	if fp == "" {
		fp, _ = ev["fingerprint_0"].(string)
	}
	if ev["protocol"] != w.protocol || ev["decision"] != w.decision || !strings.Contains(text, w.text) ||
		ev["user"] != "alice" || !strings.HasPrefix(ev["client"].(string), "127.0.0.1:") || len(fp) != 16 {
		t.Errorf("event %d = %v, want %+v", i, ev, w)
	}
	if w.decision == "refused" {
		if ev["sqlstate"] != "42501" {
			t.Errorf("event %d: sqlstate %v", i, ev["sqlstate"])
		}
		if reason, _ := ev["reason"].(string); !strings.Contains(reason, "email") {
			t.Errorf("event %d: reason %q does not name the column that was refused", i, reason)
		}
		return
	}
	masked, _ := ev["masked"].([]any)
	if ev["rows"] != w.rows || len(masked) != 1 || masked[0] != w.masked {
		t.Errorf("event %d: rows %v masked %v, want %v %v", i, ev["rows"], ev["masked"], w.rows, w.masked)
	}
	if d, ok := ev["duration"].(float64); !ok || d <= 0 {
		t.Errorf("event %d: duration %v", i, ev["duration"])
	}
}
