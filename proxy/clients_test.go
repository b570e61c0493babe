package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

// nodeScript reads through the proxy with node-postgres: parameterized
// queries go over the extended protocol. Under node -e, process.argv[1] is
// the first argument.
const nodeScript = `
const { Client } = require('pg');
(async () => {
  const c = new Client({ connectionString: process.argv[1] });
  await c.connect();
  const r = await c.query('SELECT id, email FROM customers WHERE id = $1', [process.argv[2]]);
  let refused = null;
  try { await c.query('SELECT lower(email) FROM customers WHERE id = $1', [process.argv[2]]); }
  catch (e) { refused = e.code; }
  const n = await c.query({ text: 'SELECT count(*)::int AS n FROM customers WHERE email = $1', values: [process.argv[3]] });
  console.log(JSON.stringify({ email: r.rows[0].email, refused, n: n.rows[0].n }));
  await c.end();
})().catch(e => { console.error(e); process.exit(1); });
`

// TestClientNodePostgres: node-postgres (npm pg, installed by
// scripts/test.sh into .cache/node) gets masked values and refusals.
func TestClientNodePostgres(t *testing.T) {
	modules := filepath.Join(pgtest.RepoRoot(t), ".cache", "node", "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "pg")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node-postgres missing: scripts/test.sh installs it into .cache/node")
		}
		t.Skip("node-postgres not installed (npm install --prefix .cache/node pg@8)")
	}
	client, upstream, r := startProxy(t)
	uc := pgtest.Connect(t, upstream)
	var id int64
	var orig string
	if err := uc.QueryRow(context.Background(), "SELECT id, email FROM customers ORDER BY id LIMIT 1").Scan(&id, &orig); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "-e", nodeScript, client, strconv.FormatInt(id, 10), orig)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got struct {
		Email   string  `json:"email"`
		Refused *string `json:"refused"`
		N       int     `json:"n"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	bound, _ := r.Column("public", "customers", "email").Masker.Bind(anonymize.Column{Type: "varchar", MaxLen: 120})
	want, _, _ := bound.Apply(nil, []byte(orig), false)
	if got.Email != string(want) || got.Refused == nil || *got.Refused != "42501" || got.N != 1 {
		t.Errorf("node-postgres got %+v, want email %s, refusal 42501, lookup 1", got, want)
	}
}

// jdbcSource reads through the proxy with pgjdbc: prepared statements over
// the extended protocol, server-side prepared after prepareThreshold uses.
const jdbcSource = `
import java.sql.*;
public class Main {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection(a[0], "alice", "alice-secret")) {
      String email = null;
      PreparedStatement ps = c.prepareStatement("SELECT email, birth_date FROM customers WHERE id = ?");
      for (int i = 0; i < 7; i++) {
        ps.setLong(1, Long.parseLong(a[1]));
        try (ResultSet rs = ps.executeQuery()) { rs.next(); email = rs.getString(1); }
      }
      String refused = null;
      try (Statement st = c.createStatement()) { st.executeQuery("SELECT lower(email) FROM customers"); }
      catch (SQLException e) { refused = e.getSQLState(); }
      System.out.println("{\"email\":\"" + email + "\",\"refused\":\"" + refused + "\"}");
    }
  }
}
`

// TestClientJDBC: pgjdbc from Debian's libpostgresql-jdbc-java (installed by
// scripts/test.sh) with the machine's JVM gets masked values and refusals.
func TestClientJDBC(t *testing.T) {
	jar := "/usr/share/java/postgresql.jar"
	_, jerr := os.Stat(jar)
	_, perr := exec.LookPath("java")
	if jerr != nil || perr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pgjdbc or java missing: scripts/test.sh installs libpostgresql-jdbc-java")
		}
		t.Skip("pgjdbc or java not installed")
	}
	client, upstream, r := startProxy(t)
	u, _ := url.Parse(client)
	jdbcURL := fmt.Sprintf("jdbc:postgresql://%s%s?sslmode=disable", u.Host, u.Path)
	uc := pgtest.Connect(t, upstream)
	var id int64
	var orig string
	if err := uc.QueryRow(context.Background(), "SELECT id, email FROM customers ORDER BY id LIMIT 1").Scan(&id, &orig); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "Main.java")
	os.WriteFile(src, []byte(jdbcSource), 0o600)
	out, err := exec.Command("java", "-cp", jar, src, jdbcURL, strconv.FormatInt(id, 10)).CombinedOutput()
	if err != nil {
		t.Fatalf("java: %v\n%s", err, out)
	}
	var got struct{ Email, Refused string }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	bound, _ := r.Column("public", "customers", "email").Masker.Bind(anonymize.Column{Type: "varchar", MaxLen: 120})
	want, _, _ := bound.Apply(nil, []byte(orig), false)
	if got.Email != string(want) || got.Refused != "42501" {
		t.Errorf("pgjdbc got %+v, want email %s and refusal 42501", got, want)
	}
}

// TestClientPgbench: pgbench -S through the proxy in each query mode runs
// with no failed transaction (the tables are initialised on the server:
// writes never pass the proxy).
func TestClientPgbench(t *testing.T) {
	client, upstream, _ := startProxy(t)
	pgbench := pgtest.Bin(t, "pgbench")
	if out, err := exec.Command(pgbench, "-i", "-s", "1", "-q", upstream).CombinedOutput(); err != nil {
		t.Fatalf("pgbench -i: %v\n%s", err, out)
	}
	for _, mode := range []string{"simple", "extended", "prepared"} {
		out, err := exec.Command(pgbench, "-S", "-M", mode, "-c", "4", "-j", "2", "-t", "200", "-n", client).CombinedOutput()
		if err != nil {
			t.Errorf("pgbench -M %s: %v\n%s", mode, err, out)
			continue
		}
		if !bytes.Contains(out, []byte("number of transactions actually processed: 800/800")) ||
			!bytes.Contains(out, []byte("number of failed transactions: 0")) {
			t.Errorf("pgbench -M %s:\n%s", mode, out)
		}
	}
}
