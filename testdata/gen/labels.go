package main

import (
	"bufio"
	"strconv"
)

// Labels: with -labels FILE the generator writes one JSON line per personal
// value it plants in free text, with byte offsets into the column's value as
// stored in the database. Every byte not covered by a label is ordinary
// prose, including the decoys (names that are also words, cities in
// sentences about the bank).

type labelKind uint8

const (
	lkName labelKind = iota + 1
	lkNationalID
	lkDocument
	lkCVV
	lkBirthDate
	lkStreet
	lkPostcode
	lkCity
	lkIP
	lkEmail
	lkEmailObfuscated
	lkIBAN
	lkPhone
	lkCard
	numLabelKinds
)

var labelKindNames = [numLabelKinds]string{
	lkName: "name", lkNationalID: "national_id", lkDocument: "document", lkCVV: "cvv", lkBirthDate: "birth_date",
	lkStreet: "street", lkPostcode: "postcode", lkCity: "city", lkIP: "ip", lkEmail: "email",
	lkEmailObfuscated: "email_obfuscated", lkIBAN: "iban", lkPhone: "phone", lkCard: "card",
}

type namePart uint8

const (
	partNone namePart = iota
	partFirst
	partLast
	partFull
)

var namePartNames = [...]string{partFirst: "first", partLast: "last", partFull: "full"}

// label is one planted value: text[start:end] of the text being built.
type label struct {
	start, end int
	kind       labelKind
	known      bool // the value is also in a table column
	part       namePart
}

// labelWriter writes labels as JSON lines; a nil writer discards them.
type labelWriter struct {
	out *bufio.Writer
	buf []byte
	n   int64
}

// write emits the labels of one column value.
func (lw *labelWriter) write(table, column string, id int64, loc locale, text []byte, labels []label) {
	if lw == nil {
		return
	}
	for _, l := range labels {
		b := lw.buf[:0]
		b = append(b, `{"table":"`...)
		b = append(b, table...)
		b = append(b, `","column":"`...)
		b = append(b, column...)
		b = append(b, `","id":`...)
		b = strconv.AppendInt(b, id, 10)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(l.start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(l.end), 10)
		b = append(b, `,"kind":"`...)
		b = append(b, labelKindNames[l.kind]...)
		b = append(b, `","known":`...)
		b = strconv.AppendBool(b, l.known)
		b = append(b, `,"locale":"`...)
		b = append(b, localeCodes[loc]...)
		b = append(b, `","value":`...)
		b = appendJSONString(b, string(text[l.start:l.end]))
		if l.kind == lkName {
			b = append(b, `,"part":"`...)
			b = append(b, namePartNames[l.part]...)
			b = append(b, '"')
		}
		b = append(b, "}\n"...)
		lw.buf = b
		lw.out.Write(b)
		lw.n++
	}
}
