package lineage

import "testing"

func BenchmarkAnalyzeLookup(b *testing.B) {
	for b.Loop() {
		if _, err := Analyze(`SELECT id, country FROM customers WHERE email = $1`, fixSnap, fixRules, PostureStrict); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnalyzePsqlDescribe(b *testing.B) {
	q := `SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) FROM pg_catalog.pg_attrdef d
   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
  a.attnotnull
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = '16384' AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum`
	for b.Loop() {
		if _, err := Analyze(q, fixSnap, fixRules, PostureStrict); err != nil {
			b.Fatal(err)
		}
	}
}
