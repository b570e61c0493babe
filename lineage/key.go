package lineage

// quickKey is the cache key of a query string when a plain scan can find
// its constants: the text with every integer and string constant replaced
// by a marker. It spares pg_query's normalisation (a parse in C, about 4 µs,
// a third of the proxy's own work on a short simple query).
//
// Two texts with the same key differ only in constants, which is what makes
// a cached verdict reusable (see Cache). That holds only if every token the
// scan replaces is a constant for PostgreSQL's lexer, so the scan gives up
// (ok false: the caller normalises with pg_query) on anything that could
// change how PostgreSQL tokenizes the text: comments, dollar quotes and
// parameters ($), backslashes (escape strings, standard_conforming_strings
// off), U& forms (&), and bytes outside ASCII. Double-quoted identifiers are
// copied as they are. An integer is a run of digits between characters that
// cannot continue a number or a name; a string is a quoted run not preceded
// by a name character (E”, B”, X”, N” are copied as they are). The
// markers hold a NUL byte, which no query text contains.
func quickKey(sql string) (key string, ok bool) {
	return quickKeySpans(sql, nil)
}

// litSpan is where quickKey found a constant: sql[start:end].
type litSpan struct{ start, end int }

// quickKeySpans is quickKey that also reports the constants it replaced
// (for the tests that check them against PostgreSQL's lexer).
func quickKeySpans(sql string, spans *[]litSpan) (key string, ok bool) {
	for i := 0; i < len(sql); i++ {
		switch c := sql[i]; {
		case c >= 0x80 || c == 0 || c == '$' || c == '\\' || c == '&':
			return "", false
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-', c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			return "", false // a comment (or the same bytes inside a string: given up all the same)
		}
	}
	b := make([]byte, 0, len(sql))
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '"':
			j := i + 1
			for {
				if j >= len(sql) {
					return "", false
				}
				if sql[j] == '"' {
					if j+1 < len(sql) && sql[j+1] == '"' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			b = append(b, sql[i:j+1]...)
			i = j + 1
		case c == '\'':
			j := i + 1
			for {
				if j >= len(sql) {
					return "", false
				}
				if sql[j] == '\'' {
					if j+1 < len(sql) && sql[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if continued(sql[j+1:]) {
				return "", false // 'a' <newline> 'b' is one constant for PostgreSQL
			}
			if i > 0 && nameChar(sql[i-1]) {
				b = append(b, sql[i:j+1]...) // E'...', B'...': kept
			} else {
				b = append(b, 0, 's')
				if spans != nil {
					*spans = append(*spans, litSpan{i, j + 1})
				}
			}
			i = j + 1
		case c >= '0' && c <= '9':
			j := i
			for j < len(sql) && sql[j] >= '0' && sql[j] <= '9' {
				j++
			}
			before := i > 0 && (nameChar(sql[i-1]) || sql[i-1] == '.')
			after := j < len(sql) && (nameChar(sql[j]) || sql[j] == '.')
			if before || after || j-i > 9 { // past int32, PostgreSQL reads a numeric constant: kept
				b = append(b, sql[i:j]...)
			} else {
				b = append(b, 0, 'i')
				if spans != nil {
					*spans = append(*spans, litSpan{i, j})
				}
			}
			i = j
		default:
			b = append(b, c)
			i++
		}
	}
	return string(b), true
}

// nameChar reports an ASCII character that can continue a name or a
// number's suffix.
func nameChar(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// continued reports whitespace with a newline and then a quote: PostgreSQL
// joins such adjacent strings into one constant.
func continued(rest string) bool {
	newline := false
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\n', '\r':
			newline = true
		case ' ', '\t', '\f', '\v':
		case '\'':
			return newline
		default:
			return false
		}
	}
	return false
}
