package proxy

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/pgtest"
)

// psycopg2Script reads through the proxy with psycopg2 (libpq, simple
// protocol, client-side parameters) and prints what it got as JSON.
const psycopg2Script = `
import json, sys, psycopg2
conn = psycopg2.connect(sys.argv[1])
cur = conn.cursor()
cur.execute("SELECT id, email FROM customers ORDER BY id LIMIT 3")
rows = [[r[0], r[1]] for r in cur.fetchall()]
cur.execute("SELECT count(*) FROM customers WHERE id = %s", (rows[0][0],))
count = cur.fetchone()[0]
code = None
try:
    cur.execute("SELECT lower(email) FROM customers")
except psycopg2.Error as e:
    code = e.pgcode
    conn.rollback()
cur.execute("SELECT 1")
print(json.dumps({"rows": rows, "count": count, "refused": code}))
`

// TestClientPsycopg2: psycopg2 from Debian's python3-psycopg2 (installed by
// scripts/test.sh) reads masked values, runs a lookup and gets a refusal.
func TestClientPsycopg2(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import psycopg2").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("psycopg2 missing: scripts/test.sh installs python3-psycopg2")
		}
		t.Skip("python3-psycopg2 not installed")
	}
	client, upstream, r := startProxy(t)
	out, err := exec.Command(py, "-c", psycopg2Script, client).CombinedOutput()
	if err != nil {
		t.Fatalf("psycopg2: %v\n%s", err, out)
	}
	var got struct {
		Rows    [][2]any `json:"rows"`
		Count   int      `json:"count"`
		Refused *string  `json:"refused"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	bound, _ := r.Column("public", "customers", "email").Masker.Bind(anonymize.Column{Type: "varchar", MaxLen: 120})
	uc := pgtest.Connect(t, upstream)
	for _, row := range got.Rows {
		var orig string
		if err := uc.QueryRow(context.Background(), "SELECT email FROM customers WHERE id = $1", int64(row[0].(float64))).Scan(&orig); err != nil {
			t.Fatal(err)
		}
		want, _, _ := bound.Apply(nil, []byte(orig), false)
		if row[1] != string(want) {
			t.Errorf("id %v: psycopg2 got %v, want the mask %s", row[0], row[1], want)
		}
	}
	if len(got.Rows) != 3 || got.Count != 1 || got.Refused == nil || *got.Refused != "42501" {
		t.Errorf("psycopg2 result %+v", got)
	}
}
