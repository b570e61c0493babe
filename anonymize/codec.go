package anonymize

import (
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// Codec converts values of the types masks accept between PostgreSQL's
// binary wire format and the text representation masks work on, so a result
// column requested in binary can be masked like a text one. It is safe for
// concurrent use: a pgtype.Map memoises its plans in plain maps, so each
// conversion borrows a Map of its own from a pool.
type Codec struct {
	maps sync.Pool
}

// NewCodec returns a codec over pgx's built-in type maps.
func NewCodec() *Codec {
	c := &Codec{}
	c.maps.New = func() any { return pgtype.NewMap() }
	return c
}

// textLike are types whose binary format is their text bytes.
var textLike = map[uint32]bool{
	pgtype.TextOID: true, pgtype.VarcharOID: true, pgtype.BPCharOID: true, pgtype.NameOID: true,
	pgtype.JSONOID: true, pgtype.UnknownOID: true,
}

// BinaryToText appends the text representation of a binary value of type oid.
func (c *Codec) BinaryToText(dst []byte, oid uint32, src []byte) ([]byte, error) {
	if textLike[oid] {
		return append(dst, src...), nil
	}
	m := c.maps.Get().(*pgtype.Map)
	defer c.maps.Put(m)
	switch oid {
	case pgtype.JSONBOID:
		if len(src) == 0 || src[0] != 1 {
			return dst, fmt.Errorf("jsonb binary: unknown version")
		}
		return append(dst, src[1:]...), nil
	case pgtype.TimestamptzOID:
		var ts pgtype.Timestamptz
		if err := m.Scan(oid, pgtype.BinaryFormatCode, src, &ts); err != nil {
			return dst, err
		}
		switch ts.InfinityModifier {
		case pgtype.Infinity:
			return append(dst, "infinity"...), nil
		case pgtype.NegativeInfinity:
			return append(dst, "-infinity"...), nil
		}
		// The ISO form PostgreSQL prints with TimeZone UTC.
		return ts.Time.UTC().AppendFormat(dst, "2006-01-02 15:04:05.999999-07"), nil
	}
	v, err := c.valueFor(oid)
	if err != nil {
		return dst, err
	}
	if err := m.Scan(oid, pgtype.BinaryFormatCode, src, v); err != nil {
		return dst, fmt.Errorf("decode binary value of type %d: %w", oid, err)
	}
	return m.Encode(oid, pgtype.TextFormatCode, v, dst)
}

// TextToBinary appends the binary representation of a text value of type oid.
func (c *Codec) TextToBinary(dst []byte, oid uint32, src []byte) ([]byte, error) {
	if textLike[oid] {
		return append(dst, src...), nil
	}
	m := c.maps.Get().(*pgtype.Map)
	defer c.maps.Put(m)
	switch oid {
	case pgtype.JSONBOID:
		return append(append(dst, 1), src...), nil
	case pgtype.TimestamptzOID:
		ts, err := parseTimestamptz(string(src))
		if err != nil {
			return dst, err
		}
		return m.Encode(oid, pgtype.BinaryFormatCode, ts, dst)
	}
	v, err := c.valueFor(oid)
	if err != nil {
		return dst, err
	}
	if err := m.Scan(oid, pgtype.TextFormatCode, src, v); err != nil {
		return dst, fmt.Errorf("decode text value of type %d: %w", oid, err)
	}
	return m.Encode(oid, pgtype.BinaryFormatCode, v, dst)
}

// valueFor returns a pointer to the pgtype value that round-trips oid.
func (c *Codec) valueFor(oid uint32) (any, error) {
	switch oid {
	case pgtype.Int2OID, pgtype.Int4OID, pgtype.Int8OID:
		return new(pgtype.Int8), nil
	case pgtype.Float4OID:
		return new(pgtype.Float4), nil
	case pgtype.Float8OID:
		return new(pgtype.Float8), nil
	case pgtype.NumericOID:
		return new(pgtype.Numeric), nil
	case pgtype.DateOID:
		return new(pgtype.Date), nil
	case pgtype.TimestampOID:
		return new(pgtype.Timestamp), nil
	case pgtype.UUIDOID:
		return new(pgtype.UUID), nil
	case pgtype.BoolOID:
		return new(pgtype.Bool), nil
	}
	return nil, fmt.Errorf("no binary codec for type oid %d", oid)
}

func parseTimestamptz(s string) (pgtype.Timestamptz, error) {
	switch s {
	case "infinity":
		return pgtype.Timestamptz{InfinityModifier: pgtype.Infinity, Valid: true}, nil
	case "-infinity":
		return pgtype.Timestamptz{InfinityModifier: pgtype.NegativeInfinity, Valid: true}, nil
	}
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07", "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999-07:00:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return pgtype.Timestamptz{Time: t, Valid: true}, nil
		}
	}
	return pgtype.Timestamptz{}, fmt.Errorf("cannot parse timestamptz %q", s)
}

// OIDType maps a built-in type OID to the canonical type name masks bind to;
// "" when the type is not one masks know.
func OIDType(oid uint32) string {
	switch oid {
	case pgtype.TextOID:
		return "text"
	case pgtype.VarcharOID:
		return "varchar"
	case pgtype.BPCharOID:
		return "bpchar"
	case pgtype.NameOID:
		return "name"
	case pgtype.Int2OID:
		return "int2"
	case pgtype.Int4OID:
		return "int4"
	case pgtype.Int8OID:
		return "int8"
	case pgtype.NumericOID:
		return "numeric"
	case pgtype.Float4OID:
		return "float4"
	case pgtype.Float8OID:
		return "float8"
	case pgtype.DateOID:
		return "date"
	case pgtype.TimestampOID:
		return "timestamp"
	case pgtype.TimestamptzOID:
		return "timestamptz"
	case pgtype.JSONOID:
		return "json"
	case pgtype.JSONBOID:
		return "jsonb"
	case pgtype.UUIDOID:
		return "uuid"
	case pgtype.BoolOID:
		return "bool"
	}
	return ""
}
