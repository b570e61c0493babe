package proxy

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/dump"
	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/rules"
)

// plantedTicket is what plantTicketNames wrote into one ticket's body: its
// customer's names and those of the staff member it is assigned to.
type plantedTicket struct {
	first, last, staff string
	customer           int64
}

// TestFreeTextNamesSameInProxyDumpAndFilter plants every customer's and
// every staff member's name in ticket bodies (title case, capitals, after
// an honorific, in a signature) and reads the tickets three ways: through
// the proxy, from `pgveil dump` and from `pgveil anonymize` over pg_dump.
// Every ticket must read the same in all three, no planted name may
// survive, and each customer's name must read as that customer's masked
// first_name and last_name.
func TestFreeTextNamesSameInProxyDumpAndFilter(t *testing.T) {
	client, upstream, _ := startProxy(t)
	ctx := context.Background()
	want := plantTicketNames(t, ctx, upstream)
	viaProxy, masked := readTicketsViaProxy(t, ctx, client)
	viaDump, viaFilter := readTicketsViaDumpAndFilter(t, ctx, upstream)
	for id, p := range want {
		checkTicketNames(t, id, p, masked[p.customer], viaProxy[id], viaDump[id], viaFilter[id])
	}
}

// plantTicketNames writes the names of each ticket's customer and assignee
// into its body, and returns them by ticket id.
func plantTicketNames(t *testing.T, ctx context.Context, upstream string) map[int64]plantedTicket {
	t.Helper()
	up := pgtest.Connect(t, upstream)
	want := map[int64]plantedTicket{}
	rows, err := up.Query(ctx, `SELECT t.id, c.id, c.first_name, c.last_name, u.display_name FROM tickets t
		JOIN customers c ON c.id = t.customer_id JOIN users u ON u.id = t.assigned_to`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var p plantedTicket
		if err := rows.Scan(&id, &p.customer, &p.first, &p.last, &p.staff); err != nil {
			t.Fatal(err)
		}
		want[id] = p
	}
	if rows.Err() != nil || len(want) < 100 {
		t.Fatalf("only %d planted tickets (%v): the sample is too small to mean anything", len(want), rows.Err())
	}
	// Capitals in Go: the test server's C locale would leave "é" as it is.
	for id, p := range want {
		body := "Buongiorno, sono " + p.first + " " + p.last + ".\nIl conto di sig. " + p.last + " è bloccato.\n" +
			strings.ToUpper(p.first+" "+p.last) + "\n\nCordiali saluti,\n" + p.staff
		if _, err := up.Exec(ctx, "UPDATE tickets SET body = $1 WHERE id = $2", body, id); err != nil {
			t.Fatal(err)
		}
	}
	return want
}

// readTicketsViaProxy reads the ticket bodies by id, and the customers'
// masked first and last names by id, through the proxy.
func readTicketsViaProxy(t *testing.T, ctx context.Context, client string) (viaProxy map[int64]string, masked map[int64][2]string) {
	t.Helper()
	viaProxy = map[int64]string{}
	masked = map[int64][2]string{}
	pc := simpleConn(t, client)
	prows, err := pc.Query(ctx, "SELECT id, body FROM tickets")
	if err != nil {
		t.Fatal(err)
	}
	for prows.Next() {
		var id int64
		var body string
		if err := prows.Scan(&id, &body); err != nil {
			t.Fatal(err)
		}
		viaProxy[id] = body
	}
	if prows.Err() != nil {
		t.Fatal(prows.Err())
	}
	crows, err := pc.Query(ctx, "SELECT id, first_name, last_name FROM customers")
	if err != nil {
		t.Fatal(err)
	}
	for crows.Next() {
		var id int64
		var f, l string
		if err := crows.Scan(&id, &f, &l); err != nil {
			t.Fatal(err)
		}
		masked[id] = [2]string{f, l}
	}
	return viaProxy, masked
}

// freshRules parses the sample rules anew, as a command would: the
// known-name index is per rules file.
func freshRules(t *testing.T) *rules.Rules {
	t.Helper()
	r, err := rules.Parse("proxy-test.yaml", []byte(rulesText(t)), rules.Options{Getenv: func(string) string { return testKey }})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// readTicketsViaDumpAndFilter reads the ticket bodies by id from
// `pgveil dump` and from `pgveil anonymize` over pg_dump, each with rules
// of its own.
func readTicketsViaDumpAndFilter(t *testing.T, ctx context.Context, upstream string) (viaDump, viaFilter map[int64]string) {
	t.Helper()
	var direct bytes.Buffer
	if _, err := dump.Direct(ctx, dump.DirectOptions{DSN: upstream, Rules: freshRules(t), PgDump: pgtest.Bin(t, "pg_dump"), Log: zerolog.Nop()}, &direct); err != nil {
		t.Fatalf("dump: %v", err)
	}
	plain, err := os.ReadFile(pgtest.PgDump(t, upstream))
	if err != nil {
		t.Fatal(err)
	}
	f := &dump.Filter{Rules: freshRules(t), Log: zerolog.Nop()}
	kn, err := f.KnownNames(ctx, bytes.NewReader(plain), 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Rules.KnownNames().Set(kn)
	var filtered bytes.Buffer
	if _, err := f.Run(ctx, bytes.NewReader(plain), &filtered); err != nil {
		t.Fatalf("filter: %v", err)
	}
	return ticketBodies(t, direct.Bytes()), ticketBodies(t, filtered.Bytes())
}

// checkTicketNames: ticket id reads the same through the proxy (px), the
// dump (dm) and the filter (fl), with none of the planted names p and its
// customer's name as the masked columns m.
func checkTicketNames(t *testing.T, id int64, p plantedTicket, m [2]string, px, dm, fl string) {
	t.Helper()
	if px != dm || dm != fl {
		t.Errorf("ticket %d differs:\n proxy  %q\n dump   %q\n filter %q", id, px, dm, fl)
		return
	}
	lower := strings.ToLower(px)
	for _, v := range []string{p.first, p.last, p.staff} {
		for _, w := range strings.Fields(v) {
			if len(w) > 2 && containsWord(lower, strings.ToLower(w)) {
				t.Errorf("ticket %d: planted name %q survived: %q", id, w, px)
			}
		}
	}
	if !strings.Contains(px, "sono "+m[0]+" "+m[1]+".") || !strings.Contains(px, "sig. "+m[1]+" ") ||
		!strings.Contains(px, strings.ToUpper(m[0]+" "+m[1])) {
		t.Errorf("ticket %d: customer %d's name (%q %q) does not read as the masked columns %q %q: %q", id, p.customer, p.first, p.last, m[0], m[1], px)
	}
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(w)
		if (a == 0 || !isLetter(s[a-1])) && (b == len(s) || !isLetter(s[b])) {
			return true
		}
		i = a + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// rulesText is the sample rules file the proxy tests use.
func rulesText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ticketBodies reads id and body of the tickets COPY block of a plain dump.
func ticketBodies(t *testing.T, out []byte) map[int64]string {
	t.Helper()
	bodies := map[int64]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var cols []string
	var fields [][]byte
	for sc.Scan() {
		l := sc.Text()
		if cols == nil {
			if l = strings.ReplaceAll(l, `"`, ""); strings.HasPrefix(l, "COPY public.tickets (") {
				list := l[strings.Index(l, "(")+1 : strings.Index(l, ")")]
				cols = strings.Split(list, ", ")
			}
			continue
		}
		if l == `\.` {
			break
		}
		fields = dump.SplitFields(fields[:0], []byte(l))
		var id int64
		var body string
		for i, c := range cols {
			v, err := dump.DecodeField(nil, fields[i])
			if err != nil {
				t.Fatal(err)
			}
			switch c {
			case "id":
				id, _ = strconv.ParseInt(string(v), 10, 64)
			case "body":
				body = string(v)
			}
		}
		bodies[id] = body
	}
	if len(bodies) == 0 {
		t.Fatalf("no tickets COPY block in the dump of %d bytes", len(out))
	}
	return bodies
}
