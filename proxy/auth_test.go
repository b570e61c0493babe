package proxy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/rules"
)

var testSecret = []byte("0123456789abcdef0123456789abcdef")

type authResult struct {
	user *rules.User
	err  error
}

// verifierUser configures name with a verifier from NewVerifier(password).
func verifierUser(t testing.TB, name, password string) rules.User {
	t.Helper()
	s, err := NewVerifier(password)
	if err != nil {
		t.Fatal(err)
	}
	v, err := rules.ParseSCRAMVerifier(s)
	if err != nil {
		t.Fatalf("NewVerifier's output does not parse: %v", err)
	}
	return rules.User{Name: name, Password: s, Verifier: v}
}

// startAuthServer is a tiny PostgreSQL server: it refuses SSL and GSS
// encryption, runs Authenticate, then answers each simple query with an empty
// result. Each connection's Authenticate result goes to the channel.
func startAuthServer(t *testing.T, users []rules.User) (string, <-chan authResult) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	results := make(chan authResult, 64)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go serveOne(c, users, results)
		}
	}()
	return l.Addr().String(), results
}

func serveOne(c net.Conn, users []rules.User, results chan<- authResult) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	be := pgproto3.NewBackend(c, c)
	var startup *pgproto3.StartupMessage
	for startup == nil {
		msg, err := be.ReceiveStartupMessage()
		if err != nil {
			return
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest, *pgproto3.GSSEncRequest:
			if _, err := c.Write([]byte{'N'}); err != nil {
				return
			}
		case *pgproto3.StartupMessage:
			startup = m
		default:
			return
		}
	}
	user, err := Authenticate(be, users, startup.Parameters["user"], testSecret)
	results <- authResult{user, err}
	if err != nil {
		return
	}
	be.SetMaxBodyLen(1 << 20)
	for _, p := range [][2]string{{"server_version", "15.0"}, {"client_encoding", "UTF8"},
		{"standard_conforming_strings", "on"}, {"DateStyle", "ISO, MDY"}, {"integer_datetimes", "on"}} {
		be.Send(&pgproto3.ParameterStatus{Name: p[0], Value: p[1]})
	}
	be.Send(&pgproto3.BackendKeyData{ProcessID: 1, SecretKey: []byte{0, 0, 0, 1}})
	be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
	if be.Flush() != nil {
		return
	}
	for {
		msg, err := be.Receive()
		if err != nil {
			return
		}
		switch msg.(type) {
		case *pgproto3.Query:
			be.Send(&pgproto3.RowDescription{Fields: []pgproto3.FieldDescription{
				{Name: []byte("x"), DataTypeOID: 25, DataTypeSize: -1, TypeModifier: -1}}})
			be.Send(&pgproto3.CommandComplete{CommandTag: []byte("SELECT 0")})
			be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
			if be.Flush() != nil {
				return
			}
		default:
			return
		}
	}
}

func nextResult(t *testing.T, results <-chan authResult) authResult {
	t.Helper()
	select {
	case r := <-results:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("the server reported no authentication result")
		return authResult{}
	}
}

func pgxConnect(t *testing.T, addr, user, password, extra string) (*pgconn.PgConn, error) {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	cfg, err := pgconn.ParseConfig(fmt.Sprintf("host=%s port=%s user=%s dbname=db sslmode=disable %s", host, port, user, extra))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Password = password // over PGPASSWORD from the environment
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return pgconn.ConnectConfig(ctx, cfg)
}

// loginError is the PgError of a failed connection, with the user name
// replaced so that two users' errors compare.
func loginError(t *testing.T, err error, user string) pgconn.PgError {
	t.Helper()
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		t.Fatalf("want a server error, got %v", err)
	}
	e := *pe
	e.Message = strings.ReplaceAll(e.Message, strconv.Quote(user), `"USER"`)
	return e
}

func TestAuthPgx(t *testing.T) {
	users := []rules.User{
		verifierUser(t, "alice", "alice-pw"),
		{Name: "carol", Password: "carol-pw", PlainText: true},
		verifierUser(t, "erin", "pässwörd"),
		{Name: "nocred"}, // zero value: must refuse
	}
	addr, results := startAuthServer(t, users)

	for _, tc := range []struct{ user, password string }{
		{"alice", "alice-pw"}, {"carol", "carol-pw"}, {"carol", "carol-pw"}, {"erin", "pässwörd"},
	} {
		conn, err := pgxConnect(t, addr, tc.user, tc.password, "")
		if err != nil {
			t.Fatalf("%s with the right password: %v", tc.user, err)
		}
		if r := nextResult(t, results); r.err != nil || r.user == nil || r.user.Name != tc.user {
			t.Fatalf("%s: server side got user %v, err %v", tc.user, r.user, r.err)
		}
		res, err := conn.Exec(context.Background(), "SELECT 1").ReadAll()
		if err != nil || len(res) != 1 || res[0].CommandTag.String() != "SELECT 0" {
			t.Fatalf("%s: query after login: %v %v", tc.user, res, err)
		}
		conn.Close(context.Background())
	}

	var first pgconn.PgError
	for i, tc := range []struct{ user, password string }{
		{"alice", "wrong"}, {"nobody", "alice-pw"}, {"carol", "alice-pw"}, {"nocred", ""}, {"alice", "Alice-pw"},
	} {
		_, err := pgxConnect(t, addr, tc.user, tc.password, "")
		if err == nil {
			t.Fatalf("%s/%s: connected", tc.user, tc.password)
		}
		got := loginError(t, err, tc.user)
		if got.Code != "28P01" || got.Message != `password authentication failed for user "USER"` || got.Severity != "FATAL" {
			t.Errorf("%s: %+v", tc.user, got)
		}
		if i == 0 {
			first = got
		} else if got != first {
			t.Errorf("%s: error differs from a wrong password's: %+v vs %+v", tc.user, got, first)
		}
		if r := nextResult(t, results); !errors.Is(r.err, ErrAuthFailed) || r.user != nil {
			t.Errorf("%s: server side: user %v, err %v", tc.user, r.user, r.err)
		}
	}

	_, err := pgxConnect(t, addr, "alice", "alice-pw", "channel_binding=require")
	if err == nil || !strings.Contains(err.Error(), "channel binding") {
		t.Errorf("channel_binding=require: want a channel binding error, got %v", err)
	}
	nextResult(t, results) // the client hung up
}

// runPsql runs psql -c 'SELECT 1' against addr and returns its exit status
// and output.
func runPsql(t *testing.T, addr, user, password, extra string) (bool, string) {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command(pgtest.Bin(t, "psql"), "-X", "-w", "-d",
		fmt.Sprintf("host=%s port=%s user=%s dbname=db connect_timeout=10 %s", host, port, user, extra), "-c", "SELECT 1")
	cmd.Env = append(os.Environ(), "PGPASSWORD="+password, "PGPASSFILE="+os.DevNull, "PGSERVICEFILE="+os.DevNull)
	out, err := cmd.CombinedOutput()
	return err == nil, string(out)
}

func TestAuthPsql(t *testing.T) {
	users := []rules.User{verifierUser(t, "alice", "alice-pw"), {Name: "carol", Password: "carol-pw", PlainText: true}}
	addr, results := startAuthServer(t, users)
	for _, tc := range []struct {
		user, password string
		ok             bool
	}{
		{"alice", "alice-pw", true}, {"carol", "carol-pw", true},
		{"alice", "wrong", false}, {"nobody", "alice-pw", false}, {"carol", "wrong", false},
	} {
		ok, out := runPsql(t, addr, tc.user, tc.password, "")
		r := nextResult(t, results)
		if ok != tc.ok {
			t.Fatalf("psql as %s: success %v, want %v\n%s", tc.user, ok, tc.ok, out)
		}
		if tc.ok && (!strings.Contains(out, "(0 rows)") || r.err != nil) {
			t.Errorf("psql as %s: %v\n%s", tc.user, r.err, out)
		}
		if want := fmt.Sprintf("password authentication failed for user %q", tc.user); !tc.ok && !strings.Contains(out, want) {
			t.Errorf("psql as %s: want %q in\n%s", tc.user, want, out)
		}
	}
	ok, out := runPsql(t, addr, "alice", "alice-pw", "channel_binding=require")
	if ok || !strings.Contains(out, "channel binding") {
		t.Errorf("psql with channel_binding=require: want a channel binding error, got\n%s", out)
	}
}

// TestAuthSCRAMVerifierFromPostgres: a verifier made by PostgreSQL works in
// the proxy, and one made by NewVerifier works in PostgreSQL.
func TestAuthSCRAMVerifierFromPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	conn := pgtest.Connect(t, dsn)
	ctx := context.Background()
	role := fmt.Sprintf("pgveil_auth_%d", os.Getpid())
	ident := pgx.Identifier{role}.Sanitize()
	t.Cleanup(func() { conn.Exec(context.Background(), "DROP ROLE IF EXISTS "+ident) })

	if _, err := conn.Exec(ctx, "SET password_encryption = 'scram-sha-256'"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE ROLE "+ident+" PASSWORD 'pw-from-postgres'"); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := conn.QueryRow(ctx, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", role).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "DROP ROLE "+ident); err != nil {
		t.Fatal(err)
	}
	v, err := rules.ParseSCRAMVerifier(stored)
	if err != nil {
		t.Fatalf("PostgreSQL's verifier does not parse: %v", err)
	}
	addr, results := startAuthServer(t, []rules.User{{Name: "dave", Password: stored, Verifier: v}})
	c, err := pgxConnect(t, addr, "dave", "pw-from-postgres", "")
	if err != nil {
		t.Fatalf("PostgreSQL's verifier, right password: %v", err)
	}
	c.Close(ctx)
	nextResult(t, results)
	if _, err := pgxConnect(t, addr, "dave", "pw-from-Postgres", ""); err == nil {
		t.Fatal("PostgreSQL's verifier, wrong password: connected")
	}
	nextResult(t, results)
	if ok, out := runPsql(t, addr, "dave", "pw-from-postgres", ""); !ok {
		t.Fatalf("psql with PostgreSQL's verifier: %s", out)
	}
	nextResult(t, results)

	// The other way: PostgreSQL stores a pre-hashed verifier as is and logs in with it.
	ours, err := NewVerifier("pw-from-pgveil")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE ROLE "+ident+" LOGIN PASSWORD "+quoteLiteral(ours)); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", role).Scan(&stored); err != nil || stored != ours {
		t.Fatalf("PostgreSQL did not keep our verifier: %v", err)
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		password string
		ok       bool
	}{{"pw-from-pgveil", true}, {"pw-from-pgveiL", false}} {
		cfg.User, cfg.Password = role, tc.password
		pc, err := pgx.ConnectConfig(ctx, cfg)
		if (err == nil) != tc.ok {
			t.Fatalf("PostgreSQL login with our verifier, password ok=%v: %v", tc.ok, err)
		}
		if err == nil {
			pc.Close(ctx)
		}
	}
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func TestAuthNewVerifier(t *testing.T) {
	a, err := NewVerifier("pw")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewVerifier("pw")
	va, err := rules.ParseSCRAMVerifier(a)
	if err != nil {
		t.Fatal(err)
	}
	vb, _ := rules.ParseSCRAMVerifier(b)
	if va.Iterations != 4096 || len(va.Salt) != 16 || bytes.Equal(va.Salt, vb.Salt) || bytes.Equal(va.StoredKey, vb.StoredKey) {
		t.Errorf("want 4096 iterations and a fresh 16-byte salt each time: %+v %+v", va, vb)
	}
	if _, err := NewVerifier(""); err == nil {
		t.Error("empty password accepted")
	}
}
