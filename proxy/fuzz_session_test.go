package proxy

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/internal/pgtest"
)

func msg(typ byte, body string) []byte {
	b := []byte{typ, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[1:], uint32(4+len(body)))
	return append(b, body...)
}

// wireBytes encodes protocol messages as they travel on the wire.
func wireBytes[M interface{ Encode([]byte) ([]byte, error) }](t testing.TB, ms ...M) []byte {
	t.Helper()
	var b []byte
	for _, m := range ms {
		var err error
		if b, err = m.Encode(b); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// feBytes encodes frontend messages as a client sends them.
func feBytes(t testing.TB, ms ...pgproto3.FrontendMessage) []byte { return wireBytes(t, ms...) }

// fuzzCanaries are planted by plantFuzzCanaries in masked columns of every
// row: e-mails (with the row's id after the token), names, streets,
// cities, a JSON path, free text. None of them may reach a client of the
// proxy in any spelling of fuzzCanaryForms.
var fuzzCanaries = []string{
	"zqfzmail", "zqfzgiven", "zqfzfamily", "zqfzstreet", "zqfzcity",
	"zqfzcontact", "zqfznote", "zqfzlogin", "zqfzdisplay", "zqfzholder",
}

func plantFuzzCanaries(t testing.TB, upstream string) {
	t.Helper()
	c := pgtest.Connect(t, upstream)
	for _, sql := range []string{
		`UPDATE customers SET email = 'zqfzmail' || id || '@example.com', first_name = 'Zqfzgiven', last_name = 'Zqfzfamily',
		   street = 'Via Zqfzstreet ' || id, city = 'Zqfzcity',
		   profile = jsonb_set(coalesce(profile, '{}'), '{email}', to_jsonb('zqfzmail' || id || '@example.com'))`,
		`UPDATE contacts SET email = 'zqfzcontact' || id || '@example.com', first_name = 'Zqfzgiven', last_name = 'Zqfzfamily',
		   note = 'please write to zqfznote' || id || '@example.com today'`,
		`UPDATE users SET login_email = 'zqfzlogin' || id || '@example.com', display_name = 'Zqfzdisplay Zqfzfamily'`,
		`UPDATE payment_cards SET holder_name = 'Zqfzholder Zqfzfamily'`,
		`ANALYZE`,
	} {
		if _, err := c.Exec(context.Background(), sql); err != nil {
			t.Fatalf("plant canaries: %v", err)
		}
	}
}

// fuzzCanaryForms are the spellings of a canary on the wire that a
// transformation can produce: any letter case, reversed, hex (bytea's text
// output, either case) and base64 of a value the canary starts. Matching
// is on lower-cased bytes, except for base64.
func fuzzCanaryForms(c string) (folded [][]byte, exact [][]byte) {
	rev := []byte(c)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	n := len(c) / 3 * 3
	return [][]byte{[]byte(c), rev, []byte(hex.EncodeToString([]byte(c)))},
		[][]byte{[]byte(base64.StdEncoding.EncodeToString([]byte(c[:n]))), []byte(base64.StdEncoding.EncodeToString([]byte(strings.ToUpper(c[:1]) + c[1:n])))}
}

// findCanary returns the first canary, in any of its forms, in what the
// client received. A canary the client itself sent (in any form) is not
// looked for: the server may echo the client's own text.
func findCanary(received, sent []byte) (string, bool) {
	lr, ls := asciiLower(received), asciiLower(sent)
	for _, c := range fuzzCanaries {
		folded, exact := fuzzCanaryForms(c)
		echoed := false
		for _, f := range folded {
			echoed = echoed || bytes.Contains(ls, f)
		}
		for _, f := range exact {
			echoed = echoed || bytes.Contains(sent, f)
		}
		if echoed {
			continue
		}
		for _, f := range folded {
			if i := bytes.Index(lr, f); i >= 0 {
				return fmt.Sprintf("%s as %q at byte %d", c, received[i:i+len(f)], i), true
			}
		}
		for _, f := range exact {
			if i := bytes.Index(received, f); i >= 0 {
				return fmt.Sprintf("%s as %q at byte %d", c, f, i), true
			}
		}
	}
	return "", false
}

// asciiLower folds ASCII letters only: the result has the length of b, so
// an index into it is one into b.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// feMsg is what the stream check needs of one of the client's messages.
type feMsg struct {
	typ  byte
	name string // Parse, Describe, Close: statement or portal; Bind, Execute: portal
	stmt string // Bind: the statement bound
	obj  byte   // Describe, Close: 'S' or 'P'
}

// clientMessages decodes the client's bytes as a server reads them, up to
// the first message it cannot read; rest tells whether that one is whole
// (the server may answer it with an error, where a message cut short gets
// no answer).
func clientMessages(data []byte) (out []feMsg, rest bool) {
	be := pgproto3.NewBackend(bytes.NewReader(data), io.Discard)
	be.SetMaxBodyLen(len(data)) // a longer body cannot be complete: no buffer of its length
	for {
		m, err := be.Receive()
		if err != nil {
			return out, len(out) < completeFrames(data)
		}
		switch m := m.(type) {
		case *pgproto3.Query:
			out = append(out, feMsg{typ: 'Q'})
		case *pgproto3.Parse:
			out = append(out, feMsg{typ: 'P', name: m.Name})
		case *pgproto3.Bind:
			out = append(out, feMsg{typ: 'B', name: m.DestinationPortal, stmt: m.PreparedStatement})
		case *pgproto3.Describe:
			out = append(out, feMsg{typ: 'D', name: m.Name, obj: m.ObjectType})
		case *pgproto3.Execute:
			out = append(out, feMsg{typ: 'E', name: m.Portal})
		case *pgproto3.Close:
			out = append(out, feMsg{typ: 'C', name: m.Name, obj: m.ObjectType})
		case *pgproto3.Sync:
			out = append(out, feMsg{typ: 'S'})
		case *pgproto3.Flush:
			out = append(out, feMsg{typ: 'H'})
		case *pgproto3.FunctionCall:
			out = append(out, feMsg{typ: 'F'})
		case *pgproto3.Terminate:
			return append(out, feMsg{typ: 'X'}), false
		case *pgproto3.CopyData:
			out = append(out, feMsg{typ: 'd'})
		case *pgproto3.CopyDone:
			out = append(out, feMsg{typ: 'c'})
		case *pgproto3.CopyFail:
			out = append(out, feMsg{typ: 'f'})
		default: // a password message after authentication
			return out, true
		}
	}
}

// completeFrames counts the messages of b whose length is valid and whose
// body is all there.
func completeFrames(b []byte) int {
	n := 0
	for len(b) >= 5 {
		l := int(int32(binary.BigEndian.Uint32(b[1:5])))
		if l < 4 || 1+l > len(b) {
			break
		}
		n++
		b = b[1+l:]
	}
	return n
}

// Descriptions the client was given, by statement and portal name.
const (
	descNone   = -1 // no description: the row count of a result is not known
	descNoRows = -2 // NoData: the statement returns no rows
)

// streamCheck follows the backend messages a client received, answer by
// answer, against the client's own messages (the protocol answers them in
// order), and reports the first message that breaks a rule:
//
//   - a DataRow belongs to a result the client can read: in a simple
//     Query, the result's RowDescription came first and has as many fields;
//     for an Execute, the portal's description, when the client asked for
//     one (Describe of the portal, or of its statement before the Bind),
//     has as many fields (a client that never asked gets rows of one width);
//     anywhere else a DataRow is a row without a plan;
//   - every message has a valid length, a known type and a body that
//     decodes; only the last one may be cut short (the connection ended);
//   - answers come in the order of the messages they answer, and nothing
//     follows a FATAL error.
type streamCheck struct {
	fe       []feMsg
	rest     bool // a message of the client's the check could not decode: the server may answer it with an error
	stmts    map[string]int
	portals  map[string]int
	skipping bool // an error in the extended protocol: the server discards messages up to Sync
	desc     int  // simple Query: field count of the current result's RowDescription
	width    int  // Execute: field count of its rows so far
	fatal    bool
}

// checkBackendStream checks what the client received after sending sent.
func checkBackendStream(received, sent []byte) error {
	// Framing first: the lengths, then the bodies of the whole messages.
	var whole int
	for rest := received; len(rest) >= 5; {
		n := int(int32(binary.BigEndian.Uint32(rest[1:5])))
		if n < 4 {
			return fmt.Errorf("malformed stream: message %q at byte %d has length %d", rest[0], whole, n)
		}
		if 1+n > len(rest) {
			break // the final message, cut short
		}
		whole += 1 + n
		rest = rest[1+n:]
	}
	fe, rest := clientMessages(sent)
	sc := &streamCheck{fe: fe, rest: rest, stmts: map[string]int{}, portals: map[string]int{}, desc: descNone, width: descNone}
	fr := pgproto3.NewFrontend(bytes.NewReader(received[:whole]), io.Discard)
	for at := 0; ; {
		m, err := fr.Receive()
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			if at != whole {
				return fmt.Errorf("malformed stream: decoding stopped at byte %d of %d", at, whole)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("malformed stream: message at byte %d: %v", at, err)
		}
		n := 1 + int(binary.BigEndian.Uint32(received[at+1:at+5]))
		if err := sc.next(m); err != nil {
			return fmt.Errorf("%v (message %q at byte %d)", err, received[at], at)
		}
		at += n
	}
}

func (sc *streamCheck) head() byte {
	if len(sc.fe) == 0 {
		return 0
	}
	return sc.fe[0].typ
}

func (sc *streamCheck) pop() { sc.fe = sc.fe[1:] }

// next checks the next message the client received.
func (sc *streamCheck) next(m pgproto3.BackendMessage) error {
	if sc.fatal {
		return fmt.Errorf("%T after a FATAL error", m)
	}
	switch m := m.(type) {
	case *pgproto3.NoticeResponse, *pgproto3.ParameterStatus, *pgproto3.NotificationResponse:
		return nil // asynchronous: anywhere
	case *pgproto3.ErrorResponse:
		if sev := m.SeverityUnlocalized; sev == "FATAL" || sev == "PANIC" || sev == "" && (m.Severity == "FATAL" || m.Severity == "PANIC") {
			sc.fatal = true
			return nil
		}
	}
	sc.dropUnanswered()
	h := sc.head()
	if h == 0 || h == 'X' {
		switch m.(type) {
		case *pgproto3.ErrorResponse, *pgproto3.ReadyForQuery:
			if h == 0 && sc.rest {
				return nil // the answer to a message the check could not decode
			}
		}
		return fmt.Errorf("%T answers no message of the client", m)
	}
	switch h {
	case 'Q', 'F':
		return sc.query(m)
	case 'S':
		return sc.sync(m)
	}
	return sc.extended(m)
}

// dropUnanswered takes the messages that get no answer off the head of the
// client's: Flush, copy messages outside COPY (ignored by the server, the
// end of the session for the proxy), everything but Sync after an error of
// the extended protocol.
func (sc *streamCheck) dropUnanswered() {
	for len(sc.fe) > 0 {
		if h := sc.head(); h == 'H' || h == 'd' || h == 'c' || h == 'f' || sc.skipping && h != 'S' {
			sc.pop()
			continue
		}
		break
	}
}

// sync follows the answers to a Sync up to its ReadyForQuery.
func (sc *streamCheck) sync(m pgproto3.BackendMessage) error {
	switch m.(type) {
	case *pgproto3.ErrorResponse: // the implicit transaction's commit failed
	case *pgproto3.ReadyForQuery:
		sc.skipping = false
		sc.pop()
	default:
		return fmt.Errorf("%T where the answer to Sync belongs", m)
	}
	return nil
}

// extended follows the answer to an extended-protocol message other than
// Sync.
func (sc *streamCheck) extended(m pgproto3.BackendMessage) error {
	if _, ok := m.(*pgproto3.ErrorResponse); ok {
		sc.skipping = true
		sc.width = descNone
		sc.pop()
		return nil
	}
	cur := sc.fe[0]
	switch cur.typ {
	case 'P':
		if _, ok := m.(*pgproto3.ParseComplete); !ok {
			return fmt.Errorf("%T where the answer to Parse belongs", m)
		}
		delete(sc.stmts, cur.name)
		sc.pop()
	case 'B':
		if _, ok := m.(*pgproto3.BindComplete); !ok {
			return fmt.Errorf("%T where the answer to Bind belongs", m)
		}
		if d, ok := sc.stmts[cur.stmt]; ok {
			sc.portals[cur.name] = d
		} else {
			delete(sc.portals, cur.name)
		}
		sc.pop()
	case 'C':
		return sc.closed(cur, m)
	case 'D':
		return sc.described(cur, m)
	case 'E':
		return sc.execute(cur, m)
	default:
		return fmt.Errorf("%T answering a message %q", m, cur.typ)
	}
	return nil
}

// closed follows the answer to a Close.
func (sc *streamCheck) closed(cur feMsg, m pgproto3.BackendMessage) error {
	if _, ok := m.(*pgproto3.CloseComplete); !ok {
		return fmt.Errorf("%T where the answer to Close belongs", m)
	}
	if cur.obj == 'S' {
		delete(sc.stmts, cur.name)
	} else {
		delete(sc.portals, cur.name)
	}
	sc.pop()
	return nil
}

// described follows the answers to a Describe, recording the description
// of the statement or portal.
func (sc *streamCheck) described(cur feMsg, m pgproto3.BackendMessage) error {
	described := sc.portals
	if cur.obj == 'S' {
		described = sc.stmts
	}
	switch m := m.(type) {
	case *pgproto3.ParameterDescription:
		if cur.obj != 'S' {
			return fmt.Errorf("ParameterDescription answering a Describe of a portal")
		}
	case *pgproto3.RowDescription:
		described[cur.name] = len(m.Fields)
		sc.pop()
	case *pgproto3.NoData:
		described[cur.name] = descNoRows
		sc.pop()
	default:
		return fmt.Errorf("%T where the answer to Describe belongs", m)
	}
	return nil
}

// query follows the answers to a simple Query (or a FunctionCall) up to
// its ReadyForQuery.
func (sc *streamCheck) query(m pgproto3.BackendMessage) error {
	switch m := m.(type) {
	case *pgproto3.RowDescription:
		sc.desc = len(m.Fields)
	case *pgproto3.DataRow:
		switch {
		case sc.head() != 'Q':
			return fmt.Errorf("DataRow answering a FunctionCall")
		case sc.desc == descNone:
			return fmt.Errorf("DataRow without a RowDescription before it in its result")
		case len(m.Values) != sc.desc:
			return fmt.Errorf("DataRow of %d fields in a result described with %d", len(m.Values), sc.desc)
		}
	case *pgproto3.CommandComplete, *pgproto3.EmptyQueryResponse, *pgproto3.ErrorResponse,
		*pgproto3.CopyOutResponse, *pgproto3.CopyDone, *pgproto3.FunctionCallResponse:
		sc.desc = descNone
	case *pgproto3.CopyData:
		if sc.desc != descNone {
			return fmt.Errorf("CopyData inside a result of rows")
		}
	case *pgproto3.CopyInResponse:
		sc.desc = descNone
		sc.dropCopyIn()
	case *pgproto3.ReadyForQuery:
		sc.desc = descNone
		sc.pop()
		delete(sc.stmts, "") // a simple Query drops the unnamed statement and portal
		delete(sc.portals, "")
	default:
		return fmt.Errorf("%T answering a simple Query", m)
	}
	return nil
}

// execute follows the answers to an Execute.
func (sc *streamCheck) execute(cur feMsg, m pgproto3.BackendMessage) error {
	switch m := m.(type) {
	case *pgproto3.DataRow:
		d, described := sc.portals[cur.name]
		switch {
		case described && d == descNoRows:
			return fmt.Errorf("DataRow from portal %q, described as returning no rows", cur.name)
		case described && len(m.Values) != d:
			return fmt.Errorf("DataRow of %d fields from portal %q, described with %d", len(m.Values), cur.name, d)
		case sc.width != descNone && len(m.Values) != sc.width:
			return fmt.Errorf("DataRow of %d fields after rows of %d in one Execute", len(m.Values), sc.width)
		}
		sc.width = len(m.Values)
	case *pgproto3.CommandComplete, *pgproto3.EmptyQueryResponse, *pgproto3.PortalSuspended:
		sc.width = descNone
		sc.pop()
	case *pgproto3.CopyOutResponse, *pgproto3.CopyData, *pgproto3.CopyDone:
		if sc.width != descNone {
			return fmt.Errorf("%T inside a result of rows", m)
		}
	case *pgproto3.CopyInResponse:
		sc.dropCopyIn()
	default:
		return fmt.Errorf("%T where the answer to Execute belongs", m)
	}
	return nil
}

// dropCopyIn takes the client's copy data, up to its CopyDone or CopyFail,
// out of the messages still to be answered.
func (sc *streamCheck) dropCopyIn() {
	for i := 1; i < len(sc.fe); i++ {
		if t := sc.fe[i].typ; t != 'd' {
			if t == 'c' || t == 'f' {
				i++
			}
			sc.fe = append(sc.fe[:1], sc.fe[i:]...)
			return
		}
	}
	sc.fe = sc.fe[:1]
}

// exchangeRaw opens an authenticated session on dsn, sends data as it is,
// closes its writing side and returns every byte received until the other
// side closes the connection (or the deadline).
func exchangeRaw(t testing.TB, dsn string, data []byte, wait time.Duration) []byte {
	t.Helper()
	ctx := context.Background()
	pc, err := pgconn.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to %s (a proxy that stopped serving?): %v", redactDSN(dsn), err)
	}
	hc, err := pc.Hijack()
	if err != nil {
		t.Fatal(err)
	}
	c := hc.Conn
	defer c.Close()
	c.SetDeadline(time.Now().Add(wait))
	wrote := make(chan struct{})
	go func() { // written while the answers are read: neither side blocks on a full buffer
		defer close(wrote)
		c.Write(data)
		if tc, ok := c.(*net.TCPConn); ok {
			tc.CloseWrite()
		}
	}()
	var got bytes.Buffer
	buf := make([]byte, 64<<10)
	for {
		n, err := c.Read(buf)
		got.Write(buf[:n])
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, os.ErrDeadlineExceeded) && !errors.Is(err, net.ErrClosed) {
				t.Logf("read: %v", err) // a reset: what was read is checked
			}
			break
		}
	}
	<-wrote
	return got.Bytes()
}

func redactDSN(dsn string) string {
	if i := strings.Index(dsn, "@"); i >= 0 {
		return dsn[i+1:]
	}
	return dsn
}

// maskedSeeds select masked columns, with the planted canaries, in both
// protocols; through the proxy they come back masked.
func maskedSeeds(t testing.TB) [][]byte {
	q := "SELECT id, email, first_name, last_name, full_name, street, city, profile FROM customers ORDER BY id LIMIT 3"
	return [][]byte{
		msg('Q', q+"\x00"),
		msg('Q', "SELECT email, first_name, note FROM contacts ORDER BY id LIMIT 3; SELECT login_email, display_name FROM users ORDER BY id LIMIT 3\x00"),
		msg('Q', "SELECT holder_name FROM payment_cards ORDER BY id LIMIT 2\x00"),
		feBytes(t, &pgproto3.Parse{Query: q}, &pgproto3.Bind{}, &pgproto3.Describe{ObjectType: 'P'},
			&pgproto3.Execute{}, &pgproto3.Sync{}),
		// Binary results, rows fetched two at a time.
		feBytes(t, &pgproto3.Parse{Name: "s", Query: q}, &pgproto3.Describe{ObjectType: 'S', Name: "s"},
			&pgproto3.Bind{DestinationPortal: "p", PreparedStatement: "s", ResultFormatCodes: []int16{1}},
			&pgproto3.Execute{Portal: "p", MaxRows: 2}, &pgproto3.Execute{Portal: "p", MaxRows: 2}, &pgproto3.Sync{}),
		// No Describe: the rows come without a description.
		feBytes(t, &pgproto3.Parse{Query: "SELECT email, note FROM contacts ORDER BY id LIMIT 3"}, &pgproto3.Bind{},
			&pgproto3.Execute{}, &pgproto3.Sync{}),
		// A parameter, then a simple Query behind the unsynced batch.
		feBytes(t, &pgproto3.Parse{Query: "SELECT login_email, display_name FROM users WHERE id > $1 ORDER BY id LIMIT 3"},
			&pgproto3.Bind{Parameters: [][]byte{[]byte("0")}}, &pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{},
			&pgproto3.Query{String: "SELECT email FROM customers ORDER BY id LIMIT 2"}),
	}
}

// FuzzSessionMessages sends arbitrary bytes to an authenticated session of
// a proxy in front of the real test server, whose masked columns hold
// canaries. The session may answer or close the connection, but the proxy
// must not panic and must keep serving new sessions, and what the client
// receives must pass checkBackendStream (no row without a plan, a stream
// of well-formed messages in order) and hold no canary.
//
// As a plain test (go test -run FuzzSessionMessages) it runs the seeds and
// the corpus in testdata/fuzz. No check depends on timing: a query the
// proxy cancels because the client closed its side, or a deadline, only
// shortens a stream that must pass the same checks.
func FuzzSessionMessages(f *testing.F) {
	f.Add(msg('Q', "SELECT 1\x00"))
	f.Add(msg('Q', "SELECT email FROM customers LIMIT 1\x00"))
	f.Add(msg('Q', "SELECT 1"))                     // no terminator
	f.Add(append(msg('Q', "SELECT 1\x00"), 'Q', 0)) // truncated second message
	f.Add([]byte{'Q', 0x7f, 0xff, 0xff, 0xff})      // huge length
	f.Add([]byte{'Q', 0, 0, 0, 2})                  // length below the header
	f.Add(msg('P', "\x00SELECT 1\x00\x00\x00"))
	f.Add(append(msg('P', "\x00SELECT 1\x00\x00\x00"), msg('S', "")...))
	f.Add(msg('F', "\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00"))
	f.Add(msg('d', "1\t2\n"))
	f.Add(msg('c', ""))
	f.Add(msg('X', ""))
	f.Add(msg('z', "unknown"))
	f.Add(msg('H', ""))
	f.Add(msg('S', ""))
	seeds := maskedSeeds(f)
	for _, s := range seeds {
		f.Add(s)
	}
	client, upstream, _ := startProxy(f)
	plantFuzzCanaries(f, upstream)
	f.Cleanup(func() { // after the last input too, the proxy serves
		pc, err := pgconn.Connect(context.Background(), client)
		if err != nil {
			f.Errorf("the proxy stopped serving: %v", err)
			return
		}
		pc.Close(context.Background())
	})
	// Poison control: on the server itself the masked seeds show canaries,
	// so the check below can fail on them.
	for _, s := range seeds {
		got := exchangeRaw(f, upstream, s, 30*time.Second)
		if err := checkBackendStream(got, s); err != nil {
			f.Fatalf("control: the server's own answer to %q fails the stream check: %v", s, err)
		}
		if _, found := findCanary(got, s); !found {
			f.Fatalf("poison control: the server's answer to %q shows no canary", s)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := exchangeRaw(t, client, data, 5*time.Second)
		if where, found := findCanary(got, data); found {
			t.Errorf("LEAK: canary %s in the answer to %q", where, data)
		}
		if err := checkBackendStream(got, data); err != nil {
			t.Errorf("%v\nsent: %q\nreceived: %q", err, data, got)
		}
		// The next input's exchangeRaw fails if the proxy stopped serving.
	})
}

// beBytes encodes backend messages as a server sends them.
func beBytes(t *testing.T, ms ...pgproto3.BackendMessage) []byte { return wireBytes(t, ms...) }

// TestBackendStreamCheckCatches: the checks of FuzzSessionMessages fail on
// rows without a plan, malformed streams and canaries, and pass the
// protocol's own shapes (rows of an Execute the client never described, a
// last message cut short, an echoed canary).
func TestBackendStreamCheckCatches(t *testing.T) {
	rd := func(n int) *pgproto3.RowDescription {
		fs := make([]pgproto3.FieldDescription, n)
		for i := range fs {
			fs[i] = pgproto3.FieldDescription{Name: []byte(fmt.Sprintf("c%d", i)), DataTypeOID: 25, DataTypeSize: -1, TypeModifier: -1}
		}
		return &pgproto3.RowDescription{Fields: fs}
	}
	row := func(vs ...string) *pgproto3.DataRow {
		d := &pgproto3.DataRow{}
		for _, v := range vs {
			d.Values = append(d.Values, []byte(v))
		}
		return d
	}
	cc := &pgproto3.CommandComplete{CommandTag: []byte("SELECT 1")}
	rfq := &pgproto3.ReadyForQuery{TxStatus: 'I'}
	q := msg('Q', "SELECT a, b FROM t\x00")
	pbde := feBytes(t, &pgproto3.Parse{Query: "SELECT a, b FROM t"}, &pgproto3.Bind{}, &pgproto3.Describe{ObjectType: 'P'},
		&pgproto3.Execute{}, &pgproto3.Sync{})
	pbe := feBytes(t, &pgproto3.Parse{Query: "SELECT a, b FROM t"}, &pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{})
	pdsbe := feBytes(t, &pgproto3.Parse{Name: "s", Query: "SELECT a, b FROM t"}, &pgproto3.Describe{ObjectType: 'S', Name: "s"},
		&pgproto3.Sync{}, &pgproto3.Bind{DestinationPortal: "p", PreparedStatement: "s"}, &pgproto3.Execute{Portal: "p", MaxRows: 1},
		&pgproto3.Execute{Portal: "p"}, &pgproto3.Sync{})
	good := beBytes(t, rd(2), row("x", "y"), row("z", "w"), cc, rfq)
	fatal := &pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "08P01", Message: "bye"}
	for _, c := range []struct {
		name           string
		received, sent []byte
		fails          bool
	}{
		{"simple result", good, q, false},
		{"last message cut short", good[:len(good)-8], q, false},
		{"rows without a RowDescription", beBytes(t, row("x", "y"), cc, rfq), q, true},
		{"rows wider than their RowDescription", beBytes(t, rd(1), row("x", "y"), cc, rfq), q, true},
		{"second result without a RowDescription", beBytes(t, rd(2), row("x", "y"), cc, row("x", "y"), cc, rfq), q, true},
		{"described portal", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.BindComplete{}, rd(2), row("x", "y"), cc, rfq), pbde, false},
		{"rows wider than the portal's description", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.BindComplete{}, rd(1), row("x", "y"), cc, rfq), pbde, true},
		{"rows of a portal described as NoData", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.BindComplete{}, &pgproto3.NoData{}, row("x", "y"), cc, rfq), pbde, true},
		{"execute never described", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.BindComplete{}, row("x", "y"), row("z", "w"), cc, rfq), pbe, false},
		{"execute never described, rows of two widths", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.BindComplete{}, row("x", "y"), row("z"), cc, rfq), pbe, true},
		{"a row answering a Parse", beBytes(t, row("x", "y"), &pgproto3.ParseComplete{}, &pgproto3.BindComplete{}, row("x", "y"), cc, rfq), pbe, true},
		{"statement described before the Bind", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.ParameterDescription{}, rd(2), rfq,
			&pgproto3.BindComplete{}, row("x", "y"), &pgproto3.PortalSuspended{}, row("z", "w"), cc, rfq), pdsbe, false},
		{"rows narrower than the statement's description", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.ParameterDescription{}, rd(2), rfq,
			&pgproto3.BindComplete{}, row("x"), &pgproto3.PortalSuspended{}, cc, rfq), pdsbe, true},
		{"error skips to Sync", beBytes(t, &pgproto3.ParseComplete{}, &pgproto3.ErrorResponse{Severity: "ERROR", Code: "42501"}, rfq), pbde, false},
		{"rows after an error, before Sync", beBytes(t, &pgproto3.ErrorResponse{Severity: "ERROR", Code: "42501"}, row("x", "y"), rfq), pbde, true},
		{"rows answering nothing", beBytes(t, rd(2), row("x", "y"), cc, rfq, row("x", "y")), q, true},
		{"FATAL at the end", beBytes(t, rd(2), row("x", "y"), fatal), q, false},
		{"a message after FATAL", beBytes(t, fatal, rd(2), row("x", "y")), q, true},
		{"error answering a message that does not decode", beBytes(t, &pgproto3.ErrorResponse{Severity: "ERROR", Code: "08P01"}, rfq), msg('Q', "SELECT 1"), false},
		{"rows answering a message that does not decode", beBytes(t, rd(1), row("x"), cc, rfq), msg('Q', "SELECT 1"), true},
		{"length below 4", append(beBytes(t, rd(2)), 'D', 0, 0, 0, 3), q, true},
		{"unknown message type", append(beBytes(t, rd(2)), msg('y', "abc")...), q, true},
		{"body that does not decode", append(beBytes(t, rd(2)), msg('D', "\x00\x02\x00\x00\x00\x09ab")...), q, true},
	} {
		err := checkBackendStream(c.received, c.sent)
		if (err != nil) != c.fails {
			t.Errorf("%s: check says %v, want failure %v", c.name, err, c.fails)
		}
	}

	email := "zqfzmail7@example.com"
	for _, v := range []string{email, strings.ToUpper(email), "moc.elpmaxe@7liamzfqz", hex.EncodeToString([]byte(email)),
		base64.StdEncoding.EncodeToString([]byte(email)), "Zqfzgiven"} {
		if _, found := findCanary(beBytes(t, rd(1), row(v), cc, rfq), q); !found {
			t.Errorf("canary form %q not found", v)
		}
	}
	if where, found := findCanary(beBytes(t, &pgproto3.ErrorResponse{Severity: "ERROR", Message: "near " + email}), msg('Q', "SELECT '"+email+"\x00")); found {
		t.Errorf("a canary the client sent itself counted as a leak: %s", where)
	}
}
