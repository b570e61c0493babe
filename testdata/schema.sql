-- pgveil sample schema: the support database of a bank-software vendor.
-- Plain PostgreSQL 15, no extensions. Canonical copy: testdata/gen/schema.sql
-- (embedded by the generator); testdata/schema.sql is written from it by
-- testdata/make-sample.sh. Tables come first, keys and indexes after the
-- "post-data" marker so the generator can load data before building them.

CREATE TABLE public.customers (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    customer_code varchar(12),
    first_name    varchar(60) NOT NULL,
    last_name     varchar(60) NOT NULL,
    full_name     text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    email         varchar(120) NOT NULL,
    phone         varchar(30),
    fax           varchar(30),
    birth_date    date CONSTRAINT customers_birth_date_check CHECK (birth_date > '1900-01-01'),
    street        text,
    postcode      varchar(10),
    city          varchar(60),
    country       char(2) NOT NULL,
    profile       jsonb,
    created_at    timestamptz NOT NULL
);

CREATE TABLE public.contacts (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    customer_id bigint NOT NULL,
    role        text,
    first_name  varchar(60),
    last_name   varchar(60),
    email       varchar(120),
    phone       varchar(30),
    note        text
);

-- The vendor's support staff.
CREATE TABLE public.users (
    id           int GENERATED ALWAYS AS IDENTITY,
    login_email  varchar(120) NOT NULL,
    badge_code   varchar(10) NOT NULL,
    display_name text,
    role         text,
    created_at   timestamptz
);

CREATE TABLE public.accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    customer_id bigint NOT NULL,
    iban        varchar(34) NOT NULL,
    currency    char(3),
    balance     numeric(14,2),
    opened_on   date
);

CREATE TABLE public.payment_cards (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    account_id  bigint NOT NULL,
    card_number varchar(19) NOT NULL,
    holder_name text,
    expires_on  date
);

CREATE TABLE public.tickets (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    customer_id bigint,
    assigned_to int,
    subject     text,
    body        text,
    status      text,
    opened_at   timestamptz,
    tags        text[]
);

CREATE TABLE public.audit_log (
    id      bigint GENERATED ALWAYS AS IDENTITY,
    user_id int,
    action  text,
    detail  text,
    at      timestamptz
);

-- pgveil:post-data

ALTER TABLE public.customers     ADD CONSTRAINT customers_pkey PRIMARY KEY (id);
ALTER TABLE public.customers     ADD CONSTRAINT customers_customer_code_key UNIQUE (customer_code);
ALTER TABLE public.customers     ADD CONSTRAINT customers_email_key UNIQUE (email);
ALTER TABLE public.contacts      ADD CONSTRAINT contacts_pkey PRIMARY KEY (id);
ALTER TABLE public.users         ADD CONSTRAINT users_pkey PRIMARY KEY (id);
ALTER TABLE public.users         ADD CONSTRAINT users_login_email_key UNIQUE (login_email);
ALTER TABLE public.users         ADD CONSTRAINT users_badge_code_key UNIQUE (badge_code);
ALTER TABLE public.accounts      ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
ALTER TABLE public.accounts      ADD CONSTRAINT accounts_iban_key UNIQUE (iban);
ALTER TABLE public.payment_cards ADD CONSTRAINT payment_cards_pkey PRIMARY KEY (id);
ALTER TABLE public.payment_cards ADD CONSTRAINT payment_cards_card_number_key UNIQUE (card_number);
ALTER TABLE public.tickets       ADD CONSTRAINT tickets_pkey PRIMARY KEY (id);
ALTER TABLE public.audit_log     ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

ALTER TABLE public.contacts ADD CONSTRAINT contacts_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES public.customers (id);
ALTER TABLE public.accounts ADD CONSTRAINT accounts_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES public.customers (id);
ALTER TABLE public.payment_cards ADD CONSTRAINT payment_cards_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES public.accounts (id);
ALTER TABLE public.tickets ADD CONSTRAINT tickets_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES public.customers (id);
ALTER TABLE public.tickets ADD CONSTRAINT tickets_assigned_to_fkey
    FOREIGN KEY (assigned_to) REFERENCES public.users (id);
ALTER TABLE public.audit_log ADD CONSTRAINT audit_log_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES public.users (id);

CREATE INDEX contacts_customer_id_idx ON public.contacts (customer_id);
CREATE INDEX accounts_customer_id_idx ON public.accounts (customer_id);
CREATE INDEX payment_cards_account_id_idx ON public.payment_cards (account_id);
CREATE INDEX tickets_customer_id_idx ON public.tickets (customer_id);
-- Partial indexes: the open work queue, and the customers reachable by fax.
CREATE INDEX tickets_open_assigned_idx ON public.tickets (assigned_to, opened_at)
    WHERE status IN ('open', 'pending');
CREATE INDEX customers_fax_idx ON public.customers (fax) WHERE fax IS NOT NULL;
CREATE UNIQUE INDEX contacts_one_primary_idx ON public.contacts (customer_id)
    WHERE role = 'primary';
