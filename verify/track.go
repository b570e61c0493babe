package verify

import (
	"bytes"
)

// tracker counts lines and knows which part of a pg_dump plain stream each
// line is in: a COPY block's rows, an INSERT statement, a comment, a
// sequence's setval. It reads only the first lineHead bytes of each line.
type tracker struct {
	pos       int64 // stream offset up to which lines are counted
	line      int64 // number of the line at pos
	lineStart bool  // pos is the start of a line not yet classified
	section   string
	inCopy    bool
	copyEnds  bool // the current line is a COPY block's "\."
	inInsert  bool

	dumpHeader, dumpComplete bool
}

// advance moves to offset to (buf[0] is at stream offset base), calling
// at(stop) for each stretch of one line that ends before stop, while line
// and section describe that line.
func (t *tracker) advance(buf []byte, base, to int64, at func(stop int64)) {
	for t.pos < to {
		i := int(t.pos - base)
		if t.lineStart {
			t.classify(buf[i:min(i+lineHead, len(buf))])
			t.lineStart = false
		}
		j := bytes.IndexByte(buf[i:int(to-base)], '\n')
		stop := to
		if j >= 0 {
			stop = t.pos + int64(j) + 1
		}
		at(stop)
		t.pos = stop
		if j >= 0 {
			t.line++
			t.lineStart = true
		}
	}
}

var (
	prefixCopy       = []byte("COPY ")
	prefixInsert     = []byte("INSERT INTO ")
	prefixSetval     = []byte("SELECT pg_catalog.setval(")
	prefixComment    = []byte("--")
	prefixUnrestrict = []byte("\\unrestrict ")
	dumpHeaderLine   = []byte("-- PostgreSQL database dump")
	dumpDoneLine     = []byte("-- PostgreSQL database dump complete")
)

// classify sets the section of the line whose first bytes are head.
func (t *tracker) classify(head []byte) {
	if j := bytes.IndexByte(head, '\n'); j >= 0 {
		head = head[:j]
	}
	head = bytes.TrimSuffix(head, []byte{'\r'})
	if t.copyEnds {
		t.inCopy, t.copyEnds, t.section = false, false, ""
	}
	if t.inCopy {
		t.copyEnds = bytes.Equal(head, []byte(`\.`))
		return
	}
	if t.inInsert && len(head) > 0 && (head[0] == '\t' || head[0] == '(' || head[0] == ' ') {
		return // a multi-row INSERT's next VALUES row
	}
	t.inInsert = false
	if len(head) > 0 && !bytes.HasPrefix(head, prefixComment) && !bytes.HasPrefix(head, prefixUnrestrict) {
		t.dumpComplete = false // pgveil dump closes each pg_dump section
	}
	switch {
	case bytes.HasPrefix(head, prefixCopy):
		t.section, t.inCopy = "COPY "+relName(head[len(prefixCopy):]), true
	case bytes.HasPrefix(head, prefixInsert):
		t.section, t.inInsert = "INSERT "+relName(head[len(prefixInsert):]), true
	case bytes.HasPrefix(head, prefixSetval):
		t.section = "setval"
	case bytes.HasPrefix(head, prefixComment):
		t.section = "comment"
		if t.line <= 3 && bytes.Equal(head, dumpHeaderLine) {
			t.dumpHeader = true
		}
		if bytes.Equal(head, dumpDoneLine) {
			t.dumpComplete = true
		}
	default:
		t.section = ""
	}
}

// relName reads a possibly quoted, possibly schema-qualified name.
func relName(b []byte) string {
	inQuote := false
	for i, c := range b {
		switch {
		case c == '"':
			inQuote = !inQuote
		case !inQuote && (c == ' ' || c == '(' || c == ';'):
			return string(b[:min(i, 200)])
		}
	}
	return string(b[:min(len(b), 200)])
}
