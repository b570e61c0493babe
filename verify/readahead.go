package verify

import (
	"io"
	"sync"
)

// readAhead decompresses in its own goroutine, a few buffers ahead of the
// scan, so that decompression and matching use two cores. Memory is
// bounded: readAheadBufs buffers of readSize bytes.
type readAhead struct {
	filled chan chunk
	free   chan []byte
	done   chan struct{}
	wg     sync.WaitGroup
	cur    chunk
	spent  []byte // the buffer cur came in, returned on the next Read
	err    error
}

type chunk struct {
	b   []byte
	err error
}

const readAheadBufs = 4

func newReadAhead(r io.Reader) *readAhead {
	ra := &readAhead{filled: make(chan chunk, readAheadBufs), free: make(chan []byte, readAheadBufs), done: make(chan struct{})}
	for range readAheadBufs {
		ra.free <- make([]byte, readSize)
	}
	ra.wg.Add(1)
	go ra.loop(r)
	return ra
}

func (ra *readAhead) loop(r io.Reader) {
	defer ra.wg.Done()
	defer close(ra.filled)
	for {
		var buf []byte
		select {
		case buf = <-ra.free:
		case <-ra.done:
			return
		}
		n, err := io.ReadFull(r, buf)
		if err == io.ErrUnexpectedEOF || err == io.EOF { // ReadFull's own: the stream ended
			err = io.EOF
		}
		select {
		case ra.filled <- chunk{buf[:n], err}:
		case <-ra.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (ra *readAhead) Read(p []byte) (int, error) {
	for len(ra.cur.b) == 0 {
		if ra.err != nil {
			return 0, ra.err
		}
		if err := ra.cur.err; err != nil {
			ra.err = err
			return 0, err
		}
		if ra.spent != nil {
			ra.free <- ra.spent[:cap(ra.spent)]
			ra.spent = nil
		}
		c, ok := <-ra.filled
		if !ok {
			ra.err = io.EOF
			return 0, io.EOF
		}
		ra.cur, ra.spent = c, c.b
	}
	n := copy(p, ra.cur.b)
	ra.cur.b = ra.cur.b[n:]
	return n, nil
}

// Close stops the goroutine and waits for it (it finishes the read it is
// in), so the decompressor under it may be closed next.
func (ra *readAhead) Close() {
	close(ra.done)
	ra.wg.Wait()
}
