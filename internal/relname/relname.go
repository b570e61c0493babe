package relname

import (
	"strings"

	"github.com/jackc/pgx/v5"
)

// Name is a schema-qualified relation name, spelled as in the catalog.
type Name struct{ Schema, Name string }

// String is "schema.name", unquoted: for messages, never for SQL.
func (n Name) String() string { return n.Schema + "." + n.Name }

// Quoted returns the name as a safely quoted SQL identifier.
func (n Name) Quoted() string { return pgx.Identifier{n.Schema, n.Name}.Sanitize() }

// Compare orders names by schema, then relation name (-1, 0, +1), for
// slices.SortFunc.
func (n Name) Compare(o Name) int {
	if c := strings.Compare(n.Schema, o.Schema); c != 0 {
		return c
	}
	return strings.Compare(n.Name, o.Name)
}

// Less reports whether n sorts before o (schema, then relation name).
func (n Name) Less(o Name) bool { return n.Compare(o) < 0 }
