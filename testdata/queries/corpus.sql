-- pgveil query corpus: analytical and debugging queries over the sample
-- schema (testdata/schema.sql, rules in testdata/pgveil.yaml), written for
-- this repository. proxy/corpus_test.go (TestQueryCorpus) runs every query
-- directly on PostgreSQL (each must succeed: the validity control) and
-- through the proxy under both postures, and measures how many are refused.
--
-- Format. Every entry is
--
--   -- name: <id> | masked: <columns> | kind: <analytical|debugging>
--   <query text: one or more lines, no trailing semicolon>
--   ;
--
-- - The header is one line starting with "-- name:"; its fields are
--   separated by " | ", each "key: value", in this order.
-- - name: a unique short id ([a-z0-9-]+).
-- - masked: "none", or a comma-separated list of the masked columns the
--   query reads anywhere (output, predicates, joins, grouping, ordering,
--   function arguments), each schema.table.column; schema.table.* stands
--   for every masked column of the table (SELECT *, whole-row references).
--   Kept columns (rules: keep) are not listed.
-- - kind: analytical (reports, aggregates, TPC-H/TPC-DS style) or
--   debugging (what an ops engineer types on a production incident).
-- - The query text is every line after the header up to a line holding
--   only ";" (which ends the entry and is not part of the text). The text
--   holds no line that is only ";" and no line starting with "-- name:".
-- - Lines between entries are blank or "--" comments and are ignored.
--
-- The file also runs as it is with psql -f (the ";" lines end statements).
-- Tables with rows: none (audit_log) are left out: refusing them is the
-- rule, not a limitation. The literal values (e-mails, IBANs, codes) are
-- those of the generator's output (go run ./testdata/gen -scale 0.05); a
-- query that matches nothing is still a valid query.

-- ===================================================================
-- Lookups: one customer, account, card, ticket
-- ===================================================================

-- name: cust-by-email | masked: public.customers.customer_code, public.customers.full_name, public.customers.email, public.customers.phone, public.customers.city | kind: debugging
SELECT id, customer_code, full_name, email, phone, city, country
FROM customers
WHERE email = 'lucrezia_marras1@gmail.com'
;

-- name: cust-by-code-star | masked: public.customers.* | kind: debugging
SELECT * FROM customers WHERE customer_code = 'CU-45945868'
;

-- name: acct-by-iban | masked: public.accounts.iban, public.accounts.balance | kind: debugging
SELECT id, customer_id, iban, currency, balance, opened_on
FROM accounts
WHERE iban = 'IT84V4174957866801566537281'
;

-- name: acct-by-iban-normalised | masked: public.accounts.iban | kind: debugging
SELECT id, customer_id, currency
FROM accounts
WHERE upper(replace(iban, ' ', '')) = 'IT84V4174957866801566537281'
;

-- name: card-by-last4 | masked: public.payment_cards.card_number, public.payment_cards.holder_name | kind: debugging
SELECT id, account_id, holder_name, expires_on
FROM payment_cards
WHERE right(card_number, 4) = '6659'
;

-- name: card-by-number | masked: public.payment_cards.card_number, public.payment_cards.holder_name, public.accounts.iban | kind: debugging
SELECT pc.id, pc.holder_name, pc.expires_on, a.iban
FROM payment_cards pc
JOIN accounts a ON a.id = pc.account_id
WHERE pc.card_number = '5249648425046659'
;

-- name: cust-by-phone-in | masked: public.customers.full_name, public.customers.phone, public.customers.fax | kind: debugging
SELECT id, full_name, phone, fax
FROM customers
WHERE phone IN ('+39 320 323 7019', '+49 89 28511611')
   OR fax IN ('+39 320 323 7019')
;

-- name: cust-by-lastname-prefix | masked: public.customers.first_name, public.customers.last_name, public.customers.email | kind: debugging
SELECT id, first_name, last_name, email
FROM customers
WHERE last_name ILIKE 'marr%'
ORDER BY last_name, first_name
;

-- name: cust-email-case-insensitive | masked: public.customers.email, public.customers.full_name | kind: debugging
SELECT id, full_name
FROM customers
WHERE lower(email) = lower('Lucrezia_Marras1@Gmail.com')
;

-- name: contacts-of-customer | masked: public.contacts.first_name, public.contacts.last_name, public.contacts.email, public.contacts.phone | kind: debugging
SELECT id, role, first_name, last_name, email, phone
FROM contacts
WHERE customer_id = 42
ORDER BY role, id
;

-- name: user-by-login | masked: public.users.login_email, public.users.badge_code, public.users.display_name | kind: debugging
SELECT id, display_name, badge_code, role, created_at
FROM users
WHERE login_email = 'agnese.zanetti2@helpdesk.finestra-banking.eu'
;

-- name: user-by-badge | masked: public.users.badge_code, public.users.display_name | kind: debugging
SELECT id, display_name, role FROM users WHERE badge_code = 'U1O3-7129'
;

-- name: tickets-of-customer-email | masked: public.tickets.subject, public.customers.email | kind: debugging
SELECT t.id, t.status, t.subject, t.opened_at
FROM tickets t
JOIN customers c ON c.id = t.customer_id
WHERE c.email = 'jansen.malte3@posteo.de'
ORDER BY t.opened_at DESC
;

-- name: ticket-by-id | masked: public.tickets.subject, public.tickets.body | kind: debugging
SELECT id, customer_id, assigned_to, status, subject, body, tags
FROM tickets
WHERE id = 17
;

-- name: tickets-body-search | masked: public.tickets.subject, public.tickets.body | kind: debugging
SELECT id, status, subject
FROM tickets
WHERE body ILIKE '%SEPA%'
ORDER BY opened_at DESC
LIMIT 20
;

-- name: tickets-mentioning-own-email | masked: public.tickets.body, public.customers.email | kind: debugging
SELECT t.id, t.customer_id, t.status
FROM tickets t
JOIN customers c ON c.id = t.customer_id
WHERE position(c.email IN t.body) > 0
ORDER BY t.id
;

-- name: cust-fax-present | masked: public.customers.fax | kind: debugging
SELECT count(*) FROM customers WHERE fax IS NOT NULL
;

-- name: contact-shares-customer-email | masked: public.contacts.email, public.customers.email | kind: debugging
SELECT k.id, k.customer_id, k.role
FROM contacts k
JOIN customers c ON c.email = k.email
WHERE k.role <> 'primary'
ORDER BY k.id
;

-- name: primary-contact-email-mismatch | masked: public.customers.email, public.contacts.email | kind: debugging
SELECT c.id, c.email, k.email AS contact_email
FROM customers c
JOIN contacts k ON k.customer_id = c.id AND k.role = 'primary'
WHERE k.email IS DISTINCT FROM c.email
;

-- name: cust-unreachable | masked: public.customers.full_name, public.customers.phone, public.customers.fax | kind: debugging
SELECT id, full_name FROM customers WHERE phone IS NULL AND fax IS NULL
;

-- name: cust-by-id-list | masked: public.customers.first_name, public.customers.last_name, public.customers.birth_date, public.customers.street, public.customers.postcode, public.customers.city | kind: debugging
SELECT id, first_name, last_name, birth_date, street, postcode, city
FROM customers
WHERE id = ANY ('{1,2,3,5,8}'::bigint[])
ORDER BY id
;

-- name: cust-by-name-pair | masked: public.customers.first_name, public.customers.last_name, public.customers.email | kind: debugging
SELECT id, email FROM customers WHERE first_name = 'Malte' AND last_name = 'Jansen'
;

-- name: cust-fullname-contains | masked: public.customers.full_name | kind: debugging
SELECT id, country FROM customers WHERE full_name LIKE '%Green%'
;

-- name: accounts-of-customer | masked: public.accounts.iban, public.accounts.balance | kind: debugging
SELECT id, iban, currency, balance, opened_on
FROM accounts
WHERE customer_id = 7
ORDER BY opened_on
;

-- name: cards-of-customer | masked: public.payment_cards.card_number, public.payment_cards.holder_name | kind: debugging
SELECT pc.id, pc.card_number, pc.holder_name, pc.expires_on
FROM payment_cards pc
JOIN accounts a ON a.id = pc.account_id
WHERE a.customer_id = 7
ORDER BY pc.id
;

-- name: cust-by-birth-date | masked: public.customers.full_name, public.customers.birth_date | kind: debugging
SELECT id, full_name FROM customers WHERE birth_date = DATE '1965-03-18'
;

-- name: acct-overdrawn | masked: public.accounts.balance | kind: debugging
SELECT id, customer_id, currency, balance
FROM accounts
WHERE balance < 0
ORDER BY balance
LIMIT 20
;

-- name: cust-by-address | masked: public.customers.full_name, public.customers.street, public.customers.postcode, public.customers.city | kind: debugging
SELECT id, full_name, street
FROM customers
WHERE postcode = '34113' AND city = 'Trieste'
;

-- name: contacts-note-with-iban | masked: public.contacts.note | kind: debugging
SELECT id, customer_id, role
FROM contacts
WHERE note ~* '[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}'
;

-- name: contacts-notes-of-customer | masked: public.contacts.note | kind: debugging
SELECT id, role, note FROM contacts WHERE customer_id = 1 AND note IS NOT NULL
;

-- name: order-by-lastname | masked: public.customers.first_name, public.customers.last_name, public.customers.city | kind: debugging
SELECT id, last_name, first_name, city
FROM customers
WHERE country = 'BE'
ORDER BY last_name, first_name
;

-- name: accounts-sorted-by-iban | masked: public.accounts.iban | kind: debugging
SELECT iban, currency FROM accounts ORDER BY iban LIMIT 20
;

-- name: distinct-legal-surnames | masked: public.contacts.last_name | kind: debugging
SELECT DISTINCT last_name FROM contacts WHERE role = 'legal'
;

-- name: cust-born-sixties | masked: public.customers.birth_date | kind: analytical
SELECT count(*) FROM customers WHERE birth_date BETWEEN '1960-01-01' AND '1969-12-31'
;

-- name: acct-rounded-balance | masked: public.accounts.balance | kind: debugging
SELECT id, balance::int AS rounded, round(balance, -2) AS hundreds
FROM accounts
WHERE customer_id = 10
;

-- name: cust-fax-or-dash | masked: public.customers.fax | kind: debugging
SELECT id, coalesce(fax, '-') AS fax FROM customers WHERE country = 'DE' ORDER BY id
;

-- ===================================================================
-- Balances (the amounts are masked: bucketed)
-- ===================================================================

-- name: bal-by-currency | masked: public.accounts.balance | kind: analytical
SELECT currency, count(*) AS accounts, sum(balance) AS total, avg(balance)::numeric(14,2) AS mean
FROM accounts
GROUP BY currency
ORDER BY total DESC
;

-- name: bal-by-country-currency | masked: public.accounts.balance | kind: analytical
SELECT c.country, a.currency, sum(a.balance) AS total, count(DISTINCT c.id) AS customers
FROM accounts a
JOIN customers c ON c.id = a.customer_id
GROUP BY c.country, a.currency
ORDER BY c.country, a.currency
;

-- name: top-customers-by-balance | masked: public.customers.full_name, public.accounts.balance | kind: analytical
SELECT c.id, c.full_name, sum(a.balance) AS total
FROM customers c
JOIN accounts a ON a.customer_id = c.id
WHERE a.currency = 'EUR'
GROUP BY c.id, c.full_name
ORDER BY total DESC
LIMIT 10
;

-- name: bal-median | masked: public.accounts.balance | kind: analytical
SELECT currency, percentile_cont(0.5) WITHIN GROUP (ORDER BY balance) AS median_balance
FROM accounts
GROUP BY currency
;

-- name: bal-histogram | masked: public.accounts.balance | kind: analytical
SELECT width_bucket(balance, -50000, 150000, 20) AS bucket, count(*)
FROM accounts
GROUP BY 1
ORDER BY 1
;

-- name: bal-by-open-year | masked: public.accounts.balance | kind: analytical
SELECT date_trunc('year', opened_on)::date AS year, count(*) AS accounts, sum(balance) AS total
FROM accounts
GROUP BY 1
ORDER BY 1
;

-- name: overdrawn-share-by-country | masked: public.accounts.balance | kind: analytical
SELECT c.country,
       count(*) FILTER (WHERE a.balance < 0) AS overdrawn,
       count(*) AS total,
       round(100.0 * count(*) FILTER (WHERE a.balance < 0) / count(*), 1) AS pct
FROM accounts a
JOIN customers c ON c.id = a.customer_id
GROUP BY c.country
ORDER BY pct DESC
;

-- name: bal-rank-in-country | masked: public.accounts.iban, public.accounts.balance | kind: analytical
SELECT c.country, c.id, a.iban, a.balance,
       rank() OVER (PARTITION BY c.country ORDER BY a.balance DESC) AS rnk
FROM accounts a
JOIN customers c ON c.id = a.customer_id
ORDER BY c.country, rnk
LIMIT 50
;

-- name: bal-running-total | masked: public.accounts.balance | kind: analytical
SELECT opened_on, balance, sum(balance) OVER (ORDER BY opened_on, id) AS running
FROM accounts
WHERE currency = 'EUR'
ORDER BY opened_on, id
;

-- name: bal-quartiles | masked: public.accounts.balance | kind: analytical
SELECT ntile(4) OVER (ORDER BY balance) AS quartile, id, customer_id
FROM accounts
;

-- name: bal-share-of-customer | masked: public.accounts.balance | kind: analytical
SELECT customer_id, id, balance,
       balance / nullif(sum(balance) OVER (PARTITION BY customer_id), 0) AS share
FROM accounts
ORDER BY customer_id, id
;

-- name: cust-multi-currency | masked: public.customers.full_name | kind: analytical
SELECT c.id, c.full_name, array_agg(DISTINCT a.currency) AS currencies
FROM customers c
JOIN accounts a ON a.customer_id = c.id
GROUP BY c.id, c.full_name
HAVING count(DISTINCT a.currency) > 1
;

-- name: wealth-segments | masked: public.accounts.balance | kind: analytical
WITH per_customer AS (
    SELECT customer_id, sum(balance) AS total
    FROM accounts
    GROUP BY customer_id
)
SELECT CASE WHEN total < 0 THEN 'negative'
            WHEN total < 10000 THEN 'small'
            WHEN total < 100000 THEN 'medium'
            ELSE 'large' END AS segment,
       count(*) AS customers
FROM per_customer
GROUP BY 1
ORDER BY 1
;

-- name: best-balance-scalar | masked: public.customers.email, public.accounts.balance | kind: analytical
SELECT c.id, c.email,
       (SELECT max(a.balance) FROM accounts a WHERE a.customer_id = c.id) AS best_balance
FROM customers c
WHERE c.country = 'LU'
;

-- name: iban-country-vs-currency | masked: public.accounts.iban | kind: analytical
SELECT left(iban, 2) AS iban_country, currency, count(*)
FROM accounts
GROUP BY 1, 2
ORDER BY 1, 2
;

-- name: iban-abroad | masked: public.accounts.iban | kind: analytical
SELECT c.country, substr(a.iban, 1, 2) AS iban_country, count(*)
FROM accounts a
JOIN customers c ON c.id = a.customer_id
WHERE substr(a.iban, 1, 2) <> c.country
GROUP BY 1, 2
ORDER BY 3 DESC
;

-- name: iban-format-check | masked: public.accounts.iban | kind: debugging
SELECT id, iban
FROM accounts
WHERE iban !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]+$'
   OR length(iban) NOT BETWEEN 15 AND 34
;

-- name: accounts-per-customer | masked: none | kind: analytical
SELECT n_accounts, count(*) AS customers
FROM (SELECT customer_id, count(*) AS n_accounts FROM accounts GROUP BY customer_id) s
GROUP BY n_accounts
ORDER BY n_accounts
;

-- name: accounts-opened-by-month | masked: none | kind: analytical
SELECT date_trunc('month', opened_on)::date AS month, currency, count(*)
FROM accounts
GROUP BY 1, 2
ORDER BY 1, 2
;

-- ===================================================================
-- Cards
-- ===================================================================

-- name: card-brand-mix | masked: public.payment_cards.card_number | kind: analytical
SELECT CASE left(card_number, 1)
            WHEN '4' THEN 'visa'
            WHEN '5' THEN 'mastercard'
            WHEN '3' THEN 'amex'
            ELSE 'other' END AS brand,
       count(*)
FROM payment_cards
GROUP BY 1
ORDER BY 2 DESC
;

-- name: cards-expiring-with-email | masked: public.payment_cards.holder_name, public.customers.email | kind: debugging
SELECT pc.id, pc.holder_name, pc.expires_on, c.email
FROM payment_cards pc
JOIN accounts a ON a.id = pc.account_id
JOIN customers c ON c.id = a.customer_id
WHERE pc.expires_on < DATE '2027-01-01'
ORDER BY pc.expires_on
;

-- name: cards-expiry-by-month | masked: none | kind: analytical
SELECT date_trunc('month', expires_on)::date AS month, count(*)
FROM payment_cards
GROUP BY 1
ORDER BY 1
;

-- name: holder-not-customer | masked: public.payment_cards.holder_name, public.customers.full_name | kind: debugging
SELECT pc.id, pc.holder_name, c.full_name
FROM payment_cards pc
JOIN accounts a ON a.id = pc.account_id
JOIN customers c ON c.id = a.customer_id
WHERE pc.holder_name <> c.full_name
;

-- name: card-display-last4 | masked: public.payment_cards.card_number, public.payment_cards.holder_name | kind: debugging
SELECT id, '**** **** **** ' || right(card_number, 4) AS card, holder_name
FROM payment_cards
ORDER BY id
LIMIT 20
;

-- name: cards-per-account | masked: none | kind: analytical
SELECT account_id, count(*) AS cards, min(expires_on), max(expires_on)
FROM payment_cards
GROUP BY account_id
HAVING count(*) > 1
ORDER BY cards DESC
;

-- name: card-number-lengths | masked: public.payment_cards.card_number | kind: debugging
SELECT length(card_number) AS digits, count(*) FROM payment_cards GROUP BY 1
;

-- ===================================================================
-- Customers: demographics, names, addresses, contact data
-- ===================================================================

-- name: email-domains | masked: public.customers.email | kind: analytical
SELECT split_part(email, '@', 2) AS domain, count(*)
FROM customers
GROUP BY 1
ORDER BY 2 DESC
LIMIT 15
;

-- name: email-domain-by-country | masked: public.customers.email | kind: analytical
SELECT country, lower(substring(email FROM '@(.*)$')) AS domain, count(*)
FROM customers
GROUP BY 1, 2
ORDER BY 1, 3 DESC
;

-- name: top-first-names | masked: public.customers.first_name | kind: analytical
SELECT first_name, count(*)
FROM customers
GROUP BY first_name
ORDER BY count(*) DESC, first_name
LIMIT 20
;

-- name: name-length-stats | masked: public.customers.last_name, public.customers.full_name | kind: analytical
SELECT country, avg(length(last_name))::numeric(5,2) AS avg_last, max(length(full_name)) AS max_full
FROM customers
GROUP BY country
ORDER BY country
;

-- name: age-bands | masked: public.customers.birth_date | kind: analytical
SELECT (date_part('year', age(DATE '2025-01-01', birth_date))::int / 10) * 10 AS decade, count(*)
FROM customers
GROUP BY 1
ORDER BY 1
;

-- name: birth-decade-by-country | masked: public.customers.birth_date | kind: analytical
SELECT country, date_trunc('decade', birth_date)::date AS decade, count(*)
FROM customers
GROUP BY 1, 2
ORDER BY 1, 2
;

-- name: oldest-customers | masked: public.customers.full_name, public.customers.birth_date | kind: analytical
SELECT id, full_name, birth_date FROM customers ORDER BY birth_date LIMIT 10
;

-- name: birthdays-in-march | masked: public.customers.first_name, public.customers.email, public.customers.birth_date | kind: analytical
SELECT id, first_name, email
FROM customers
WHERE extract(month FROM birth_date) = 3
ORDER BY extract(day FROM birth_date), id
;

-- name: birth-range-by-country | masked: public.customers.birth_date | kind: analytical
SELECT country, min(birth_date) AS oldest, max(birth_date) AS youngest
FROM customers
GROUP BY country
;

-- name: top-cities | masked: public.customers.city | kind: analytical
SELECT city, country, count(*)
FROM customers
GROUP BY city, country
ORDER BY count(*) DESC
LIMIT 20
;

-- name: distinct-cities-per-country | masked: public.customers.city, public.customers.postcode | kind: analytical
SELECT country, count(DISTINCT city) AS cities, count(DISTINCT postcode) AS postcodes
FROM customers
GROUP BY country
;

-- name: postcode-regions | masked: public.customers.postcode | kind: analytical
SELECT country, left(postcode, 2) AS region, count(*)
FROM customers
WHERE country IN ('IT', 'FR', 'DE')
GROUP BY 1, 2
ORDER BY 1, 2
;

-- name: distinct-italian-cities | masked: public.customers.city | kind: analytical
SELECT DISTINCT city FROM customers WHERE country = 'IT' ORDER BY city
;

-- name: street-types | masked: public.customers.street | kind: analytical
SELECT split_part(street, ' ', 1) AS street_type, count(*)
FROM customers
WHERE country = 'IT'
GROUP BY 1
ORDER BY 2 DESC
;

-- name: signup-cohorts | masked: none | kind: analytical
SELECT date_trunc('year', created_at) AS cohort, country, count(*)
FROM customers
GROUP BY 1, 2
ORDER BY 1, 2
;

-- name: customers-per-country | masked: none | kind: analytical
SELECT country, count(*) FROM customers GROUP BY country ORDER BY 2 DESC
;

-- name: duplicate-names | masked: public.customers.first_name, public.customers.last_name | kind: debugging
SELECT first_name, last_name, count(*)
FROM customers
GROUP BY first_name, last_name
HAVING count(*) > 1
;

-- name: name-initials | masked: public.customers.first_name, public.customers.last_name | kind: analytical
SELECT left(first_name, 1) || '. ' || upper(last_name) AS short_name, country
FROM customers
ORDER BY id
LIMIT 25
;

-- name: initcap-names | masked: public.customers.full_name | kind: debugging
SELECT id, initcap(lower(full_name)) AS name FROM customers WHERE country = 'DE' ORDER BY id LIMIT 20
;

-- name: display-label | masked: public.customers.first_name, public.customers.last_name, public.customers.email | kind: debugging
SELECT id, concat(last_name, ', ', first_name, ' <', email, '>') AS label
FROM customers
ORDER BY id
LIMIT 20
;

-- name: reach-channel | masked: public.customers.email, public.customers.phone, public.customers.fax | kind: debugging
SELECT id, coalesce(phone, fax, email) AS reach FROM customers ORDER BY id LIMIT 20
;

-- name: phone-e164 | masked: public.customers.phone | kind: debugging
SELECT id, regexp_replace(phone, '[^0-9+]', '', 'g') AS phone_e164 FROM customers ORDER BY id LIMIT 20
;

-- name: phone-prefix-by-country | masked: public.customers.phone | kind: analytical
SELECT country, split_part(phone, ' ', 1) AS prefix, count(*)
FROM customers
GROUP BY 1, 2
ORDER BY 1, 3 DESC
;

-- name: birth-date-as-text | masked: public.customers.birth_date | kind: debugging
SELECT id, to_char(birth_date, 'DD/MM/YYYY') AS born, birth_date::text AS iso
FROM customers
ORDER BY id
LIMIT 10
;

-- name: email-and-code-cast | masked: public.customers.email, public.customers.customer_code | kind: debugging
SELECT id, email::text, cast(customer_code AS text) AS code FROM customers ORDER BY id LIMIT 10
;

-- name: customer-code-number | masked: public.customers.customer_code | kind: debugging
SELECT id, substring(customer_code FROM 4)::bigint AS code_no FROM customers ORDER BY id LIMIT 10
;

-- name: upper-email-gb | masked: public.customers.email | kind: debugging
SELECT upper(email) FROM customers WHERE country = 'GB'
;

-- name: customer-ages | masked: public.customers.full_name, public.customers.birth_date | kind: debugging
SELECT id, full_name, age(birth_date) FROM customers WHERE country = 'NL' ORDER BY id
;

-- name: birth-month-histogram | masked: public.customers.birth_date | kind: analytical
SELECT date_trunc('month', birth_date)::date AS month, count(*) FROM customers GROUP BY 1 ORDER BY 1
;

-- ===================================================================
-- The JSON profile
-- ===================================================================

-- name: json-nickname | masked: public.customers.profile | kind: debugging
SELECT id, profile ->> 'nickname' AS nickname
FROM customers
WHERE profile ? 'nickname'
ORDER BY id
LIMIT 20
;

-- name: json-city-counts | masked: public.customers.profile | kind: analytical
SELECT profile -> 'address' ->> 'city' AS city, count(*)
FROM customers
GROUP BY 1
ORDER BY 2 DESC
;

-- name: json-language | masked: public.customers.profile | kind: analytical
SELECT profile #>> '{preferences,language}' AS lang, count(*)
FROM customers
GROUP BY 1
ORDER BY 2 DESC
;

-- name: json-newsletter | masked: public.customers.profile | kind: analytical
SELECT count(*) FROM customers WHERE profile @> '{"preferences": {"newsletter": true}}'
;

-- name: json-path-phones | masked: public.customers.profile | kind: debugging
SELECT id, jsonb_path_query(profile, '$.phones[*]') AS phone FROM customers WHERE id <= 20
;

-- name: json-phone-count | masked: public.customers.profile | kind: analytical
SELECT jsonb_array_length(profile -> 'phones') AS phones, count(*)
FROM customers
WHERE profile IS NOT NULL
GROUP BY 1
ORDER BY 1
;

-- name: json-email-drift | masked: public.customers.email, public.customers.profile | kind: debugging
SELECT id, email, profile ->> 'email' AS profile_email
FROM customers
WHERE profile IS NOT NULL AND profile ->> 'email' IS DISTINCT FROM email
;

-- name: json-keys | masked: public.customers.profile | kind: analytical
SELECT key, count(*)
FROM customers, jsonb_object_keys(profile) AS key
GROUP BY key
ORDER BY 2 DESC
;

-- name: json-lateral-phones | masked: public.customers.profile | kind: debugging
SELECT c.id, p.phone
FROM customers c
CROSS JOIN LATERAL jsonb_array_elements_text(c.profile -> 'phones') AS p(phone)
WHERE c.country = 'FR'
ORDER BY c.id
;

-- name: json-profile-raw | masked: public.customers.profile | kind: debugging
SELECT id, profile FROM customers WHERE id = 3
;

-- name: json-city-drift | masked: public.customers.city, public.customers.profile | kind: debugging
SELECT count(*) FROM customers WHERE profile -> 'address' ->> 'city' <> city
;

-- name: json-preferences | masked: public.customers.profile | kind: debugging
SELECT id, profile -> 'preferences' AS prefs FROM customers ORDER BY id LIMIT 10
;

-- name: json-second-phone | masked: public.customers.profile | kind: analytical
SELECT count(*) FROM customers WHERE jsonb_path_exists(profile, '$.phones[1]')
;

-- ===================================================================
-- Contacts
-- ===================================================================

-- name: contacts-per-role | masked: none | kind: analytical
SELECT role, count(*) FROM contacts GROUP BY role ORDER BY 2 DESC
;

-- name: contacts-people-list | masked: public.contacts.first_name, public.contacts.last_name | kind: analytical
SELECT customer_id, string_agg(first_name || ' ' || last_name, ', ' ORDER BY last_name) AS people
FROM contacts
GROUP BY customer_id
ORDER BY customer_id
LIMIT 20
;

-- name: contacts-email-array | masked: public.contacts.email | kind: debugging
SELECT customer_id, array_agg(email ORDER BY id) AS emails
FROM contacts
GROUP BY customer_id
HAVING count(*) > 2
;

-- name: contacts-json-agg | masked: public.contacts.first_name, public.contacts.last_name, public.contacts.phone | kind: debugging
SELECT c.id,
       json_agg(json_build_object('role', k.role, 'name', k.first_name || ' ' || k.last_name, 'phone', k.phone)) AS contacts
FROM customers c
JOIN contacts k ON k.customer_id = c.id
WHERE c.id <= 10
GROUP BY c.id
ORDER BY c.id
;

-- name: contacts-missing-data | masked: public.contacts.email, public.contacts.phone | kind: analytical
SELECT role,
       count(*) FILTER (WHERE email IS NULL) AS no_email,
       count(*) FILTER (WHERE phone IS NULL) AS no_phone
FROM contacts
GROUP BY role
;

-- name: note-lengths | masked: public.contacts.note | kind: analytical
SELECT role, avg(length(note))::int AS avg_note, max(length(note)) AS max_note
FROM contacts
GROUP BY role
;

-- name: contacts-distinct-counts | masked: public.contacts.email, public.contacts.phone | kind: analytical
SELECT count(DISTINCT email) AS emails, count(DISTINCT phone) AS phones FROM contacts
;

-- name: notes-with-ip | masked: public.contacts.note | kind: debugging
SELECT count(*) FROM contacts WHERE note ~ '\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}'
;

-- name: shared-contact-email | masked: public.contacts.email | kind: debugging
SELECT email, count(DISTINCT customer_id) AS customers
FROM contacts
WHERE email IS NOT NULL
GROUP BY email
HAVING count(DISTINCT customer_id) > 1
;

-- name: shared-contact-phone | masked: public.contacts.phone | kind: debugging
SELECT phone, count(*)
FROM contacts
GROUP BY phone
HAVING count(*) > 1
ORDER BY count(*) DESC
;

-- ===================================================================
-- Tickets
-- ===================================================================

-- name: tickets-status-by-month | masked: none | kind: analytical
SELECT date_trunc('month', opened_at) AS month, status, count(*)
FROM tickets
GROUP BY 1, 2
ORDER BY 1, 2
;

-- name: agent-backlog | masked: none | kind: analytical
SELECT u.id, u.role, count(t.id) AS tickets,
       count(t.id) FILTER (WHERE t.status IN ('open', 'pending')) AS backlog
FROM users u
LEFT JOIN tickets t ON t.assigned_to = u.id
GROUP BY u.id, u.role
ORDER BY backlog DESC, u.id
;

-- name: agent-backlog-named | masked: public.users.display_name | kind: analytical
SELECT u.display_name, count(*) AS open_tickets
FROM tickets t
JOIN users u ON u.id = t.assigned_to
WHERE t.status = 'open'
GROUP BY u.display_name
ORDER BY open_tickets DESC
;

-- name: tag-counts | masked: none | kind: analytical
SELECT tag, count(*) FROM tickets, unnest(tags) AS tag GROUP BY tag ORDER BY 2 DESC
;

-- name: tickets-by-country-status | masked: none | kind: analytical
SELECT c.country, t.status, count(*)
FROM tickets t
JOIN customers c ON c.id = t.customer_id
GROUP BY 1, 2
ORDER BY 1, 2
;

-- name: latest-ticket-per-customer | masked: public.tickets.subject | kind: debugging
SELECT DISTINCT ON (customer_id) customer_id, id, status, subject, opened_at
FROM tickets
WHERE customer_id IS NOT NULL
ORDER BY customer_id, opened_at DESC
;

-- name: last3-tickets-lateral | masked: public.customers.full_name, public.tickets.subject | kind: debugging
SELECT c.id, c.full_name, t.id AS ticket, t.subject
FROM customers c
CROSS JOIN LATERAL (
    SELECT id, subject FROM tickets WHERE customer_id = c.id ORDER BY opened_at DESC LIMIT 3
) t
WHERE c.country = 'AT'
ORDER BY c.id, t.id
;

-- name: ticket-gaps | masked: none | kind: analytical
SELECT customer_id, id, opened_at,
       opened_at - lag(opened_at) OVER (PARTITION BY customer_id ORDER BY opened_at) AS since_previous
FROM tickets
WHERE customer_id IS NOT NULL
ORDER BY customer_id, opened_at
;

-- name: first-ticket-subject | masked: public.tickets.subject | kind: analytical
SELECT customer_id, id, subject
FROM (
    SELECT id, customer_id, subject,
           row_number() OVER (PARTITION BY customer_id ORDER BY opened_at) AS n
    FROM tickets
) s
WHERE n = 1
ORDER BY customer_id
LIMIT 30
;

-- name: subjects-with-email | masked: public.tickets.subject | kind: analytical
SELECT status, count(*) FILTER (WHERE subject ~ '@') AS with_email, count(*) AS total
FROM tickets
GROUP BY status
;

-- name: body-length-by-status | masked: public.tickets.body | kind: analytical
SELECT status, avg(length(body))::int AS avg_len,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY length(body)) AS p90_len
FROM tickets
GROUP BY status
;

-- name: subject-starts | masked: public.tickets.subject | kind: analytical
SELECT left(subject, 30) AS subject_start, count(*)
FROM tickets
GROUP BY 1
ORDER BY 2 DESC
LIMIT 20
;

-- name: subject-words | masked: public.tickets.subject | kind: analytical
SELECT lower(word) AS word, count(*)
FROM tickets, regexp_split_to_table(subject, '\s+') AS word
GROUP BY 1
ORDER BY 2 DESC
LIMIT 30
;

-- name: unassigned-open | masked: none | kind: debugging
SELECT id, customer_id, opened_at
FROM tickets
WHERE assigned_to IS NULL AND status = 'open'
ORDER BY opened_at
;

-- name: open-subjects-upper | masked: public.tickets.subject | kind: debugging
SELECT id, upper(subject) FROM tickets WHERE status = 'open' ORDER BY id LIMIT 10
;

-- name: pending-with-customer-label | masked: public.customers.last_name, public.customers.customer_code | kind: debugging
SELECT t.id, t.status, c.last_name || ' (' || c.customer_code || ')' AS customer
FROM tickets t
JOIN customers c ON c.id = t.customer_id
WHERE t.status = 'pending'
ORDER BY t.id
;

-- name: fraud-tickets-cards | masked: public.tickets.subject, public.payment_cards.card_number | kind: debugging
SELECT t.id, t.subject, pc.card_number
FROM tickets t
JOIN accounts a ON a.customer_id = t.customer_id
JOIN payment_cards pc ON pc.account_id = a.id
WHERE 'fraud' = ANY (t.tags)
ORDER BY t.id, pc.id
;

-- name: ticket-mentions-iban | masked: public.tickets.body, public.accounts.iban | kind: debugging
SELECT t.id, a.iban
FROM tickets t
JOIN accounts a ON a.customer_id = t.customer_id
WHERE strpos(t.body, a.iban) > 0
;

-- name: tickets-per-month-calendar | masked: none | kind: analytical
WITH RECURSIVE months(m) AS (
    SELECT DATE '2019-01-01'
    UNION ALL
    SELECT (m + interval '1 month')::date FROM months WHERE m < DATE '2025-12-01'
)
SELECT m AS month, count(t.id) AS opened
FROM months
LEFT JOIN tickets t ON date_trunc('month', t.opened_at)::date = m
GROUP BY m
ORDER BY m
;

-- name: ticket-thread-recursive | masked: public.tickets.subject | kind: debugging
WITH RECURSIVE thread AS (
    SELECT t.id, t.customer_id, t.subject, 1 AS depth
    FROM tickets t
    WHERE t.customer_id = 11
      AND NOT EXISTS (SELECT 1 FROM tickets p WHERE p.customer_id = t.customer_id AND p.id < t.id)
    UNION ALL
    SELECT n.id, n.customer_id, n.subject, thread.depth + 1
    FROM thread
    JOIN tickets n ON n.customer_id = thread.customer_id
     AND n.id = (SELECT min(x.id) FROM tickets x WHERE x.customer_id = thread.customer_id AND x.id > thread.id)
)
SELECT id, depth, subject FROM thread ORDER BY depth
;

-- name: linked-customers-recursive | masked: public.contacts.phone, public.customers.full_name | kind: debugging
WITH RECURSIVE linked(id, depth) AS (
    SELECT 1::bigint, 0
    UNION
    SELECT k2.customer_id, l.depth + 1
    FROM linked l
    JOIN contacts k1 ON k1.customer_id = l.id
    JOIN contacts k2 ON k2.phone = k1.phone AND k2.customer_id <> k1.customer_id
    WHERE l.depth < 3
)
SELECT l.id, min(l.depth) AS hops, c.full_name
FROM linked l
JOIN customers c ON c.id = l.id
GROUP BY l.id, c.full_name
ORDER BY hops, l.id
;

-- name: ticket-status-ages | masked: none | kind: analytical
SELECT status, count(*), min(opened_at) AS oldest, max(opened_at) AS newest
FROM tickets
GROUP BY status
;

-- ===================================================================
-- Set operations
-- ===================================================================

-- name: all-known-emails | masked: public.customers.email, public.contacts.email | kind: analytical
SELECT email FROM customers
UNION
SELECT email FROM contacts WHERE email IS NOT NULL
;

-- name: people-directory | masked: public.customers.full_name, public.customers.email, public.contacts.first_name, public.contacts.last_name, public.contacts.email, public.users.display_name, public.users.login_email | kind: debugging
SELECT 'customer' AS kind, id, full_name AS name, email FROM customers
UNION ALL
SELECT 'contact', id, first_name || ' ' || last_name, email FROM contacts
UNION ALL
SELECT 'staff', id, display_name, login_email FROM users
ORDER BY kind, id
LIMIT 100
;

-- name: shared-phones | masked: public.customers.phone, public.contacts.phone | kind: debugging
SELECT phone FROM customers
INTERSECT
SELECT phone FROM contacts
;

-- name: contact-emails-not-customers | masked: public.contacts.email, public.customers.email | kind: debugging
SELECT email FROM contacts WHERE email IS NOT NULL
EXCEPT
SELECT email FROM customers
;

-- name: fax-or-overdrawn-ids | masked: public.customers.fax, public.accounts.balance | kind: debugging
SELECT id FROM customers WHERE fax IS NOT NULL
UNION
SELECT customer_id FROM accounts WHERE balance < 0
ORDER BY 1
;

-- name: staff-who-are-customers | masked: public.users.display_name, public.users.login_email, public.customers.email | kind: debugging
SELECT u.id, u.display_name
FROM users u
WHERE u.login_email IN (SELECT email FROM customers)
;

-- name: names-in-both | masked: public.customers.first_name, public.customers.last_name, public.contacts.first_name, public.contacts.last_name | kind: analytical
SELECT first_name, last_name FROM customers
INTERSECT
SELECT first_name, last_name FROM contacts
;

-- name: customers-without-accounts | masked: none | kind: debugging
SELECT id FROM customers
EXCEPT
SELECT customer_id FROM accounts
ORDER BY 1
;

-- name: same-iban-union | masked: public.accounts.iban | kind: debugging
SELECT iban FROM accounts WHERE currency = 'CHF'
UNION ALL
SELECT iban FROM accounts WHERE currency = 'GBP'
;

-- ===================================================================
-- CTEs, scalar subqueries, EXISTS
-- ===================================================================

-- name: customer-360 | masked: public.customers.full_name, public.customers.email, public.accounts.balance | kind: analytical
WITH acc AS (
    SELECT customer_id, count(*) AS n_acc, sum(balance) AS bal
    FROM accounts GROUP BY customer_id
), crd AS (
    SELECT a.customer_id, count(*) AS n_cards
    FROM payment_cards pc JOIN accounts a ON a.id = pc.account_id
    GROUP BY a.customer_id
), tix AS (
    SELECT customer_id, count(*) AS n_tix, max(opened_at) AS last_tix
    FROM tickets GROUP BY customer_id
)
SELECT c.id, c.full_name, c.email,
       coalesce(acc.n_acc, 0) AS accounts, acc.bal AS balance,
       coalesce(crd.n_cards, 0) AS cards,
       coalesce(tix.n_tix, 0) AS tickets, tix.last_tix
FROM customers c
LEFT JOIN acc ON acc.customer_id = c.id
LEFT JOIN crd ON crd.customer_id = c.id
LEFT JOIN tix ON tix.customer_id = c.id
ORDER BY c.id
LIMIT 50
;

-- name: busiest-customers | masked: public.customers.full_name | kind: analytical
SELECT c.id, c.full_name,
       (SELECT count(*) FROM tickets t WHERE t.customer_id = c.id) AS tickets
FROM customers c
ORDER BY tickets DESC, c.id
LIMIT 10
;

-- name: latest-subject-scalar | masked: public.tickets.subject | kind: debugging
SELECT c.id,
       (SELECT t.subject FROM tickets t WHERE t.customer_id = c.id ORDER BY t.opened_at DESC LIMIT 1) AS last_subject
FROM customers c
WHERE c.country = 'CH'
;

-- name: chf-accounts-primary-email | masked: public.accounts.iban, public.contacts.email | kind: debugging
SELECT a.id, a.iban,
       (SELECT k.email FROM contacts k WHERE k.customer_id = a.customer_id AND k.role = 'primary') AS contact
FROM accounts a
WHERE a.currency = 'CHF'
;

-- name: agent-workload-cte | masked: none | kind: analytical
WITH load AS (
    SELECT assigned_to, count(*) AS n
    FROM tickets
    WHERE status IN ('open', 'pending')
    GROUP BY assigned_to
)
SELECT u.id, u.role, coalesce(l.n, 0) AS open_tickets
FROM users u
LEFT JOIN load l ON l.assigned_to = u.id
ORDER BY 3 DESC, u.id
;

-- name: open-tickets-no-account | masked: public.customers.email | kind: debugging
SELECT c.id, c.email
FROM customers c
WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.status = 'open')
  AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id)
;

-- name: cte-masked-passthrough | masked: public.customers.email, public.customers.city | kind: debugging
WITH it AS (
    SELECT id, email, city FROM customers WHERE country = 'IT'
)
SELECT id, email, city FROM it WHERE id < 50 ORDER BY id
;

-- name: iban-of-ticket-customer | masked: public.accounts.iban | kind: debugging
SELECT t.id AS ticket,
       (SELECT a.iban FROM accounts a WHERE a.customer_id = t.customer_id ORDER BY a.id LIMIT 1) AS iban
FROM tickets t
WHERE t.status = 'open'
ORDER BY t.id
LIMIT 20
;

-- ===================================================================
-- Whole-row values
-- ===================================================================

-- name: customer-as-json | masked: public.customers.* | kind: debugging
SELECT row_to_json(c) FROM customers c WHERE c.id = 5
;

-- name: ticket-jsonb-without-body | masked: public.tickets.* | kind: debugging
SELECT to_jsonb(t) - 'body' AS ticket FROM tickets t WHERE t.id = 3
;

-- name: ticket-row-text | masked: public.tickets.* | kind: debugging
SELECT t::text FROM tickets t WHERE t.status = 'open' ORDER BY t.id LIMIT 5
;

-- name: contacts-json-rows | masked: public.contacts.* | kind: debugging
SELECT customer_id, json_agg(k ORDER BY k.id) AS contacts
FROM contacts k
WHERE customer_id <= 5
GROUP BY customer_id
;

-- name: customer-record | masked: public.customers.* | kind: debugging
SELECT c FROM customers c WHERE c.email = 'jansen.malte3@posteo.de'
;

-- name: account-json-text | masked: public.accounts.* | kind: debugging
SELECT a.id, row_to_json(a)::text FROM accounts a WHERE a.customer_id = 3
;

-- name: accounts-cards-star | masked: public.accounts.*, public.payment_cards.* | kind: debugging
SELECT *
FROM accounts a
JOIN payment_cards pc ON pc.account_id = a.id
WHERE a.customer_id = 3
;

-- name: tickets-star | masked: public.tickets.* | kind: debugging
SELECT * FROM tickets WHERE status = 'pending' ORDER BY opened_at DESC LIMIT 10
;

-- ===================================================================
-- EXPLAIN
-- ===================================================================

-- name: explain-email-lookup | masked: public.customers.* | kind: debugging
EXPLAIN SELECT * FROM customers WHERE email = 'jansen.malte3@posteo.de'
;

-- name: explain-analyze-lastname | masked: public.customers.last_name | kind: debugging
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM customers WHERE last_name = 'Jansen'
;

-- name: explain-json-order-email | masked: public.customers.email | kind: debugging
EXPLAIN (FORMAT JSON) SELECT id, email FROM customers ORDER BY email LIMIT 10
;

-- name: explain-join-status | masked: none | kind: debugging
EXPLAIN
SELECT t.status, count(*)
FROM tickets t
JOIN users u ON u.id = t.assigned_to
GROUP BY t.status
;

-- name: explain-analyze-open | masked: none | kind: debugging
EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM tickets WHERE status = 'open'
;

-- name: explain-verbose-balance | masked: public.accounts.balance | kind: debugging
EXPLAIN VERBOSE SELECT currency, sum(balance) FROM accounts GROUP BY currency
;

-- name: explain-iban-lookup | masked: public.accounts.iban | kind: debugging
EXPLAIN SELECT id FROM accounts WHERE iban = 'DE84873460877346534011'
;

-- ===================================================================
-- System columns
-- ===================================================================

-- name: ctid-xmin-customer | masked: public.customers.email | kind: debugging
SELECT ctid, xmin, id, email FROM customers WHERE id = 5
;

-- name: tableoid-counts | masked: none | kind: debugging
SELECT tableoid::regclass AS rel, count(*) FROM tickets GROUP BY 1
;

-- name: duplicate-iban-ctids | masked: public.accounts.iban | kind: debugging
SELECT iban, count(*), array_agg(ctid) AS ctids
FROM accounts
GROUP BY iban
HAVING count(*) > 1
;

-- name: recently-changed-customers | masked: public.customers.email | kind: debugging
SELECT id, xmin, email FROM customers ORDER BY xmin::text::bigint DESC, id LIMIT 5
;

-- name: ticket-system-columns | masked: none | kind: debugging
SELECT ctid, xmin, tableoid::regclass AS rel, id, status FROM tickets WHERE id = 1
;

-- name: card-ctid-lookup | masked: public.payment_cards.card_number, public.payment_cards.holder_name | kind: debugging
SELECT ctid, id, card_number, holder_name FROM payment_cards WHERE ctid = '(0,1)'
;

-- ===================================================================
-- Server state and catalogs (no masked column)
-- ===================================================================

-- name: activity-sessions | masked: none | kind: debugging
SELECT pid, usename, application_name, client_addr, state, wait_event_type, wait_event,
       backend_start, xact_start, state_change
FROM pg_stat_activity
WHERE datname = current_database()
ORDER BY backend_start
;

-- name: activity-by-state | masked: none | kind: debugging
SELECT state, count(*) FROM pg_stat_activity GROUP BY state
;

-- name: activity-long-transactions | masked: none | kind: debugging
SELECT pid, usename, now() - xact_start AS xact_age, state
FROM pg_stat_activity
WHERE xact_start IS NOT NULL AND now() - xact_start > interval '5 minutes'
;

-- name: activity-blocked | masked: none | kind: debugging
SELECT pid, pg_blocking_pids(pid) AS blocked_by, wait_event
FROM pg_stat_activity
WHERE cardinality(pg_blocking_pids(pid)) > 0
;

-- name: table-sizes | masked: none | kind: debugging
SELECT relname, n_live_tup, n_dead_tup, last_autovacuum,
       pg_size_pretty(pg_total_relation_size(relid)) AS size
FROM pg_stat_user_tables
ORDER BY pg_total_relation_size(relid) DESC
;

-- name: index-usage | masked: none | kind: debugging
SELECT relname, indexrelname, idx_scan FROM pg_stat_user_indexes ORDER BY idx_scan, indexrelname
;

-- name: lock-summary | masked: none | kind: debugging
SELECT locktype, mode, granted, count(*) FROM pg_locks GROUP BY 1, 2, 3
;

-- name: memory-settings | masked: none | kind: debugging
SELECT name, setting, unit
FROM pg_settings
WHERE name IN ('work_mem', 'shared_buffers', 'max_connections', 'statement_timeout')
;

-- name: index-definitions | masked: none | kind: debugging
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2
;

-- name: customer-columns | masked: none | kind: debugging
SELECT column_name, data_type, is_nullable
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'customers'
ORDER BY ordinal_position
;

-- name: version-and-size | masked: none | kind: debugging
SELECT version(), pg_size_pretty(pg_database_size(current_database()))
;

-- name: users-by-role | masked: none | kind: analytical
SELECT role, count(*), min(created_at) AS first_hired FROM users GROUP BY role
;

-- name: sequence-position | masked: none | kind: debugging
SELECT last_value, is_called FROM customers_id_seq
;

-- ===================================================================
-- Exports (psql's \copy sends COPY ... TO STDOUT)
-- ===================================================================

-- name: copy-italian-emails | masked: public.customers.email | kind: debugging
COPY (SELECT id, email, country FROM customers WHERE country = 'IT') TO STDOUT WITH (FORMAT csv, HEADER)
;

-- name: copy-ticket-subjects | masked: public.tickets.subject | kind: debugging
COPY tickets (id, status, subject, opened_at) TO STDOUT
;

-- name: copy-open-tickets | masked: none | kind: debugging
COPY (SELECT id, status, opened_at FROM tickets WHERE status = 'open') TO STDOUT WITH (FORMAT csv)
;
