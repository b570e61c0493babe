package proxy

import (
	"errors"
	"fmt"

	"github.com/pgveil/pgveil/anonymize"
)

// masker rewrites the values of result rows under a plan. It owns the
// buffers the rewritten values live in, so one masker serves one goroutine
// (the session's). Outputs are valid until the masker's next call.
type masker struct {
	out     [][]byte // the rewritten row
	scratch [][]byte // per field: masked text
	conv    [][]byte // binary rows after conversion
	asText  [][]byte // per field: binary value as text
	bin     [][]byte // per field: masked text back in binary
	masked  [][]byte // per field: masked text (binary path)
	// memos: recent masked values per field of the plans seen, in the
	// field's format; used past memoAfter rows of one result.
	memos map[*fieldPlan]*valueMemo
}

func (m *masker) memo(fp *fieldPlan, on bool) *valueMemo {
	if !on {
		return nil
	}
	if m.memos == nil || len(m.memos) > 1024 {
		m.memos = make(map[*fieldPlan]*valueMemo)
	}
	mm := m.memos[fp]
	if mm == nil {
		mm = new(valueMemo)
		m.memos[fp] = mm
	}
	return mm
}

// text masks a row whose masked fields are all in text format; it returns
// the values and their wire size.
func (m *masker) text(plan *rowPlan, vals [][]byte, memoOn bool) ([][]byte, int, error) {
	if len(vals) != len(plan.fields) {
		return nil, 0, errors.New("DataRow does not match its RowDescription")
	}
	if cap(m.out) < len(vals) {
		m.out = make([][]byte, len(vals))
		m.scratch = make([][]byte, len(vals))
	}
	m.out = m.out[:len(vals)]
	size := 0
	for i, v := range vals {
		fp := &plan.fields[i]
		switch fp.act {
		case actPass:
			m.out[i] = v
		case actMask:
			memo := m.memo(fp, memoOn && v != nil)
			out, null, hit := []byte(nil), false, false
			if memo != nil {
				out, null, hit = memo.get(v)
			}
			if !hit {
				var err error
				out, null, err = fp.bound.Apply(m.scratch[i][:0], v, v == nil)
				if err != nil {
					return nil, 0, err
				}
				m.scratch[i] = out
				if memo != nil {
					memo.put(v, out, null)
				}
			}
			if null {
				m.out[i] = nil
			} else {
				m.out[i] = out
			}
		default:
			return nil, 0, errors.New("refused column")
		}
		size += len(m.out[i]) + 4
	}
	return m.out, size, nil
}

// formats masks a row whose fields may be in binary: binary masked fields
// go text -> mask -> binary through the codec, the others take the text
// path.
func (m *masker) formats(plan *rowPlan, vals [][]byte, memoOn bool, codec *anonymize.Codec) ([][]byte, int, error) {
	if plan.textPart == nil {
		return m.text(plan, vals, memoOn)
	}
	if len(vals) != len(plan.fields) {
		return nil, 0, fmt.Errorf("DataRow does not match its RowDescription")
	}
	if cap(m.conv) < len(vals) {
		m.conv = make([][]byte, len(vals))
		m.bin = make([][]byte, len(vals))
		m.asText = make([][]byte, len(vals))
		m.masked = make([][]byte, len(vals))
	}
	m.conv = m.conv[:len(vals)]
	for i, v := range vals {
		fp := &plan.fields[i]
		m.conv[i] = v
		if fp.act != actMask || fp.format != 1 || v == nil {
			continue
		}
		memo := m.memo(fp, memoOn)
		if memo != nil {
			if out, null, ok := memo.get(v); ok {
				if null {
					m.conv[i] = nil
				} else {
					m.conv[i] = out
				}
				continue
			}
		}
		var err error
		if m.asText[i], err = codec.BinaryToText(m.asText[i][:0], fp.oid, v); err != nil {
			return nil, 0, err
		}
		out, null, err := fp.bound.Apply(m.masked[i][:0], m.asText[i], false)
		if err != nil {
			return nil, 0, err
		}
		m.masked[i] = out
		if null {
			m.conv[i] = nil
			if memo != nil {
				memo.put(v, nil, true)
			}
			continue
		}
		if m.bin[i], err = codec.TextToBinary(m.bin[i][:0], fp.oid, out); err != nil {
			return nil, 0, err
		}
		m.conv[i] = m.bin[i]
		if memo != nil {
			memo.put(v, m.bin[i], false)
		}
	}
	return m.text(plan.textPart, m.conv, memoOn)
}
