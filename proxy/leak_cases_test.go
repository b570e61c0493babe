package proxy

// Fixtures and cases of TestLeaksMore (leak_more_test.go).

// extraCanaries plants canaries where plantCanaries does not: an IBAN, a
// large object, a TOAST chunk.
var extraCanaries = leakFixture{name: "canaries", sql: `
		UPDATE accounts SET iban = 'ZQCANARY7LEAK0000' WHERE id = (SELECT min(id) FROM accounts);
		SELECT lo_from_bytea(424242, convert_to((SELECT email FROM customers ORDER BY id LIMIT 1), 'UTF8'));
		-- Out of line and uncompressed, so the TOAST chunk holds the canary as it is.
		ALTER TABLE contacts ALTER COLUMN note SET STORAGE EXTERNAL;
		UPDATE contacts SET note = 'zqcanary7leak ' || (SELECT string_agg(md5(g::text), '') FROM generate_series(1, 100) g)
		 WHERE id = (SELECT max(id) FROM contacts);
		ANALYZE`}

// leakFixtures are what an administrator (not the proxy's client) may have
// created in the database: functions and views that read sensitive
// columns, a schema shadowing a table, extensions. The functions that emit
// text (errors, notices, settings, notifications) emit the canary row's.
var leakFixtures = []leakFixture{
	extraCanaries,
	{name: "functions", sql: `
		CREATE FUNCTION canary_email() RETURNS text LANGUAGE sql STABLE AS 'SELECT email FROM customers ORDER BY id LIMIT 1';
		CREATE FUNCTION leak_sql(i bigint) RETURNS text LANGUAGE sql STABLE AS 'SELECT email FROM customers WHERE id = i';
		CREATE FUNCTION leak_plpgsql(i bigint) RETURNS text LANGUAGE plpgsql STABLE AS
			'BEGIN RETURN (SELECT email FROM customers WHERE id = i); END';
		CREATE FUNCTION leak_definer(i bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER AS
			'SELECT email FROM customers WHERE id = i';
		CREATE FUNCTION leak_srf() RETURNS SETOF text LANGUAGE sql STABLE AS 'SELECT email FROM customers';
		CREATE FUNCTION leak_table() RETURNS TABLE (id bigint, country text) LANGUAGE sql STABLE AS
			'SELECT id, email FROM customers';
		CREATE PROCEDURE leak_proc(INOUT e text) LANGUAGE plpgsql AS 'BEGIN e := canary_email(); END';
		-- A builtin's name in a user schema, for an argument type pg_catalog
		-- does not have: the server calls it for upper(id).
		CREATE FUNCTION public.upper(i bigint) RETURNS text LANGUAGE sql STABLE AS
			'SELECT email FROM customers WHERE id = i';
		CREATE FUNCTION leak_plus(i bigint, t text) RETURNS text LANGUAGE sql STABLE AS
			'SELECT email FROM customers WHERE id = i';
		CREATE OPERATOR public.+ (LEFTARG = bigint, RIGHTARG = text, FUNCTION = leak_plus);
		-- These two raise unless pgveil_test.quiet is on (database_to_xml
		-- reads every view: its poison control must show rows, not errors).
		CREATE FUNCTION leak_raise(i bigint) RETURNS boolean LANGUAGE plpgsql AS $$
			DECLARE e text := canary_email();
			BEGIN
				IF current_setting('pgveil_test.quiet', true) = 'on' THEN RETURN true; END IF;
				RAISE EXCEPTION USING ERRCODE = upper(substr(e, 1, 5)), MESSAGE = e, DETAIL = e, HINT = e;
			END $$;
		CREATE FUNCTION leak_notice(i bigint) RETURNS boolean LANGUAGE plpgsql AS $$
			BEGIN RAISE NOTICE '%', canary_email(); RETURN true; END $$;
		CREATE FUNCTION leak_cast(i bigint) RETURNS int LANGUAGE plpgsql AS $$
			BEGIN
				IF current_setting('pgveil_test.quiet', true) = 'on' THEN RETURN 1; END IF;
				RETURN canary_email()::int;
			END $$;
		CREATE FUNCTION leak_appname(i bigint) RETURNS boolean LANGUAGE sql AS
			'SELECT set_config(''application_name'', canary_email(), false) IS NOT NULL';
		CREATE FUNCTION leak_notify(i bigint) RETURNS boolean LANGUAGE sql AS
			'SELECT pg_notify(''leakch'', canary_email()) IS NOT NULL'`},
	// Views whose author called those functions in a predicate: the
	// columns are kept ones, the text channels carry the canary.
	{name: "views", sql: `
		CREATE VIEW v_notice AS SELECT id FROM customers WHERE id = 1 AND leak_notice(id);
		CREATE VIEW v_raise AS SELECT id FROM customers WHERE leak_raise(id);
		CREATE VIEW v_cast AS SELECT id FROM customers WHERE leak_cast(id) > 0;
		CREATE VIEW v_appname AS SELECT id FROM customers WHERE id = 1 AND leak_appname(id);
		CREATE VIEW v_email AS SELECT id, email AS contact FROM customers;
		CREATE SCHEMA shadow;
		CREATE VIEW shadow.customers AS SELECT id, email AS country FROM public.customers`},
	{name: "dblink", optional: true, sql: `CREATE EXTENSION dblink`},
	// Usable only when preloaded (shared_preload_libraries).
	{name: "pg_stat_statements", optional: true, sql: `CREATE EXTENSION pg_stat_statements; SELECT 1 FROM pg_stat_statements LIMIT 1`},
	{name: "file_fdw", optional: true, sql: `
		CREATE EXTENSION file_fdw;
		CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
		CREATE FOREIGN TABLE ft_passwd (line text) SERVER files OPTIONS (filename '/etc/passwd', format 'text', delimiter E'\x01')`},
	{name: "postgres_fdw", optional: true, sql: `
		CREATE EXTENSION postgres_fdw;
		CREATE SERVER loopback FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '{{host}}', port '{{port}}', dbname '{{dbname}}');
		CREATE USER MAPPING FOR CURRENT_USER SERVER loopback OPTIONS (user '{{user}}', password '{{password}}');
		CREATE FOREIGN TABLE ft_customers (id bigint, email text) SERVER loopback OPTIONS (table_name 'customers')`},
}

// passwd is a line every /etc/passwd has.
const passwd = "root:x:0:0:"

const (
	computed  = "computed"   // Values computed from sensitive columns
	hidden    = "hidden"     // Queries that hide where a column comes from
	noRowDesc = "no-rowdesc" // Rows that come without a RowDescription
	textChan  = "text"       // Text channels around the rows
	catalogs  = "catalog"    // Catalogs and functions that hold or fetch data
	writes    = "write"      // Writes used to copy data somewhere unmasked
)

func one(class, sql string, want expectation) seqCase {
	return seqCase{class: class, steps: []string{sql}, want: want}
}

var moreLeakCases = []seqCase{
	// Values computed from sensitive columns.
	one(computed, "SELECT mode() WITHIN GROUP (ORDER BY email DESC) FROM customers", refused),
	one(computed, "SELECT percentile_disc(1) WITHIN GROUP (ORDER BY email) FROM customers", refused),
	one(computed, "SELECT percentile_disc(ARRAY[0.5, 1]) WITHIN GROUP (ORDER BY email) FROM customers", refused),
	one(computed, "SELECT lead(email) OVER (ORDER BY id DESC) FROM customers", refused),
	one(computed, "SELECT nth_value(email, 1) OVER (ORDER BY id) FROM customers", refused),
	one(computed, "SELECT last_value(first_name) OVER (ORDER BY id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM customers", refused),
	one(computed, "SELECT min(email) FROM customers WHERE id = (SELECT min(id) FROM customers)", refused),
	one(computed, "SELECT id, min(email) FROM customers GROUP BY id", refused),
	one(computed, "SELECT customer_code, max(first_name) FROM customers GROUP BY customer_code", refused),
	one(computed, "SELECT json_object_agg(id, email) FROM customers", refused),
	one(computed, "SELECT xmlagg(xmlelement(name e, email)) FROM customers", refused),
	one(computed, "SELECT jsonb_build_array(email) FROM customers", refused),
	one(computed, "SELECT row(c.*)::text FROM customers c", refused),
	one(computed, "SELECT (customers).first_name FROM customers", answered),
	one(computed, "SELECT split_part(email, '@', 1) FROM customers", refused),
	one(computed, "SELECT translate(email, 'x', 'x') FROM customers", refused),
	one(computed, "SELECT regexp_replace(email, 'x', 'x') FROM customers", refused),
	one(computed, "SELECT upper(first_name) FROM customers", refused),
	one(computed, "SELECT quote_literal(email) FROM customers", refused),
	one(computed, "SELECT to_json(email) FROM customers", refused),
	one(computed, "SELECT CAST(email AS text) FROM customers", refused),
	one(computed, "SELECT email::name FROM customers", refused),
	one(computed, "SELECT iban || '' FROM accounts", refused),
	one(computed, "SELECT email AS country FROM customers", answered),
	one(computed, `SELECT first_name "id" FROM customers`, answered),
	one(computed, "SELECT t.id FROM (SELECT email AS id FROM customers) t", answered),

	// Queries that hide where a column comes from.
	one(hidden, "SELECT (SELECT email FROM customers c2 WHERE c2.id = c.id) FROM customers c", answered),
	one(hidden, "SELECT * FROM (SELECT email FROM customers) AS t(id)", answered),
	one(hidden, "SELECT e FROM customers, LATERAL (VALUES (email)) v(e)", answered),
	one(hidden, "SELECT x FROM unnest(ARRAY(SELECT email FROM customers)) x", refused),
	one(hidden, "WITH x AS MATERIALIZED (SELECT email AS id FROM customers) SELECT id FROM x", answered),
	one(hidden, "SELECT email FROM customers EXCEPT SELECT 'x'", refused),
	one(hidden, "VALUES ((SELECT max(email) FROM customers))", refused),
	one(hidden, "TABLE customers", answered),
	one(hidden, "SELECT * FROM customers NATURAL JOIN (SELECT id, email FROM customers) x", answered),
	one(hidden, "SELECT * FROM jsonb_to_record(to_jsonb((SELECT c FROM customers c ORDER BY id LIMIT 1))) AS x(email text)", refused),
	one(hidden, "SELECT contact FROM v_email", answered),
	// Functions an administrator created, called by the client.
	one(hidden, "SELECT leak_sql(id) FROM customers", refused),
	one(hidden, "SELECT leak_plpgsql(id) FROM customers", refused),
	one(hidden, "SELECT leak_definer(id) FROM customers", refused),
	one(hidden, "SELECT * FROM leak_srf()", refused),
	one(hidden, "SELECT leak_srf()", refused),
	one(hidden, "SELECT t.country FROM leak_table() t", refused),
	one(hidden, "SELECT x FROM ROWS FROM (leak_srf()) x", refused),
	one(hidden, "CALL leak_proc(NULL)", refused),
	one(hidden, "SELECT public.upper(id) FROM customers", refused),
	// Overload resolution picks the user's function for a builtin's name.
	one(hidden, "SELECT upper(id) FROM customers", anyAnswer),
	one(hidden, "SELECT id + 'x'::text FROM customers", anyAnswer),
	// search_path and a view shadowing the table's name.
	{class: hidden, steps: []string{"SET search_path = shadow, public", "SELECT country FROM customers"}, want: answered,
		cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET search_path = ShAdOw", "SELECT country, id FROM customers"}, want: answered,
		cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{`SET search_path TO "$user", "shadow", public`, "SELECT country FROM customers"}, want: answered,
		cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET search_path = pg_catalog, public", "SELECT email FROM customers"}, want: answered,
		cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET SCHEMA 'shadow'", "SELECT country FROM customers"}, cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET search_path = shadow, public; SELECT country FROM customers"}, cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"BEGIN", "SET LOCAL search_path = shadow, public", "SELECT country FROM customers"}, want: answered},
	{class: hidden, steps: []string{"SELECT set_config('search_path', 'shadow, public', false)", "SELECT country FROM customers"},
		first: refused, want: answered, cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"BEGIN", "SET search_path = shadow, public", "ROLLBACK", "SELECT country FROM customers"},
		want: answered, noControl: "the rollback undoes the change: country is the kept column again", cleanup: []string{"RESET search_path"}},
	// The reverse: the rollback restores a path the proxy must not forget.
	{class: hidden, steps: []string{"SET search_path = shadow, public", "BEGIN", "SET search_path = public", "ROLLBACK",
		"SELECT country FROM customers"}, autocommit: true, cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET search_path = shadow, public", "BEGIN", "SAVEPOINT s", "SET search_path = public",
		"ROLLBACK TO SAVEPOINT s", "COMMIT", "SELECT country FROM customers"}, autocommit: true, cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET search_path = shadow, public", "BEGIN", "SET search_path = public", "SELECT 1/0", "COMMIT",
		"SELECT country FROM customers"}, autocommit: true, cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET search_path = shadow, public", "BEGIN", "SAVEPOINT s", "SET LOCAL search_path = public",
		"ROLLBACK TO SAVEPOINT s", "SELECT country FROM customers"}, autocommit: true, cleanup: []string{"RESET search_path"}},
	{class: hidden, steps: []string{"SET search_path = shadow, public", "BEGIN; SET search_path = public; ROLLBACK; SELECT country FROM customers"},
		autocommit: true, cleanup: []string{"RESET search_path"}},
	// Identifiers: case folding, quoting, qualification.
	one(hidden, "SELECT Email FROM customers", answered),
	one(hidden, "SELECT EMAIL FROM PUBLIC.CUSTOMERS", answered),
	one(hidden, "SELECT public.customers.email FROM public.customers", answered),
	one(hidden, `SELECT "C".email FROM customers "C"`, answered),
	one(hidden, `SELECT U&"!0065mail" UESCAPE '!' FROM customers`, answered),
	{class: hidden, steps: []string{`SELECT "EMAIL" FROM customers`}, want: refused, noControl: `"EMAIL" does not exist: the server errors too`},
	// SQL-level PREPARE/EXECUTE and cursors.
	{class: hidden, steps: []string{"PREPARE p AS SELECT email FROM customers", "EXECUTE p"}, first: refused, want: refused,
		cleanup: []string{"DEALLOCATE ALL"}},
	{class: hidden, steps: []string{"PREPARE p(bigint) AS SELECT email AS id FROM customers WHERE id > $1", "EXECUTE p(0)"}, first: refused, want: refused,
		cleanup: []string{"DEALLOCATE ALL"}},
	{class: hidden, steps: []string{"PREPARE p AS SELECT lower(email) FROM customers", "EXECUTE p"}, first: refused, want: refused,
		cleanup: []string{"DEALLOCATE ALL"}},
	{class: hidden, steps: []string{"PREPARE p AS SELECT email FROM customers", "CREATE TEMP TABLE t AS EXECUTE p", "SELECT * FROM t"},
		first: refused, want: refused, cleanup: []string{"DEALLOCATE ALL"}},
	{class: hidden, steps: []string{"PREPARE p AS SELECT email FROM customers; EXECUTE p"}, cleanup: []string{"DEALLOCATE ALL"}},
	{class: hidden, steps: []string{"BEGIN", "DECLARE c CURSOR FOR SELECT email FROM customers", "FETCH ALL c"}, want: refused},
	{class: hidden, steps: []string{"BEGIN", "DECLARE c BINARY CURSOR FOR SELECT email FROM customers", "FETCH ALL FROM c"}, want: refused},
	{class: hidden, steps: []string{"DECLARE c CURSOR WITH HOLD FOR SELECT email FROM customers", "FETCH ALL c"}, want: refused,
		cleanup: []string{"CLOSE ALL"}},
	{class: hidden, steps: []string{"BEGIN", "DECLARE c SCROLL CURSOR FOR SELECT email FROM customers ORDER BY id", "MOVE LAST IN c", "FETCH ABSOLUTE 1 FROM c"},
		want: refused},
	{class: hidden, steps: []string{"BEGIN", "DECLARE c CURSOR FOR SELECT id FROM customers", "FETCH ALL c"}, want: refused,
		noControl: "ids are kept: the cursor itself is what is refused"},

	// Rows that come without a RowDescription.
	one(noRowDesc, "COPY customers TO STDOUT (FORMAT binary)", refused),
	one(noRowDesc, "COPY (SELECT email FROM customers) TO STDOUT WITH CSV", refused),
	one(noRowDesc, "COPY (SELECT email AS id FROM customers) TO STDOUT (FORMAT text)", refused),
	one(noRowDesc, "COPY customers (email) TO STDOUT WITH (FORMAT csv, HEADER)", refused),
	one(noRowDesc, "COPY (TABLE customers) TO STDOUT (FORMAT binary)", refused),
	one(noRowDesc, "COPY contacts TO STDOUT", refused),
	one(noRowDesc, "COPY (SELECT contact FROM v_email) TO STDOUT", refused),

	// Text channels around the rows.
	one(textChan, "SELECT set_config('application_name', email, false) FROM customers", refused),
	one(textChan, "SELECT set_config('application_name', (SELECT email FROM customers ORDER BY id LIMIT 1), false)", refused),
	{class: textChan, steps: []string{"SELECT set_config('pgveil.x', (SELECT email FROM customers ORDER BY id LIMIT 1), false)",
		"SELECT current_setting('pgveil.x')"}, first: refused},
	{class: textChan, steps: []string{"SELECT id FROM v_appname"}, cleanup: []string{"RESET application_name"}},
	one(textChan, "SELECT id FROM v_notice", anyAnswer),
	{class: textChan, steps: []string{"SELECT id FROM v_raise"}, markers: []string{"ZQCAN"}},
	one(textChan, "SELECT id FROM v_cast", anyAnswer),
	{class: textChan, steps: []string{"SELECT leak_raise(id) FROM customers"}, want: refused, markers: []string{"ZQCAN"}},
	{class: textChan, steps: []string{"DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = (SELECT upper(substr(email, 1, 5)) FROM customers ORDER BY id LIMIT 1); END $$"},
		want: refused, markers: []string{"ZQCAN"}},
	one(textChan, "DO $$ BEGIN RAISE EXCEPTION 'x' USING DETAIL = (SELECT email FROM customers ORDER BY id LIMIT 1); END $$", refused),
	one(textChan, "DO $$ BEGIN RAISE WARNING 'x' USING HINT = (SELECT email FROM customers ORDER BY id LIMIT 1); END $$", refused),
	one(textChan, "SELECT iban::numeric FROM accounts WHERE id = (SELECT min(id) FROM accounts)", refused),
	one(textChan, "SELECT email::regclass FROM customers WHERE id = (SELECT min(id) FROM customers)", refused),
	one(textChan, "SELECT first_name::regrole FROM customers WHERE id = (SELECT min(id) FROM customers)", refused),
	one(textChan, "SELECT email::date FROM customers WHERE id = (SELECT min(id) FROM customers)", refused),
	one(textChan, "SELECT xmlparse(document email) FROM customers WHERE id = (SELECT min(id) FROM customers)", refused),
	one(textChan, `SELECT ('{"a":' || first_name || '}')::jsonb FROM customers WHERE id = (SELECT min(id) FROM customers)`, refused),
	// The cast in a predicate: nothing computed is output, the error text is.
	one(textChan, "SELECT id FROM (SELECT id, email FROM customers WHERE id = (SELECT min(id) FROM customers) OFFSET 0) s WHERE email::int > 0", refused),
	{class: textChan, steps: []string{"LISTEN leakch", "SELECT pg_notify('leakch', email) FROM customers"}, first: refused, want: refused, autocommit: true},
	{class: textChan, steps: []string{"LISTEN leakch", "SELECT id FROM customers WHERE leak_notify(id)"}, first: refused, want: refused, autocommit: true},

	// Catalogs and functions that hold or fetch data.
	{class: catalogs, steps: []string{"PREPARE pz AS SELECT id FROM customers WHERE email = 'zqcanary7leak@example.com'",
		"SELECT statement FROM pg_prepared_statements"}, want: refused, cleanup: []string{"DEALLOCATE ALL"}},
	{class: catalogs, steps: []string{"BEGIN", "DECLARE cz CURSOR FOR SELECT id FROM customers WHERE email = 'zqcanary7leak@example.com'",
		"SELECT statement FROM pg_cursors"}, want: refused},
	{class: catalogs, steps: []string{"SELECT id FROM customers WHERE email = 'zqcanary7leak@example.com'",
		"SELECT query FROM pg_stat_statements"}, want: refused, needs: "pg_stat_statements"},
	{class: catalogs, steps: []string{"SELECT pg_read_file('/etc/passwd')"}, want: refused, markers: []string{passwd}},
	{class: catalogs, steps: []string{"SELECT pg_catalog.pg_read_file('/etc/passwd', 0, 200)"}, want: refused, markers: []string{passwd}},
	{class: catalogs, steps: []string{"SELECT pg_read_binary_file('/etc/passwd')"}, want: refused, markers: []string{passwd}},
	{class: catalogs, steps: []string{"SELECT convert_from(pg_read_binary_file('/etc/passwd'), 'UTF8')"}, want: refused, markers: []string{passwd}},
	{class: catalogs, steps: []string{"SELECT lo_import('/etc/passwd', 434343)", "SELECT lo_get(434343)"}, want: refused, markers: []string{passwd}},
	one(catalogs, "SELECT lo_get(424242)", refused),
	one(catalogs, "SELECT loread(lo_open(424242, 262144), 100)", refused),
	one(catalogs, "SELECT data FROM pg_largeobject", refused),
	one(catalogs, "SELECT * FROM pg_catalog.pg_largeobject WHERE loid = 424242", refused),
	{class: catalogs, steps: []string{"SELECT * FROM dblink('{{conn}}', 'SELECT email FROM customers') AS t(e text)"},
		want: refused, needs: "dblink"},
	{class: catalogs, steps: []string{"SELECT * FROM public.dblink('{{conn}}', 'SELECT email FROM customers') AS t(country text)"},
		want: refused, needs: "dblink"},
	{class: catalogs, steps: []string{"SELECT * FROM nowhere.dblink('x', 'SELECT email FROM customers') AS t(e text)"},
		want: refused, noControl: "no such function: the proxy refuses the name alone"},
	{class: catalogs, steps: []string{"SELECT dblink_exec('{{conn}}', 'UPDATE customers SET country = country')"},
		want: refused, noControl: "a write over another connection: nothing to show"},
	one(catalogs, "SELECT * FROM ts_stat('SELECT to_tsvector(''simple'', email) FROM customers')", refused),
	{class: catalogs, steps: []string{"BEGIN", "DECLARE c CURSOR FOR SELECT email FROM customers", "SELECT cursor_to_xml('c', 300, false, true, '')"}, want: refused},
	{class: catalogs, steps: []string{"SET pgveil_test.quiet = on", "SELECT database_to_xml(true, true, '')"}, want: refused,
		cleanup: []string{"RESET pgveil_test.quiet"}},
	one(catalogs, "SELECT schema_to_xml('shadow', true, true, '')", refused),
	one(catalogs, "SELECT query_to_xml_and_xmlschema('SELECT email FROM customers', true, true, '')", refused),
	one(catalogs, "SELECT stavalues1 FROM pg_statistic", refused),
	one(catalogs, "SELECT * FROM pg_catalog.pg_statistic", refused),
	one(catalogs, "SELECT histogram_bounds FROM pg_stats WHERE tablename = 'accounts' AND attname = 'iban'", refused),
	one(catalogs, "SELECT chunk_data FROM {{toast}}", refused),
	{class: catalogs, steps: []string{"SELECT line FROM ft_passwd"}, want: refused, markers: []string{passwd}, needs: "file_fdw"},
	{class: catalogs, steps: []string{"SELECT email FROM ft_customers"}, want: refused, needs: "postgres_fdw"},
	{class: catalogs, steps: []string{"SELECT umoptions FROM pg_user_mappings"}, want: refused, markers: []string{"{{password}}"}, needs: "postgres_fdw"},

	// Writes used to copy data somewhere unmasked: the direct run shows the
	// copy when the write is read back (and is rolled back).
	{class: writes, steps: []string{"INSERT INTO tickets (customer_id, status) SELECT id, email FROM customers", "SELECT status FROM tickets"}, first: refused},
	{class: writes, steps: []string{"MERGE INTO tickets t USING customers c ON false WHEN NOT MATCHED THEN INSERT (customer_id, status) VALUES (c.id, c.email)",
		"SELECT status FROM tickets"}, first: refused},
	{class: writes, steps: []string{"UPDATE tickets SET status = c.email FROM customers c WHERE c.id = tickets.customer_id", "SELECT status FROM tickets"}, first: refused},
	{class: writes, steps: []string{"CREATE VIEW v_copy AS SELECT id, email AS country FROM customers", "SELECT country FROM v_copy"}, first: refused},
	{class: writes, steps: []string{"CREATE TEMP VIEW v_tmp AS SELECT email AS id FROM customers", "SELECT id FROM v_tmp"}, first: refused},
	{class: writes, steps: []string{"CREATE MATERIALIZED VIEW mv_copy AS SELECT email AS status FROM customers", "SELECT status FROM mv_copy"}, first: refused},
	one(writes, "WITH u AS (UPDATE customers SET country = country RETURNING email) SELECT email FROM u", refused),
	one(writes, "INSERT INTO tickets (status) SELECT email FROM customers RETURNING status", refused),
	{class: writes, steps: []string{"SET ROLE {{user}}"}, want: refused, noControl: "changes privileges; shows no data itself"},
	{class: writes, steps: []string{"SET SESSION AUTHORIZATION {{user}}"}, want: refused, noControl: "changes privileges; shows no data itself"},
	{class: writes, steps: []string{"SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"}, want: refused, noControl: "a setting; shows no data itself"},
	{class: writes, steps: []string{"START TRANSACTION READ WRITE"}, want: refused, noControl: "a setting; shows no data itself"},
	{class: writes, steps: []string{"BEGIN", "SET TRANSACTION READ WRITE"}, want: refused, noControl: "a setting; shows no data itself"},
	{class: writes, steps: []string{"BEGIN", "SET transaction_read_only = off"}, want: refused, noControl: "a setting; shows no data itself"},
	{class: writes, steps: []string{"COPY customers TO '/tmp/pgveil-leak-test.csv'"}, want: refused, noControl: "writes a server file"},
	{class: writes, steps: []string{"SELECT lo_export(424242, '/tmp/pgveil-leak-test.lo')"}, want: refused, noControl: "writes a server file"},
}
