package dump

import (
	"bytes"
	"fmt"
)

// rowMasker rewrites COPY text rows under a table plan. Each pipeline worker
// owns one, so its scratch buffers are reused without locking.
type rowMasker struct {
	fields  [][]byte
	valBuf  []byte
	maskBuf []byte
}

// maskBatch masks every line of b.in into b.out; on error it sets b.err
// naming the input line.
func (m *rowMasker) maskBatch(b *batch) {
	in := b.in
	line := b.firstLine
	for len(in) > 0 {
		nl := bytes.IndexByte(in, '\n')
		if nl < 0 { // the producer only cuts batches at line ends
			b.err = &LineError{Line: line, Err: fmt.Errorf("COPY data of %s: line without newline", b.plan.table)}
			return
		}
		var err error
		b.out, err = m.maskRow(b.out, in[:nl], b.plan, &b.masked)
		if err != nil {
			b.err = &LineError{Line: line, Err: err}
			return
		}
		b.out = append(b.out, '\n')
		in = in[nl+1:]
		line++
	}
}

// maskRow appends the masked form of one COPY row (without its newline).
func (m *rowMasker) maskRow(dst, row []byte, p *tablePlan, masked *int64) ([]byte, error) {
	m.fields = SplitFields(m.fields, row)
	if len(m.fields) != len(p.cols) {
		return dst, fmt.Errorf("COPY data of %s: %d fields, the COPY statement lists %d columns", p.table, len(m.fields), len(p.cols))
	}
	for i, raw := range m.fields {
		if i > 0 {
			dst = append(dst, '\t')
		}
		cp := &p.cols[i]
		if cp.keep {
			dst = append(dst, raw...)
			continue
		}
		var err error
		dst, err = m.maskField(dst, raw, cp, masked)
		if err != nil {
			return dst, fmt.Errorf("COPY data of %s column %s: %w", p.table, cp.name, err)
		}
	}
	return dst, nil
}

// maskField appends the masked COPY text field for one raw field.
func (m *rowMasker) maskField(dst, raw []byte, cp *columnPlan, masked *int64) ([]byte, error) {
	null := IsNull(raw)
	var err error
	if !null {
		m.valBuf, err = DecodeField(m.valBuf[:0], raw)
		if err != nil {
			return dst, err
		}
	}
	out, outNull, err := cp.bound.Apply(m.maskBuf[:0], m.valBuf, null)
	m.maskBuf = out
	if err != nil {
		return dst, err
	}
	if outNull {
		return AppendNull(dst), nil
	}
	*masked++
	return EncodeField(dst, out), nil
}
