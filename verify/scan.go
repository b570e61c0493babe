package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// Finding is one original value found in the output. It never holds the
// value: only where it is, where it comes from, and a keyed fingerprint.
type Finding struct {
	Line        int64    `json:"line"`              // 1-based line of the output where the match starts
	Section     string   `json:"section,omitempty"` // "COPY public.t", "INSERT public.t", "comment", "setval", ...
	Origin      Origin   `json:"origin"`            // the first column the value was read from
	Also        []Origin `json:"also,omitempty"`    // further columns holding the same value
	Fingerprint string   `json:"fingerprint"`       // keyed fingerprint of the folded value
}

// ScanStats sums up a scan.
type ScanStats struct {
	Bytes    int64 // bytes scanned (after decompression)
	Lines    int64
	Findings int64
	// DumpHeader and DumpComplete: the stream starts like a pg_dump plain
	// dump / has pg_dump's closing comment.
	DumpHeader, DumpComplete bool
}

const (
	readSize = 1 << 20
	// lineHead is how much of a line's beginning the section tracker
	// looks at; the tracker lags that far behind the scan.
	lineHead = 1024
)

type hit struct {
	end     int64 // offset of the needle's last byte
	pattern int32
}

// Scan reads r to the end and calls emit for each finding, in output order.
// Memory is constant in the size of r. A read error (a truncated or corrupt
// compressed stream) is returned: the scan is then incomplete.
func (ix *Index) Scan(ctx context.Context, r io.Reader, emit func(Finding) error) (ScanStats, error) {
	s := &scanner{ix: ix, r: r, emit: emit}
	s.buf = make([]byte, readSize+2*lineHead+ix.maxLen+16)
	s.tr.line, s.tr.lineStart = 1, true
	for !s.eof {
		if err := ctx.Err(); err != nil {
			return s.stats(), err
		}
		if err := s.fill(); err != nil {
			return s.stats(), err
		}
		if err := s.round(); err != nil {
			return s.stats(), err
		}
	}
	return s.stats(), nil
}

type scanner struct {
	ix      *Index
	r       io.Reader
	emit    func(Finding) error
	buf     []byte
	base    int64 // stream offset of buf[0]
	end     int   // bytes of buf holding data
	scanned int   // buf[:scanned] went through the automaton
	state   uint32
	eof     bool
	hits    []hit
	raw     [lanes][]rawHit
	tr      tracker
	last    byte // last byte of the stream
	nfound  int64
}

func (s *scanner) stats() ScanStats {
	lines := s.tr.line - 1
	if s.base+int64(s.end) > 0 && s.last != '\n' {
		lines++
	}
	return ScanStats{Bytes: s.base + int64(s.end), Lines: lines, Findings: s.nfound,
		DumpHeader: s.tr.dumpHeader, DumpComplete: s.tr.dumpComplete}
}

// fill reads until the buffer is full or the stream ends.
func (s *scanner) fill() error {
	for s.end < len(s.buf) {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if errors.Is(err, io.EOF) {
			s.eof = true
			break
		}
		if err != nil {
			return fmt.Errorf("read output at byte %d: %w", s.base+int64(s.end), err)
		}
		if n == 0 {
			continue
		}
	}
	if s.end > 0 {
		s.last = s.buf[s.end-1]
	}
	return nil
}

// round scans the new bytes, resolves the hits the line tracker has passed
// and keeps the tail the next round needs.
func (s *scanner) round() error {
	limit := s.end
	if !s.eof {
		// Keep one byte of lookahead for the word boundary after a needle,
		// and never cut a rune (it is folded as a whole).
		limit -= max(1, incompleteTail(s.buf[:s.end]))
	}
	if limit > s.scanned {
		for j := range s.raw {
			s.raw[j] = s.raw[j][:0]
		}
		s.state = s.ix.auto.runLanes(s.buf[:s.end], s.scanned, limit, s.state, s.ix.maxLen+2, &s.raw)
		for j := range s.raw {
			for _, h := range s.raw[j] {
				s.onHit(h.end, h.state)
			}
		}
		s.scanned = limit
	}
	to := s.base + int64(s.end)
	if !s.eof {
		to = s.base + int64(limit) - lineHead
	}
	if err := s.track(to); err != nil {
		return err
	}
	s.compact(limit)
	return nil
}

func (s *scanner) onHit(i int, state uint32) {
	s.ix.auto.matches(state, func(p int32) {
		if s.bounded(i, p) {
			s.hits = append(s.hits, hit{end: s.base + int64(i), pattern: p})
		}
	})
}

// bounded applies the word boundaries of pattern p ending at buf[i].
func (s *scanner) bounded(i int, p int32) bool {
	fl := s.ix.patFlags[p]
	if fl&flagRight != 0 && i+1 < s.end && isWordByte(s.buf[i+1]) {
		return false
	}
	if fl&flagLeft == 0 {
		return true
	}
	prev := i - int(s.ix.patLen[p])
	if prev < 0 || !isWordByte(s.buf[prev]) {
		return true
	}
	// "\n" + needle in a COPY row or a JSON string: the letter belongs to
	// the escape, not to the needle's word.
	return escapeLetter(s.buf[prev]) && prev > 0 && s.buf[prev-1] == '\\'
}

// compact moves the bytes still needed (lookbehind for the next needles,
// the line tracker's backlog, the unscanned lookahead) to the front.
func (s *scanner) compact(limit int) {
	keep := limit - s.ix.maxLen - 2
	if t := int(s.tr.pos - s.base); t < keep {
		keep = t
	}
	keep = max(keep, 0)
	copy(s.buf, s.buf[keep:s.end])
	s.base += int64(keep)
	s.end -= keep
	s.scanned -= keep
}

// track advances the line tracker to offset to, emitting the hits it passes.
func (s *scanner) track(to int64) error {
	var err error
	s.tr.advance(s.buf[:s.end], s.base, to, func(stop int64) {
		for len(s.hits) > 0 && s.hits[0].end < stop && err == nil {
			err = s.report(s.hits[0])
			s.hits = s.hits[1:]
		}
	})
	if len(s.hits) == 0 {
		s.hits = s.hits[:0:0]
	}
	return err
}

func (s *scanner) report(h hit) error {
	var err error
	s.ix.valuesOf(h.pattern, func(v uint32) {
		if err != nil {
			return
		}
		orig := s.ix.originsOf(v)
		f := Finding{Line: s.tr.line - s.newlinesIn(h), Section: s.tr.section, Origin: orig[0], Fingerprint: s.ix.fingerprint(v)}
		if len(orig) > 1 {
			f.Also = orig[1:]
		}
		s.nfound++
		err = s.emit(f)
	})
	return err
}

// newlinesIn counts the line breaks inside a matched needle (a value with
// a newline in an SQL literal), so a finding names the line it starts on.
func (s *scanner) newlinesIn(h hit) int64 {
	hi := int(h.end - s.base)
	lo := hi - int(s.ix.patLen[h.pattern]) + 1
	if lo < 0 || hi >= s.end {
		return 0
	}
	return int64(bytes.Count(s.buf[lo:hi+1], []byte{'\n'}))
}
