package proxy

import (
	"errors"
	"net"
	"os"
	"sync"
	"time"
)

// clientConn is the session's reading side of the client socket. The
// session reads the socket itself, with no goroutine between the socket and
// the protocol decoder (a hand-off per message costs as much as the proxy's
// own work on a short query). While the session waits for the server, a
// watcher started after watchDelay reads ahead, so that a client that goes
// away during a long query is noticed and the query cancelled; what it
// reads is handed to the session's next Read.
//
// Invariant: the session never reads while a watch is running (it reads the
// client only between exchanges), so the socket has one reader at a time.
type clientConn struct {
	net.Conn
	mu    sync.Mutex
	ahead []byte // read by a watcher, not yet consumed by the session
	err   error  // the connection's end, as a watcher saw it
	gone  chan struct{}
	once  sync.Once

	wmu   sync.Mutex // guards armed and done
	timer *time.Timer
	armed bool          // an exchange is being watched
	done  chan struct{} // the running watcher's, nil when none
}

const (
	// watchDelay: queries shorter than this never start a watcher.
	watchDelay = 100 * time.Millisecond
	// maxReadAhead bounds what a watcher buffers for a client that keeps
	// sending while its query runs; past it the watch ends early.
	maxReadAhead = 1 << 20
)

func newClientConn(c net.Conn) *clientConn {
	return &clientConn{Conn: c, gone: make(chan struct{})}
}

func (c *clientConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	if len(c.ahead) > 0 {
		n := copy(p, c.ahead)
		c.ahead = c.ahead[n:]
		if len(c.ahead) == 0 {
			c.ahead = nil
		}
		c.mu.Unlock()
		return n, nil
	}
	err := c.err
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	return c.Conn.Read(p)
}

// startWatch arms a watcher for one exchange with the server: it starts
// reading ahead if the exchange lasts watchDelay. One timer serves the
// session's exchanges (a timer per exchange cost allocations per statement).
func (c *clientConn) startWatch() {
	c.wmu.Lock()
	c.armed = true
	c.wmu.Unlock()
	if c.timer == nil {
		c.timer = time.AfterFunc(watchDelay, c.fire)
	} else {
		c.timer.Reset(watchDelay)
	}
}

// fire starts the watcher unless the exchange already ended. A late fire
// of an earlier exchange may start it early in the next one: harmless.
func (c *clientConn) fire() {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.armed && c.done == nil {
		c.done = make(chan struct{})
		go c.readAhead(c.done)
	}
}

// stopWatch ends the exchange's watch and returns once nothing reads the
// socket any more.
func (c *clientConn) stopWatch() {
	c.timer.Stop()
	c.wmu.Lock()
	c.armed = false
	d := c.done
	c.done = nil
	c.wmu.Unlock()
	if d != nil {
		c.Conn.SetReadDeadline(time.Now()) // wakes the watcher's Read
		<-d
		c.Conn.SetReadDeadline(time.Time{})
	}
}

// readAhead reads until the connection ends, the buffer is full or stop
// interrupts it with a deadline.
func (c *clientConn) readAhead(done chan<- struct{}) {
	defer close(done)
	buf := make([]byte, 4096)
	for {
		n, err := c.Conn.Read(buf)
		timeout := errors.Is(err, os.ErrDeadlineExceeded)
		c.mu.Lock()
		c.ahead = append(c.ahead, buf[:n]...)
		full := len(c.ahead) >= maxReadAhead
		if err != nil && !timeout {
			c.err = err
		}
		c.mu.Unlock()
		if err != nil {
			if !timeout {
				c.once.Do(func() { close(c.gone) })
			}
			return
		}
		if full {
			return
		}
	}
}
