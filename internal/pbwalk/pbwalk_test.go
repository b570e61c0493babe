package pbwalk

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/reflect/protoreflect"
)

func TestFieldsFollowDescriptorOrder(t *testing.T) {
	tree, err := pg_query.Parse("SELECT DISTINCT a FROM t WHERE b = 1 GROUP BY a HAVING count(*) > 1 ORDER BY a LIMIT 3 OFFSET 2")
	if err != nil {
		t.Fatal(err)
	}
	sel := tree.Stmts[0].Stmt.GetSelectStmt().ProtoReflect()
	var got []protoreflect.FieldNumber
	Fields(sel, func(fd protoreflect.FieldDescriptor, _ protoreflect.Value) bool {
		got = append(got, fd.Number())
		return true
	})
	if len(got) < 8 {
		t.Fatalf("visited %d fields, want every populated one (at least 8): %v", len(got), got)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Fatalf("fields out of descriptor order: %v", got)
		}
	}
	// Same set as Range, whatever order Range uses.
	n := 0
	sel.Range(func(protoreflect.FieldDescriptor, protoreflect.Value) bool { n++; return true })
	if n != len(got) {
		t.Fatalf("Fields visited %d fields, Range %d", len(got), n)
	}
}

func TestFieldsStopsWhenAsked(t *testing.T) {
	tree, err := pg_query.Parse("SELECT a FROM t WHERE b = 1 LIMIT 3")
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	Fields(tree.Stmts[0].Stmt.GetSelectStmt().ProtoReflect(), func(protoreflect.FieldDescriptor, protoreflect.Value) bool {
		calls++
		return false
	})
	if calls != 1 {
		t.Fatalf("fn called %d times after returning false, want 1", calls)
	}
}

// TestNoRangeOverProtobufMessages fails when code in this module (tests
// aside) calls protoreflect's Range, whose field order varies between builds:
// every walk of a parse tree must go through Fields.
func TestNoRangeOverProtobufMessages(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	var offenders []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Range" || len(call.Args) != 1 {
				return true
			}
			lit, ok := call.Args[0].(*ast.FuncLit)
			if !ok || lit.Type.Params == nil || len(lit.Type.Params.List) == 0 {
				return true
			}
			if typ, ok := lit.Type.Params.List[0].Type.(*ast.SelectorExpr); ok && typ.Sel.Name == "FieldDescriptor" {
				offenders = append(offenders, fset.Position(call.Pos()).String())
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(offenders) > 0 {
		t.Fatalf("protoreflect Range used (order varies between builds; use pbwalk.Fields):\n%s", strings.Join(offenders, "\n"))
	}
}
