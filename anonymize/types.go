package anonymize

import (
	"fmt"
	"strings"
)

// Category groups column types by what a mask can do with their values.
type Category uint8

const (
	CatOther     Category = iota
	CatText               // text, varchar, bpchar, citext, name
	CatInt                // int2, int4, int8
	CatDecimal            // numeric, float4, float8, money excluded
	CatDate               // date
	CatTimestamp          // timestamp, timestamptz
	CatJSON               // json, jsonb
	CatUUID               // uuid
)

var sqlToCanonical = map[string]string{
	"character varying":           "varchar",
	"varchar":                     "varchar",
	"character":                   "bpchar",
	"char":                        "bpchar",
	"bpchar":                      "bpchar",
	"text":                        "text",
	"citext":                      "citext",
	"name":                        "name",
	"smallint":                    "int2",
	"int2":                        "int2",
	"integer":                     "int4",
	"int":                         "int4",
	"int4":                        "int4",
	"bigint":                      "int8",
	"int8":                        "int8",
	"smallserial":                 "int2",
	"serial":                      "int4",
	"bigserial":                   "int8",
	"numeric":                     "numeric",
	"decimal":                     "numeric",
	"real":                        "float4",
	"float4":                      "float4",
	"double precision":            "float8",
	"float8":                      "float8",
	"date":                        "date",
	"timestamp":                   "timestamp",
	"timestamp without time zone": "timestamp",
	"timestamptz":                 "timestamptz",
	"timestamp with time zone":    "timestamptz",
	"json":                        "json",
	"jsonb":                       "jsonb",
	"uuid":                        "uuid",
	"boolean":                     "bool",
	"bool":                        "bool",
	"bytea":                       "bytea",
}

// CanonicalType maps an SQL type spelling ("character varying",
// "pg_catalog.int4", "INTEGER") to its pg_type name. Unknown names are
// returned lower-cased without a pg_catalog qualifier.
func CanonicalType(sql string) string {
	s := strings.ToLower(strings.TrimSpace(sql))
	s = strings.TrimPrefix(s, "pg_catalog.")
	s = strings.TrimPrefix(s, "public.") // citext usually lives in public
	if c, ok := sqlToCanonical[s]; ok {
		return c
	}
	return s
}

// CategoryOf tells what kind of values a canonical type holds.
func CategoryOf(typ string) Category {
	switch typ {
	case "text", "varchar", "bpchar", "citext", "name":
		return CatText
	case "int2", "int4", "int8":
		return CatInt
	case "numeric", "float4", "float8":
		return CatDecimal
	case "date":
		return CatDate
	case "timestamp", "timestamptz":
		return CatTimestamp
	case "json", "jsonb":
		return CatJSON
	case "uuid":
		return CatUUID
	}
	return CatOther
}

// errType is the standard "mask does not fit" error.
func errType(mask string, c Column, valid string) error {
	return fmt.Errorf("mask %s does not fit column type %s (valid: %s)", mask, c, valid)
}

// requireText checks that c holds text values (arrays of text are masked
// element-wise by the caller of Bind via elementwise).
func requireText(mask string, c Column) error {
	if CategoryOf(c.Type) != CatText {
		return errType(mask, c, "text, varchar, char, citext")
	}
	return nil
}
