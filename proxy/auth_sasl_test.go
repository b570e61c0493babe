package proxy

import (
	"bytes"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/rules"
)

// exchange is a hand-driven client over TCP, for the messages real clients
// never send.
type exchange struct {
	t      *testing.T
	fe     *pgproto3.Frontend
	conn   net.Conn
	result chan authResult
}

func startExchange(t *testing.T, users []rules.User, username string, secret []byte) *exchange {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	x := &exchange{t: t, result: make(chan authResult, 1)}
	go func() {
		// Close the listener only after Accept: closing it while the dialled
		// connection waits in the backlog resets that connection.
		c, err := l.Accept()
		l.Close()
		if err != nil {
			x.result <- authResult{err: err}
			return
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(20 * time.Second))
		u, err := Authenticate(pgproto3.NewBackend(c, c), users, username, secret)
		x.result <- authResult{u, err}
	}()
	if x.conn, err = net.Dial("tcp", l.Addr().String()); err != nil {
		t.Fatal(err)
	}
	x.conn.SetDeadline(time.Now().Add(20 * time.Second))
	t.Cleanup(func() { x.conn.Close() })
	x.fe = pgproto3.NewFrontend(x.conn, x.conn)
	return x
}

func (x *exchange) receive() pgproto3.BackendMessage {
	x.t.Helper()
	msg, err := x.fe.Receive()
	if err != nil {
		x.t.Fatalf("receive: %v", err)
	}
	return msg
}

func (x *exchange) send(msgs ...pgproto3.FrontendMessage) {
	x.t.Helper()
	for _, m := range msgs {
		x.fe.Send(m)
	}
	if err := x.fe.Flush(); err != nil {
		x.t.Fatal(err)
	}
}

// start reads AuthenticationSASL and sends the client-first-message.
func (x *exchange) start(mechanism, clientFirst string) {
	x.t.Helper()
	m := x.receive()
	sasl, ok := m.(*pgproto3.AuthenticationSASL)
	if !ok || len(sasl.AuthMechanisms) != 1 || sasl.AuthMechanisms[0] != "SCRAM-SHA-256" {
		x.t.Fatalf("want AuthenticationSASL offering only SCRAM-SHA-256, got %#v", m)
	}
	x.send(&pgproto3.SASLInitialResponse{AuthMechanism: mechanism, Data: []byte(clientFirst)})
}

// serverFirst reads AuthenticationSASLContinue: the message, nonce, salt, iterations.
func (x *exchange) serverFirst() (msg, nonce string, salt []byte, iterations int) {
	x.t.Helper()
	m := x.receive()
	cont, ok := m.(*pgproto3.AuthenticationSASLContinue)
	if !ok {
		x.t.Fatalf("want AuthenticationSASLContinue, got %T", m)
	}
	msg = string(cont.Data)
	for _, a := range strings.Split(msg, ",") {
		var err error
		switch {
		case strings.HasPrefix(a, "r="):
			nonce = a[2:]
		case strings.HasPrefix(a, "s="):
			salt, err = base64.StdEncoding.DecodeString(a[2:])
		case strings.HasPrefix(a, "i="):
			iterations, err = strconv.Atoi(a[2:])
		}
		if err != nil {
			x.t.Fatalf("server-first-message %q: %v", msg, err)
		}
	}
	return msg, nonce, salt, iterations
}

// errorResponse expects the exchange to end in an ErrorResponse.
func (x *exchange) errorResponse() (*pgproto3.ErrorResponse, error) {
	x.t.Helper()
	m := x.receive()
	e, ok := m.(*pgproto3.ErrorResponse)
	if !ok {
		x.t.Fatalf("want ErrorResponse, got %T", m)
	}
	r := <-x.result
	if r.err == nil || r.user != nil {
		x.t.Fatalf("Authenticate: user %v, err %v after sending an error", r.user, r.err)
	}
	return e, r.err
}

// finalMessage computes client-final-message (RFC 5802 section 3) for password.
func finalMessage(t *testing.T, password, gs2, firstBare, serverFirst, nonce string, salt []byte, iterations int) string {
	t.Helper()
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, 32)
	if err != nil {
		t.Fatal(err)
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	clientKey := mac(salted, "Client Key")
	storedKey := sha256.Sum256(clientKey)
	withoutProof := "c=" + base64.StdEncoding.EncodeToString([]byte(gs2)) + ",r=" + nonce
	sig := mac(storedKey[:], firstBare+","+serverFirst+","+withoutProof)
	for i := range clientKey {
		clientKey[i] ^= sig[i]
	}
	return withoutProof + ",p=" + base64.StdEncoding.EncodeToString(clientKey)
}

func clientNonce(t *testing.T) string {
	b := make([]byte, 18)
	rand.Read(b)
	return base64.RawStdEncoding.EncodeToString(b)
}

// login runs a whole exchange with gs2 header "n,," or "y,,", edits the
// client-final-message with tamper, and returns the final message sent.
func login(t *testing.T, x *exchange, gs2, password string, tamper func(string) string) string {
	t.Helper()
	bare := "n=,r=" + clientNonce(t)
	x.start("SCRAM-SHA-256", gs2+bare)
	sf, nonce, salt, iter := x.serverFirst()
	final := tamper(finalMessage(t, password, gs2, bare, sf, nonce, salt, iter))
	x.send(&pgproto3.SASLResponse{Data: []byte(final)})
	return final
}

func same(s string) string { return s }

func sameError(a, b *pgproto3.ErrorResponse) bool {
	return a.Severity == b.Severity && a.SeverityUnlocalized == b.SeverityUnlocalized && a.Code == b.Code &&
		a.Message == b.Message && a.Detail == b.Detail && a.Hint == b.Hint
}

// TestAuthSCRAMExchange drives SCRAM-SHA-256 exchanges by hand: a login,
// a wrong proof, an unknown user, a replayed nonce and malformed
// client-final-messages.
func TestAuthSCRAMExchange(t *testing.T) {
	users := []rules.User{verifierUser(t, "alice", "alice-pw")}
	t.Run("y flag", func(t *testing.T) { scramYFlag(t, users) })
	var wrongPassword *pgproto3.ErrorResponse
	t.Run("tampered proof", func(t *testing.T) { wrongPassword = scramTamperedProof(t, users) })
	t.Run("unknown user", func(t *testing.T) { scramUnknownUser(t, users, wrongPassword) })
	t.Run("replayed nonce", func(t *testing.T) { scramReplayedNonce(t, users) })
	for _, tc := range malformedClientFinals {
		t.Run(tc.name, func(t *testing.T) { scramMalformedFinal(t, users, tc.tamper, tc.want) })
	}
}

// scramYFlag: a client able to bind, told the server cannot, logs in as
// users[0].
func scramYFlag(t *testing.T, users []rules.User) {
	x := startExchange(t, users, "alice", testSecret)
	login(t, x, "y,,", "alice-pw", same)
	if _, ok := x.receive().(*pgproto3.AuthenticationSASLFinal); !ok {
		t.Fatal("want AuthenticationSASLFinal")
	}
	if _, ok := x.receive().(*pgproto3.AuthenticationOk); !ok {
		t.Fatal("want AuthenticationOk")
	}
	if r := <-x.result; r.err != nil || r.user != &users[0] {
		t.Fatalf("user %v, err %v", r.user, r.err)
	}
}

// scramTamperedProof: a proof with one bit flipped fails authentication;
// it returns the error, the one for a wrong password.
func scramTamperedProof(t *testing.T, users []rules.User) *pgproto3.ErrorResponse {
	x := startExchange(t, users, "alice", testSecret)
	login(t, x, "n,,", "alice-pw", func(s string) string {
		p, _ := base64.StdEncoding.DecodeString(s[strings.LastIndex(s, "p=")+2:])
		p[0] ^= 1
		return s[:strings.LastIndex(s, "p=")+2] + base64.StdEncoding.EncodeToString(p)
	})
	e, err := x.errorResponse()
	if e.Code != "28P01" || !errors.Is(err, ErrAuthFailed) {
		t.Fatalf("%+v / %v", e, err)
	}
	return e
}

// scramUnknownUser: an unknown user gets a server-first-message shaped like
// a real one, with a salt stable across attempts, and the error of a wrong
// password.
func scramUnknownUser(t *testing.T, users []rules.User, wrongPassword *pgproto3.ErrorResponse) {
	var salts []string
	for range 2 {
		x := startExchange(t, users, "alicia", testSecret)
		bare := "n=,r=" + clientNonce(t)
		x.start("SCRAM-SHA-256", "n,,"+bare)
		sf, nonce, salt, iter := x.serverFirst()
		if iter != SCRAMIterations || len(salt) != len(users[0].Verifier.Salt) {
			t.Fatalf("fake server-first-message %q differs in shape from a real one", sf)
		}
		salts = append(salts, string(salt))
		x.send(&pgproto3.SASLResponse{Data: []byte(finalMessage(t, "alice-pw", "n,,", bare, sf, nonce, salt, iter))})
		e, err := x.errorResponse()
		e.Message = strings.ReplaceAll(e.Message, `"alicia"`, `"alice"`)
		if wrongPassword == nil || !sameError(e, wrongPassword) || !errors.Is(err, ErrAuthFailed) {
			t.Fatalf("unknown user: %+v, wrong password: %+v", e, wrongPassword)
		}
	}
	if salts[0] != salts[1] {
		t.Error("an unknown user's salt changes between attempts: that tells it from a real one")
	}
}

// scramReplayedNonce: a second exchange with the client nonce and the
// client-final-message of a successful one is refused.
func scramReplayedNonce(t *testing.T, users []rules.User) {
	x := startExchange(t, users, "alice", testSecret)
	bare := "n=,r=" + clientNonce(t)
	x.start("SCRAM-SHA-256", "n,,"+bare)
	sf, nonce, salt, iter := x.serverFirst()
	final := finalMessage(t, "alice-pw", "n,,", bare, sf, nonce, salt, iter)
	x.send(&pgproto3.SASLResponse{Data: []byte(final)})
	x.receive() // AuthenticationSASLFinal
	x.receive() // AuthenticationOk
	<-x.result

	y := startExchange(t, users, "alice", testSecret)
	y.start("SCRAM-SHA-256", "n,,"+bare) // the same client nonce
	y.serverFirst()
	y.send(&pgproto3.SASLResponse{Data: []byte(final)})
	if e, _ := y.errorResponse(); e.Code != "08P01" || !strings.Contains(e.Detail, "Nonce") {
		t.Fatalf("%+v", e)
	}
}

// malformedClientFinals spoil a valid client-final-message (tamper) in ways
// whose error mentions want.
var malformedClientFinals = []struct {
	name   string
	tamper func(string) string
	want   string
}{
	{"c=y,, after n,,", func(s string) string { return strings.Replace(s, "c=biws", "c=eSws", 1) }, "channel binding"},
	{"c= not base64", func(s string) string { return strings.Replace(s, "c=biws", "c=b!ws", 1) }, "base64"},
	{"no proof", func(s string) string { return s[:strings.LastIndex(s, ",p=")] }, "Proof expected"},
	{"garbage after proof", func(s string) string { return s + ",x=1" }, "Garbage"},
	{"proof twice", func(s string) string { return s + s[strings.LastIndex(s, ",p="):] }, "Garbage"},
	{"short proof", func(s string) string { return s[:strings.LastIndex(s, ",p=")] + ",p=AAAA" }, "Malformed proof"},
	{"no nonce", func(s string) string { return "c=biws" + s[strings.LastIndex(s, ",p="):] }, `"r"`},
	{"empty", func(string) string { return "" }, `"c"`},
	{"NUL", func(s string) string { return s + "\x00" }, "NUL"},
	{"too long", func(s string) string {
		return s[:strings.LastIndex(s, ",p=")] + ",x=" + strings.Repeat("a", 1100) + s[strings.LastIndex(s, ",p="):]
	}, "too long"},
	{"far too long", func(s string) string { return s + strings.Repeat("a", 5000) }, "too long"},
}

// scramMalformedFinal: a client-final-message spoilt by tamper gets a FATAL
// 08P01 mentioning want.
func scramMalformedFinal(t *testing.T, users []rules.User, tamper func(string) string, want string) {
	x := startExchange(t, users, "alice", testSecret)
	login(t, x, "n,,", "alice-pw", tamper)
	e, _ := x.errorResponse()
	if e.Code != "08P01" || e.Severity != "FATAL" || !strings.Contains(e.Message+" "+e.Detail, want) {
		t.Fatalf("want 08P01 mentioning %q, got %+v", want, e)
	}
}

func TestAuthSASLInitialMalformed(t *testing.T) {
	users := []rules.User{verifierUser(t, "alice", "alice-pw")}
	for _, tc := range []struct {
		name, mechanism, data, code, want string
	}{
		{"other mechanism", "SCRAM-SHA-1", "n,,n=,r=abc", "08P01", "mechanism"},
		{"channel binding", "SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,n=,r=abc", "28000", "channel binding"},
		{"binding data without PLUS", "SCRAM-SHA-256", "p=tls-server-end-point,,n=,r=abc", "08P01", "channel binding data"},
		{"empty", "SCRAM-SHA-256", "", "08P01", "empty"},
		{"flag only", "SCRAM-SHA-256", "n", "08P01", "Comma"},
		{"header only", "SCRAM-SHA-256", "n,,", "08P01", `"n"`},
		{"no nonce", "SCRAM-SHA-256", "n,,n=", "08P01", `"r"`},
		{"empty nonce", "SCRAM-SHA-256", "n,,n=,r=", "08P01", "nonce"},
		{"nonce with space", "SCRAM-SHA-256", "n,,n=,r=ab c", "08P01", "nonce"},
		{"NUL", "SCRAM-SHA-256", "n,,n=,r=ab\x00c", "08P01", "NUL"},
		{"bad flag", "SCRAM-SHA-256", "x,,n=,r=abc", "08P01", "flag"},
		{"authzid", "SCRAM-SHA-256", "n,a=bob,n=,r=abc", "08P01", "Authorization"},
		{"mandatory extension", "SCRAM-SHA-256", "n,,m=ext,n=,r=abc", "08P01", "extension"},
		{"bad extension", "SCRAM-SHA-256", "n,,n=,r=abc,junk", "08P01", "extension"},
		{"too long", "SCRAM-SHA-256", "n,,n=,r=" + strings.Repeat("a", 1030), "08P01", "too long"},
		{"far too long", "SCRAM-SHA-256", "n,,n=,r=" + strings.Repeat("a", 5000), "08P01", "too long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := startExchange(t, users, "alice", testSecret)
			x.start(tc.mechanism, tc.data)
			e, _ := x.errorResponse()
			if e.Code != tc.code || e.Severity != "FATAL" || !strings.Contains(e.Message+" "+e.Detail, tc.want) {
				t.Fatalf("want %s mentioning %q, got %+v", tc.code, tc.want, e)
			}
		})
	}

	t.Run("cleartext password instead", func(t *testing.T) {
		x := startExchange(t, users, "alice", testSecret)
		x.receive()
		x.send(&pgproto3.PasswordMessage{Password: "alice-pw"})
		if e, _ := x.errorResponse(); e.Code != "08P01" {
			t.Fatalf("%+v", e)
		}
	})
	t.Run("query instead", func(t *testing.T) {
		x := startExchange(t, users, "alice", testSecret)
		x.receive()
		x.send(&pgproto3.Query{String: "SELECT 1"})
		if e, _ := x.errorResponse(); e.Code != "08P01" || !strings.Contains(e.Message, "Query") {
			t.Fatalf("%+v", e)
		}
	})
	t.Run("short secret", func(t *testing.T) {
		x := startExchange(t, users, "alice", []byte("short"))
		if e, _ := x.errorResponse(); e.Code != "XX000" {
			t.Fatalf("%+v", e)
		}
	})
}

// scripted runs Authenticate on a fixed client byte stream and returns the
// server's messages.
func scripted(t testing.TB, users []rules.User, in []byte) ([]pgproto3.BackendMessage, error) {
	var out bytes.Buffer
	u, err := Authenticate(pgproto3.NewBackend(bytes.NewReader(in), &out), users, "alice", testSecret)
	if err == nil || u != nil {
		t.Fatalf("authenticated from a script: %v", u)
	}
	fe := pgproto3.NewFrontend(bytes.NewReader(out.Bytes()), io.Discard)
	var msgs []pgproto3.BackendMessage
	for {
		m, err := fe.Receive()
		if err != nil {
			break
		}
		msgs = append(msgs, m)
	}
	if len(msgs) == 0 {
		t.Fatal("no messages from the server")
	}
	if _, ok := msgs[len(msgs)-1].(*pgproto3.ErrorResponse); !ok {
		t.Fatalf("the last message is %T, want ErrorResponse", msgs[len(msgs)-1])
	}
	return msgs, err
}

func TestAuthSASLTruncatedFrames(t *testing.T) {
	users := []rules.User{verifierUser(t, "alice", "alice-pw")}
	for name, in := range map[string]string{
		"nothing":            "",
		"half a header":      "p\x00\x00",
		"length below 4":     "p\x00\x00\x00\x03",
		"negative length":    "p\xff\xff\xff\xf0",
		"body cut":           "p\x00\x00\x00\x20SCRAM-SHA-256\x00",
		"no mechanism NUL":   "p\x00\x00\x00\x09SCRAM",
		"no length field":    "p\x00\x00\x00\x12SCRAM-SHA-256\x00\x00",
		"unknown type":       "?\x00\x00\x00\x04",
		"huge length":        "p\x7f\xff\xff\xff",
		"terminate":          "X\x00\x00\x00\x04",
		"then nothing":       "p\x00\x00\x00\x23SCRAM-SHA-256\x00\x00\x00\x00\x0dn,,n=,r=abcde",
		"final length below": "p\x00\x00\x00\x23SCRAM-SHA-256\x00\x00\x00\x00\x0dn,,n=,r=abcdep\x00\x00\x00\x00",
	} {
		t.Run(name, func(t *testing.T) { scripted(t, users, []byte(in)) })
	}
}

// FuzzSASLInitial: no SASLInitialResponse and SASLResponse pair authenticates
// (the server nonce is fresh) or panics; every one ends with an ErrorResponse.
func FuzzSASLInitial(f *testing.F) {
	users := []rules.User{verifierUser(f, "alice", "alice-pw")}
	f.Fuzz(func(t *testing.T, mechanism string, first, final []byte) {
		in, err := (&pgproto3.SASLInitialResponse{AuthMechanism: mechanism, Data: first}).Encode(nil)
		if err != nil {
			t.Skip()
		}
		if in, err = (&pgproto3.SASLResponse{Data: final}).Encode(in); err != nil {
			t.Skip()
		}
		scripted(t, users, in)
	})
}

// TestUnknownUserSaltStableAcrossProcesses: an unknown user's salt is
// HMAC(secret, name); a configured verifier's salt never changes. Were the
// secret to change at each start, asking a name's salt before and after a
// restart of the proxy (or of a second replica) would tell whether the user
// exists. The secret is derived from the masking key (scramSecret): two
// processes with the same rules give an unknown user the same salt.
func TestUnknownUserSaltStableAcrossProcesses(t *testing.T) {
	users := []rules.User{verifierUser(t, "bob", "bob-secret")}
	salt := func(name string, secret []byte) []byte {
		x := startExchange(t, users, name, secret)
		x.start("SCRAM-SHA-256", "n,,n=,r="+clientNonce(t))
		_, _, s, _ := x.serverFirst()
		x.conn.Close()
		<-x.result
		return s
	}
	parse := func(key string) *rules.Rules {
		r, err := rules.Parse("salt.yaml", []byte("version: 1\nkey: {env: K}\n"), rules.Options{Getenv: func(string) string { return key }})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	process1, process2 := scramSecret(parse(testKey)), scramSecret(parse(testKey)) // two starts, same rules
	bobStable := bytes.Equal(salt("bob", process1), salt("bob", process2))
	unknownStable := bytes.Equal(salt("mallory", process1), salt("mallory", process2))
	if !bobStable || !unknownStable {
		t.Errorf("across two proxy processes an existing user's salt stable=%v, an unknown user's stable=%v: users can be enumerated",
			bobStable, unknownStable)
	}
	if other := scramSecret(parse(testKey + "-other")); bytes.Equal(other, process1) || len(process1) < MinSecretSize {
		t.Error("the secret does not depend on the key, or is too short")
	}
}
