package proxy

import (
	"context"
	"encoding/binary"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

func msg(typ byte, body string) []byte {
	b := []byte{typ, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[1:], uint32(4+len(body)))
	return append(b, body...)
}

// FuzzSessionMessages sends arbitrary bytes to an authenticated session of a
// proxy in front of the real test server: the session may answer or close
// the connection, but the proxy must not panic, must not pass anything
// without a plan, and must keep serving new sessions.
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
	client, _, _ := startProxy(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		pc, err := pgconn.Connect(ctx, client)
		if err != nil {
			t.Fatalf("the proxy stopped serving: %v", err)
		}
		hc, err := pc.Hijack()
		if err != nil {
			t.Fatal(err)
		}
		c := hc.Conn
		defer c.Close()
		c.SetDeadline(time.Now().Add(2 * time.Second))
		c.Write(data)
		if tc, ok := c.(*net.TCPConn); ok {
			tc.CloseWrite()
		}
		buf := make([]byte, 64<<10)
		for {
			if _, err := c.Read(buf); err != nil {
				break
			}
		}
	})
}
