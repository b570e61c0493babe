package lineage

import (
	"strings"
	"sync"

	"github.com/pgveil/pgveil/catalog"
)

// This file holds the lists the analysis decides with. The rule is an
// allowlist with a denylist in front of it:
//
//   - A function is allowed when its name is a builtin whose result depends on
//     its arguments only (builtinFunctionNames, extraFunctionNames) or a pure
//     function of a common extension (extensionFunctionNames). Its result's
//     lineage is the union of its arguments' lineages.
//   - Any other function is refused: pgveil cannot see its body, so it could
//     read any table (a user-defined get_email(id) over a kept id returns a
//     masked column). Inside a view definition too: it runs for every row the
//     view reads and can leak through notices, errors or timing.
//   - A builtin's name is a name, not a function. PostgreSQL resolves an
//     unqualified call among every overload on the search_path, by argument
//     types first and search_path order only between identical ones, so
//     upper(id) runs a user's public.upper(bigint). A builtin's name that any
//     user schema defines too (catalog.Snapshot.Functions, extension members
//     included) is refused like an unknown function; pg_catalog.upper(...)
//     cannot be shadowed and stays allowed. Operators likewise
//     (Snapshot.Operators; OPERATOR(pg_catalog.+) stays allowed), the
//     written ones and those SQL implies: BETWEEN's comparisons, the = of
//     CASE x WHEN, IN (subquery) and JOIN USING/NATURAL. Extension functions
//     live in user schemas by nature and are still judged by name alone.
//   - deniedFunctions and deniedRelations are refused everywhere, inside view
//     definitions too, with a reason: they run SQL given as text, read files or
//     large objects, expose statistics samples or other sessions' statements,
//     change state, or pause (a timing oracle). Most are not on the allowlist
//     anyway; listing them gives a precise message and guards against a future
//     allowlist mistake.

// extraFunctionNames are VOLATILE builtins vetted as harmless: their result
// does not come from table data (random numbers, clocks, sizes, recovery
// state) and they change nothing.
const extraFunctionNames = `
	clock_timestamp timeofday random gen_random_uuid currval lastval current_query
	pg_database_size pg_indexes_size pg_relation_size pg_table_size pg_tablespace_size
	pg_total_relation_size pg_is_in_recovery pg_jit_available pg_blocking_pids
	pg_safe_snapshot_blocking_pids pg_partition_ancestors pg_partition_tree
	pg_collation_actual_version pg_database_collation_actual_version pg_last_wal_receive_lsn
	pg_last_wal_replay_lsn pg_last_xact_replay_timestamp pg_current_wal_lsn
	pg_current_wal_insert_lsn pg_current_wal_flush_lsn pg_is_wal_replay_paused
	pg_get_wal_replay_pause_state pg_xact_status txid_status pg_xact_commit_timestamp
	pg_xact_commit_timestamp_origin pg_last_committed_xact pg_notification_queue_usage
	pg_lock_status pg_control_checkpoint pg_control_init pg_control_recovery
	pg_control_system pg_get_backend_memory_contexts pg_get_shmem_allocations
	pg_sequence_last_value pg_get_multixact_members pg_listening_channels
	any_value random_normal array_sample array_shuffle erf erfc date_add date_subtract
	system_user pg_input_is_valid pg_input_error_info to_regtypemod pg_basetype
	uuid_extract_timestamp uuid_extract_version uuidv4 uuidv7 pg_get_wal_resource_managers
	json_scalar json_serialize`

// extensionFunctionNames are pure functions of widely used extensions
// (pg_trgm, fuzzystrmatch, unaccent, pgcrypto hashing, uuid-ossp, citext,
// hstore); names generic enough to collide with user functions are left out. They live in user schemas, so any schema may qualify them.
const extensionFunctionNames = `
	similarity word_similarity strict_word_similarity show_trgm show_limit
	levenshtein levenshtein_less_equal soundex difference metaphone dmetaphone dmetaphone_alt
	daitch_mokotoff unaccent digest hmac crypt gen_salt gen_random_bytes
	uuid_generate_v1 uuid_generate_v1mc uuid_generate_v3 uuid_generate_v4 uuid_generate_v5
	uuid_nil uuid_ns_dns uuid_ns_url uuid_ns_oid uuid_ns_x500 citext
	hstore akeys avals skeys svals hstore_to_json hstore_to_jsonb hstore_to_array
	hstore_to_matrix`

// informationSchemaFunctionNames are the helpers of information_schema that
// drivers call qualified (pgjdbc: information_schema._pg_expandarray).
const informationSchemaFunctionNames = `
	_pg_expandarray _pg_index_position _pg_truetypid _pg_truetypmod _pg_char_max_length
	_pg_char_octet_length _pg_numeric_precision _pg_numeric_precision_radix
	_pg_numeric_scale _pg_datetime_precision _pg_interval_type`

// deniedFunctions maps a function name (lower case) to why it is refused.
var deniedFunctions = map[string]string{
	"query_to_xml":                   "runs SQL given as text",
	"query_to_xml_and_xmlschema":     "runs SQL given as text",
	"query_to_xmlschema":             "runs SQL given as text",
	"cursor_to_xml":                  "reads a cursor's rows",
	"cursor_to_xmlschema":            "reads a cursor's rows",
	"ts_stat":                        "runs SQL given as text",
	"ts_rewrite":                     "runs SQL given as text",
	"crosstab":                       "runs SQL given as text",
	"crosstab2":                      "runs SQL given as text",
	"crosstab3":                      "runs SQL given as text",
	"crosstab4":                      "runs SQL given as text",
	"connectby":                      "runs SQL given as text",
	"pg_stat_get_activity":           "exposes other sessions' statement text",
	"pg_stat_get_backend_activity":   "exposes other sessions' statement text",
	"pg_stat_get_wal_receiver":       "exposes connection strings",
	"pg_stat_statements":             "exposes statement text",
	"pg_stat_statements_info":        "exposes statement statistics",
	"pg_stat_statements_reset":       "changes server state",
	"pg_prepared_statement":          "exposes prepared statement text",
	"pg_cursor":                      "exposes cursor statement text",
	"pg_prepared_xact":               "exposes prepared transactions",
	"pg_mcv_list_items":              "exposes statistics samples of column values",
	"pg_show_all_file_settings":      "reads configuration files",
	"pg_hba_file_rules":              "reads configuration files",
	"pg_ident_file_mappings":         "reads configuration files",
	"pg_stat_file":                   "reads files",
	"pg_current_logfile":             "reads server log locations",
	"loread":                         "reads large objects",
	"lowrite":                        "writes large objects",
	"set_config":                     "changes settings (and reports them back in ParameterStatus)",
	"nextval":                        "changes a sequence",
	"setval":                         "changes a sequence",
	"setseed":                        "changes session state",
	"pg_notify":                      "sends notifications (their payload bypasses masking)",
	"pg_terminate_backend":           "acts on other sessions",
	"pg_cancel_backend":              "acts on other sessions",
	"pg_reload_conf":                 "changes server state",
	"pg_rotate_logfile":              "changes server state",
	"pg_rotate_logfile_old":          "changes server state",
	"pg_promote":                     "changes server state",
	"pg_switch_wal":                  "changes server state",
	"pg_create_restore_point":        "changes server state",
	"pg_backup_start":                "changes server state",
	"pg_backup_stop":                 "changes server state",
	"pg_start_backup":                "changes server state",
	"pg_stop_backup":                 "changes server state",
	"pg_import_system_collations":    "changes the catalog",
	"pg_log_backend_memory_contexts": "changes server state",
	"pg_wal_replay_pause":            "changes server state",
	"pg_wal_replay_resume":           "changes server state",
	"pg_drop_replication_slot":       "changes server state",
	"pg_replication_slot_advance":    "changes server state",
	"pg_export_snapshot":             "changes session state",
	"get_raw_page":                   "reads raw table pages",
	"heap_page_items":                "reads raw table pages",
	"heap_page_item_attrs":           "reads raw table pages",
	"tuple_data_split":               "reads raw table pages",
	"bt_page_items":                  "reads raw index pages",
	"brin_page_items":                "reads raw index pages",
	"gin_leafpage_items":             "reads raw index pages",
	"gist_page_items":                "reads raw index pages",
	"gist_page_items_bytea":          "reads raw index pages",
	"hash_page_items":                "reads raw index pages",
	"fsm_page_contents":              "reads raw pages",
	"page_header":                    "reads raw pages",
	"pg_get_wal_record_info":         "decodes WAL: row values unmasked",
	"pg_get_wal_records_info":        "decodes WAL: row values unmasked",
	"pg_get_wal_block_info":          "decodes WAL: row values unmasked",
	"pg_get_wal_fpi_info":            "decodes WAL: row values unmasked",
	"pg_get_wal_stats":               "decodes WAL",
}

// deniedFunctionPrefixes covers families of functions.
var deniedFunctionPrefixes = []struct{ prefix, reason string }{
	{"query_to_xml", "runs SQL given as text"},
	{"table_to_xml", "reads a whole table"},
	{"schema_to_xml", "reads whole schemas"},
	{"database_to_xml", "reads the whole database"},
	{"cursor_to_xml", "reads a cursor's rows"},
	{"dblink", "runs SQL on a connection pgveil does not mask"},
	{"postgres_fdw_", "acts on foreign connections"},
	{"pg_read_", "reads files"},
	{"pg_ls_", "lists server files"},
	{"pg_file_", "writes server files"},
	{"lo_", "reads or writes large objects"},
	{"pg_sleep", "pauses execution (a timing oracle)"},
	{"pg_advisory_", "takes locks (a side channel between sessions)"},
	{"pg_try_advisory_", "takes locks (a side channel between sessions)"},
	{"pg_logical_", "decodes or writes WAL: row values unmasked"},
	{"pg_create_", "changes server state"},
	{"pg_copy_", "changes server state"},
	{"pg_replication_origin_", "changes server state"},
	{"pg_stat_reset", "changes server state"},
	{"binary_upgrade_", "changes the catalog"},
}

// deniedRelations maps a relation name (lower case, any schema) to why its
// rows are refused.
var deniedRelations = map[string]string{
	"pg_stats":                "holds statistics samples of column values",
	"pg_stats_ext":            "holds statistics samples of column values",
	"pg_stats_ext_exprs":      "holds statistics samples of column values",
	"pg_statistic":            "holds statistics samples of column values",
	"pg_statistic_ext_data":   "holds statistics samples of column values",
	"pg_stat_activity":        "holds other sessions' statement text",
	"pg_stat_statements":      "holds statement text",
	"pg_stat_statements_info": "holds statement statistics",
	"pg_prepared_statements":  "holds prepared statement text",
	"pg_cursors":              "holds cursor statement text",
	"pg_prepared_xacts":       "holds prepared transactions",
	"pg_largeobject":          "holds large object contents",
	"pg_largeobject_metadata": "describes large objects",
	"pg_user_mappings":        "holds credentials",
	"pg_user_mapping":         "holds credentials",
	"user_mapping_options":    "holds credentials",
	"_pg_user_mappings":       "holds credentials",
	"pg_authid":               "holds credentials",
	"pg_shadow":               "holds credentials",
	"pg_subscription":         "holds connection strings",
	"pg_stat_wal_receiver":    "holds connection strings",
	"pg_file_settings":        "holds configuration file contents",
	"pg_hba_file_rules":       "holds configuration file contents",
	"pg_ident_file_mappings":  "holds configuration file contents",
}

// builtinOperators are the operator names pg_catalog defines. An operator
// with another name, or qualified with another schema, is user-defined: its
// function could read any table.
const builtinOperators = `!! !~ !~* !~~ !~~* # ## #- #> #>> % & && &< &<| &> * *< *<= *<> *= *> *>=
	+ - -> ->> -|- / < <-> << <<= <<| <= <> <@ <^ = > >= >> >>= >^ ? ?# ?& ?- ?-| ?| ?||
	@ @-@ @> @? @@ @@@ ^ ^@ | |&> |/ |>> || ||/ ~ ~* ~<=~ ~<~ ~= ~>=~ ~>~ ~~ ~~*`

// knownShapes gives the output columns of set-returning builtins in FROM;
// other functions in FROM have an open shape (see nsItem).
var knownShapes = map[string][]string{
	"generate_series":           {""},
	"generate_subscripts":       {""},
	"json_array_elements":       {"value"},
	"json_array_elements_text":  {"value"},
	"jsonb_array_elements":      {"value"},
	"jsonb_array_elements_text": {"value"},
	"json_each":                 {"key", "value"},
	"json_each_text":            {"key", "value"},
	"jsonb_each":                {"key", "value"},
	"jsonb_each_text":           {"key", "value"},
	"json_object_keys":          {""},
	"jsonb_object_keys":         {""},
	"jsonb_path_query":          {""},
	"jsonb_path_query_tz":       {""},
	"regexp_matches":            {""},
	"regexp_split_to_table":     {""},
	"string_to_table":           {""},
	"pg_options_to_table":       {"option_name", "option_value"},
	"aclexplode":                {"grantor", "grantee", "privilege_type", "is_grantable"},
}

type nameSet map[string]struct{}

func fieldsSet(lists ...string) nameSet {
	s := nameSet{}
	for _, l := range lists {
		for _, f := range strings.Fields(l) {
			s[f] = struct{}{}
		}
	}
	return s
}

func (s nameSet) has(n string) bool { _, ok := s[n]; return ok }

var policy = sync.OnceValue(func() *lists {
	return &lists{
		builtins:   fieldsSet(builtinFunctionNames, extraFunctionNames),
		extensions: fieldsSet(extensionFunctionNames),
		infoSchema: fieldsSet(informationSchemaFunctionNames),
		operators:  fieldsSet(builtinOperators),
		pgCatalog:  fieldsSet(pgCatalogRelations),
		infoRels:   fieldsSet(informationSchemaRelations),
	}
})

type lists struct {
	builtins, extensions, infoSchema, operators, pgCatalog, infoRels nameSet
}

// funcVerdict is what the policy says about a function or operator name.
type funcVerdict uint8

const (
	funcUnknown  funcVerdict = iota // not known: refused (inside a view definition too)
	funcAllowed                     // a builtin (or vetted extension function): computes from its arguments
	funcDenied                      // refused everywhere, with a reason
	funcShadowed                    // a builtin's name that user schemas define too: refused like an unknown one
)

// judgeFunction decides a function called as schema.name (schema "" when
// unqualified), user being the functions user schemas define
// (catalog.Snapshot.Functions). The reason names why a function is denied,
// or in which schemas a shadowed one is also defined ("schema public").
func judgeFunction(schema, name string, user catalog.UserNames) (funcVerdict, string) {
	lower := strings.ToLower(name)
	if r, ok := deniedFunctions[lower]; ok {
		return funcDenied, r
	}
	for _, p := range deniedFunctionPrefixes {
		if strings.HasPrefix(lower, p.prefix) {
			return funcDenied, p.reason
		}
	}
	l := policy()
	switch schema {
	case "", "pg_catalog":
		if l.builtins.has(name) {
			if schemas := user.Schemas(name); schema == "" && len(schemas) > 0 {
				return funcShadowed, inSchemas(schemas)
			}
			return funcAllowed, ""
		}
		if schema == "" && l.extensions.has(name) {
			return funcAllowed, ""
		}
	case "information_schema":
		if l.infoSchema.has(name) {
			return funcAllowed, ""
		}
	default:
		if l.extensions.has(name) {
			return funcAllowed, ""
		}
	}
	return funcUnknown, ""
}

// deniedRelation reports why a relation name is refused, if it is.
func deniedRelation(name string) (string, bool) {
	r, ok := deniedRelations[strings.ToLower(name)]
	return r, ok
}

// isToastSchema reports a TOAST schema (pg_toast, pg_toast_temp_N).
func isToastSchema(schema string) bool {
	return strings.HasPrefix(strings.ToLower(schema), "pg_toast")
}

// judgeOperator decides an operator written name or OPERATOR(schema.name),
// user being the operators user schemas define (catalog.Snapshot.Operators):
// allowed when it is a builtin's name that no user schema defines, or
// qualified with pg_catalog; shadowed (with the schemas) when a user schema
// defines it too; unknown otherwise. Operators have no denied verdict.
func judgeOperator(schema, name string, user catalog.UserNames) (funcVerdict, string) {
	if (schema != "" && schema != "pg_catalog") || !policy().operators.has(name) {
		return funcUnknown, ""
	}
	if schemas := user.Schemas(name); schema == "" && len(schemas) > 0 {
		return funcShadowed, inSchemas(schemas)
	}
	return funcAllowed, ""
}

// inSchemas names schemas for a message: "schema public", "schemas a, b".
func inSchemas(schemas []string) string {
	if len(schemas) == 1 {
		return "schema " + schemas[0]
	}
	return "schemas " + strings.Join(schemas, ", ")
}
