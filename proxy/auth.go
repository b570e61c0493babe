package proxy

import (
	"bytes"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/rules"
)

// SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL speaks it.
//
// Passwords are used as raw UTF-8 bytes: no SASLprep. PostgreSQL does the
// same whenever SASLprep fails, and for ASCII and already-normalized (NFKC)
// passwords the result is identical; clients that normalize (libpq, pgx)
// therefore agree with the proxy on every such password. (SASLprep needs
// golang.org/x/text, which is not a direct dependency.)

const (
	// MaxSASLMessageSize bounds each SASL payload Authenticate accepts.
	MaxSASLMessageSize = 1024
	// SCRAMIterations is the PBKDF2 iteration count of new verifiers:
	// PostgreSQL's default scram_iterations.
	SCRAMIterations = 4096
	// MinSecretSize is the least length of Authenticate's server secret.
	MinSecretSize = 16

	scramMechanism     = "SCRAM-SHA-256"
	scramPlusMechanism = "SCRAM-SHA-256-PLUS"
	scramSaltSize      = 16
	serverNonceSize    = 18 // raw bytes, as PostgreSQL's SCRAM_RAW_NONCE_LEN

	// The largest SASLInitialResponse body: mechanism, NUL, length, payload.
	maxSASLBody = MaxSASLMessageSize + 64

	sqlstateInvalidPassword   = "28P01"
	sqlstateProtocolViolation = "08P01"
	sqlstateInvalidAuthSpec   = "28000"
	sqlstateInternalError     = "XX000"
	plainCacheMax             = 1024
	saltDomain                = "pgveil/scram/salt\x00"
	fakeStoredDomain          = "pgveil/scram/fake-stored-key\x00"
	fakeServerDomain          = "pgveil/scram/fake-server-key\x00"
	plainCacheDomain          = "pgveil/scram/plain\x00"
	gs2NoChannelBinding       = "n" // the client cannot bind
	gs2ClientCanBind          = "y" // it could, but the server offered no binding
)

// ErrAuthFailed is wrapped by Authenticate's error when the user is unknown
// or the password is wrong (the client cannot tell which; the error can).
var ErrAuthFailed = errors.New("password authentication failed")

// Authenticate runs the authentication exchange on the client leg, after the
// StartupMessage: SCRAM-SHA-256 over SASL (AuthenticationSASL,
// SASLInitialResponse, AuthenticationSASLContinue, SASLResponse,
// AuthenticationSASLFinal, AuthenticationOk) against the user's verifier. A
// user configured with a plain-text password is verified the same way, with a
// verifier derived on the fly: the client is never asked for a cleartext
// password.
//
// An unknown user goes through the full exchange with a fake verifier derived
// from the user name and secret, and ends with the same ErrorResponse as a
// wrong password (28P01), so users cannot be enumerated. secret must be at
// least MinSecretSize random bytes, the same for the life of the process (the
// fake salt of a name must not change between attempts).
//
// Channel binding (SCRAM-SHA-256-PLUS) is not offered. Every SASL payload is
// bounded by MaxSASLMessageSize: Authenticate sets be's maximum message body
// length for the exchange, and the caller sets its own limit afterwards. It
// does not set deadlines: the caller bounds the exchange on the connection.
//
// It returns the authenticated user (an element of users), or an error after
// it has sent the client a FATAL ErrorResponse.
func Authenticate(be *pgproto3.Backend, users []rules.User, username string, secret []byte) (*rules.User, error) {
	user, err := authenticate(be, users, username, secret)
	if err != nil {
		be.Send(errorResponse(err, username))
		be.Flush() // best effort: the client may be gone, and err says more
		return nil, err
	}
	return user, nil
}

// authError is a failure with what the client is told about it.
type authError struct {
	code, message, detail, hint string
	err                         error // for the caller's log; never sent
}

func (e *authError) Error() string { return e.err.Error() }
func (e *authError) Unwrap() error { return e.err }

func malformed(detail string) error {
	return &authError{code: sqlstateProtocolViolation, message: "malformed SCRAM message", detail: detail,
		err: errors.New("malformed SCRAM message: " + detail)}
}

func protocolError(format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &authError{code: sqlstateProtocolViolation, message: msg, err: errors.New(msg)}
}

func errorResponse(err error, username string) *pgproto3.ErrorResponse {
	ae := &authError{code: sqlstateInvalidPassword} // anything unexpected reads as a failed login
	errors.As(err, &ae)
	msg := ae.message
	if ae.code == sqlstateInvalidPassword {
		msg = fmt.Sprintf("password authentication failed for user %q", username)
	}
	e := pgError(sevFatal, ae.code, msg, ae.hint)
	e.Detail = ae.detail
	return e
}

// credential is what the exchange checks a proof against.
type credential struct {
	user                 *rules.User // nil: unknown user
	salt                 []byte
	iterations           int
	storedKey, serverKey []byte
	doomed               string // why a fake or unusable credential fails after the full exchange; "" if real
}

func authenticate(be *pgproto3.Backend, users []rules.User, username string, secret []byte) (*rules.User, error) {
	if len(secret) < MinSecretSize {
		return nil, &authError{code: sqlstateInternalError, message: "authentication is not configured",
			err: fmt.Errorf("authentication: server secret shorter than %d bytes", MinSecretSize)}
	}
	cred, err := lookup(users, username, secret)
	if err != nil {
		return nil, err
	}
	be.SetMaxBodyLen(maxSASLBody)
	be.Send(&pgproto3.AuthenticationSASL{AuthMechanisms: []string{scramMechanism}})
	if err := be.Flush(); err != nil {
		return nil, fmt.Errorf("authentication: send AuthenticationSASL: %w", err)
	}
	first, err := receiveClientFirst(be)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, serverNonceSize)
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("authentication: server nonce: %w", err)
	}
	fullNonce := first.nonce + base64.StdEncoding.EncodeToString(nonce)
	serverFirst := "r=" + fullNonce + ",s=" + base64.StdEncoding.EncodeToString(cred.salt) +
		",i=" + strconv.Itoa(cred.iterations)
	be.Send(&pgproto3.AuthenticationSASLContinue{Data: []byte(serverFirst)})
	if err := be.Flush(); err != nil {
		return nil, fmt.Errorf("authentication: send AuthenticationSASLContinue: %w", err)
	}
	final, err := receiveClientFinal(be, first, fullNonce)
	if err != nil {
		return nil, err
	}
	authMessage := []byte(first.bare + "," + serverFirst + "," + final.withoutProof)
	if !verifyProof(cred.storedKey, authMessage, final.proof) || cred.doomed != "" {
		why := "wrong password"
		if cred.doomed != "" {
			why = cred.doomed
		}
		return nil, &authError{code: sqlstateInvalidPassword,
			err: fmt.Errorf("%w for user %q: %s", ErrAuthFailed, username, why)}
	}
	be.Send(&pgproto3.AuthenticationSASLFinal{Data: []byte("v=" +
		base64.StdEncoding.EncodeToString(hmacSHA256(cred.serverKey, authMessage)))})
	be.Send(&pgproto3.AuthenticationOk{})
	if err := be.Flush(); err != nil {
		return nil, fmt.Errorf("authentication: send AuthenticationOk: %w", err)
	}
	_ = be.SetAuthType(pgproto3.AuthTypeOk) // a valid type: cannot fail
	return cred.user, nil
}

// receiveClientFirst reads the SASLInitialResponse: the mechanism and the
// client-first message.
func receiveClientFirst(be *pgproto3.Backend) (clientFirst, error) {
	if err := be.SetAuthType(pgproto3.AuthTypeSASL); err != nil {
		return clientFirst{}, fmt.Errorf("authentication: %w", err)
	}
	msg, err := be.Receive()
	if err != nil {
		return clientFirst{}, receiveError("SASLInitialResponse", err)
	}
	initial, ok := msg.(*pgproto3.SASLInitialResponse)
	if !ok {
		return clientFirst{}, protocolError("expected SASL response, got %s", messageName(msg))
	}
	switch initial.AuthMechanism {
	case scramMechanism:
	case scramPlusMechanism:
		return clientFirst{}, &authError{code: sqlstateInvalidAuthSpec,
			message: "channel binding (SCRAM-SHA-256-PLUS) is not supported by pgveil",
			hint:    "connect with channel_binding=prefer or channel_binding=disable",
			err:     errors.New("client asked for channel binding (SCRAM-SHA-256-PLUS), which is not offered")}
	default:
		return clientFirst{}, protocolError("client selected an invalid SASL authentication mechanism")
	}
	if len(initial.Data) > MaxSASLMessageSize {
		return clientFirst{}, malformed("The message is too long.")
	}
	return parseClientFirst(initial.Data)
}

// receiveClientFinal reads the SASLResponse with the client's proof and
// checks its channel binding and nonce.
func receiveClientFinal(be *pgproto3.Backend, first clientFirst, fullNonce string) (clientFinal, error) {
	if err := be.SetAuthType(pgproto3.AuthTypeSASLContinue); err != nil {
		return clientFinal{}, fmt.Errorf("authentication: %w", err)
	}
	msg, err := be.Receive()
	if err != nil {
		return clientFinal{}, receiveError("SASLResponse", err)
	}
	resp, ok := msg.(*pgproto3.SASLResponse)
	if !ok {
		return clientFinal{}, protocolError("expected SASL response, got %s", messageName(msg))
	}
	if len(resp.Data) > MaxSASLMessageSize {
		return clientFinal{}, malformed("The message is too long.")
	}
	final, err := parseClientFinal(resp.Data)
	if err != nil {
		return clientFinal{}, err
	}
	if !bytes.Equal(final.channelBinding, []byte(first.gs2Header)) {
		return clientFinal{}, malformed("SCRAM channel binding check failed.")
	}
	if final.nonce != fullNonce {
		return clientFinal{}, malformed("Nonce does not match.")
	}
	return final, nil
}

func receiveError(what string, err error) error {
	var tooBig *pgproto3.ExceededMaxBodyLenErr
	if errors.As(err, &tooBig) {
		return &authError{code: sqlstateProtocolViolation, message: "malformed SCRAM message",
			detail: "The message is too long.", err: fmt.Errorf("authentication: receive %s: %w", what, err)}
	}
	return &authError{code: sqlstateProtocolViolation, message: "invalid authentication message",
		err: fmt.Errorf("authentication: receive %s: %w", what, err)}
}

// messageName names a frontend message type for an error, without its content.
func messageName(msg pgproto3.FrontendMessage) string {
	return fmt.Sprintf("%T", msg)[len("*pgproto3."):]
}

// lookup finds the user's credential, or makes a fake one that looks the same
// from outside: same iteration count, a salt stable per name.
func lookup(users []rules.User, username string, secret []byte) (credential, error) {
	salt := hmacSHA256(secret, []byte(saltDomain+username))[:scramSaltSize]
	for i := range users {
		u := &users[i]
		if u.Name != username {
			continue
		}
		switch {
		case u.PlainText && u.Password != "":
			v, err := plainVerifier(u, salt, secret)
			if err != nil {
				return credential{}, fmt.Errorf("authentication: derive verifier of user %q: %w", username, err)
			}
			return credential{user: u, salt: v.Salt, iterations: v.Iterations, storedKey: v.StoredKey, serverKey: v.ServerKey}, nil
		case !u.PlainText && u.Verifier != nil:
			v := u.Verifier
			return credential{user: u, salt: v.Salt, iterations: v.Iterations, storedKey: v.StoredKey, serverKey: v.ServerKey}, nil
		}
		// A user without a usable credential cannot log in (zero value = refuse).
		return fake(username, salt, secret, "the user has no usable password"), nil
	}
	return fake(username, salt, secret, "no such user"), nil
}

// fake is a credential that fails after a full exchange, indistinguishable
// from a real one with the default iteration count.
func fake(username string, salt, secret []byte, why string) credential {
	return credential{salt: salt, iterations: SCRAMIterations, doomed: why,
		storedKey: hmacSHA256(secret, []byte(fakeStoredDomain+username)),
		serverKey: hmacSHA256(secret, []byte(fakeServerDomain+username))}
}

// plainCache keeps verifiers derived from plain-text passwords, so that PBKDF2
// runs once per user rather than per connection (and the response time does
// not tell plain-text users from unknown ones after the first login).
var plainCache struct {
	sync.Mutex
	m map[[sha256.Size]byte]*rules.SCRAMVerifier
}

func plainVerifier(u *rules.User, salt, secret []byte) (*rules.SCRAMVerifier, error) {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(plainCacheDomain + u.Name + "\x00" + u.Password))
	var key [sha256.Size]byte
	mac.Sum(key[:0])

	plainCache.Lock()
	v := plainCache.m[key]
	plainCache.Unlock()
	if v != nil {
		return v, nil
	}
	v, err := deriveVerifier(u.Password, salt, SCRAMIterations)
	if err != nil {
		return nil, err
	}
	plainCache.Lock()
	if plainCache.m == nil || len(plainCache.m) >= plainCacheMax {
		plainCache.m = make(map[[sha256.Size]byte]*rules.SCRAMVerifier)
	}
	plainCache.m[key] = v
	plainCache.Unlock()
	return v, nil
}

// NewVerifier builds a SCRAM-SHA-256 verifier for password (random 16-byte
// salt, SCRAMIterations iterations) in PostgreSQL's format, for the proxy's
// users: section. The password is used as raw UTF-8 bytes (no SASLprep).
func NewVerifier(password string) (string, error) {
	if password == "" {
		return "", errors.New("empty password")
	}
	salt := make([]byte, scramSaltSize)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	v, err := deriveVerifier(password, salt, SCRAMIterations)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

func deriveVerifier(password string, salt []byte, iterations int) (*rules.SCRAMVerifier, error) {
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return nil, fmt.Errorf("pbkdf2: %w", err)
	}
	clientKey := hmacSHA256(salted, []byte("Client Key"))
	storedKey := sha256.Sum256(clientKey)
	return &rules.SCRAMVerifier{Iterations: iterations, Salt: salt, StoredKey: storedKey[:],
		ServerKey: hmacSHA256(salted, []byte("Server Key"))}, nil
}

// verifyProof checks ClientProof = ClientKey XOR HMAC(StoredKey, AuthMessage)
// by hashing the recovered ClientKey into StoredKey, in constant time.
func verifyProof(storedKey, authMessage, proof []byte) bool {
	sig := hmacSHA256(storedKey, authMessage)
	if len(proof) != len(sig) {
		return false
	}
	clientKey := make([]byte, len(sig))
	subtle.XORBytes(clientKey, proof, sig)
	sum := sha256.Sum256(clientKey)
	return subtle.ConstantTimeCompare(sum[:], storedKey) == 1
}

func hmacSHA256(key, msg []byte) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	return mac.Sum(nil)
}

// clientFirst is a parsed client-first-message.
type clientFirst struct {
	gs2Header string // "n,," or "y,,": what the client-final c= must repeat
	bare      string // client-first-message-bare, part of the AuthMessage
	nonce     string
}

// parseClientFirst parses gs2-header client-first-message-bare as PostgreSQL
// does: the user name in n= is ignored (the StartupMessage's counts), an
// authorization identity or a mandatory extension is refused, and so is
// channel binding.
func parseClientFirst(data []byte) (clientFirst, error) {
	s := string(data)
	if s == "" {
		return clientFirst{}, malformed("The message is empty.")
	}
	if strings.IndexByte(s, 0) >= 0 {
		return clientFirst{}, malformed("The message contains a NUL byte.")
	}
	flag, rest, ok := strings.Cut(s, ",")
	switch {
	case !ok:
		return clientFirst{}, malformed("Comma expected after the channel-binding flag.")
	case flag == gs2NoChannelBinding, flag == gs2ClientCanBind:
	case strings.HasPrefix(flag, "p="):
		return clientFirst{}, malformed("The client selected SCRAM-SHA-256 without channel binding, " +
			"but the SCRAM message includes channel binding data.")
	default:
		return clientFirst{}, malformed("Unexpected channel-binding flag.")
	}
	authzid, bare, ok := strings.Cut(rest, ",")
	switch {
	case !ok:
		return clientFirst{}, malformed("Comma expected after the authorization identity.")
	case strings.HasPrefix(authzid, "a="):
		return clientFirst{}, malformed("Authorization identities are not supported.")
	case authzid != "":
		return clientFirst{}, malformed("Unexpected attribute in the GS2 header.")
	}
	attrs := strings.Split(bare, ",")
	switch {
	case strings.HasPrefix(attrs[0], "m="):
		return clientFirst{}, malformed("Mandatory extensions are not supported.")
	case !strings.HasPrefix(attrs[0], "n="):
		return clientFirst{}, malformed(`Attribute "n" expected.`)
	case len(attrs) < 2 || !strings.HasPrefix(attrs[1], "r="):
		return clientFirst{}, malformed(`Attribute "r" expected.`)
	}
	nonce := attrs[1][len("r="):]
	if !validNonce(nonce) {
		return clientFirst{}, malformed("The client nonce is empty or has characters other than printable ASCII.")
	}
	for _, a := range attrs[2:] {
		if !isAttribute(a) {
			return clientFirst{}, malformed("Malformed extension attribute.")
		}
	}
	return clientFirst{gs2Header: s[:len(s)-len(bare)], bare: bare, nonce: nonce}, nil
}

// clientFinal is a parsed client-final-message.
type clientFinal struct {
	channelBinding []byte // decoded c=
	nonce          string
	withoutProof   string // client-final-message-without-proof, part of the AuthMessage
	proof          []byte
}

// parseClientFinal parses c=...,r=...[,extensions],p=... with the proof last.
func parseClientFinal(data []byte) (clientFinal, error) {
	s := string(data)
	if strings.IndexByte(s, 0) >= 0 {
		return clientFinal{}, malformed("The message contains a NUL byte.")
	}
	attrs := strings.Split(s, ",")
	if !strings.HasPrefix(attrs[0], "c=") {
		return clientFinal{}, malformed(`Attribute "c" expected.`)
	}
	cb, err := base64.StdEncoding.DecodeString(attrs[0][len("c="):])
	if err != nil {
		return clientFinal{}, malformed("Channel-binding data is not valid base64.")
	}
	if len(attrs) < 2 || !strings.HasPrefix(attrs[1], "r=") {
		return clientFinal{}, malformed(`Attribute "r" expected.`)
	}
	last := len(attrs) - 1
	for i, a := range attrs[2:] {
		if !isAttribute(a) {
			return clientFinal{}, malformed("Malformed attribute in client-final-message.")
		}
		if a[0] == 'p' && i+2 != last {
			return clientFinal{}, malformed("Garbage found at the end of client-final-message.")
		}
	}
	if last < 2 || !strings.HasPrefix(attrs[last], "p=") {
		return clientFinal{}, malformed("Proof expected at the end of client-final-message.")
	}
	proof, err := base64.StdEncoding.DecodeString(attrs[last][len("p="):])
	if err != nil || len(proof) != sha256.Size {
		return clientFinal{}, malformed("Malformed proof in client-final-message.")
	}
	return clientFinal{channelBinding: cb, nonce: attrs[1][len("r="):],
		withoutProof: s[:len(s)-len(attrs[last])-1], proof: proof}, nil
}

// isAttribute reports whether a is letter "=" value.
func isAttribute(a string) bool {
	return len(a) >= 2 && (a[0] >= 'a' && a[0] <= 'z' || a[0] >= 'A' && a[0] <= 'Z') && a[1] == '='
}

// validNonce: printable ASCII except ',' (RFC 5802), at least one character.
func validNonce(n string) bool {
	if n == "" {
		return false
	}
	for i := 0; i < len(n); i++ {
		if n[i] < 0x21 || n[i] > 0x7e || n[i] == ',' {
			return false
		}
	}
	return true
}
