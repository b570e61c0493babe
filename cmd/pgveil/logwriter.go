package main

import (
	"io"
	"sync"
	"time"
)

// batchWriter coalesces log lines for the proxy, which writes one audit
// event per statement: a write system call for each would cost about as
// much as relaying the statement. Lines reach the underlying writer within
// batchEvery, at once past batchSize, and on Close.
type batchWriter struct {
	mu   sync.Mutex
	w    io.Writer
	buf  []byte
	stop chan struct{}
	done chan struct{}
}

const (
	batchEvery = 100 * time.Millisecond
	batchSize  = 64 << 10
)

func newBatchWriter(w io.Writer) *batchWriter {
	b := &batchWriter{w: w, stop: make(chan struct{}), done: make(chan struct{})}
	go b.run()
	return b
}

func (b *batchWriter) run() {
	defer close(b.done)
	t := time.NewTicker(batchEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			b.mu.Lock()
			b.flushLocked()
			b.mu.Unlock()
		case <-b.stop:
			return
		}
	}
}

// Write never fails: a log line that cannot be written is not a reason to
// fail a statement.
func (b *batchWriter) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.buf = append(b.buf, p...)
	if len(b.buf) >= batchSize {
		b.flushLocked()
	}
	b.mu.Unlock()
	return len(p), nil
}

func (b *batchWriter) flushLocked() {
	if len(b.buf) > 0 {
		b.w.Write(b.buf)
		b.buf = b.buf[:0]
	}
}

// Close writes what is buffered and stops the flusher.
func (b *batchWriter) Close() error {
	close(b.stop)
	<-b.done
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
	return nil
}
