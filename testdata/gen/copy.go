package main

import (
	"bufio"
	"strconv"
	"time"
)

// rowWriter builds one COPY text-format row at a time in a reused buffer and
// hands it to the buffered output; nothing else is retained between rows.
type rowWriter struct {
	out   *bufio.Writer
	buf   []byte
	first bool
	err   error
}

func (w *rowWriter) begin() {
	w.buf = w.buf[:0]
	w.first = true
}

func (w *rowWriter) sep() {
	if !w.first {
		w.buf = append(w.buf, '\t')
	}
	w.first = false
}

// text appends a field escaped for COPY text format.
func (w *rowWriter) text(s string) {
	w.sep()
	w.buf = appendCopyEscaped(w.buf, s)
}

// opt appends s, or NULL when s is empty.
func (w *rowWriter) opt(s string) {
	if s == "" {
		w.null()
		return
	}
	w.text(s)
}

func (w *rowWriter) raw(b []byte) { // caller guarantees no byte needs escaping
	w.sep()
	w.buf = append(w.buf, b...)
}

func (w *rowWriter) null() {
	w.sep()
	w.buf = append(w.buf, `\N`...)
}

func (w *rowWriter) int(v int64) {
	w.sep()
	w.buf = strconv.AppendInt(w.buf, v, 10)
}

func (w *rowWriter) optInt(v int64) { // 0 is NULL: ids start at 1
	if v == 0 {
		w.null()
		return
	}
	w.int(v)
}

func (w *rowWriter) date(t time.Time) {
	if t.IsZero() {
		w.null()
		return
	}
	w.sep()
	w.buf = t.AppendFormat(w.buf, time.DateOnly)
}

func (w *rowWriter) timestamp(t time.Time) {
	w.sep()
	w.buf = t.AppendFormat(w.buf, "2006-01-02 15:04:05-07")
}

// cents appends an amount in cents as a numeric literal with two decimals.
func (w *rowWriter) cents(v int64) {
	w.sep()
	w.buf = appendCents(w.buf, v, '.')
}

func (w *rowWriter) end() {
	w.buf = append(w.buf, '\n')
	if w.err == nil {
		_, w.err = w.out.Write(w.buf)
	}
}

func appendCopyEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendCents formats cents as [-]units<point>cc.
func appendCents(dst []byte, v int64, point byte) []byte {
	if v < 0 {
		dst = append(dst, '-')
		v = -v
	}
	dst = strconv.AppendInt(dst, v/100, 10)
	dst = append(dst, point)
	return appendDigits(dst, uint64(v%100), 2)
}

// appendJSONString appends s as a JSON string literal.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}
