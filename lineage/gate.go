package lineage

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/pbwalk"
	"github.com/pgveil/pgveil/rules"
)

// The statement gate: statement decides, for every kind of statement, in
// one switch, and refuses any kind it does not list (fail closed). Allowed:
// SELECT (no row locks, no INTO), VALUES, TABLE, SHOW, SET/RESET of
// harmless settings, transaction control without READ WRITE, EXPLAIN
// without ANALYZE of a SELECT, DEALLOCATE and DISCARD. After the analysis,
// safetyNet walks the whole parse tree generically, so that no data-holding
// catalog, denied or shadowed function, shadowed operator, nested write or
// locking clause escapes through a node kind the analysis did not expect.

// analyzeStatement analyses one parsed statement.
func analyzeStatement(n *pg.Node, snap *catalog.Snapshot, r *rules.Rules, opt Options) Statement {
	a := newAnalyzer(snap, r, opt)
	st := a.statement(n)
	if a.refusal == nil {
		a.safetyNet(n)
	}
	if a.refusal != nil {
		st = Statement{Class: ClassRefused, Refusal: a.refusal}
	}
	st.TouchesSensitive = a.touches
	st.Unresolved = a.unresolved
	st.constDependent = a.constRead
	return st
}

// statement dispatches on the statement kind.
func (a *analyzer) statement(n *pg.Node) Statement {
	switch v := n.GetNode().(type) {
	case *pg.Node_SelectStmt:
		s := v.SelectStmt
		class := ClassSelect
		if len(s.ValuesLists) > 0 && s.Op == pg.SetOperation_SETOP_NONE {
			class = ClassValues
		}
		return Statement{Class: class, Columns: a.outputs(a.query(s, nil))}
	case *pg.Node_ExplainStmt:
		return a.explain(v.ExplainStmt)
	case *pg.Node_VariableShowStmt:
		return a.show(v.VariableShowStmt)
	case *pg.Node_VariableSetStmt:
		return a.set(v.VariableSetStmt)
	case *pg.Node_TransactionStmt:
		return a.transaction(v.TransactionStmt)
	case *pg.Node_DeallocateStmt:
		return Statement{Class: ClassDeallocate}
	case *pg.Node_DiscardStmt:
		return Statement{Class: ClassDiscard}
	}
	a.refuseStatement(n)
	return Statement{}
}

// outputs turns the result columns into their public form and refuses a
// value derived from sensitive data: it cannot be masked (a mask applies to
// a column's own values), so it must not be sent.
func (a *analyzer) outputs(cols []col) []OutputColumn {
	out := make([]OutputColumn, 0, len(cols))
	for _, c := range cols {
		oc := c.l.output(c.name)
		oc.Many = c.many
		if oc.Many && oc.Name == "" {
			oc.Name = "*"
		}
		if oc.Sensitive && oc.Direct == nil && !a.stopped() {
			if ref, ok := c.l.firstSensitive(); ok && !oc.Uncertain {
				a.refuse("42501", fmt.Sprintf("pgveil: output column %q is computed from masked column %s", oc.Name, ref),
					"select the column itself to get its masked value")
			} else {
				a.refuse("42501", fmt.Sprintf("pgveil: output column %q comes from where pgveil cannot establish, so it is treated as masked", oc.Name),
					"select base table columns directly")
			}
		}
		out = append(out, oc)
	}
	return out
}

// explain allows EXPLAIN of a SELECT without ANALYZE: the plan shows no
// row values, but ANALYZE executes the statement and reports row counts
// (a predicate oracle). The inner statement passes the same checks.
func (a *analyzer) explain(e *pg.ExplainStmt) Statement {
	for _, o := range e.Options {
		d := o.GetDefElem()
		if d == nil {
			a.refuse("42501", "pgveil: EXPLAIN option not understood", "")
			break
		}
		switch d.Defname {
		case "analyze":
			if a.defBool(d.Arg) {
				a.refuse("42501", "pgveil: EXPLAIN ANALYZE is refused: it runs the statement and reports row counts",
					"use EXPLAIN without ANALYZE")
			}
		case "verbose", "costs", "settings", "buffers", "timing", "summary", "format", "generic_plan", "memory", "wal":
		default:
			a.refuse("42501", fmt.Sprintf("pgveil: EXPLAIN option %s is not allowed", d.Defname), "")
		}
	}
	sel := e.Query.GetSelectStmt()
	if sel == nil {
		a.refuse("42501", fmt.Sprintf("pgveil: EXPLAIN of %s is refused", nodeName(e.Query)), "EXPLAIN a SELECT instead")
		return Statement{}
	}
	a.query(sel, nil)
	return Statement{Class: ClassExplain, Columns: []OutputColumn{{Name: "QUERY PLAN"}}}
}

// defBool and constString record that the verdict depends on a constant's
// value, so that Cache never reuses it for other constants.
func (a *analyzer) defBool(n *pg.Node) bool {
	a.constRead = true
	return defBool(n)
}

func (a *analyzer) constString(n *pg.Node) (string, bool) {
	a.constRead = true
	return constString(n)
}

// defBool reads a boolean option value; a missing value means true.
func defBool(n *pg.Node) bool {
	if n == nil {
		return true
	}
	switch v := n.Node.(type) {
	case *pg.Node_String_:
		return !isFalse(v.String_.Sval)
	case *pg.Node_Integer:
		return v.Integer.Ival != 0
	case *pg.Node_Boolean:
		return v.Boolean.Boolval
	case *pg.Node_AConst:
		s, _ := constString(n)
		return !isFalse(s)
	}
	return true
}

// parseBool reads a boolean as PostgreSQL's parse_bool does: any prefix of
// true, false, yes or no, on, a prefix of off of two letters or more, 1 or
// 0, case-insensitively; ok is false for anything else.
func parseBool(s string) (val, ok bool) {
	v := strings.ToLower(s)
	switch {
	case v == "":
		return false, false
	case strings.HasPrefix("true", v), strings.HasPrefix("yes", v), v == "on", v == "1":
		return true, true
	case strings.HasPrefix("false", v), strings.HasPrefix("no", v), len(v) >= 2 && strings.HasPrefix("off", v), v == "0":
		return false, true
	}
	return false, false
}

// isFalse: the value is one PostgreSQL reads as false ('f', 'of', 'no'...).
func isFalse(s string) bool {
	v, ok := parseBool(s)
	return ok && !v
}

// isOn: the value is one PostgreSQL reads as true; anything it would not
// read as a boolean is not.
func isOn(s string) bool {
	v, ok := parseBool(s)
	return ok && v
}

// secretSettings hold credentials or commands; the upstream role should not
// be able to read them anyway.
var secretSettings = map[string]bool{
	"primary_conninfo": true, "ssl_passphrase_command": true, "archive_command": true,
	"restore_command": true, "archive_cleanup_command": true, "recovery_end_command": true,
}

func (a *analyzer) show(s *pg.VariableShowStmt) Statement {
	name := strings.ToLower(s.Name)
	if secretSettings[name] {
		a.refuse("42501", fmt.Sprintf("pgveil: SHOW %s is refused: the setting may hold credentials", name), "")
		return Statement{}
	}
	if name == "all" {
		return Statement{Class: ClassShow, Columns: []OutputColumn{{Name: "name"}, {Name: "setting"}, {Name: "description"}}}
	}
	return Statement{Class: ClassShow, Columns: []OutputColumn{{Name: name}}}
}

// settableSettings may be changed with SET: they affect formatting,
// timeouts, name resolution and planning, never privileges or read-only
// mode. enable_* planner switches are allowed too.
var settableSettings = map[string]bool{
	"search_path": true, "statement_timeout": true, "lock_timeout": true,
	"idle_in_transaction_session_timeout": true, "idle_session_timeout": true, "transaction_timeout": true,
	"datestyle": true, "intervalstyle": true, "timezone": true, "client_encoding": true,
	"application_name": true, "extra_float_digits": true, "bytea_output": true,
	"standard_conforming_strings": true, "client_min_messages": true,
	"default_transaction_isolation": true, "default_transaction_deferrable": true,
	"transaction_isolation": true, "transaction_deferrable": true,
	"lc_monetary": true, "lc_numeric": true, "lc_time": true, "xmloption": true, "xmlbinary": true,
	"timezone_abbreviations": true, "default_text_search_config": true, "array_nulls": true,
	"backslash_quote": true, "escape_string_warning": true, "quote_all_identifiers": true,
	"work_mem": true, "hash_mem_multiplier": true, "random_page_cost": true, "seq_page_cost": true,
	"cpu_tuple_cost": true, "cpu_index_tuple_cost": true, "cpu_operator_cost": true,
	"effective_cache_size": true, "effective_io_concurrency": true, "jit": true,
	"geqo": true, "geqo_threshold": true, "from_collapse_limit": true, "join_collapse_limit": true,
	"plan_cache_mode": true, "max_parallel_workers_per_gather": true, "parallel_setup_cost": true,
	"parallel_tuple_cost": true, "constraint_exclusion": true, "cursor_tuple_fraction": true,
	"gin_fuzzy_search_limit": true,
}

// readOnlySettings may only be set to on: off would let writes through.
var readOnlySettings = map[string]bool{"default_transaction_read_only": true, "transaction_read_only": true}

func (a *analyzer) set(s *pg.VariableSetStmt) Statement {
	st := Statement{Class: ClassSet, Setting: &Setting{Name: strings.ToLower(s.Name), Local: s.IsLocal}}
	switch s.Kind {
	case pg.VariableSetKind_VAR_RESET_ALL:
		st.Setting = &Setting{All: true}
		return st
	case pg.VariableSetKind_VAR_SET_MULTI:
		return a.setTransaction(s, st)
	case pg.VariableSetKind_VAR_SET_VALUE:
		for _, arg := range s.Args {
			v, ok := a.constString(arg)
			if !ok {
				a.refuse("42501", fmt.Sprintf("pgveil: SET %s with this value is not understood", st.Setting.Name), "")
				return st
			}
			st.Setting.Values = append(st.Setting.Values, v)
		}
	case pg.VariableSetKind_VAR_SET_DEFAULT, pg.VariableSetKind_VAR_RESET:
		st.Setting.Reset = true
	default:
		a.refuse("42501", fmt.Sprintf("pgveil: SET %s FROM CURRENT is refused", st.Setting.Name), "")
		return st
	}
	name := st.Setting.Name
	switch {
	case name == "standard_conforming_strings":
		// Off, the server reads backslashes in strings as escapes, which
		// pg_query never does: the analysis would see other statements
		// than the server runs.
		if !st.Setting.Reset && (len(st.Setting.Values) != 1 || !isOn(st.Setting.Values[0])) {
			a.refuse("42501", "pgveil: standard_conforming_strings must stay on: pgveil reads statements as PostgreSQL does with it on", "")
		}
	case name == "client_encoding":
		if !st.Setting.Reset && (len(st.Setting.Values) != 1 || !SafeClientEncoding(st.Setting.Values[0])) {
			a.refuse("42501", "pgveil: this client_encoding is refused: its multibyte characters can hide quotes and backslashes from pgveil's analysis",
				"use UTF8")
		}
	case settableSettings[name] || strings.HasPrefix(name, "enable_"):
	case readOnlySettings[name]:
		if st.Setting.Reset || len(st.Setting.Values) != 1 || !isOn(st.Setting.Values[0]) {
			a.refuse("42501", fmt.Sprintf("pgveil: changing %s is refused: pgveil is read-only", name), "")
		}
	case name == "role" || name == "session_authorization":
		a.refuse("42501", fmt.Sprintf("pgveil: SET or RESET %s is refused: the upstream role is pgveil's own",
			strings.ToUpper(strings.ReplaceAll(name, "_", " "))), "")
	default:
		a.refuse("42501", fmt.Sprintf("pgveil: SET %s is refused: only settings that change formatting, timeouts, search_path or planning may be set", name),
			"set it on the server for the role pgveil connects as, if it is needed")
	}
	return st
}

// setTransaction handles SET TRANSACTION and SET SESSION CHARACTERISTICS
// AS TRANSACTION: isolation and DEFERRABLE are fine, READ WRITE is not.
func (a *analyzer) setTransaction(s *pg.VariableSetStmt, st Statement) Statement {
	switch strings.ToLower(s.Name) {
	case "transaction", "session characteristics":
	default:
		a.refuse("42501", fmt.Sprintf("pgveil: SET %s is refused", strings.ToUpper(s.Name)), "")
		return st
	}
	st.Setting = &Setting{Name: "transaction"}
	a.transactionModes(s.Args)
	return st
}

func (a *analyzer) transactionModes(opts []*pg.Node) {
	for _, o := range opts {
		d := o.GetDefElem()
		if d == nil {
			a.refuse("42501", "pgveil: transaction mode not understood", "")
			return
		}
		switch d.Defname {
		case "transaction_isolation", "transaction_deferrable":
		case "transaction_read_only":
			if !a.defBool(d.Arg) {
				a.refuse("42501", "pgveil: READ WRITE transactions are refused: pgveil is read-only", "use BEGIN or BEGIN READ ONLY")
			}
		default:
			a.refuse("42501", fmt.Sprintf("pgveil: transaction mode %s is not allowed", d.Defname), "")
		}
	}
}

func (a *analyzer) transaction(t *pg.TransactionStmt) Statement {
	st := Statement{Class: ClassTransaction}
	switch t.Kind {
	case pg.TransactionStmtKind_TRANS_STMT_COMMIT:
		st.TxEnd = TxEndCommit
	case pg.TransactionStmtKind_TRANS_STMT_ROLLBACK:
		st.TxEnd = TxEndRollback
	case pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:
		st.TxEnd = TxEndRollbackTo
	}
	switch t.Kind {
	case pg.TransactionStmtKind_TRANS_STMT_BEGIN, pg.TransactionStmtKind_TRANS_STMT_START:
		a.transactionModes(t.Options)
	case pg.TransactionStmtKind_TRANS_STMT_COMMIT, pg.TransactionStmtKind_TRANS_STMT_ROLLBACK,
		pg.TransactionStmtKind_TRANS_STMT_SAVEPOINT, pg.TransactionStmtKind_TRANS_STMT_RELEASE,
		pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:
	default:
		a.refuse("42501", "pgveil: two-phase commit statements are refused", "")
	}
	return st
}

// constString renders a SET value or option: strings, numbers, booleans.
func constString(n *pg.Node) (string, bool) {
	switch v := n.GetNode().(type) {
	case *pg.Node_AConst:
		switch c := v.AConst.Val.(type) {
		case *pg.A_Const_Sval:
			return c.Sval.Sval, true
		case *pg.A_Const_Ival:
			return strconv.Itoa(int(c.Ival.Ival)), true
		case *pg.A_Const_Fval:
			return c.Fval.Fval, true
		case *pg.A_Const_Boolval:
			return strconv.FormatBool(c.Boolval.Boolval), true
		case nil:
			return "", !v.AConst.Isnull
		}
	case *pg.Node_TypeCast: // SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE
		return constString(v.TypeCast.Arg)
	}
	return "", false
}

// refuseStatement refuses every statement kind statement does not allow,
// with a reason for the common ones.
func (a *analyzer) refuseStatement(n *pg.Node) {
	kind := nodeName(n)
	readOnly := "pgveil is read-only: writes go to the database directly"
	switch n.GetNode().(type) {
	case *pg.Node_InsertStmt, *pg.Node_UpdateStmt, *pg.Node_DeleteStmt, *pg.Node_MergeStmt:
		a.refuse("42501", fmt.Sprintf("pgveil: %s is refused", strings.ToUpper(strings.TrimSuffix(kind, "Stmt"))), readOnly)
	case *pg.Node_CreateTableAsStmt:
		a.refuse("42501", "pgveil: CREATE TABLE AS and CREATE MATERIALIZED VIEW are refused", readOnly)
	case *pg.Node_CopyStmt:
		a.refuse("0A000", "pgveil: COPY is not supported", "use SELECT (psql's \\copy runs COPY too)")
	case *pg.Node_DoStmt:
		a.refuse("42501", "pgveil: DO blocks are refused: their code cannot be analysed", "")
	case *pg.Node_CallStmt:
		a.refuse("42501", "pgveil: CALL is refused: procedures run code pgveil cannot analyse", "")
	case *pg.Node_PrepareStmt, *pg.Node_ExecuteStmt:
		a.refuse("42501", "pgveil: SQL-level PREPARE and EXECUTE are refused",
			"use your driver's prepared statements (the extended query protocol), which pgveil supports")
	case *pg.Node_DeclareCursorStmt, *pg.Node_FetchStmt, *pg.Node_ClosePortalStmt:
		a.refuse("0A000", "pgveil: cursors (DECLARE, FETCH, MOVE, CLOSE) are not supported yet",
			"run the query without a cursor; in psql, unset FETCH_COUNT")
	case *pg.Node_ListenStmt, *pg.Node_NotifyStmt, *pg.Node_UnlistenStmt:
		a.refuse("42501", "pgveil: LISTEN, NOTIFY and UNLISTEN are refused: notification payloads bypass masking", "")
	case *pg.Node_LockStmt:
		a.refuse("42501", "pgveil: LOCK is refused", readOnly)
	case *pg.Node_VacuumStmt:
		a.refuse("42501", "pgveil: VACUUM and ANALYZE are refused", "run maintenance on the database directly")
	case nil:
		a.refuse("42601", "pgveil: empty statement", "")
	default:
		if words, ok := statementWords[kind]; ok {
			kind = words
		}
		a.refuse("42501", fmt.Sprintf("pgveil: %s is refused: only read-only statements pass through pgveil", kind), readOnly)
	}
}

// statementWords names common refused statements the way users write them.
var statementWords = map[string]string{
	"CreateStmt": "CREATE TABLE", "ViewStmt": "CREATE VIEW", "IndexStmt": "CREATE INDEX",
	"CreateFunctionStmt": "CREATE FUNCTION", "CreateSchemaStmt": "CREATE SCHEMA", "CreateSeqStmt": "CREATE SEQUENCE",
	"CreateExtensionStmt": "CREATE EXTENSION", "CreateRoleStmt": "CREATE ROLE", "CreateTrigStmt": "CREATE TRIGGER",
	"AlterTableStmt": "ALTER TABLE", "AlterRoleStmt": "ALTER ROLE", "AlterSystemStmt": "ALTER SYSTEM",
	"AlterDatabaseSetStmt": "ALTER DATABASE", "AlterRoleSetStmt": "ALTER ROLE ... SET", "RenameStmt": "ALTER ... RENAME",
	"DropStmt": "DROP", "TruncateStmt": "TRUNCATE", "GrantStmt": "GRANT or REVOKE", "GrantRoleStmt": "GRANT or REVOKE",
	"CommentStmt": "COMMENT", "RefreshMatViewStmt": "REFRESH MATERIALIZED VIEW", "ClusterStmt": "CLUSTER",
	"ReindexStmt": "REINDEX", "CheckPointStmt": "CHECKPOINT", "LoadStmt": "LOAD", "CreatedbStmt": "CREATE DATABASE",
	"DropdbStmt": "DROP DATABASE", "RuleStmt": "CREATE RULE", "CreatePolicyStmt": "CREATE POLICY",
	"SecLabelStmt": "SECURITY LABEL", "ConstraintsSetStmt": "SET CONSTRAINTS", "ReassignOwnedStmt": "REASSIGN OWNED",
	"DropOwnedStmt": "DROP OWNED", "ImportForeignSchemaStmt": "IMPORT FOREIGN SCHEMA",
}

// shadowedOperator refuses an operator written with a builtin's name that
// a user schema defines too (for the safety net: the analysis also refuses
// unknown operators and checks the ones SQL implies).
func (a *analyzer) shadowedOperator(name []*pg.Node) {
	if len(name) == 0 {
		return
	}
	schema, op := qualifiedName(name)
	if v, _ := judgeOperator(schema, op, a.snap.Operators); v == funcShadowed {
		a.operator(schema, op, "")
	}
}

// safetyNet walks every node of the statement, whatever its kind, and
// refuses denied relations and functions, functions and operators written
// with a builtin's name that a user schema defines too, nested statements
// other than SELECT, INTO and locking clauses. It duplicates checks the
// analysis makes on the paths it understands, for the paths it might not.
func (a *analyzer) safetyNet(n *pg.Node) {
	root := n.GetNode()
	if root == nil {
		return
	}
	var visit func(m protoreflect.Message, top bool)
	visit = func(m protoreflect.Message, top bool) {
		if a.stopped() {
			return
		}
		switch v := m.Interface().(type) {
		case *pg.RangeVar:
			if reason, ok := deniedRelation(v.Relname); ok {
				a.refuse("42501", fmt.Sprintf("pgveil: %s cannot be read: it %s", v.Relname, reason), "")
			}
			if isToastSchema(v.Schemaname) {
				a.refuse("42501", "pgveil: TOAST tables cannot be read", "")
			}
		case *pg.FuncCall:
			schema, name := funcName(v.Funcname)
			switch verdict, reason := judgeFunction(schema, name, a.snap.Functions); verdict {
			case funcDenied:
				a.refuse("42501", fmt.Sprintf("pgveil: function %s is refused: it %s", displayName(schema, name), reason), "")
			case funcShadowed:
				a.shadowedFunction(name, reason)
			}
		case *pg.A_Expr:
			switch v.Kind {
			case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN,
				pg.A_Expr_Kind_AEXPR_BETWEEN_SYM, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
			default:
				a.shadowedOperator(v.Name)
			}
		case *pg.SubLink:
			a.shadowedOperator(v.OperName)
		case *pg.SortBy:
			a.shadowedOperator(v.UseOp)
		case *pg.TypeName:
			// A cast to a user domain (written anywhere: a cast, a column
			// definition list) runs the domain's CHECK constraints, which
			// may call a function that reads any table.
			if schema, name := qualifiedName(v.Names); schema != "pg_catalog" && a.snap.Domains.Schemas(name) != nil {
				a.unknown(lin{}, fmt.Sprintf("type %s is a domain defined in this database: its checks may run any code", name),
					"cast to its base type instead")
			}
		case *pg.IntoClause:
			a.refuse("42501", "pgveil: INTO is refused: pgveil is read-only", "")
		case *pg.LockingClause:
			a.refuse("42501", "pgveil: row locks are refused: pgveil is read-only", "")
		default:
			name := string(m.Descriptor().Name())
			if !top && strings.HasSuffix(name, "Stmt") && name != "SelectStmt" {
				a.refuse("42501", fmt.Sprintf("pgveil: a nested %s is refused", name), "")
			}
		}
		pbwalk.Fields(m, func(fd protoreflect.FieldDescriptor, val protoreflect.Value) bool {
			if fd.Message() == nil || fd.IsMap() {
				return true
			}
			if fd.IsList() {
				l := val.List()
				for i := 0; i < l.Len(); i++ {
					visit(l.Get(i).Message(), false)
				}
				return true
			}
			visit(val.Message(), false)
			return true
		})
	}
	// The Node wrapper holds the statement itself in its one set field.
	pbwalk.Fields(n.ProtoReflect(), func(_ protoreflect.FieldDescriptor, val protoreflect.Value) bool {
		visit(val.Message(), true)
		return true
	})
}

// safeEncodings are the client encodings in which every byte below 0x80 is
// the ASCII character (no multibyte character has an ASCII trailing byte),
// so quotes and backslashes are where pg_query, reading UTF-8, sees them.
// SJIS, BIG5, GBK, UHC, GB18030 and JOHAB are not. Names as PostgreSQL
// matches them: lower case, letters and digits only, aliases included.
var safeEncodings = map[string]bool{
	"utf8": true, "unicode": true, "sqlascii": true,
	"latin1": true, "latin2": true, "latin3": true, "latin4": true, "latin5": true,
	"latin6": true, "latin7": true, "latin8": true, "latin9": true, "latin10": true,
	"iso88591": true, "iso88592": true, "iso88593": true, "iso88594": true, "iso88595": true,
	"iso88596": true, "iso88597": true, "iso88598": true, "iso88599": true, "iso885910": true,
	"iso885913": true, "iso885914": true, "iso885915": true, "iso885916": true,
	"win866": true, "win874": true, "win1250": true, "win1251": true, "win1252": true, "win1253": true,
	"win1254": true, "win1255": true, "win1256": true, "win1257": true, "win1258": true,
	"windows866": true, "windows874": true, "windows1250": true, "windows1251": true, "windows1252": true,
	"windows1253": true, "windows1254": true, "windows1255": true, "windows1256": true,
	"windows1257": true, "windows1258": true, "koi8": true, "koi8r": true, "koi8u": true,
	"eucjp": true, "euccn": true, "euckr": true, "euctw": true, "eucjis2004": true,
}

// SafeClientEncoding reports whether statements sent in this client
// encoding tokenize the same for pg_query as for the server. The proxy
// checks the server-reported encoding with it too.
func SafeClientEncoding(name string) bool {
	var b []byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return safeEncodings[string(b)]
}
