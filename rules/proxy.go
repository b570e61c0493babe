package rules

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Postures of the proxy (lineage/doc.go says what each allows).
const (
	PostureStrict   = "strict"
	PostureStandard = "standard"
)

// Defaults of the proxy section.
const (
	DefaultListen         = "127.0.0.1:6432"
	DefaultMaxConnections = 100
	DefaultMaxMessageSize = 64 << 20
	minMaxMessageSize     = 8 << 10 // below this even startup and RowDescription messages fail
)

// Proxy is the proxy: section.
type Proxy struct {
	Listen      string // host:port; default DefaultListen
	Upstream    string // postgres:// URL without a password
	PasswordEnv string // environment variable holding the upstream password, "" if none
	Posture     string // PostureStrict (default) or PostureStandard
	// MetricsListen is host:port for metrics, "" when disabled.
	MetricsListen  string
	TLS            *TLS // nil: no TLS on the client leg
	Users          []User
	MaxConnections int           // > 0; default DefaultMaxConnections
	IdleTimeout    time.Duration // 0: none
	MaxMessageSize int           // bytes; default DefaultMaxMessageSize
	Pos            Pos
}

// TLS is the certificate and key of the client leg. Relative paths are
// resolved against the rules file's directory.
type TLS struct {
	Cert, Key string
}

// User is one of the proxy's own users.
type User struct {
	Name string
	// Password is the SCRAM-SHA-256 verifier, or the plain-text password
	// when PlainText is true (accepted; the CLI should warn).
	Password  string
	PlainText bool
	Verifier  *SCRAMVerifier // nil when PlainText
	Pos       Pos
}

// SCRAMVerifier is a stored SCRAM-SHA-256 credential, in PostgreSQL's
// format "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>".
type SCRAMVerifier struct {
	Iterations           int
	Salt                 []byte
	StoredKey, ServerKey []byte
}

const scramPrefix = "SCRAM-SHA-256$"

// ParseSCRAMVerifier parses a verifier. Its errors never quote the input.
func ParseSCRAMVerifier(s string) (*SCRAMVerifier, error) {
	rest, ok := strings.CutPrefix(s, scramPrefix)
	if !ok {
		return nil, fmt.Errorf("does not start with %s", scramPrefix)
	}
	iterSalt, keys, ok := strings.Cut(rest, "$")
	if !ok {
		return nil, fmt.Errorf("want %s<iterations>:<salt>$<StoredKey>:<ServerKey>", scramPrefix)
	}
	iter, salt64, ok1 := strings.Cut(iterSalt, ":")
	stored64, server64, ok2 := strings.Cut(keys, ":")
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("want %s<iterations>:<salt>$<StoredKey>:<ServerKey>", scramPrefix)
	}
	n, err := strconv.Atoi(iter)
	if err != nil || n < 1 {
		return nil, fmt.Errorf("iteration count must be a positive integer")
	}
	v := &SCRAMVerifier{Iterations: n}
	if v.Salt, err = base64.StdEncoding.DecodeString(salt64); err != nil || len(v.Salt) == 0 {
		return nil, fmt.Errorf("salt is not valid base64")
	}
	if v.StoredKey, err = base64.StdEncoding.DecodeString(stored64); err != nil || len(v.StoredKey) != sha256.Size {
		return nil, fmt.Errorf("StoredKey is not %d bytes of base64", sha256.Size)
	}
	if v.ServerKey, err = base64.StdEncoding.DecodeString(server64); err != nil || len(v.ServerKey) != sha256.Size {
		return nil, fmt.Errorf("ServerKey is not %d bytes of base64", sha256.Size)
	}
	return v, nil
}

// String renders the verifier in PostgreSQL's format.
func (v *SCRAMVerifier) String() string {
	b64 := base64.StdEncoding.EncodeToString
	return scramPrefix + strconv.Itoa(v.Iterations) + ":" + b64(v.Salt) + "$" + b64(v.StoredKey) + ":" + b64(v.ServerKey)
}

var (
	proxyKeys = []string{"listen", "upstream", "password_env", "posture", "tls", "users", "metrics_listen",
		"max_connections", "idle_timeout", "max_message_size"}
	tlsKeys  = []string{"cert", "key"}
	userKeys = []string{"name", "password"}
	postures = []string{PostureStrict, PostureStandard}
)

func (p *parser) proxy(e entry) *Proxy {
	f, ok := p.fields(e.val, "proxy", proxyKeys)
	if !ok {
		return nil
	}
	px := &Proxy{Listen: DefaultListen, Posture: PostureStrict, MaxConnections: DefaultMaxConnections,
		MaxMessageSize: DefaultMaxMessageSize, Pos: p.pos(e.key)}
	if x, ok := f["listen"]; ok {
		px.Listen, _ = p.hostPort(x.val, "proxy.listen")
	}
	if x, ok := f["metrics_listen"]; ok {
		px.MetricsListen, _ = p.hostPort(x.val, "proxy.metrics_listen")
	}
	if x, ok := f["upstream"]; ok {
		px.Upstream = p.upstream(x.val)
	} else {
		p.errorf(e.key, "proxy needs upstream: the postgres:// URL of the database (without a password)")
	}
	if x, ok := f["password_env"]; ok {
		if s, ok := p.str(x.val, "proxy.password_env"); ok {
			if isEnvName(s) {
				px.PasswordEnv = s
			} else {
				p.errorf(x.val, "proxy.password_env must be an environment variable name (letters, digits, _)")
			}
		}
	}
	if x, ok := f["posture"]; ok {
		if s, ok := p.oneOf(x.val, "proxy.posture", postures); ok {
			px.Posture = s
		}
	}
	if x, ok := f["tls"]; ok {
		px.TLS = p.tls(x)
	}
	if x, ok := f["users"]; ok {
		px.Users = p.users(x.val)
	}
	if x, ok := f["max_connections"]; ok {
		if n, ok := p.positiveInt(x.val, "proxy.max_connections", 1); ok {
			px.MaxConnections = n
		}
	}
	if x, ok := f["max_message_size"]; ok {
		if n, ok := p.positiveInt(x.val, "proxy.max_message_size (bytes)", minMaxMessageSize); ok {
			px.MaxMessageSize = n
		}
	}
	if x, ok := f["idle_timeout"]; ok {
		if s, ok := p.str(x.val, "proxy.idle_timeout"); ok {
			d, err := time.ParseDuration(s)
			switch {
			case err != nil:
				p.errorf(x.val, "proxy.idle_timeout must be a duration such as 30m or 1h30m, got %s", kindName(p.deref(x.val)))
			case d < 0:
				p.errorf(x.val, "proxy.idle_timeout must not be negative (0 means no timeout)")
			default:
				px.IdleTimeout = d
			}
		}
	}
	return px
}

func (p *parser) positiveInt(n *yaml.Node, what string, least int) (int, bool) {
	v, err := scalarInt(p.deref(n))
	if err != nil {
		p.errorf(n, "%s: %v", what, err)
		return 0, false
	}
	if v < least {
		p.errorf(n, "%s must be at least %d, got %d", what, least, v)
		return 0, false
	}
	return v, true
}

// hostPort checks a listen address: host:port with a numeric port.
func (p *parser) hostPort(n *yaml.Node, what string) (string, bool) {
	s, ok := p.str(n, what)
	if !ok {
		return "", false
	}
	_, port, err := net.SplitHostPort(s)
	if err == nil {
		var num int
		num, err = strconv.Atoi(port)
		if err == nil && (num < 0 || num > 65535) {
			err = fmt.Errorf("port %d out of range", num)
		}
	}
	if err != nil {
		p.errorf(n, "%s must be host:port (e.g. 127.0.0.1:6432), got %s", what, kindName(p.deref(n)))
		return "", false
	}
	return s, true
}

// upstream checks the upstream URL. Its messages never quote the URL: it
// may hold the password that it must not hold.
func (p *parser) upstream(n *yaml.Node) string {
	s, ok := p.str(n, "proxy.upstream")
	if !ok {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Opaque != "" {
		p.errorf(n, "proxy.upstream must be a URL like postgres://user@host:5432/dbname")
		return ""
	}
	hasPassword := false
	if u.User != nil {
		_, hasPassword = u.User.Password()
	}
	if q, err := url.ParseQuery(u.RawQuery); err == nil {
		hasPassword = hasPassword || q.Has("password")
	} else {
		p.errorf(n, "proxy.upstream has an invalid query string")
		return ""
	}
	if hasPassword {
		p.errorf(n, "proxy.upstream must not contain a password; remove it and use PGPASSWORD, ~/.pgpass or proxy.password_env")
		return ""
	}
	return s
}

func (p *parser) tls(e entry) *TLS {
	f, ok := p.fields(e.val, "proxy.tls", tlsKeys)
	if !ok {
		return nil
	}
	t := &TLS{}
	ok = true
	for _, k := range tlsKeys {
		x, has := f[k]
		if !has {
			p.errorf(e.key, "proxy.tls needs both cert: and key: (PEM files); %s: is missing", k)
			ok = false
			continue
		}
		path, good := p.str(x.val, "proxy.tls."+k)
		if !good {
			ok = false
			continue
		}
		if !filepath.IsAbs(path) {
			path = filepath.Join(p.dir, path)
		}
		if k == "cert" {
			t.Cert = path
		} else {
			t.Key = path
		}
	}
	if !ok {
		return nil
	}
	return t
}

func (p *parser) users(n *yaml.Node) []User {
	n = p.deref(n)
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "proxy.users must be a list of {name: NAME, password: VERIFIER}, got %s", kindName(n))
		return nil
	}
	var out []User
	seen := map[string]Pos{}
	for _, un := range n.Content {
		f, ok := p.fields(un, "a proxy user", userKeys)
		if !ok {
			continue
		}
		u := User{Pos: p.pos(p.deref(un))}
		if x, has := f["name"]; !has {
			p.errorf(un, "a proxy user needs name:")
			ok = false
		} else if u.Name, ok = p.str(x.val, "user name"); ok {
			if first, dup := seen[u.Name]; dup {
				p.errorf(x.val, "user %q is listed twice (first at %s)", u.Name, first)
				ok = false
			} else {
				seen[u.Name] = p.pos(x.val)
			}
		}
		if x, has := f["password"]; !has {
			p.errorf(un, "a proxy user needs password: (a SCRAM-SHA-256 verifier from `pgveil passwd`)")
			ok = false
		} else if !p.password(&u, x.val) {
			ok = false
		}
		if ok {
			out = append(out, u)
		}
	}
	return out
}

// password accepts a SCRAM-SHA-256 verifier or, flagged, plain text. The
// value never appears in a message.
func (p *parser) password(u *User, n *yaml.Node) bool {
	v := p.deref(n)
	if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" || v.Value == "" {
		p.errorf(n, "password must be a SCRAM-SHA-256 verifier from `pgveil passwd` (or plain text), got %s", kindNameNoValue(v))
		return false
	}
	u.Password = v.Value
	if !strings.HasPrefix(v.Value, scramPrefix) {
		u.PlainText = true
		return true
	}
	ver, err := ParseSCRAMVerifier(v.Value)
	if err != nil {
		p.errorf(n, "password is a malformed SCRAM-SHA-256 verifier: %v; generate one with `pgveil passwd`", err)
		return false
	}
	u.Verifier = ver
	return true
}

func kindNameNoValue(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.ShortTag() == "!!null":
		return "nothing"
	}
	return "an empty string"
}

// String leaves the password out, so a User can be logged.
func (u User) String() string {
	kind := "scram-sha-256"
	if u.PlainText {
		kind = "plain text"
	}
	return fmt.Sprintf("user %s (password: %s, redacted)", u.Name, kind)
}
