package dump

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// The rows of a direct dump go through one pipeline, whatever --jobs is:
//
//	readers --batches--> maskers
//	   \------ lane, in read order ------> drain --> output or spill file
//
// Readers, one per snapshot connection, take tables off a shared schedule
// and cut each table's COPY data into batches of whole lines. Every batch
// is queued in its table's lane and handed to the maskers (one per CPU,
// shared by all readers). A drain takes a lane's batches in order, waits
// for each to be masked and writes it out. The writer walks the tables in
// output order: a table whose reader started it when every table before it
// had been read is live, the writer drains its lane into the output itself;
// any other table is drained into a spill file by a goroutine of its own,
// and the writer copies the file when the table's turn comes. One reader
// takes the tables in output order, so every table is live and nothing is
// spilled.

// spillBufferSize coalesces a spilled table's small writes (header,
// end-of-data line) with its batches.
const spillBufferSize = 256 << 10

// copyFunc runs a COPY ... TO STDOUT statement and writes its data to w.
type copyFunc func(ctx context.Context, w io.Writer, sql string) error

// opener gives reader k a connection on the dump's snapshot; release ends
// the reader's use of it.
type opener func(ctx context.Context, k int) (copyTo copyFunc, release func(), err error)

// tally counts the rows of a dump as the pipeline handles them, for the
// Progress callback and the final Stats.
type tally struct {
	rows, bytesIn, masked atomic.Int64
	tables                int
	progress              func(Progress)

	mu   sync.Mutex // one Progress call at a time, totals never going back
	done int
}

// tableDone counts one table whose masked COPY block is complete (in the
// output or in its spill file) and reports the running totals.
func (t *tally) tableDone() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done++
	if t.progress != nil {
		t.progress(Progress{TablesDone: t.done, Tables: t.tables, Rows: t.rows.Load(), Bytes: t.bytesIn.Load()})
	}
}

// tableSlot is one table's place in the output.
type tableSlot struct {
	routed  chan struct{} // closed once the reader has set lane or spill
	lane    chan *batch   // live: the writer drains it
	spill   *os.File      // spilled: complete and rewound once spilled is closed
	spilled chan struct{}
}

// dataPipe is one run of the pipeline.
type dataPipe struct {
	jobs     []*tableJob
	slots    []tableSlot
	order    []int        // the schedule: indexes into jobs
	next     atomic.Int64 // position in order of the next table to read
	work     chan *batch  // to the maskers
	laneCap  int
	spillDir string
	g        *errgroup.Group // also owns the spill drains the readers start
	tally    *tally
	readers  atomic.Int32 // still running; the last one closes work

	mu       sync.Mutex
	read     []bool // tables whose reader has queued every batch
	readUpTo int    // every table before it has been read

	bytesOut int64 // the writer goroutine's only
}

// dumpData writes the COPY block of every job to w, in the order of jobs,
// reading on up to `readers` snapshot connections. It returns the bytes
// written to w.
func dumpData(ctx context.Context, w io.Writer, jobs []*tableJob, readers int, open opener, spillDir string, t *tally) (int64, error) {
	readers = max(1, min(readers, len(jobs)))
	maskers := runtime.GOMAXPROCS(0)
	p := &dataPipe{
		jobs:  jobs,
		slots: make([]tableSlot, len(jobs)),
		order: schedule(jobs, readers),
		work:  make(chan *batch, 2*maskers),
		// The readers' lanes share one budget of about 4 batches per
		// masker, so memory does not grow with --jobs.
		laneCap:  max(2, 4*maskers/readers),
		spillDir: spillDir,
		tally:    t,
		read:     make([]bool, len(jobs)),
	}
	for i := range p.slots {
		p.slots[i] = tableSlot{routed: make(chan struct{}), spilled: make(chan struct{})}
	}
	g, gctx := errgroup.WithContext(ctx)
	p.g = g
	startMaskers(gctx, g, p.work, maskers)
	p.readers.Store(int32(readers))
	for k := 0; k < readers; k++ {
		g.Go(func() error { return p.reader(gctx, k, open) })
	}
	g.Go(func() error { return p.writeOut(gctx, w) })
	err := g.Wait()
	for i := range p.slots {
		if f := p.slots[i].spill; f != nil {
			f.Close() // after an error: the files the writer did not reach
		}
	}
	return p.bytesOut, err
}

// schedule is the order the readers take the tables in. Several readers
// take the largest first, so the dump does not end waiting on one big
// table. A single reader has nothing to balance: it takes them in output
// order, so each table is next in line when it starts and streams straight
// to the output.
func schedule(jobs []*tableJob, readers int) []int {
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	if readers > 1 {
		sort.SliceStable(order, func(a, b int) bool { return jobs[order[a]].t.Bytes > jobs[order[b]].t.Bytes })
	}
	return order
}

// reader dumps tables off the schedule on its connection until none is left.
func (p *dataPipe) reader(ctx context.Context, k int, open opener) error {
	defer func() {
		if p.readers.Add(-1) == 0 {
			close(p.work) // no batch comes any more: the maskers end
		}
	}()
	copyTo, release, err := open(ctx, k)
	if err != nil {
		return err
	}
	defer release()
	for {
		n := int(p.next.Add(1)) - 1
		if n >= len(p.order) {
			return nil
		}
		if err := p.readTable(ctx, copyTo, p.order[n]); err != nil {
			return err
		}
	}
}

// readTable cuts table i's COPY data into batches and queues them.
func (p *dataPipe) readTable(ctx context.Context, copyTo copyFunc, i int) error {
	j := p.jobs[i]
	lane, err := p.route(ctx, i)
	if err != nil {
		return fmt.Errorf("dump table %s: %w", j.t.Name, err)
	}
	c := &cutter{plan: j.plan, tally: p.tally, send: func(b *batch) error { return p.send(ctx, lane, b) }}
	err = copyTo(ctx, c, j.copy)
	if err == nil {
		err = c.finish()
	}
	if err != nil {
		// The lane stays open: its drain ends on the cancelled context
		// rather than take a truncated table for a complete one.
		return fmt.Errorf("dump table %s: %w", j.t.Name, err)
	}
	close(lane)
	p.mu.Lock()
	p.read[i] = true
	for p.readUpTo < len(p.read) && p.read[p.readUpTo] {
		p.readUpTo++
	}
	p.mu.Unlock()
	return nil
}

// route decides where table i goes. It is live when every table before it
// has been read: the writer then reaches it without waiting on any reader,
// so a full lane only holds this reader up until the output takes it.
// Otherwise the lane is drained into a spill file, so that a reader never
// waits on a table that is not its own.
func (p *dataPipe) route(ctx context.Context, i int) (chan *batch, error) {
	s := &p.slots[i]
	lane := make(chan *batch, p.laneCap)
	p.mu.Lock()
	live := p.readUpTo == i
	p.mu.Unlock()
	if live {
		s.lane = lane
		close(s.routed)
		return lane, nil
	}
	f, err := os.CreateTemp(p.spillDir, "pgveil-spill-*")
	if err != nil {
		return nil, fmt.Errorf("spill file: %w", err)
	}
	os.Remove(f.Name()) // unlinked: nothing is left behind whatever happens
	s.spill = f
	close(s.routed)
	p.g.Go(func() error { return p.spillTable(ctx, i, lane) })
	return lane, nil
}

// send queues b in its table's lane, then for the maskers. A reader ahead
// of its drain waits on the lane before it makes more work, so at most
// laneCap+1 batches of a table exist at once.
func (p *dataPipe) send(ctx context.Context, lane chan<- *batch, b *batch) error {
	select {
	case lane <- b:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case p.work <- b:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// spillTable drains table i's lane into its spill file and rewinds it.
func (p *dataPipe) spillTable(ctx context.Context, i int, lane <-chan *batch) error {
	s := &p.slots[i]
	bw := bufio.NewWriterSize(s.spill, spillBufferSize)
	if _, err := p.drain(ctx, i, lane, bw); err != nil {
		return err
	}
	err := bw.Flush()
	if err == nil {
		_, err = s.spill.Seek(0, io.SeekStart)
	}
	if err != nil {
		return fmt.Errorf("dump table %s: spill file: %w", p.jobs[i].t.Name, err)
	}
	close(s.spilled)
	return nil
}

// writeOut writes every table's COPY block to w in output order: a live
// table's lane as its batches are masked, a spilled table's file once it is
// complete.
func (p *dataPipe) writeOut(ctx context.Context, w io.Writer) error {
	for i := range p.slots {
		s := &p.slots[i]
		if err := await(ctx, s.routed); err != nil {
			return err
		}
		if s.spill == nil {
			n, err := p.drain(ctx, i, s.lane, w)
			p.bytesOut += n
			if err != nil {
				return err
			}
			continue
		}
		if err := await(ctx, s.spilled); err != nil {
			return err
		}
		n, err := io.Copy(w, s.spill)
		p.bytesOut += n
		s.spill.Close()
		s.spill = nil
		if err != nil {
			return fmt.Errorf("dump table %s: %w", p.jobs[i].t.Name, err)
		}
	}
	return nil
}

// drain writes table i's COPY block to w: its header, each batch of the
// lane once masked, the end-of-data line. It returns the bytes written.
func (p *dataPipe) drain(ctx context.Context, i int, lane <-chan *batch, w io.Writer) (int64, error) {
	j := p.jobs[i]
	n, err := w.Write(j.header)
	written := int64(n)
	for err == nil {
		var b *batch
		if b, err = nextMasked(ctx, lane); b == nil || err != nil {
			break
		}
		n, err = w.Write(b.out)
		written += int64(n)
		p.tally.masked.Add(b.masked)
		batchPool.Put(b)
	}
	if err == nil {
		n, err = io.WriteString(w, "\\.\n")
		written += int64(n)
	}
	if err != nil {
		return written, fmt.Errorf("dump table %s: %w", j.t.Name, err)
	}
	p.tally.tableDone()
	return written, nil
}

// nextMasked returns the lane's next batch once it is masked, or nil when
// the lane is closed: the table is complete.
func nextMasked(ctx context.Context, lane <-chan *batch) (*batch, error) {
	var b *batch
	select {
	case b = <-lane:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if b == nil {
		return nil, nil
	}
	if err := await(ctx, b.ready); err != nil {
		return nil, err
	}
	var le *LineError
	if errors.As(b.err, &le) {
		return nil, fmt.Errorf("row %d: %w", le.Line, le.Err)
	}
	return b, b.err
}

// await waits for ch to be closed, or for the pipeline to fail.
func await(ctx context.Context, ch <-chan struct{}) error {
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// cutter receives a table's COPY data as the server sends it (pgconn writes
// one row at a time) straight into a batch and hands the batch on at the
// first line end past batchSize: the data is copied once on its way in.
type cutter struct {
	cur   *batch
	plan  *tablePlan
	rows  int64 // rows handed on: the next batch starts at row rows+1
	tally *tally
	send  func(*batch) error
}

func (c *cutter) Write(p []byte) (int, error) {
	if c.cur == nil {
		c.cur = getBatch()
	}
	c.cur.in = append(c.cur.in, p...)
	if len(c.cur.in) < batchSize {
		return len(p), nil
	}
	end := bytes.LastIndexByte(c.cur.in, '\n') + 1
	if end == 0 {
		return len(p), nil // one row longer than a batch, so far
	}
	next := getBatch()
	next.in = append(next.in, c.cur.in[end:]...)
	c.cur.in = c.cur.in[:end]
	if err := c.handOn(); err != nil {
		return 0, err
	}
	c.cur = next
	return len(p), nil
}

// finish hands on the last batch of the table.
func (c *cutter) finish() error {
	switch {
	case c.cur == nil:
		return nil
	case len(c.cur.in) == 0:
		batchPool.Put(c.cur)
		c.cur = nil
		return nil
	case c.cur.in[len(c.cur.in)-1] != '\n':
		return errors.New("COPY data ended inside a row")
	}
	return c.handOn()
}

// handOn counts the current batch's rows and bytes and queues it.
func (c *cutter) handOn() error {
	b := c.cur
	c.cur = nil
	rows := int64(bytes.Count(b.in, []byte{'\n'}))
	b.plan, b.firstLine = c.plan, c.rows+1
	c.rows += rows
	c.tally.rows.Add(rows)
	c.tally.bytesIn.Add(int64(len(b.in)))
	return c.send(b)
}
