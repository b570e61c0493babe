package dump

import (
	"context"
	"io"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Batches and maskers serve both the filter and Direct (tabledata.go): COPY
// data is cut into batches of whole lines that masker goroutines mask in
// parallel, and the batches are written in their original order.
//
// The filter's pipeline has one writer goroutine. Output that needs no
// masking (SQL, comments) travels as batches that are ready at once, so the
// writer is the only one touching the output and the order of the stream is
// kept. Memory is bounded by the channel capacities times the batch size.

const batchSize = 256 << 10

// batch is a run of input lines (work) or of finished output (ready).
type batch struct {
	in        []byte // COPY data lines, each ending in '\n'
	out       []byte // what the writer writes
	plan      *tablePlan
	firstLine int64 // input line (or table row) number of the first line in `in`
	masked    int64
	err       error
	ready     chan struct{} // closed when out (or err) is final
}

var batchPool = sync.Pool{New: func() any {
	return &batch{in: make([]byte, 0, batchSize+4096), out: make([]byte, 0, batchSize+batchSize/2)}
}}

func getBatch() *batch {
	b := batchPool.Get().(*batch)
	b.in, b.out = b.in[:0], b.out[:0]
	b.plan, b.err = nil, nil
	b.firstLine, b.masked = 0, 0
	b.ready = make(chan struct{})
	return b
}

// startMaskers starts n goroutines in g that mask the batches of work until
// it is closed. Once ctx is done they fail the batches still queued instead:
// nobody waits for them, no CPU goes to output that is thrown away, and an
// unmasked batch can never pass for a masked one.
func startMaskers(ctx context.Context, g *errgroup.Group, work <-chan *batch, n int) {
	for i := 0; i < n; i++ {
		g.Go(func() error {
			m := &rowMasker{}
			for b := range work {
				if err := ctx.Err(); err != nil {
					b.err = err
				} else {
					m.maskBatch(b)
				}
				close(b.ready)
			}
			return nil
		})
	}
}

// pipeline runs the workers and the writer.
type pipeline struct {
	ctx    context.Context
	g      *errgroup.Group
	work   chan *batch
	order  chan *batch
	stats  *Stats // updated by the writer only
	closed bool
}

func newPipeline(ctx context.Context, w io.Writer, workers int, stats *Stats) *pipeline {
	g, ctx := errgroup.WithContext(ctx)
	p := &pipeline{
		ctx:   ctx,
		g:     g,
		work:  make(chan *batch, workers*2),
		order: make(chan *batch, workers*4),
		stats: stats,
	}
	startMaskers(ctx, g, p.work, workers)
	g.Go(func() error {
		defer func() {
			// Drain so workers and the producer never block after an error.
			for b := range p.order {
				<-b.ready
			}
		}()
		for b := range p.order {
			select {
			case <-b.ready:
			case <-ctx.Done():
				return ctx.Err()
			}
			if b.err != nil {
				return b.err
			}
			if _, err := w.Write(b.out); err != nil {
				return err
			}
			p.stats.BytesOut += int64(len(b.out))
			p.stats.MaskedValues += b.masked
			batchPool.Put(b)
		}
		return nil
	})
	return p
}

// send queues a batch: to the workers when it holds COPY data to mask, else
// straight to the writer. It reports false when the pipeline has failed.
func (p *pipeline) send(b *batch) bool {
	select {
	case p.order <- b:
	case <-p.ctx.Done():
		return false
	}
	if b.plan == nil {
		close(b.ready)
		return true
	}
	select {
	case p.work <- b:
		return true
	case <-p.ctx.Done():
		close(b.ready) // never picked up by a worker: let the writer's drain finish
		return false
	}
}

// wait closes the pipeline and returns the first error of any goroutine.
func (p *pipeline) wait() error {
	if !p.closed {
		p.closed = true
		close(p.work)
		close(p.order)
	}
	return p.g.Wait()
}
