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

// TestAuditEvents: one event per statement in both protocols, with the
// user, the client address, the fingerprint, the text without its literals,
// the decision, the masked columns, the rows and the duration; literals
// (here a canary e-mail) never reach the log.
func TestAuditEvents(t *testing.T) {
	var logs syncBuffer
	client, _, _, _ := startProxyLogged(t, "", zerolog.New(&logs))
	ctx := context.Background()
	const literal = "audit-canary-7f3a@example.com"

	sc := simpleConn(t, client)
	if _, err := sc.Exec(ctx, "SELECT id, email FROM customers WHERE email <> '"+literal+"' ORDER BY id LIMIT 3"); err != nil {
		t.Fatal(err)
	}
	sc.Exec(ctx, "SELECT lower(email) FROM customers WHERE email = '"+literal+"'")

	xc, err := pgx.Connect(ctx, client) // extended protocol, cached statements
	if err != nil {
		t.Fatal(err)
	}
	defer xc.Close(ctx)
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

	var evs []map[string]any
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if evs = logs.events(t); len(evs) >= 5 {
			break
		}
	}
	type want struct {
		protocol, decision, text string
		rows                     float64
		masked                   string
	}
	wants := []want{
		{"simple", "allowed", "LIMIT $2", 3, "public.customers.email"},
		{"simple", "refused", "lower(email)", -1, ""},
		{"extended", "allowed", "<> $1 ORDER BY id LIMIT $2", 2, "public.customers.email"},
		{"extended", "allowed", "<> $1 ORDER BY id LIMIT $2", 2, "public.customers.email"},
		{"extended", "refused", "md5(email)", -1, ""},
	}
	if len(evs) != len(wants) {
		t.Fatalf("%d statement events, want %d:\n%s", len(evs), len(wants), logs.b.String())
	}
	for i, w := range wants {
		ev := evs[i]
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
			continue
		}
		masked, _ := ev["masked"].([]any)
		if ev["rows"] != w.rows || len(masked) != 1 || masked[0] != w.masked {
			t.Errorf("event %d: rows %v masked %v, want %v %v", i, ev["rows"], ev["masked"], w.rows, w.masked)
		}
		if d, ok := ev["duration"].(float64); !ok || d <= 0 {
			t.Errorf("event %d: duration %v", i, ev["duration"])
		}
	}
	if strings.Contains(logs.b.String(), "audit-canary") {
		t.Error("a literal of a statement reached the log")
	}
}
