--
-- PostgreSQL database dump
--

\restrict pgveilsample

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.accounts (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    iban character varying(34) NOT NULL,
    currency character(3),
    balance numeric(14,2),
    opened_on date
);


--
-- Name: accounts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.accounts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.accounts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    user_id integer,
    action text,
    detail text,
    at timestamp with time zone
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contacts (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    role text,
    first_name character varying(60),
    last_name character varying(60),
    email character varying(120),
    phone character varying(30),
    note text
);


--
-- Name: contacts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contacts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.contacts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id bigint NOT NULL,
    customer_code character varying(12),
    first_name character varying(60) NOT NULL,
    last_name character varying(60) NOT NULL,
    full_name text GENERATED ALWAYS AS ((((first_name)::text || ' '::text) || (last_name)::text)) STORED,
    email character varying(120) NOT NULL,
    phone character varying(30),
    fax character varying(30),
    birth_date date,
    street text,
    postcode character varying(10),
    city character varying(60),
    country character(2) NOT NULL,
    profile jsonb,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT customers_birth_date_check CHECK ((birth_date > '1900-01-01'::date))
);


--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.customers ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.customers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: payment_cards; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.payment_cards (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    card_number character varying(19) NOT NULL,
    holder_name text,
    expires_on date
);


--
-- Name: payment_cards_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.payment_cards ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.payment_cards_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tickets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tickets (
    id bigint NOT NULL,
    customer_id bigint,
    assigned_to integer,
    subject text,
    body text,
    status text,
    opened_at timestamp with time zone,
    tags text[]
);


--
-- Name: tickets_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tickets ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.tickets_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    login_email character varying(120) NOT NULL,
    badge_code character varying(10) NOT NULL,
    display_name text,
    role text,
    created_at timestamp with time zone
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.users ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Data for Name: accounts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.accounts (id, customer_id, iban, currency, balance, opened_on) FROM stdin;
1	1	IT84V4174957866801566537281	EUR	74279.12	2015-01-01
2	2	IT91U0819020887020295906590	EUR	-3056.37	2015-03-13
3	3	DE84873460877346534011	EUR	75961.87	2015-05-23
4	4	GB91NAIA27996089501024	GBP	405.64	2015-08-01
5	5	AT536105441463445535	EUR	89.45	2015-10-12
6	6	IT56W3812108924000612243081	EUR	938.67	2015-12-21
7	7	FR7661063914815589688421857	EUR	7876.53	2016-03-02
8	8	IT62M3456013535501371698415	EUR	602.02	2016-05-12
9	9	DE20723567980943388611	EUR	7389.98	2016-07-21
10	10	FR7664040800128002123176501	EUR	736526.53	2016-10-01
11	11	DE85639821996676818485	EUR	833.05	2016-12-10
12	12	ES9577122727772738935815	EUR	3.12	2017-02-19
13	13	IT83S1425994680325987619790	EUR	984.35	2017-05-01
14	14	FR7692612041273048872682086	EUR	598.67	2017-07-11
15	15	IT18T8917812669148315454686	EUR	294.74	2017-09-20
16	16	FR7672713027312769531531293	EUR	-4631.69	2017-11-30
17	17	CH0427524236161840289	CHF	508363.82	2018-02-09
18	18	IT32X3186783255695322929296	EUR	327.28	2018-04-21
19	19	IT79B9136974812978389435382	EUR	89.88	2018-07-01
20	20	IT58D3460753611140060195569	EUR	99405.70	2018-09-10
21	21	DE55519054535448890716	EUR	8.18	2018-11-20
22	22	FR7604438764651031545371166	EUR	7.91	2019-01-30
23	23	ES1794886311379177851404	EUR	42434.94	2019-04-11
24	24	NL08TRIO4959481466	EUR	2.15	2019-06-21
25	25	DE88070608261041684197	EUR	163851.73	2019-08-31
26	26	ES2327104407105388485226	EUR	705.23	2019-11-10
27	27	AT175768141165171170	EUR	-3263.62	2020-01-20
28	28	FR7683731492097883801857668	EUR	25.04	2020-03-31
29	29	IT36L8341102774024570764306	EUR	3.12	2020-06-10
30	30	IT90A4415692682359623142590	EUR	54652.32	2020-08-20
31	31	CH1504021935314430106	CHF	2.44	2020-10-30
32	32	IT72U4489472253065320579757	EUR	100.36	2021-01-09
33	33	IT29Q6166789214472227590193	EUR	686186.70	2021-03-21
34	34	FR7660781882703950390529113	USD	1296.79	2021-05-31
35	35	IT92R4800836752666537643250	EUR	2999.58	2021-08-10
36	36	DE87312554365482706754	USD	79911.52	2021-10-20
37	37	NL21ASNB4798860153	USD	474922.88	2021-12-30
38	38	IT13V9591842375579880377890	EUR	37.16	2022-03-11
39	39	CH2853566686618220934	CHF	248.49	2022-05-21
40	40	IT25N9302087900173146558432	EUR	120062.62	2022-07-31
41	41	LU657500828711270362	EUR	5917.82	2022-10-10
42	42	BE08692895687813	EUR	455764.11	2022-12-20
43	43	BE51788699168662	EUR	91687.39	2023-03-01
44	44	DE21011176709046815444	EUR	879.68	2023-05-11
45	45	IT15P9962554419092457871149	EUR	3.08	2023-07-21
46	46	DE80994439214491181558	EUR	256239.21	2023-09-30
47	47	FR7687881080156549549015049	EUR	-3285.56	2023-12-10
48	48	IT13M1652474913327062991219	EUR	15.10	2024-02-19
49	49	NL37SNSB5657777080	EUR	855.07	2024-04-30
50	50	FR7614461875048439799071170	EUR	18430.11	2024-07-10
51	51	FR7611694807865954740498369	EUR	917.39	2024-09-19
52	52	IT42G9837155635076639463818	EUR	994.92	2024-11-29
53	53	FR7662029003410943569415659	EUR	308.49	2025-02-08
54	54	FR7682448879275486017023301	EUR	25.42	2025-04-20
55	54	FR7694819014524120314106318	EUR	6.16	2031-12-12
56	31	CH3656145094892332908	CHF	-2177.15	2027-02-28
57	22	FR7623589605807524167441319	EUR	8.23	2020-06-01
58	48	IT53N6741866627544556753475	EUR	40.26	2025-09-19
59	27	PT71591531399105660720645	EUR	95.05	2022-06-28
60	8	IT47S5725558061488737546857	EUR	7106.91	2019-04-23
61	20	IT03Q9187731255811682771804	EUR	677084.12	2021-07-15
62	34	FR7695197159108314170861892	EUR	7.12	2023-10-08
63	7	FR7607794804820555461035044	EUR	852.06	2019-07-08
64	14	FR7667465916358952596287901	EUR	44.40	2020-07-30
65	24	PT79907294612740986849210	USD	8452.54	2021-06-06
66	37	NL40ASNB8281554698	EUR	102.62	2025-03-06
67	10	FR7646947604297898828945981	EUR	4.77	2017-10-15
68	6	IT25W0582543984656732444190	EUR	2.22	2019-08-16
69	48	IT72U6507113629430143547601	EUR	-63.50	2025-08-26
70	43	IT09V1794452164004037447010	EUR	8069.57	2028-03-09
71	47	FR7679518106339464175560264	EUR	62670.39	2026-02-21
72	42	IT83R0922458277278558509021	EUR	28.12	2027-11-06
73	27	AT548935655852989488	EUR	3290.83	2023-04-25
74	54	ES5091589471143054860318	EUR	7.27	2027-09-11
75	15	IT06F3835675409621335896416	EUR	-4142.98	2020-03-05
76	39	CH8058356148033579319	CHF	3.94	2023-05-15
77	47	NL45ABNA1040314080	EUR	667692.37	2027-01-31
78	53	FR7693367610552348730059623	EUR	95.10	2028-03-04
79	31	CH4864173985309843380	CHF	4.77	2020-11-29
80	3	DE46176036637810614320	EUR	38555.11	2017-10-01
81	53	FR7661208605766453330962621	EUR	1779.54	2027-01-04
\.


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_log (id, user_id, action, detail, at) FROM stdin;
1	2	view_customer	opened customer CU-58599360 <blandine14@laposte.net>	2023-01-01 03:28:22+00
2	1	reset_password	password reset link sent to gaelle.pichon1@helpdesk.finestra-banking.eu	2023-01-08 05:41:47+00
3	2	export_csv	exported 1381 rows to tickets-2023-10-12.csv	2023-01-15 06:10:28+00
4	\N	login	login ok from 10.110.216.237	2023-01-22 04:24:35+00
5	2	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2023-01-29 02:20:15+00
6	2	update_ticket	ticket #8 status -> resolved	2023-02-05 02:21:10+00
7	2	update_ticket	ticket #49 status -> resolved	2023-02-12 05:41:58+00
8	1	export_csv	exported 2697 rows to tickets-2024-01-30.csv	2023-02-19 03:54:37+00
9	1	login	login ok from 10.138.103.37 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-02-26 04:31:56+00
10	1	logout	logout ok from 10.165.75.237 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-03-05 01:49:47+00
11	2	login	login ok from 10.157.113.21 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-03-12 04:27:25+00
12	1	update_ticket	ticket #43 status -> resolved	2023-03-19 07:52:42+00
13	2	logout	logout ok from 10.26.146.82 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-03-26 02:50:11+00
14	2	logout	logout ok from 10.17.131.115 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-04-02 07:44:07+00
15	2	update_ticket	ticket #58 status -> resolved	2023-04-09 02:41:31+00
16	2	view_ticket	ticket #2	2023-04-16 05:59:46+00
17	2	logout	logout ok from 10.69.60.210 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-04-23 07:53:09+00
18	1	reset_password	password reset link sent to gaelle.pichon1@helpdesk.finestra-banking.eu	2023-04-30 04:53:36+00
19	1	export_csv	exported 4373 rows to tickets-2024-02-14.csv	2023-05-07 03:32:52+00
20	1	logout	logout ok from 10.35.51.196 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-05-14 05:03:59+00
21	1	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2023-05-21 09:24:41+00
22	1	view_customer	opened customer CU-07327984 <kuhlmann.gunnar39@gmx.de>	2023-05-28 04:45:50+00
23	2	logout	logout ok from 10.211.165.165 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-06-04 05:47:50+00
24	2	login	login ok from 10.3.157.179 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-06-11 07:33:41+00
25	2	change_email	customer 42 e-mail changed from Bruni.guido42@tin.it to guido_bruni96@gmail.com	2023-06-18 06:34:54+00
26	2	view_customer	opened customer CU-65249000 <solene.rolland50@sfr.fr>	2023-06-25 07:11:42+00
27	2	reset_password	password reset link sent to agnese.zanetti2@helpdesk.finestra-banking.eu	2023-07-02 05:48:52+00
28	1	reset_password	password reset link sent to gaelle.pichon1@helpdesk.finestra-banking.eu	2023-07-09 10:39:37+00
29	2	update_ticket	ticket #28 status -> resolved	2023-07-16 05:13:37+00
30	2	view_customer	opened customer CU-46329734 <Bruni.guido42@tin.it>	2023-07-23 08:07:03+00
31	1	logout	logout ok from 10.165.16.90 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-07-30 10:54:53+00
32	1	logout	logout ok from 10.150.129.157 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-08-06 07:19:23+00
33	2	change_email	customer 51 e-mail changed from jerome_hamel51@wanadoo.fr to hamel.jerome105@gmail.com	2023-08-13 11:02:19+00
34	1	login	login ok from 10.230.176.38 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-08-20 06:36:44+00
35	2	change_email	customer 6 e-mail changed from bianca6@hotmail.it to bianca60@tin.it	2023-08-27 11:59:03+00
36	2	login	login ok from 10.80.161.22 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-09-03 08:18:43+00
37	1	view_customer	opened customer CU-89702139 <gaia8@alice.it>	2023-09-10 08:28:46+00
38	1	export_csv	exported 2113 rows to tickets-2025-06-05.csv	2023-09-17 08:42:29+00
39	1	export_csv	exported 3748 rows to tickets-2024-11-23.csv	2023-09-24 08:43:03+00
40	1	login	login ok from 10.210.4.233 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-10-01 10:00:33+00
41	2	view_customer	opened customer CU-10209511 <remi_huet53@gmail.com>	2023-10-08 09:55:19+00
42	1	change_email	customer 26 e-mail changed from zara_green26@yahoo.co.uk to zara.green80@gmail.com	2023-10-15 10:12:07+00
43	2	view_customer	opened customer CU-16540957 <lucrezia_mancuso19@tiscali.it>	2023-10-22 13:27:34+00
44	1	logout	logout ok from 10.177.152.240 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-10-29 11:24:27+00
45	2	view_customer	opened customer CU-15736913 <evans.william4@outlook.com>	2023-11-05 09:39:45+00
46	1	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2023-11-12 10:11:51+00
47	2	update_ticket	ticket #22 status -> closed	2023-11-19 09:58:22+00
48	2	view_customer	opened customer CU-64534459 <almut.runge5@web.de>	2023-11-26 09:04:41+00
49	2	update_ticket	ticket #30 status -> pending	2023-12-03 11:03:51+00
50	1	logout	logout ok from 10.244.211.163 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2023-12-10 12:17:01+00
51	2	login	login ok from 10.165.112.245 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-12-17 11:47:00+00
52	2	view_customer	opened customer CU-97753293 <Zoe.boulanger7@wanadoo.fr>	2023-12-24 14:00:47+00
53	2	login	login ok from 10.222.43.8 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2023-12-31 11:20:07+00
54	2	change_email	customer 31 e-mail changed from enrica_locascio31@gmail.com to enrica.locascio85@hotmail.it	2024-01-07 14:59:34+00
55	2	export_csv	exported 4330 rows to tickets-2025-04-26.csv	2024-01-14 15:23:51+00
56	1	view_customer	opened customer CU-87349292 <ydelmas22@yahoo.fr>	2024-01-21 14:13:36+00
57	1	view_customer	opened customer CU-05936908 <corrado_giannini33@libero.it>	2024-01-28 16:18:05+00
58	2	view_ticket	ticket #59	2024-02-04 10:47:45+00
59	2	update_ticket	ticket #85 status -> resolved	2024-02-11 11:47:51+00
60	1	change_email	customer 28 e-mail changed from gaspard_guillot28@hotmail.fr to gguillot82@yahoo.fr	2024-02-18 14:35:23+00
61	1	reset_password	password reset link sent to gaelle.pichon1@helpdesk.finestra-banking.eu	2024-02-25 11:49:07+00
62	2	change_email	customer 43 e-mail changed from filippo.bellucci43@virgilio.it to bellucci.filippo97@tin.it	2024-03-03 15:48:41+00
63	1	view_customer	opened customer CU-65249000 <solene.rolland50@sfr.fr>	2024-03-10 11:29:45+00
64	1	login	login ok from 10.109.205.1 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2024-03-17 15:49:47+00
65	2	view_customer	opened customer CU-45945868 <lucrezia_marras1@gmail.com>	2024-03-24 16:38:42+00
66	2	view_customer	opened customer CU-79410484 <melis.ottavio30@tiscali.it>	2024-03-31 17:43:42+00
67	1	change_email	customer 6 e-mail changed from bianca6@hotmail.it to bianca.guidi60@outlook.it	2024-04-07 12:16:46+00
68	1	view_ticket	ticket #49	2024-04-14 15:25:06+00
69	1	view_customer	opened customer CU-05936908 <corrado_giannini33@libero.it>	2024-04-21 18:30:00+00
70	2	view_customer	opened customer CU-80313806 <jerome_hamel51@wanadoo.fr>	2024-04-28 18:05:16+00
71	1	view_customer	opened customer CU-35957637 <hortense_barthelemy44@orange.fr>	2024-05-05 17:30:48+00
72	1	view_customer	opened customer CU-87349292 <ydelmas22@yahoo.fr>	2024-05-12 18:49:26+00
73	\N	login	login ok from 10.124.240.12	2024-05-19 18:48:46+00
74	2	view_ticket	ticket #46	2024-05-26 16:54:33+00
75	1	change_email	customer 46 e-mail changed from annegret.buchholz46@outlook.de to annegret.buchholz100@freenet.de	2024-06-02 18:13:06+00
76	1	logout	logout ok from 10.45.123.159 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2024-06-09 16:19:35+00
77	2	login	login ok from 10.81.128.50 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2024-06-16 18:15:38+00
78	2	logout	logout ok from 10.29.118.169 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2024-06-23 17:16:48+00
79	1	logout	logout ok from 10.222.163.65 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2024-06-30 17:53:50+00
80	2	view_customer	opened customer CU-10209511 <remi_huet53@gmail.com>	2024-07-07 19:41:58+00
81	2	change_email	customer 53 e-mail changed from remi_huet53@gmail.com to huet.remi107@free.fr	2024-07-14 15:14:43+00
82	1	export_csv	exported 74 rows to tickets-2023-06-24.csv	2024-07-21 17:00:30+00
83	1	export_csv	exported 2154 rows to tickets-2023-03-11.csv	2024-07-28 20:16:32+00
84	1	login	login ok from 10.185.243.83 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2024-08-04 21:19:21+00
85	1	login	login ok from 10.218.45.141 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2024-08-11 15:36:46+00
86	2	view_customer	opened customer CU-79410484 <melis.ottavio30@tiscali.it>	2024-08-18 20:36:18+00
87	2	update_ticket	ticket #69 status -> resolved	2024-08-25 17:43:38+00
88	2	login	login ok from 10.246.221.229 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2024-09-01 17:01:31+00
89	1	export_csv	exported 4164 rows to tickets-2024-01-25.csv	2024-09-08 20:06:45+00
90	2	login	login ok from 10.223.215.112 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2024-09-15 16:41:23+00
91	1	change_email	customer 10 e-mail changed from barthelemy.bastien10@free.fr to bbarthelemy64@gmail.com	2024-09-22 17:23:12+00
92	1	export_csv	exported 2617 rows to tickets-2023-07-03.csv	2024-09-29 20:45:33+00
93	1	view_customer	opened customer CU-41726760 <ntosi18@tin.it>	2024-10-06 22:30:26+00
94	1	view_customer	opened customer CU-32565743 <haller.gesine25@gmail.com>	2024-10-13 21:33:55+00
95	2	update_ticket	ticket #26 status -> pending	2024-10-20 21:32:19+00
96	1	update_ticket	ticket #86 status -> pending	2024-10-27 23:07:49+00
97	2	reset_password	password reset link sent to agnese.zanetti2@helpdesk.finestra-banking.eu	2024-11-03 22:18:18+00
98	1	view_customer	opened customer CU-25734589 <pwhite49@btinternet.com>	2024-11-10 21:11:54+00
99	2	change_email	customer 25 e-mail changed from haller.gesine25@gmail.com to gesine.haller79@web.de	2024-11-17 21:45:24+00
100	2	change_email	customer 38 e-mail changed from gcaldarola38@gmail.com to gaia92@alice.it	2024-11-24 19:38:03+00
101	2	login	login ok from 10.141.234.251 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2024-12-01 22:05:58+00
102	1	view_customer	opened customer CU-97753293 <Zoe.boulanger7@wanadoo.fr>	2024-12-08 20:11:06+00
103	2	logout	logout ok from 10.167.193.170 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2024-12-16 00:14:02+00
104	2	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2024-12-23 00:41:48+00
105	1	export_csv	exported 4595 rows to tickets-2024-09-05.csv	2024-12-29 23:52:51+00
106	1	view_customer	opened customer CU-90572548 <zara_green26@yahoo.co.uk>	2025-01-05 23:33:10+00
107	1	update_ticket	ticket #52 status -> resolved	2025-01-12 21:53:22+00
108	1	view_ticket	ticket #19	2025-01-19 21:24:49+00
109	1	login	login ok from 10.140.66.219 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2025-01-27 01:20:19+00
110	2	view_customer	opened customer CU-97753293 <Zoe.boulanger7@wanadoo.fr>	2025-02-02 20:58:29+00
111	1	login	login ok from 10.11.48.181 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2025-02-10 00:24:28+00
112	1	change_email	customer 12 e-mail changed from william12@yahoo.co.uk to william.cooper66@yahoo.co.uk	2025-02-17 01:14:16+00
113	1	change_email	customer 50 e-mail changed from solene.rolland50@sfr.fr to solene_rolland104@orange.fr	2025-02-24 00:55:08+00
114	1	reset_password	password reset link sent to gaelle.pichon1@helpdesk.finestra-banking.eu	2025-03-02 23:57:05+00
115	2	reset_password	password reset link sent to agnese.zanetti2@helpdesk.finestra-banking.eu	2025-03-10 00:15:41+00
116	2	reset_password	password reset link sent to agnese.zanetti2@helpdesk.finestra-banking.eu	2025-03-16 22:16:41+00
117	2	change_email	customer 10 e-mail changed from barthelemy.bastien10@free.fr to barthelemy.bastien64@yahoo.fr	2025-03-24 02:36:14+00
118	1	export_csv	exported 2009 rows to tickets-2024-04-04.csv	2025-03-30 22:11:13+00
119	2	update_ticket	ticket #67 status -> pending	2025-04-07 03:28:20+00
120	1	export_csv	exported 2221 rows to tickets-2023-11-03.csv	2025-04-14 00:07:17+00
121	2	logout	logout ok from 10.94.126.228 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2025-04-20 23:37:06+00
122	2	reset_password	password reset link sent to agnese.zanetti2@helpdesk.finestra-banking.eu	2025-04-27 23:41:33+00
123	1	view_ticket	ticket #43	2025-05-05 02:17:44+00
124	2	logout	logout ok from 10.214.169.64 (agnese.zanetti2@helpdesk.finestra-banking.eu)	2025-05-12 04:27:46+00
125	1	login	login ok from 10.88.30.211 (gaelle.pichon1@helpdesk.finestra-banking.eu)	2025-05-18 23:33:34+00
126	1	view_ticket	ticket #33	2025-05-26 01:43:23+00
127	2	update_ticket	ticket #81 status -> pending	2025-06-02 02:48:24+00
128	2	view_customer	opened customer CU-67985132 <eloise41@free.fr>	2025-06-09 01:15:14+00
129	1	update_ticket	ticket #40 status -> pending	2025-06-16 03:37:00+00
130	1	update_ticket	ticket #79 status -> pending	2025-06-23 02:20:09+00
\.


--
-- Data for Name: contacts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.contacts (id, customer_id, role, first_name, last_name, email, phone, note) FROM stdin;
1	1	primary	Lucrezia	Marras	lucrezia_marras1@gmail.com	+39 320 323 7019	\N
2	2	primary	Raffaella	Valente	raffaella_valente2@libero.it	+39 347 341 3785	\N
3	2	legal	Ottavia	Bergamini	ottavia.bergamini3@ferramenta-rossi.it	\N	Documento verificato: carta d'identità AA51351VI. Non chiamare prima delle 09:00.
4	3	primary	Malte	Jansen	jansen.malte3@posteo.de	+49 89 28511611	\N
5	4	primary	William	Evans	evans.william4@outlook.com	+44 7467 750615	\N
6	4	technical	Callum	Thompson	callum.thompson6@northbridge-finance.co.uk	+44 161 008 2121	\N
7	5	primary	Almut	Runge	almut.runge5@web.de	+49 175 36689832	\N
8	5	technical	Rüdiger	Runge	ruediger.runge8@steuerbuero-weber.de	+49 711 5359226	\N
9	5	billing	Björn	Runge	bjoern.runge9@buchhaltung-koch.de	+49 211 2784825	Letzte Anmeldung von 46.248.135.39. Mit Dr. Runge erst nach 10:20 Uhr sprechen.
10	6	primary	Bianca	Guidi	bianca6@hotmail.it	+39 06 6612 4190	Passaporto XF8176248 in archivio.
11	6	other	Ettore	Guidi	ettore.guidi11@ferramenta-rossi.it	\N	\N
12	7	primary	Zoé	Boulanger	Zoe.boulanger7@wanadoo.fr	+33 7 31 60 95 43	\N
13	7	billing	Ségolène	Boulanger	segolene.boulanger13@expert-compta.fr	+33 1 70 04 11 51	\N
14	7	legal	Lison	Cordier	lison.cordier14@sarl-lefevre.fr	+33 3 81 48 03 45	\N
15	8	primary	Gaia	Melis	gaia8@alice.it	\N	\N
16	9	primary	Kai	Götz	kai.goetz9@gmail.com	+49 171 6822566	Reisepass CN3VX8Z42 liegt vor. Ansprechpartner für die Migration am 14.09.2022.
17	9	technical	Hannes-Detlev	Kessler	hannes-detlev.kessler17@schmidt-gmbh.de	+49 160 4764026	\N
18	9	other	Almut	Dreyer	almut.dreyer18@buchhaltung-koch.de	\N	Bevorzugt Anrufe unter +49 171 6822566.
19	10	primary	Bastien	Barthélemy	barthelemy.bastien10@free.fr	+33 7 41 23 76 32	\N
20	11	primary	Till	Buchholz	tbuchholz11@posteo.de	+49 351 8812200	\N
21	12	primary	William	Cooper	william12@yahoo.co.uk	+44 7731 898307	\N
22	12	other	Charlie	Cooper	charlie.cooper22@hillpartners.com	+44 20 1672 6911	\N
23	13	primary	Rocco	Dell'Acqua	rdellacqua13@tiscali.it	+39 349 545 5177	\N
24	14	primary	Blandine	Jacquet	blandine14@laposte.net	+33 6 71 13 93 57	Envoyer les factures à blandine14@laposte.net. Remboursements sur le compte FR76 9261 2041 2730 4887 2682 086.
25	14	technical	Aymeric	Bouvier	aymeric.bouvier25@cabinet-martin.fr	+33 4 67 10 53 06	\N
26	14	other	Blandine	Jacquet	blandine.jacquet26@atelier-roux.fr	\N	\N
27	15	primary	Tancredi	Cavalli	Tancredi_cavalli15@libero.it	+39 011 758 9334	\N
28	15	technical	Loredana	Mancuso	loredana.mancuso28@contabilita-verdi.it	+39 055 597 8336	\N
29	16	primary	Océane	Bénard	oceane.benard16@sfr.fr	+33 7 06 03 04 20	\N
30	16	legal	Tristan	Royer	tristan.royer30@comptoir-dupre.fr	+33 2 60 13 52 45	\N
31	17	primary	Costanza	Bellucci	bellucci.costanza17@gmail.com	+39 011 229 8842	\N
32	17	technical	Agnese	Marras	agnese.marras32@ferramenta-rossi.it	+39 049 562 7294	\N
33	18	primary	Nicoletta	Tosi	ntosi18@tin.it	+39 338 260 0431	\N
34	18	other	Teodoro	Pace	teodoro.pace34@gruppoalfa.it	+39 320 006 3261	Scrive da teodoro.pace34 chiocciola gruppoalfa punto it. Non chiamare prima delle 16:40.
35	19	primary	Lucrezia	Mancuso	lucrezia_mancuso19@tiscali.it	+39 347 996 6920	\N
36	19	billing	Benedetta	Valente	benedetta.valente36@contabilita-verdi.it	\N	\N
37	19	other	Piergiorgio	Bassi	piergiorgio.bassi37@gruppoalfa.it	+39 049 692 6361	\N
38	20	primary	Benedetta	Caldarola	benedetta_caldarola20@tiscali.it	+39 333 282 2035	\N
39	20	billing	Costanza	Tosi	costanza.tosi39@ferramenta-rossi.it	+39 320 174 7518	\N
40	20	other	Ettore	Caldarola	ettore.caldarola40@studiobianchi.it	+39 347 932 7817	Inviare le fatture a ettore.caldarola40@studiobianchi.it. Parlare con Sig. Caldarola solo dopo le 09:45.
41	21	primary	Elke	Blum	elke21@t-online.de	\N	\N
42	21	other	Malte	Hüttner	malte.huettner42@schmidt-gmbh.de	+49 175 3983896	\N
43	22	primary	Yann	Delmas	ydelmas22@yahoo.fr	+33 7 26 85 54 59	Adresse de correspondance : 132 allée Mirabeau, 31008 Toulouse.
44	22	technical	Aurèle	Delmas	aurele.delmas44@sarl-lefevre.fr	\N	Pièce vérifiée : carte d'identité 701758181857.
45	22	other	Clémence	Lebrun	clemence.lebrun45@sarl-lefevre.fr	+33 4 60 85 54 69	Écrit depuis clemence.lebrun45 [at] sarl-lefevre [dot] fr. Ne pas appeler avant 15:45.
46	23	primary	Ines	Dreyer	idreyer23@web.de	+49 175 0258503	Postanschrift: Friedrich-Ebert-Allee 83, 40203 Düsseldorf.
47	24	primary	William	Edwards	william_edwards24@yahoo.co.uk	+44 7484 440593	Last login from 80.77.158.77.
48	24	other	Poppy	Edwards	poppy.edwards48@northbridge-finance.co.uk	+44 121 012 3372	\N
49	24	legal	Ewan	Hill	ewan.hill49@brown-ltd.com	+44 20 2287 0759	Contact for the migration on 6 October 2022. Prefers to be called on +44 20 2287 0759.
50	25	primary	Gesine	Haller	haller.gesine25@gmail.com	+49 175 5798838	Nicht vor 17:35 Uhr anrufen. Bei Abwesenheit erreichbar: die Tochter Marla, +49 175 5798838.
51	26	primary	Zara	Green	zara_green26@yahoo.co.uk	\N	\N
52	27	primary	Gudrun	Strauß	gstrauss27@t-online.de	+49 152 44313616	Kunde, geboren am 17.08.1982, Steuer-ID 54176938064. Ausweis geprüft: Personalausweis L286TPCCM.
53	27	technical	Ole	Wenzel	ole.wenzel53@handwerk-bauer.de	+49 171 85321961	Mit Herr wenzel erst nach 08:50 Uhr sprechen.
54	28	primary	Gaspard	Guillot	gaspard_guillot28@hotmail.fr	+33 1 83 12 31 84	Client né le 17/10/1980, NIR 1 80 10 21 212 755 51. Ne pas appeler avant 17:30.
55	29	primary	Raffaella	Salvi	raffaella29@gmail.com	+39 051 403 8855	\N
56	29	legal	Ettore	Di Pietrantonio	ettore.dipietrantonio56@studiobianchi.it	\N	\N
57	30	primary	Ottavio	Melis	melis.ottavio30@tiscali.it	+39 340 037 0600	Titolare: sig. Melis; delega a il cointestatario Fulvio Francesco. Documento verificato: carta d'identità CL03011VG.
58	30	other	Agnese	Melis	agnese.melis58@ferramenta-rossi.it	+39 328 525 3448	\N
59	31	primary	Enrica	Lo Cascio	enrica_locascio31@gmail.com	+49 69 56004051	\N
60	32	primary	Guido	Mancuso	gmancuso32@libero.it	+39 080 044 9049	\N
61	32	billing	Nicolò	Sanfilippo	nicolo.sanfilippo61@ferramenta-rossi.it	+39 010 132 8502	\N
62	33	primary	Corrado	Giannini	corrado_giannini33@libero.it	\N	\N
63	33	technical	Raffaella	Ruggiero	raffaella.ruggiero63@gruppoalfa.it	\N	\N
64	34	primary	Gaëlle	Lagarde	Gaelle.lagarde34@laposte.net	+33 2 27 68 96 04	Interlocuteur : Mme Gaëlle Lagarde, préfère l'e-mail. Interlocuteur pour la migration du 06/12/2021.
65	34	other	Soline	Besnard	soline.besnard65@expert-compta.fr	+33 4 08 31 20 47	Envoyer les factures à soline.besnard65@expert-compta.fr. Interlocuteur : Mlle Soline Besnard, préfère l'e-mail.
66	35	primary	Piergiorgio	Negri	negri.piergiorgio35@gmail.com	+39 338 468 6579	Rimborsi sul conto IT92R4800836752666537643250. Non chiamare prima delle 08:00.
67	35	legal	Benedetta	Negri	benedetta.negri67@ferramenta-rossi.it	\N	Rimborsi sul conto IT92R4800836752666537643250.
68	36	primary	Hauke	Pfeiffer	hauke36@t-online.de	+49 211 7332802	Bei Abwesenheit erreichbar: die Ehefrau Mireya, +49 211 7332802. Bei Abwesenheit erreichbar: der Bruder Charlot Umlauft, +49 211 7332802.
69	37	primary	Jack	Robinson	jack.robinson37@outlook.com	+49 341 0636426	Prefers to be called on +49 341 0636426.
70	37	billing	William	Taylor	william.taylor70@brown-ltd.com	+49 30 43633658	\N
71	38	primary	Gaia	Caldarola	gcaldarola38@gmail.com	+39 333 224 5094	\N
72	38	technical	Jacopo	Caldarola	jacopo.caldarola72@gruppoalfa.it	\N	Referente: Signor Jacopo Caldarola, preferisce la posta elettronica. Jacopo Caldarola: referente amministrativo.
73	39	primary	Gunnar	Kuhlmann	kuhlmann.gunnar39@gmx.de	+49 172 36736609	Ansprechpartner: Herr Gunnar Kuhlmann, bevorzugt E-Mail. Rechnungen an kuhlmann.gunnar39@gmx.de senden.
74	40	primary	Teodoro	Valente	teodoro.valente40@virgilio.it	+39 347 756 5601	\N
75	40	other	Ornella	Lo Cascio	ornella.locascio75@contabilita-verdi.it	\N	\N
76	40	legal	Benedetta	Dell'Acqua	benedetta.dellacqua76@contabilita-verdi.it	+39 347 218 3907	\N
77	41	primary	Éloïse	Lebrun	eloise41@free.fr	+33 4 35 27 85 76	Préfère être contactée au +33 4 35 27 85 76.
78	42	primary	Guido	Bruni	Bruni.guido42@tin.it	+39 340 282 5771	Rimborsi sul conto BE08692895687813. Documento verificato: carta d'identità AL85572YT.
79	42	billing	Rocco	Di Pietrantonio	rocco.dipietrantonio79@ferramenta-rossi.it	\N	Scrive da rocco.dipietrantonio79 [at] ferramenta-rossi [dot] it.
80	43	primary	Filippo	Bellucci	filippo.bellucci43@virgilio.it	+39 393 446 5086	\N
81	44	primary	Hortense	Barthélemy	hortense_barthelemy44@orange.fr	+33 6 15 66 43 44	\N
82	44	billing	Blandine	Bénard	blandine.benard82@expert-compta.fr	\N	\N
83	45	primary	Lucrezia	Tedesco	ltedesco45@virgilio.it	+39 010 137 8219	\N
84	46	primary	Annegret	Buchholz	annegret.buchholz46@outlook.de	+49 170 13033532	Bevorzugt Anrufe unter +49 170 13033532.
85	46	technical	Wiebke	Pfeiffer	wiebke.pfeiffer85@buchhaltung-koch.de	+49 30 39447700	Ansprechpartner: Frau Wiebke Pfeiffer, bevorzugt E-Mail. Ansprechpartner für die Migration am 17.01.2019.
86	47	primary	Jérôme	Leclercq	jerome_leclercq47@yahoo.fr	+33 2 18 92 24 40	Titulaire : M. Leclercq ; procuration donnée : le conjoint Hanadi. Pièce vérifiée : carte d'identité 864123138699.
87	48	primary	Amedeo	Cavalli	amedeo48@outlook.it	+39 051 662 7356	\N
88	49	primary	Poppy	White	pwhite49@btinternet.com	+44 7879 533936	Holder: Miss White; power of attorney for their mother Alvena Hojnacki.
89	49	technical	Niamh	Edwards	niamh.edwards89@hillpartners.com	+44 7449 928825	Do not call before 11:30.
90	50	primary	Solène	Rolland	solene.rolland50@sfr.fr	+33 5 75 81 91 08	\N
91	50	technical	Blandine	Rolland	blandine.rolland91@expert-compta.fr	+33 1 66 49 26 66	\N
92	50	other	Tristan	Marchal	tristan.marchal92@expert-compta.fr	\N	En cas d'absence appeler le cotitulaire Kaïla Privas au +33 5 75 81 91 08. Préfère être contacté au +33 5 75 81 91 08.
93	51	primary	Jérôme	Hamel	jerome_hamel51@wanadoo.fr	+33 4 03 76 08 63	En cas d'absence appeler la conjointe Blondine Dambre au +33 4 03 76 08 63.
94	52	primary	Fortunato	Sanfilippo	sanfilippo.fortunato52@tiscali.it	+39 011 762 3881	Rimborsi sul conto IT42 G983 7155 6350 7663 9463 818.
95	53	primary	Rémi	Huet	remi_huet53@gmail.com	+33 2 74 22 06 77	Titulaire : M. Huet ; procuration donnée : le cotitulaire John-Christopher Vanbesien. Écrit depuis remi_huet53 [at] gmail.com.
96	53	legal	Capucine	Marty	capucine.marty96@cabinet-martin.fr	+33 4 10 20 32 68	\N
97	54	primary	Solène	Collet	solene.collet54@wanadoo.fr	+33 6 67 67 61 78	\N
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customers (id, customer_code, first_name, last_name, email, phone, fax, birth_date, street, postcode, city, country, profile, created_at) FROM stdin;
1	CU-45945868	Lucrezia	Marras	lucrezia_marras1@gmail.com	+39 320 323 7019	\N	1992-07-10	Piazza Goffredo Mameli 155	34113	Trieste	IT	{"email": "lucrezia_marras1@gmail.com", "phones": ["+39 320 323 7019"], "address": {"city": "Trieste", "street": "Piazza Goffredo Mameli 155"}, "preferences": {"language": "it", "newsletter": false}}	2015-01-01 05:05:10+00
2	CU-59414389	Raffaella	Valente	raffaella_valente2@libero.it	+39 347 341 3785	\N	1949-07-01	Piazza dei Cappuccini 149	47184	Forlì	IT	{"email": "raffaella_valente2@libero.it", "phones": ["+39 347 341 3785", "+39 328 661 0380"], "address": {"city": "Forlì", "street": "Piazza dei Cappuccini 149"}, "nickname": "Tancredi", "preferences": {"language": "it", "newsletter": false}}	2015-03-13 01:10:35+00
3	CU-07422641	Malte	Jansen	jansen.malte3@posteo.de	+49 89 28511611	\N	1965-03-18	Bismarckstraße 70	10136	Berlin	DE	{"email": "jansen.malte3@posteo.de", "phones": ["+49 89 28511611", "+49 176 5025898"], "address": {"city": "Berlin", "street": "Bismarckstraße 70"}, "nickname": "Ines", "preferences": {"language": "de", "newsletter": true}}	2015-05-23 01:25:39+00
4	CU-15736913	William	Evans	evans.william4@outlook.com	+44 7467 750615	\N	1952-04-24	Flat 7, 82 Chapel Lane	EC1V 0FG	London	GB	{"email": "evans.william4@outlook.com", "phones": ["+44 7467 750615", "+44 7852 394418"], "address": {"city": "London", "street": "Flat 7, 82 Chapel Lane"}, "preferences": {"language": "en", "newsletter": false}}	2015-08-01 23:54:59+00
5	CU-64534459	Almut	Runge	almut.runge5@web.de	+49 175 36689832	\N	\N	Holunderweg 73	6020	Innsbruck	AT	{"email": "almut.runge5@web.de", "phones": ["+49 175 36689832", "+49 160 78861684"], "address": {"city": "Innsbruck", "street": "Holunderweg 73"}, "nickname": "Lutz", "preferences": {"language": "de", "newsletter": true}}	2015-10-12 03:26:53+00
6	CU-10697853	Bianca	Guidi	bianca6@hotmail.it	+39 06 6612 4190	\N	1951-06-04	Viale Ippolito Nievo 2	50159	Firenze	IT	{"email": "bianca6@hotmail.it", "phones": ["+39 06 6612 4190", "+39 349 524 9121"], "address": {"city": "Firenze", "street": "Viale Ippolito Nievo 2"}, "nickname": "Tancredi", "preferences": {"language": "it", "newsletter": false}}	2015-12-21 22:43:52+00
7	CU-97753293	Zoé	Boulanger	Zoe.boulanger7@wanadoo.fr	+33 7 31 60 95 43	\N	1988-06-21	\N	\N	\N	FR	{"email": "Zoe.boulanger7@wanadoo.fr", "phones": ["+33 7 31 60 95 43"], "preferences": {"language": "fr", "newsletter": false}}	2016-03-02 02:37:20+00
8	CU-89702139	Gaia	Melis	gaia8@alice.it	\N	\N	1967-06-27	Viale San Rocco 2	10198	Torino	IT	{"email": "gaia8@alice.it", "phones": [], "address": {"city": "Torino", "street": "Viale San Rocco 2"}, "nickname": "Rocco", "preferences": {"language": "it", "newsletter": false}}	2016-05-12 00:59:22+00
9	CU-18875643	Kai	Götz	kai.goetz9@gmail.com	+49 171 6822566	\N	1998-11-15	Fontanestraße 103	90442	Nürnberg	DE	{"email": "kai.goetz9@gmail.com", "phones": ["+49 171 6822566"], "address": {"city": "Nürnberg", "street": "Fontanestraße 103"}, "preferences": {"language": "de", "newsletter": true}}	2016-07-21 21:29:01+00
10	CU-38157473	Bastien	Barthélemy	barthelemy.bastien10@free.fr	+33 7 41 23 76 32	+33 1 32 07 68 32	1949-08-18	84 impasse de la Croix-Rousse	59000	Lille	FR	{"email": "barthelemy.bastien10@free.fr", "phones": ["+33 7 41 23 76 32", "+33 7 09 57 75 53"], "address": {"city": "Lille", "street": "84 impasse de la Croix-Rousse"}, "preferences": {"language": "fr", "newsletter": true}}	2016-10-01 00:20:14+00
11	CU-18018099	Till	Buchholz	tbuchholz11@posteo.de	+49 351 8812200	\N	1946-09-04	Händelplatz 39	10116	Berlin	DE	{"email": "tbuchholz11@posteo.de", "phones": ["+49 351 8812200"], "address": {"city": "Berlin", "street": "Händelplatz 39"}, "preferences": {"language": "de", "newsletter": false}}	2016-12-10 19:51:57+00
12	CU-24939136	William	Cooper	william12@yahoo.co.uk	+44 7731 898307	\N	1987-06-11	63 London Lane	29013	Málaga	ES	\N	2017-02-19 22:04:21+00
13	CU-72773897	Rocco	Dell'Acqua	rdellacqua13@tiscali.it	+39 349 545 5177	+39 080 474 2715	1967-12-14	Viale dei Cappuccini 50	34160	Trieste	IT	{"email": "rdellacqua13@tiscali.it", "phones": ["+39 349 545 5177"], "address": {"city": "Trieste", "street": "Viale dei Cappuccini 50"}, "preferences": {"language": "it", "newsletter": false}}	2017-05-01 20:06:21+00
14	CU-58599360	Blandine	Jacquet	blandine14@laposte.net	+33 6 71 13 93 57	\N	1954-06-07	4 impasse des Peupliers	69008	Lyon	FR	{"email": "blandine14@laposte.net", "phones": ["+33 6 71 13 93 57", "+33 7 68 29 61 01"], "address": {"city": "Lyon", "street": "4 impasse des Peupliers"}, "preferences": {"language": "fr", "newsletter": true}}	2017-07-11 19:14:13+00
15	CU-36606690	Tancredi	Cavalli	Tancredi_cavalli15@libero.it	+39 011 758 9334	\N	1992-03-25	Vicolo dei Gelsi 104	34103	Trieste	IT	{"email": "Tancredi_cavalli15@libero.it", "phones": ["+39 011 758 9334"], "address": {"city": "Trieste", "street": "Vicolo dei Gelsi 104"}, "preferences": {"language": "it", "newsletter": true}}	2017-09-20 18:19:40+00
16	CU-44295427	Océane	Bénard	oceane.benard16@sfr.fr	+33 7 06 03 04 20	\N	1997-07-13	142 impasse des Jardins	67000	Strasbourg	FR	{"email": "oceane.benard16@sfr.fr", "phones": ["+33 7 06 03 04 20", "+33 7 31 39 45 62"], "address": {"city": "Strasbourg", "street": "142 impasse des Jardins"}, "preferences": {"language": "fr", "newsletter": true}}	2017-11-30 20:34:12+00
17	CU-50191019	Costanza	Bellucci	bellucci.costanza17@gmail.com	+39 011 229 8842	+39 011 447 0703	1990-01-13	Vicolo Ippolito Nievo 138	40184	Bologna	IT	\N	2018-02-09 21:50:42+00
18	CU-41726760	Nicoletta	Tosi	ntosi18@tin.it	+39 338 260 0431	\N	1940-12-24	Via dei Cappuccini 164	10118	Torino	IT	{"email": "ntosi18@tin.it", "phones": ["+39 338 260 0431", "+39 320 318 2528"], "address": {"city": "Torino", "street": "Via dei Cappuccini 164"}, "preferences": {"language": "it", "newsletter": true}}	2018-04-21 18:43:05+00
19	CU-16540957	Lucrezia	Mancuso	lucrezia_mancuso19@tiscali.it	+39 347 996 6920	+39 010 448 3622	2003-10-10	Corso Bligny 177	00174	Roma	IT	{"email": "lucrezia_mancuso19@tiscali.it", "phones": ["+39 347 996 6920", "+39 340 920 3099"], "address": {"city": "Roma", "street": "Corso Bligny 177"}, "nickname": "Saverio", "preferences": {"language": "it", "newsletter": false}}	2018-07-01 17:13:43+00
20	CU-38401333	Benedetta	Caldarola	benedetta_caldarola20@tiscali.it	+39 333 282 2035	\N	1963-06-23	Viale Bligny 10	20173	Milano	IT	{"email": "benedetta_caldarola20@tiscali.it", "phones": ["+39 333 282 2035"], "address": {"city": "Milano", "street": "Viale Bligny 10"}, "nickname": "Amedeo", "preferences": {"language": "it", "newsletter": true}}	2018-09-10 18:06:51+00
21	CU-94557489	Elke	Blum	elke21@t-online.de	\N	\N	1990-02-16	Kolpingweg 83	04183	Leipzig	DE	{"email": "elke21@t-online.de", "phones": [], "address": {"city": "Leipzig", "street": "Kolpingweg 83"}, "nickname": "Wiebke", "preferences": {"language": "de", "newsletter": false}}	2018-11-20 16:33:40+00
22	CU-87349292	Yann	Delmas	ydelmas22@yahoo.fr	+33 7 26 85 54 59	\N	1948-12-22	132 allée Mirabeau	31008	Toulouse	FR	{"email": "ydelmas22@yahoo.fr", "phones": ["+33 7 26 85 54 59", "+33 6 90 76 68 19"], "address": {"city": "Toulouse", "street": "132 allée Mirabeau"}, "preferences": {"language": "fr", "newsletter": false}}	2019-01-30 17:58:08+00
23	CU-74536344	Ines	Dreyer	idreyer23@web.de	+49 175 0258503	\N	1944-01-18	Friedrich-Ebert-Allee 83	40203	Düsseldorf	DE	{"email": "idreyer23@web.de", "phones": ["+49 175 0258503", "+49 172 9475239"], "address": {"city": "Düsseldorf", "street": "Friedrich-Ebert-Allee 83"}, "nickname": "Volker", "preferences": {"language": "de", "newsletter": false}}	2019-04-11 17:09:13+00
24	CU-36653674	William	Edwards	william_edwards24@yahoo.co.uk	+44 7484 440593	+44 117 565 1559	1944-09-12	113 Green Road	4000-105	Porto	PT	{"email": "william_edwards24@yahoo.co.uk", "phones": ["+44 7484 440593"], "address": {"city": "Porto", "street": "113 Green Road"}, "nickname": "Lily", "preferences": {"language": "en", "newsletter": false}}	2019-06-21 18:06:57+00
25	CU-32565743	Gesine	Haller	haller.gesine25@gmail.com	+49 175 5798838	\N	1941-04-18	Händelgasse 94	10105	Berlin	DE	{"email": "haller.gesine25@gmail.com", "phones": ["+49 175 5798838", "+49 170 55540144"], "address": {"city": "Berlin", "street": "Händelgasse 94"}, "preferences": {"language": "de", "newsletter": true}}	2019-08-31 14:58:04+00
26	CU-90572548	Zara	Green	zara_green26@yahoo.co.uk	\N	\N	1984-06-15	90 Grange Close	28048	Madrid	ES	{"email": "zara_green26@yahoo.co.uk", "phones": [], "address": {"city": "Madrid", "street": "90 Grange Close"}, "preferences": {"language": "en", "newsletter": false}}	2019-11-10 15:52:26+00
27	CU-88057854	Gudrun	Strauß	gstrauss27@t-online.de	+49 152 44313616	+49 341 8182788	1982-08-17	Bismarckgasse 118	1610	Wien	AT	{"email": "gstrauss27@t-online.de", "phones": ["+49 152 44313616"], "address": {"city": "Wien", "street": "Bismarckgasse 118"}, "preferences": {"language": "de", "newsletter": true}}	2020-01-20 17:21:48+00
28	CU-53633931	Gaspard	Guillot	gaspard_guillot28@hotmail.fr	+33 1 83 12 31 84	\N	1980-10-17	42 boulevard Édouard Vaillant	59000	Lille	FR	{"email": "gaspard_guillot28@hotmail.fr", "phones": ["+33 1 83 12 31 84", "+33 6 98 16 29 18"], "address": {"city": "Lille", "street": "42 boulevard Édouard Vaillant"}, "preferences": {"language": "fr", "newsletter": false}}	2020-03-31 14:09:31+00
29	CU-95692618	Raffaella	Salvi	raffaella29@gmail.com	+39 051 403 8855	\N	1941-11-19	Corso Ippolito Nievo 11	20152	Milano	IT	{"email": "raffaella29@gmail.com", "phones": ["+39 051 403 8855", "+39 347 729 7259"], "address": {"city": "Milano", "street": "Corso Ippolito Nievo 11"}, "nickname": "Teodoro", "preferences": {"language": "it", "newsletter": false}}	2020-06-10 11:33:22+00
30	CU-79410484	Ottavio	Melis	melis.ottavio30@tiscali.it	+39 340 037 0600	\N	1954-04-27	Via dell'Indipendenza 154	47166	Forlì	IT	{"email": "melis.ottavio30@tiscali.it", "phones": ["+39 340 037 0600", "+39 338 973 1633"], "address": {"city": "Forlì", "street": "Via dell'Indipendenza 154"}, "preferences": {"language": "it", "newsletter": true}}	2020-08-20 12:04:48+00
31	CU-70255245	Enrica	Lo Cascio	enrica_locascio31@gmail.com	+49 69 56004051	+49 221 6377819	1992-01-13	Viale delle Magnolie 63	4009	Basel	CH	{"email": "enrica_locascio31@gmail.com", "phones": ["+49 69 56004051"], "address": {"city": "Basel", "street": "Viale delle Magnolie 63"}, "nickname": "Benedetta", "preferences": {"language": "it", "newsletter": false}}	2020-10-30 12:13:00+00
32	CU-79881571	Guido	Mancuso	gmancuso32@libero.it	+39 080 044 9049	+39 010 547 3444	1982-02-07	Viale Solferino 164	16166	Genova	IT	{"email": "gmancuso32@libero.it", "phones": ["+39 080 044 9049"], "address": {"city": "Genova", "street": "Viale Solferino 164"}, "nickname": "Tancredi", "preferences": {"language": "it", "newsletter": false}}	2021-01-09 15:25:19+00
33	CU-05936908	Corrado	Giannini	corrado_giannini33@libero.it	\N	\N	1962-07-25	\N	\N	\N	IT	\N	2021-03-21 12:39:57+00
34	CU-81571238	Gaëlle	Lagarde	Gaelle.lagarde34@laposte.net	+33 2 27 68 96 04	+33 3 52 51 72 05	1956-02-14	151 impasse de la Croix-Rousse	42000	Saint-Étienne	FR	{"email": "Gaelle.lagarde34@laposte.net", "phones": ["+33 2 27 68 96 04", "+33 7 18 38 98 92"], "address": {"city": "Saint-Étienne", "street": "151 impasse de la Croix-Rousse"}, "preferences": {"language": "fr", "newsletter": true}}	2021-05-31 14:59:25+00
35	CU-17509532	Piergiorgio	Negri	negri.piergiorgio35@gmail.com	+39 338 468 6579	\N	1940-04-17	Corso dell'Indipendenza 43	25159	Brescia	IT	{"email": "negri.piergiorgio35@gmail.com", "phones": ["+39 338 468 6579"], "address": {"city": "Brescia", "street": "Corso dell'Indipendenza 43"}, "preferences": {"language": "it", "newsletter": false}}	2021-08-10 12:38:26+00
36	CU-08190239	Hauke	Pfeiffer	hauke36@t-online.de	+49 211 7332802	\N	1983-10-12	Berlinerweg 36	90481	Nürnberg	DE	{"email": "hauke36@t-online.de", "phones": ["+49 211 7332802", "+49 171 93132267"], "address": {"city": "Nürnberg", "street": "Berlinerweg 36"}, "nickname": "Detlef", "preferences": {"language": "de", "newsletter": false}}	2021-10-20 09:53:46+00
37	CU-10671293	Jack	Robinson	jack.robinson37@outlook.com	+49 341 0636426	\N	1979-08-26	139 Queen's Street	3017 KW	Rotterdam	NL	{"email": "jack.robinson37@outlook.com", "phones": ["+49 341 0636426"], "address": {"city": "Rotterdam", "street": "139 Queen's Street"}, "nickname": "Ruby", "preferences": {"language": "en", "newsletter": false}}	2021-12-30 12:50:55+00
38	CU-04864812	Gaia	Caldarola	gcaldarola38@gmail.com	+39 333 224 5094	+39 080 310 1184	\N	Vicolo Santa Chiara 55	47114	Forlì	IT	{"email": "gcaldarola38@gmail.com", "phones": ["+39 333 224 5094", "+39 333 310 9611"], "address": {"city": "Forlì", "street": "Vicolo Santa Chiara 55"}, "preferences": {"language": "it", "newsletter": false}}	2022-03-11 09:25:13+00
39	CU-07327984	Gunnar	Kuhlmann	kuhlmann.gunnar39@gmx.de	+49 172 36736609	\N	\N	Wacholderallee 10	6900	Lugano	CH	{"email": "kuhlmann.gunnar39@gmx.de", "phones": ["+49 172 36736609"], "address": {"city": "Lugano", "street": "Wacholderallee 10"}, "preferences": {"language": "de", "newsletter": true}}	2022-05-21 09:15:38+00
40	CU-47541615	Teodoro	Valente	teodoro.valente40@virgilio.it	+39 347 756 5601	\N	2003-09-17	Corso San Rocco 156	00193	Roma	IT	{"email": "teodoro.valente40@virgilio.it", "phones": ["+39 347 756 5601", "+39 338 975 1193"], "address": {"city": "Roma", "street": "Corso San Rocco 156"}, "preferences": {"language": "it", "newsletter": true}}	2022-07-31 11:46:57+00
41	CU-67985132	Éloïse	Lebrun	eloise41@free.fr	+33 4 35 27 85 76	+33 4 95 32 28 34	1984-10-13	106 boulevard de la Croix-Rousse	13090	Aix-en-Provence	FR	{"email": "eloise41@free.fr", "phones": ["+33 4 35 27 85 76", "+33 6 84 99 70 71"], "address": {"city": "Aix-en-Provence", "street": "106 boulevard de la Croix-Rousse"}, "nickname": "Yann", "preferences": {"language": "fr", "newsletter": false}}	2022-10-10 11:45:24+00
42	CU-46329734	Guido	Bruni	Bruni.guido42@tin.it	+39 340 282 5771	\N	1956-10-17	Via Solferino 159	20156	Milano	IT	\N	2022-12-20 10:01:23+00
43	CU-35186697	Filippo	Bellucci	filippo.bellucci43@virgilio.it	+39 393 446 5086	+39 045 269 5806	1971-06-23	Corso dei Cappuccini 111	16112	Genova	IT	\N	2023-03-01 05:48:05+00
44	CU-35957637	Hortense	Barthélemy	hortense_barthelemy44@orange.fr	+33 6 15 66 43 44	\N	1992-10-16	112 place du Four	67000	Strasbourg	FR	{"email": "hortense_barthelemy44@orange.fr", "phones": ["+33 6 15 66 43 44", "+33 6 89 25 95 72"], "address": {"city": "Strasbourg", "street": "112 place du Four"}, "nickname": "Timothée", "preferences": {"language": "fr", "newsletter": true}}	2023-05-11 05:58:20+00
45	CU-62125946	Lucrezia	Tedesco	ltedesco45@virgilio.it	+39 010 137 8219	\N	1989-02-17	Via Goffredo Mameli 110	70133	Bari	IT	{"email": "ltedesco45@virgilio.it", "phones": ["+39 010 137 8219", "+39 340 837 3672"], "address": {"city": "Bari", "street": "Via Goffredo Mameli 110"}, "nickname": "Amedeo", "preferences": {"language": "it", "newsletter": false}}	2023-07-21 08:43:52+00
46	CU-10795877	Annegret	Buchholz	annegret.buchholz46@outlook.de	+49 170 13033532	+49 351 3148874	1943-05-06	Fontaneplatz 166	70128	Stuttgart	DE	{"email": "annegret.buchholz46@outlook.de", "phones": ["+49 170 13033532", "+49 160 76452369"], "address": {"city": "Stuttgart", "street": "Fontaneplatz 166"}, "preferences": {"language": "de", "newsletter": false}}	2023-09-30 09:22:42+00
47	CU-01312796	Jérôme	Leclercq	jerome_leclercq47@yahoo.fr	+33 2 18 92 24 40	\N	1946-01-11	45 bis boulevard Colbert	33000	Bordeaux	FR	{"email": "jerome_leclercq47@yahoo.fr", "phones": ["+33 2 18 92 24 40", "+33 7 26 38 14 62"], "address": {"city": "Bordeaux", "street": "45 bis boulevard Colbert"}, "preferences": {"language": "fr", "newsletter": true}}	2023-12-10 08:26:07+00
48	CU-20990858	Amedeo	Cavalli	amedeo48@outlook.it	+39 051 662 7356	\N	1965-02-13	Viale Benedetto Croce 171	10117	Torino	IT	{"email": "amedeo48@outlook.it", "phones": ["+39 051 662 7356", "+39 320 300 9163"], "address": {"city": "Torino", "street": "Viale Benedetto Croce 171"}, "preferences": {"language": "it", "newsletter": false}}	2024-02-19 05:35:45+00
49	CU-25734589	Poppy	White	pwhite49@btinternet.com	+44 7879 533936	\N	1946-03-14	179 Church Street	41079	Sevilla	ES	{"email": "pwhite49@btinternet.com", "phones": ["+44 7879 533936", "+44 7962 126568"], "address": {"city": "Sevilla", "street": "179 Church Street"}, "nickname": "Eleanor", "preferences": {"language": "en", "newsletter": true}}	2024-04-30 08:25:22+00
50	CU-65249000	Solène	Rolland	solene.rolland50@sfr.fr	+33 5 75 81 91 08	+33 5 41 90 27 05	1995-02-18	78 place Lamartine	33000	Bordeaux	FR	{"email": "solene.rolland50@sfr.fr", "phones": ["+33 5 75 81 91 08", "+33 7 91 44 06 74"], "address": {"city": "Bordeaux", "street": "78 place Lamartine"}, "nickname": "Aurèle", "preferences": {"language": "fr", "newsletter": false}}	2024-07-10 06:31:46+00
51	CU-80313806	Jérôme	Hamel	jerome_hamel51@wanadoo.fr	+33 4 03 76 08 63	\N	1959-06-20	65 allée du Faubourg	34000	Montpellier	FR	{"email": "jerome_hamel51@wanadoo.fr", "phones": ["+33 4 03 76 08 63", "+33 7 69 37 94 05"], "address": {"city": "Montpellier", "street": "65 allée du Faubourg"}, "preferences": {"language": "fr", "newsletter": false}}	2024-09-19 03:53:13+00
52	CU-89082192	Fortunato	Sanfilippo	sanfilippo.fortunato52@tiscali.it	+39 011 762 3881	\N	1940-01-15	Piazza Ludovico Ariosto 129	47136	Forlì	IT	{"email": "sanfilippo.fortunato52@tiscali.it", "phones": ["+39 011 762 3881", "+39 349 171 0633"], "address": {"city": "Forlì", "street": "Piazza Ludovico Ariosto 129"}, "nickname": "Tancredi", "preferences": {"language": "it", "newsletter": false}}	2024-11-29 06:38:36+00
53	CU-10209511	Rémi	Huet	remi_huet53@gmail.com	+33 2 74 22 06 77	+33 2 00 72 43 03	1997-04-23	\N	\N	\N	FR	{"email": "remi_huet53@gmail.com", "phones": ["+33 2 74 22 06 77", "+33 7 48 01 23 74"], "nickname": "Blandine", "preferences": {"language": "fr", "newsletter": true}}	2025-02-08 05:12:58+00
54	CU-89804030	Solène	Collet	solene.collet54@wanadoo.fr	+33 6 67 67 61 78	\N	1941-07-20	105 allée des Capucins	13002	Marseille	FR	{"email": "solene.collet54@wanadoo.fr", "phones": ["+33 6 67 67 61 78", "+33 6 67 14 11 49"], "address": {"city": "Marseille", "street": "105 allée des Capucins"}, "preferences": {"language": "fr", "newsletter": true}}	2025-04-20 04:08:12+00
\.


--
-- Data for Name: payment_cards; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.payment_cards (id, account_id, card_number, holder_name, expires_on) FROM stdin;
1	57	5249648425046659	Yann Delmas	2031-05-31
2	73	345671617730595	Gudrun Strauß	2028-10-31
3	56	5156427133841284	Enrica Lo Cascio	2028-02-29
4	24	4573195427426496	William Edwards	2024-10-31
5	3	5475161735613445	Malte Jansen	2024-09-30
6	14	4255237138550233	Blandine Jacquet	2028-07-31
7	34	4257435133053298	GAËLLE LAGARDE	2024-11-30
8	59	4190022695354668	GUDRUN STRAUß	2029-04-30
9	61	4305757139555535	Benedetta Caldarola	2031-07-31
10	74	4036433239728838	SOLÈNE COLLET	2028-04-30
11	37	4108933113889039	Jack Robinson	2031-01-31
12	81	4054228375572124	Rémi Huet	2031-05-31
13	58	5417209290929531	Amedeo Cavalli	2028-03-31
14	78	4215341292234284	Rémi Huet	2027-02-28
15	47	5250380689718080	Jérôme Leclercq	2028-10-31
16	15	4686241024299136	TANCREDI CAVALLI	2029-03-31
17	72	5531263958189509	Guido Bruni	2031-01-31
18	63	4899838056960270	Zoé Boulanger	2025-08-31
19	24	5572185250393788	William Edwards	2025-01-31
20	69	5405767983525209	Amedeo Cavalli	2029-10-31
21	70	4717018697050498	Filippo Bellucci	2025-02-28
22	21	4848791471200370	Elke Blum	2025-07-31
23	28	5276646528895101	GASPARD GUILLOT	2030-09-30
24	81	4652618387774443	Rémi Huet	2030-12-31
25	68	5588403818501988	Bianca Guidi	2029-10-31
26	56	4007198217680344	Enrica Lo Cascio	2027-09-30
27	40	4630835537388646	Teodoro Valente	2026-04-30
28	46	5255253521659082	ANNEGRET BUCHHOLZ	2024-01-31
29	56	4015119136908962	ENRICA LO CASCIO	2029-10-31
30	68	4382490665069442	Bianca Guidi	2027-02-28
31	51	4838037622373282	Jérôme Hamel	2024-10-31
32	30	4204203731248262	Ottavio Melis	2025-04-30
33	7	4505880505310059	Zoé Boulanger	2031-04-30
34	18	4452292540797733	Nicoletta Tosi	2029-02-28
35	56	4954492364724291	Enrica Lo Cascio	2026-01-31
36	5	5345367626407387	Almut Runge	2025-11-30
37	58	5411796868628921	Amedeo Cavalli	2024-12-31
38	56	4620958767988802	Enrica Lo Cascio	2031-06-30
39	50	4805572845340287	SOLÈNE ROLLAND	2031-07-31
40	35	5502478128243128	Piergiorgio Negri	2031-05-31
41	48	375512397921702	Amedeo Cavalli	2031-04-30
42	41	4169429248604795	Éloïse Lebrun	2029-11-30
43	28	4692096877605165	GASPARD GUILLOT	2024-05-31
44	22	4772293627559130	Yann Delmas	2025-11-30
45	39	348599205836853	GUNNAR KUHLMANN	2030-01-31
46	51	4653507966772879	Jérôme Hamel	2025-05-31
47	35	5447338282983851	PIERGIORGIO NEGRI	2029-09-30
48	64	5121489423668043	BLANDINE JACQUET	2027-12-31
49	50	4894936705387070	SOLÈNE ROLLAND	2030-11-30
50	59	5250713157557871	Gudrun Strauß	2024-05-31
51	45	4257074653599842	Lucrezia Tedesco	2031-02-28
52	64	5341815123700211	Blandine Jacquet	2027-04-30
53	65	5395964527360985	William Edwards	2027-06-30
54	20	5535628991516841	Benedetta Caldarola	2025-10-31
55	45	5477410142128713	LUCREZIA TEDESCO	2026-07-31
56	26	4941389007860431	ZARA GREEN	2028-10-31
57	57	5123147102268968	Yann Delmas	2028-08-31
58	73	5514859909219419	GUDRUN STRAUß	2031-10-31
59	42	5224112102802024	Guido Bruni	2031-11-30
60	53	5281482051222445	RÉMI HUET	2028-08-31
61	67	344579157981059	Bastien Barthélemy	2031-05-31
62	56	4234432237171926	ENRICA LO CASCIO	2026-04-30
63	29	4509943657537568	RAFFAELLA SALVI	2026-11-30
64	7	5432115264605984	Zoé Boulanger	2030-07-31
65	49	5566744634779175	Poppy White	2028-03-31
\.


--
-- Data for Name: tickets; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.tickets (id, customer_id, assigned_to, subject, body, status, opened_at, tags) FROM stdin;
1	31	1	Smarrimento carta - blocco urgente - enrica_locascio31@gmail.com	Salve,\n\nil pagamento di 4.697,94 CHF presso un negozio online (ordine ORD-2022-138027) è stato rifiutato il 08/02/2025, carta n. 5156 4271 3384 1284. Sono residente in Viale delle Magnolie 63, 4009 Basel.\n\nGrazie mille,\nTel. +49 69 56004051	closed	2019-01-01 01:39:56+00	{login,billing}
2	3	\N	Vorgang Dr. Jansen	Hallo Support-Team,\n\nbitte aktualisieren Sie meine Telefonnummer: +49 89 28511611. Meine E-Mail-Adresse bleibt jansen.malte3@posteo.de. Schreiben Sie mir gern an jansen.malte3 [at] posteo [dot] de. Auf dem Kontoauszug steht die Buchung 8324752481143917 vom 21.12.2025. Im Anhang finden Sie den Beleg zur Bestellung ORD-2022-566871. Ich habe schon zweimal bei der Hotline angerufen.\n\nVielen Dank im Voraus\nTel. +49 89 28511611\n\n> Sehr geehrter Herr Jansen,\n> wir haben Ihr Anliegen geprüft, die Buchung ist korrigiert.\n> Mit freundlichen Grüßen\n> Gaëlle Pichon\n> Kundenservice\n> gaelle.pichon1@helpdesk.finestra-banking.eu	resolved	2019-01-28 18:09:20+00	{sepa}
3	11	2	Kunde BUCHHOLZ: dringend - tbuchholz11@posteo.de	Sehr geehrte Damen und Herren,\nich bin Herr Till Buchholz und seit 2015 bei Ihnen,\n\ndie SEPA-Überweisung über 7.370,16 EUR vom 17.08.2020 von meinem Konto DE85639821996676818485 wurde mit dem Grund AC04 zurückgewiesen. Als Nachweis können Sie meinen Reisepass CP35L19L4 nehmen. Die Filiale in der Bismarckstraße war geschlossen.\n\nDanke,\nTill Buchholz (tbuchholz11@posteo.de)\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2019-02-25 08:56:29+00	{iban,app}
4	\N	2	[internal] follow-up	Certificate of the card gateway expires on 26 August 2021. Please renew before the release.\nOwner: Agnese Zanetti, agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2019-03-24 23:37:53+00	{billing,urgent,statement}
5	45	1	Re: Addebito non riconosciuto	Buonasera,\nsono Lucrezia Tedesco, titolare del conto,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT15 P996 2554 4190 9245 7871 149. Vi prego di confermare via e-mail a ltedesco45@virgilio.it. Ieri sera ho fatto login da 80.218.141.67 e poi l'app si è bloccata. Vi allego la carta d'identità CA93689JF, valida fino al 12/03/2020. Ho già chiamato il numero verde due volte. Sono stata fortunata: la banca ha bloccato subito l'operazione.\n\nDistinti saluti\nsig.ra Lucrezia Tedesco\nltedesco45@virgilio.it	closed	2019-04-21 08:07:59+00	{refund,fraud}
6	1	2	Richiesta informazioni - lucrezia_marras1@gmail.com	Gentile assistenza, sono sig.ra Lucrezia Marras, vostra cliente da anni,\n\nvorrei sapere se è possibile ricevere gli estratti conto in formato PDF all'indirizzo lucrezia_marras1@gmail.com. Il conto è cointestato con mio marito Flavio Lucio, che però non ha accesso all'app. Ho delegato mio figlio BALDINO ALATI a operare sul conto; Baldino passerà in filiale giovedì.\n\nGrazie,\nLucrezia Marras (lucrezia_marras1@gmail.com)	open	2019-05-18 22:07:59+00	{}
7	22	1	Virement SEPA rejeté	Madame, Monsieur,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est FR76 0443 8764 6510 3154 5371 166. Merci de me confirmer par e-mail à ydelmas22@yahoo.fr. J'ai déménagé : ma nouvelle adresse est 17 avenue Sadi Carnot, 33000 Bordeaux. Dossier de référence : 2020/31050. Vous trouverez ci-joint le justificatif de la commande ORD-2019-335467. La page du contrat est restée blanche à l'impression.\n\nMerci,\nYann Delmas (ydelmas22@yahoo.fr)\n\n> Bonjour M. Delmas,\n> nous avons vérifié votre demande, l'opération est régularisée.\n> Cordialement,\n> Gaëlle Pichon\n> Service client\n> gaelle.pichon1@helpdesk.finestra-banking.eu	closed	2019-06-15 15:30:54+00	{}
8	54	2	Virement SEPA rejeté	Madame, Monsieur,\nje m'appelle Mme Solène Collet, cliente depuis 2015,\n\nje constate sur le compte FR7694819014524120314106318 un prélèvement de 1 720,19 EUR du 16/06/2019 que je ne reconnais pas (référence ORD-2023-060562). Mon numéro de sécurité sociale est le 241076927721432. Merci pour votre patience. J'utilise la version 4.2.1 de l'application sur iPhone. Je suis joignable au +33667676178 à partir de 14:10.\n\nMerci,\nSolène Collet (solene.collet54@wanadoo.fr)	resolved	2019-07-13 04:36:35+00	{urgent}
9	6	1	Re: Carta bloccata	Gentile assistenza, sono Signora Bianca Guidi, vostra cliente da anni,\n\nil pagamento di 3.930,94 EUR presso un negozio online (ordine ORD-2023-057558) è stato rifiutato il 13/04/2023, carta n. 5588 4038 1850 1988. Allego copia della carta d'identità n. CJ90605FU e del codice fiscale gdubnc51h44a662x. Pratica di riferimento: 2025/55043. Ho già chiamato il numero verde due volte. Grazie per la pazienza.\n\nCordiali saluti\n\nGuidi Bianca\nViale Ippolito Nievo 2, 50159 Firenze\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.pichon1@helpdesk.finestra-banking.eu	closed	2019-08-09 17:20:34+00	{billing,refund}
10	14	1	Carte bloquée	Madame, Monsieur,\n\nma carte 4255 2371 3855 0233 a été bloquée après trois codes PIN erronés. Pouvez-vous la débloquer ? Je suis née le 07/06/1954 à Dijon, numéro de sécurité sociale 2 54 06 21 203 690 91. J'utilise la version 4.2.1 de l'application sur iPhone. Mon mari dit que l'application marche sur son téléphone. Le montant total est de 2 088,62 EUR.\n\nCordialement\n\nBlandine Jacquet\n4 impasse des Peupliers, 69008 Lyon	closed	2019-09-06 10:55:32+00	{card}
11	44	2	Prélèvement non reconnu	Bonjour à l'équipe support,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est DE21 0111 7670 9046 8154 44. Merci de me confirmer par e-mail à hortense_barthelemy44@orange.fr. Ci-joint la copie de ma carte d'identité n° HCN09TU2X. Sur mon relevé figure l'opération 1064570211299390 du 02/12/2021.\n\nMerci,\nHortense Barthélemy (hortense_barthelemy44@orange.fr)	open	2019-10-03 20:56:28+00	{}
12	10	1	Virement SEPA rejeté	Madame, Monsieur,\n\nje constate sur le compte fr7646947604297898828945981 un prélèvement de 4 808,79 EUR du 15/12/2024 que je ne reconnais pas (référence ORD-2022-950807). Le compte est joint avec mon père Isaak Weil, qui n'a pas accès à l'application. Date de naissance : 18 août 1949. NIR : 1 49 08 75 884 303 63.\n\nMerci,\nBastien Barthélemy (barthelemy.bastien10@free.fr)	closed	2019-10-31 09:42:54+00	{urgent,refund,app}
13	41	2	Mise à jour du numéro de téléphone	Bonjour,\n\nest-il possible de recevoir mes relevés en PDF à l'adresse eloise41@free.fr ? Ci-joint la copie de ma carte d'identité n° 380277763846. Vous avez carte blanche pour régler ce problème. Mon mari dit que l'application marche sur son téléphone. Mon mari dit que l'application marche sur son téléphone.\n\nCordialement,\nÉloïse Lebrun	resolved	2019-11-28 02:16:07+00	{}
14	42	1	GUIDO BRUNI - sollecito	Buonasera,\nsono guido Bruni, titolare del conto,\n\nchiedo l'estinzione del conto IT83R0922458277278558509021 entro il 16/03/2024; il saldo residuo va girato sul conto cointestato. Allego copia della carta d'identità n. AT30002XI e del codice fiscale BRNGDU56R17E506R. Uso la versione 4.2.1 dell'app su Android.\n\nGrazie mille,\nTel. +393402825771	pending	2019-12-25 14:12:00+00	{card}
15	6	2	Carta bloccata	Buongiorno,\n\nil pagamento con la carta 4382490665069442 (scadenza 09/27, CVV 930) non va a buon fine da 27/05/2023. Vi allego la ricevuta dell'ordine ORD-2019-113887.\n\nGrazie mille,\nTel. +39 06 6612 4190	resolved	2020-01-22 08:22:13+00	\N
16	1	\N	Cambio IBAN per accredito stipendio	Buongiorno, sono Lucrezia Marras,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT84V4174957866801566537281. Vi prego di confermare via e-mail a lucrezia_marras1@gmail.com. Il conto è cointestato con mia figlia Efisia Creton, che però non ha accesso all'app. Sono residente in Piazza Goffredo Mameli 155, 34113 Trieste. Oggi è una giornata serena, spero di chiudere la questione in pace. Il lettore di carte mi è stato spedito in franco fabbrica.\n\nSaluti	open	2020-02-18 20:10:04+00	{iban,login,billing}
17	30	2	Smarrimento carta - blocco urgente - melis.ottavio30@tiscali.it	Gentile assistenza,\n\nil pagamento di 13.671,09 EUR presso un negozio online (ordine ORD-2022-660437) è stato rifiutato il 02/11/2024, carta n. 4204203731248262. Mi sono trasferito: il nuovo indirizzo è Vicolo Solferino 77, 35198 Padova. Vi allego la ricevuta dell'ordine ORD-2020-621263. L'importo totale è di 2.216,27 EUR.\n\nDistinti saluti\nSignor Ottavio Melis\nmelis.ottavio30@tiscali.it	open	2020-03-17 07:44:03+00	{billing,sepa,card}
18	51	1	Paiement refusé	Bonjour,\n\nma carte 4838037622373282 a été bloquée après trois codes PIN erronés. Pouvez-vous la débloquer ? Vous pouvez utiliser mon passeport 42GN63199 comme pièce d'identité. La page du contrat est restée blanche à l'impression.\n\nCordialement,\nHAMEL JÉRÔME	closed	2020-04-13 23:19:26+00	{fraud,card,login}
19	50	1	Client Rolland : urgent	Madame, Monsieur,\nje m'appelle Mme Solène Rolland, cliente depuis 2015,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est FR76 1446 1875 0484 3979 9071 170. Merci de me confirmer par e-mail à solene.rolland50@sfr.fr. Je suis née le 18/02/1995 à Rennes, numéro de sécurité sociale 2 95 02 35 693 302 12. Ci-joint la copie de ma carte d'identité n° 311041724171. J'utilise la version 4.2.1 de l'application sur iPhone. Vous avez carte blanche pour régler ce problème.\n\nCordialement\n\nSolène Rolland\n78 place Lamartine, 33000 Bordeaux	open	2020-05-11 16:03:19+00	{urgent,app}
20	39	1	Neue Telefonnummer	Guten Tag, mein Name ist Gunnar Kuhlmann,\n\nseit dem 06.11.2023 kann ich mich nicht mehr in der App anmelden: nach Eingabe der TAN erscheint Fehler E-2318.\n\nMit freundlichen Grüßen\nDr. Gunnar Kuhlmann\nkuhlmann.gunnar39@gmx.de	pending	2020-06-08 03:36:47+00	{}
21	47	1	Re: Carte bloquée	Bonjour,\n\nle paiement avec la carte 5250380689718080 (expiration 09/27, cryptogramme CVV 517) échoue depuis le 06/04/2019. Hier soir je me suis connecté depuis 2a00:23c5::a49c:3a0a:abfd puis l'application s'est bloquée. J'ai déjà appelé le service client deux fois. J'ai reçu une enveloppe rose avec le code PIN.\n\nCordialement,\nJérôme Leclercq\n\n> Bonjour Jérôme,\n> le dossier de Jérôme est pris en charge.\n> Cordialement, Gaëlle Pichon, Service client	resolved	2020-07-05 17:35:15+00	{app,billing,refund}
22	19	2	Addebito non riconosciuto - lucrezia_mancuso19@tiscali.it	Buonasera,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT79 B913 6974 8129 7838 9435 382. Vi prego di confermare via e-mail a lucrezia_mancuso19@tiscali.it. Il mio codice fiscale è mnclrz03r50f205r. Il mio codice fiscale è MNCLRZ03R50F205R.\n\nSaluti,\nlucrezia mancuso\n\n> Gentile sig.ra Mancuso,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta.\n> Cordiali saluti,\n> Agnese\n> Servizio clienti\n> agnese.zanetti2@helpdesk.finestra-banking.eu	pending	2020-08-02 08:12:17+00	{app,login,refund}
23	43	2	Bonifico SEPA respinto - filippo.bellucci43@virgilio.it	Buongiorno, sono Filippo Bellucci,\n\nvi scrivo perché il bonifico di 380,76 EUR disposto il 06/10/2024 dal conto IT09 V179 4452 1640 0403 7447 010 risulta respinto con codice AC04. Il mio codice fiscale è BLLFPP71H23D612C. Se preferite scrivetemi a filippo.bellucci43 [at] virgilio [dot] it. Oggi è una giornata serena, spero di chiudere la questione in pace.\n\nSaluti,\nFILIPPO BELLUCCI	open	2020-08-29 19:35:11+00	{card,login,fraud}
24	\N	1	Certificate renewal	Certificate of the card gateway expires on 22 June 2022. Please renew before the release.\nOwner: Gaëlle Pichon, gaelle.pichon1@helpdesk.finestra-banking.eu	closed	2020-09-26 12:19:07+00	{refund}
25	48	2	Pagamento con carta rifiutato	Buongiorno, sono Amedeo Cavalli,\n\nil pagamento con la carta 375512397921702 (scadenza 09/27, CVV 9192) non va a buon fine da 09/12/2023. Data di nascita: 13/02/1965. C.F.: CVLMDA65B13D612X. Data di nascita: 13 febbraio 1965. C.F.: cvlmda65b13d612x. Sono reperibile al +39 051 662 7356 dalle 09:25 in poi. L'importo totale è di 7.511,32 EUR.\n\nGrazie mille,\nTel. +39 051 662 7356	closed	2020-10-24 00:57:23+00	{card}
26	27	1	Kartenzahlung abgelehnt	Sehr geehrte Damen und Herren,\nich bin Frau Gudrun Strauß und seit 2015 bei Ihnen,\n\nich habe meine Karte mit der Endung 9419 (5514859909219419) verloren. Bitte sperren Sie sie sofort; das zugehörige Konto ist at548935655852989488. Der Gesamtbetrag beträgt 7.127,34 EUR.\n\nVielen Dank im Voraus\nTel. +49 152 44313616	pending	2020-11-20 18:36:26+00	{statement,sepa}
27	5	2	Fehler E-9579 bei der Anmeldung	Guten Tag,\nhier ist ALMUT Runge, ich habe ein Konto bei Ihnen,\n\nseit dem 15.06.2020 kann ich mich nicht mehr in der App anmelden: nach Eingabe der TAN erscheint Fehler E-9975. Eine Vollmacht hat mein Lebensgefährte Clay Hönig; Clay kommt am Donnerstag in die Filiale. Im Anhang finden Sie den Beleg zur Bestellung ORD-2019-004128. Vorgangsnummer: 2024/99463. Vorgangsnummer: 2020/38969.\n\nFreundliche Grüße\nalmut.runge5@web.de\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> agnese.zanetti2@helpdesk.finestra-banking.eu	pending	2020-12-18 06:08:41+00	{urgent,card,fraud}
28	27	1	Kartenverlust – bitte sperren	Guten Tag,\n\nich habe meine Karte mit der Endung 9419 (5514 8599 0921 9419) verloren. Bitte sperren Sie sie sofort; das zugehörige Konto ist at548935655852989488. Sie sind ein Engel, wenn Sie das schnell lösen.\n\nMit freundlichen Grüßen\n\nGudrun Strauß\nBismarckgasse 118, 1610 Wien\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.pichon1@helpdesk.finestra-banking.eu	closed	2021-01-14 17:12:28+00	{}
29	32	1	Problema con bonifico del 16/02/2020 - gmancuso32@libero.it	Gentile assistenza,\n\nvi scrivo perché il bonifico di 3.335,21 EUR disposto il 10/01/2025 dal conto IT72 U448 9472 2530 6532 0579 757 risulta respinto con codice AC04. Vi allego la carta d'identità AI30068MU, valida fino al 05/10/2021. Mi sono trasferito: il nuovo indirizzo è Corso Solferino 132, 40110 Bologna. Serve costanza per seguire questa pratica, lo so. Il lettore di carte mi è stato spedito in franco fabbrica.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.pichon1@helpdesk.finestra-banking.eu	open	2021-02-11 08:06:57+00	{card}
30	49	1	Card payment declined	Hello, my name is Poppy White,\n\nmy card 5566 7446 3477 9175 was blocked after three wrong PIN attempts. Could you unblock it? Feel free to write to pwhite49 at btinternet dot com.\n\nBest wishes,\nPoppy White	closed	2021-03-11 02:21:45+00	{}
31	18	1	Re: Richiesta estratto conto	Salve,\n\nvi scrivo perché il bonifico di 929,20 EUR disposto il 12/02/2025 dal conto IT32X3186783255695322929296 risulta respinto con codice AC04. L'importo totale è di 10.903,92 EUR. Oggi è una giornata serena, spero di chiudere la questione in pace.\n\nSaluti,\nNicoletta Tosi	open	2021-04-07 12:37:35+00	{}
32	1	1	Bonifico SEPA respinto	Buongiorno,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT84 V417 4957 8668 0156 6537 281. Vi prego di confermare via e-mail a lucrezia_marras1@gmail.com. Il conto è cointestato con il mio compagno Giorgio Roberto Diamante, che però non ha accesso all'app. Ho già chiamato il numero verde due volte.\n\nGrazie mille,\nlucrezia\nTel. +39 320 323 7019	open	2021-05-05 01:10:36+00	{iban}
33	42	2	Cliente Bruni: richiesta urgente	Buongiorno, sono Guido Bruni,\n\nvi scrivo perché il bonifico di 5.808,10 EUR disposto il 18/01/2019 dal conto IT83 R092 2458 2772 7855 8509 021 risulta respinto con codice AC04. Pratica di riferimento: 2020/58412. Uso la versione 4.2.1 dell'app su Android.\n\nDistinti saluti\nBruni.guido42@tin.it\n\n> Buongiorno Guido,\n> la pratica di Guido è stata presa in carico.\n> Cordiali saluti, Agnese Zanetti, Servizio clienti	closed	2021-06-01 19:48:56+00	{login,refund}
34	2	2	Aggiornamento recapito telefonico	Buongiorno,\n\nvi chiedo di aggiornare il mio numero di telefono: il nuovo recapito è +39 347 341 3785. L'indirizzo e-mail resta raffaella_valente2@libero.it. Allego copia della carta d'identità n. CW81943LH e del codice fiscale VLNRFL49L41I452F. Sono reperibile al +39 347 341 3785 dalle 17:35 in poi. Grazie per la pazienza. L'importo totale è di 10.755,36 EUR.\n\nGrazie mille,\nRaffaella\nTel. +39 347 341 3785	resolved	2021-06-29 06:34:12+00	{urgent,card}
35	28	\N	GUILLOT Gaspard - relance	Madame, Monsieur,\n\nle paiement avec la carte 4692096877605165 (expiration 09/27, cryptogramme CVV 126) échoue depuis le 21/08/2019. Vous pouvez m'écrire à gaspard_guillot28(at)hotmail.fr. Je passerai chez le boulanger puis à l'agence. J'ai déjà appelé le service client deux fois. Mon mari dit que l'application marche sur son téléphone.\n\nCordialement\n\nGaspard Guillot\n42 boulevard Édouard Vaillant, 59000 Lille	closed	2021-07-26 19:47:22+00	{login}
36	\N	2	[internal] follow-up	Certificate of the card gateway expires on 28 May 2021. Please renew before the release.\nOwner: Agnese Zanetti, agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2021-08-23 11:58:09+00	{}
37	10	2	Demande de relevé	Madame, Monsieur,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est FR7646947604297898828945981. Merci de me confirmer par e-mail à barthelemy.bastien10@free.fr. Dossier de référence : 2021/94068.\n\nMerci d'avance,\nTél. +33 7 41 23 76 32	pending	2021-09-19 22:44:07+00	{app,sepa,urgent}
38	44	2	Erreur E-2429 à la connexion	Bonjour,\n\nje n'arrive plus à me connecter à l'application depuis le 06/06/2024 : erreur E-4139 après la saisie du code SMS.\n\nCordialement,\nBARTHÉLEMY Hortense	resolved	2021-10-17 17:17:12+00	{card,urgent}
39	5	1	Neue Telefonnummer	Hallo Support-Team,\n\nseit dem 22.07.2019 kann ich mich nicht mehr in der App anmelden: nach Eingabe der TAN erscheint Fehler E-6341. Als Nachweis können Sie meinen Reisepass CV4MCC2LP nehmen. Ich sage es frank und frei: so geht das nicht.\n\nMit freundlichen Grüßen\nFrau Almut Runge\nalmut.runge5@web.de	closed	2021-11-14 06:14:05+00	{login}
40	21	1	Unbekannte Abbuchung	Sehr geehrte Damen und Herren,\n\nich kündige das Konto DE55 5190 5453 5448 8907 16 zum 05.08.2023; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Gestern Abend habe ich mich von 5.52.32.101 aus angemeldet, danach hing die App. Als Nachweis können Sie meinen Reisepass CF71W2X5K nehmen.\n\nFreundliche Grüße\nelke21@t-online.de	closed	2021-12-11 19:17:01+00	{app,card}
41	13	2	Richiesta informazioni - rdellacqua13@tiscali.it	Salve, mi chiamo Rocco Dell'Acqua,\n\nvi chiedo di aggiornare il mio numero di telefono: il nuovo recapito è +39 349 545 5177. L'indirizzo e-mail resta rdellacqua13@tiscali.it. Se preferite scrivetemi a rdellacqua13(at)tiscali.it. L'importo totale è di 3.829,55 EUR. Pratica di riferimento: 2022/37992. Oggi è una giornata serena, spero di chiudere la questione in pace.\n\nDistinti saluti\nrdellacqua13@tiscali.it	open	2022-01-08 06:28:08+00	\N
42	53	1	Problème de virement du 11/03/2025	Madame, Monsieur,\nje m'appelle M. Rémi Huet, client depuis 2015,\n\nle virement SEPA de 6,06 EUR émis le 14/12/2025 depuis le compte FR7661208605766453330962621 a été rejeté (motif AC04). Vous trouverez ci-joint le justificatif de la commande ORD-2022-903738. Vous avez carte blanche pour régler ce problème. J'ai déjà appelé le service client deux fois.\n\nMerci d'avance,\nRémi\nTél. +33274220677	closed	2022-02-05 00:18:31+00	{card,login}
43	44	2	Problème de virement du 21/04/2021	Bonjour,\n\nle virement SEPA de 9 439,98 EUR émis le 07/09/2023 depuis le compte DE21 0111 7670 9046 8154 44 a été rejeté (motif AC04). Ci-joint la copie de ma carte d'identité n° TC9L01AGK. J'ai appelé l'agence de Lyon, sans résultat.\n\nCordialement,	open	2022-03-04 10:04:27+00	{}
44	21	2	Problem mit Überweisung vom 04.02.2019	Sehr geehrte Damen und Herren,\n\nauf dem Konto DE55519054535448890716 sehe ich eine Abbuchung über 10.505,61 EUR vom 07.12.2021, die ich nicht zuordnen kann (Referenz ORD-2024-830593). Vorgangsnummer: 2020/85111. Vorgangsnummer: 2024/65113.\n\nViele Grüße\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> agnese.zanetti2@helpdesk.finestra-banking.eu	open	2022-04-01 00:54:25+00	{app,refund,card}
45	37	2	New phone number	Hi,\n\nplease update my phone number to +49 341 0636426. My e-mail address stays jack.robinson37@outlook.com. You can use my passport no. 625085549 as proof of identity.\n\nYours sincerely\njack.robinson37@outlook.com\n\n> Dear Dr Robinson,\n> we have checked your request and the transaction has been corrected.\n> Kind regards,\n> Agnese Zanetti\n> Customer service\n> agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2022-04-28 16:41:13+00	\N
46	37	2	Customer ROBINSON: urgent	Dear support team,\n\ncould I receive my statements as PDF at jack.robinson37@outlook.com? My ID number is 891-56-0630. I hope this can be fixed quickly.\n\nKind regards\n\n> Dear Mr Robinson,\n> we have checked your request and the transaction has been corrected.\n> Kind regards,\n> Agnese Zanetti\n> Customer service\n> agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2022-05-26 07:23:08+00	{login,app,statement}
47	43	1	Addebito non riconosciuto	Buonasera,\nsono Filippo Bellucci, titolare del conto,\n\nvi scrivo perché il bonifico di 1.638,32 EUR disposto il 22/07/2019 dal conto IT09V1794452164004037447010 risulta respinto con codice AC04. Ho delegato mio figlio Trentino Torrassa a operare sul conto; Trentino passerà in filiale giovedì. Il signore allo sportello è stato molto gentile. Vittoria! Almeno il bonifico di Natale è arrivato.\n\nCordiali saluti,\nFilippo Bellucci\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.pichon1@helpdesk.finestra-banking.eu	pending	2022-06-22 18:19:30+00	{sepa,billing,app}
48	27	2	Problem mit Überweisung vom 06.10.2024	Hallo Support-Team,\n\nauf dem Konto AT175768141165171170 sehe ich eine Abbuchung über 3.889,80 EUR vom 01.04.2024, die ich nicht zuordnen kann (Referenz ORD-2020-083675). Zugriff auf das Konto hat außerdem meine Frau Oluebube Sigrist, aber nicht über die App. Meine Anschrift: Bismarckgasse 118, 1610 Wien.\n\nVielen Dank im Voraus\nTel. +49 152 44313616	closed	2022-07-20 09:18:07+00	{app,statement}
49	35	2	Accesso all'app non riuscito	Gentile assistenza,\n\nvorrei sapere se è possibile ricevere gli estratti conto in formato PDF all'indirizzo negri.piergiorgio35@gmail.com. Vi allego la carta d'identità AN31983NF, valida fino al 25/01/2023.\n\nGrazie mille,\nTel. +39 338 468 6579	open	2022-08-16 22:45:51+00	{}
50	1	2	Lucrezia Marras - sollecito	Buonasera,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT84V4174957866801566537281. Vi prego di confermare via e-mail a lucrezia_marras1@gmail.com. Se preferite scrivetemi a lucrezia_marras1 [at] gmail.com. Grazie per la pazienza. Vittoria! Almeno il bonifico di Natale è arrivato. Serve costanza per seguire questa pratica, lo so.\n\nCordiali saluti\n\nMarras Lucrezia\nPiazza Goffredo Mameli 155, 34113 Trieste\n\n> Gentile sig.ra Marras,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta.\n> Cordiali saluti,\n> Agnese Zanetti\n> Servizio clienti\n> agnese.zanetti2@helpdesk.finestra-banking.eu	open	2022-09-13 12:58:29+00	{}
51	14	1	Prélèvement non reconnu	Bonjour,\n\nle virement SEPA de 7 241,04 EUR émis le 04/02/2020 depuis le compte fr7692612041273048872682086 a été rejeté (motif AC04). Mon numéro de sécurité sociale est le 254062120369091. Dossier de référence : 2019/94588. Dossier de référence : 2020/69699.\n\nMerci d'avance,\nBlandine\nTél. +33 6 71 13 93 57	open	2022-10-11 03:44:04+00	{}
52	8	2	Gaia Melis - sollecito	Buonasera,\nsono gaia Melis, titolare del conto,\n\nvi chiedo di aggiornare il mio numero di telefono: il nuovo recapito è +39 338 208 6460. L'indirizzo e-mail resta gaia8@alice.it. Sono nata a Roma il 27 giugno 1967, codice fiscale MLSGAI67H67H501I. Oggi è una giornata serena, spero di chiudere la questione in pace.\n\nDistinti saluti\ngaia8@alice.it\n\n> Gentile Sig.ra Melis,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta.\n> Cordiali saluti,\n> Agnese Zanetti\n> Servizio clienti\n> agnese.zanetti2@helpdesk.finestra-banking.eu	pending	2022-11-07 19:34:43+00	{statement,sepa}
53	14	2	Erreur E-8681 à la connexion	Bonjour,\nBlandine Jacquet, titulaire du compte, vous écrit,\n\nje n'arrive plus à me connecter à l'application depuis le 18/08/2022 : erreur E-5471 après la saisie du code SMS. Née le 7 juin 1954 à Dijon, domiciliée 4 impasse des Peupliers, 69008 Lyon. Mon mari dit que l'application marche sur son téléphone. La nouvelle carte vert olive est très jolie. Vous avez carte blanche pour régler ce problème.\n\nBien à vous,\nBlandine Jacquet\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2022-12-05 09:02:35+00	{app,refund,urgent}
54	16	\N	Demande de Océane Bénard	Bonjour,\nOcéane Bénard, titulaire du compte, vous écrit,\n\nmerci de mettre à jour mon numéro de téléphone : +33 7 06 03 04 20. Mon adresse e-mail reste oceane.benard16@sfr.fr. Née le 13 juillet 1997 à Marseille, domiciliée 142 impasse des Jardins, 67000 Strasbourg. J'ai déjà appelé le service client deux fois.\n\nBien à vous	pending	2023-01-01 21:46:51+00	{billing,fraud}
55	25	2	Problem mit Überweisung vom 17.03.2020	Guten Tag,\nhier ist Gesine Haller, ich habe ein Konto bei Ihnen,\n\ndie SEPA-Überweisung über 3.836,10 EUR vom 16.04.2021 von meinem Konto DE88 0706 0826 1041 6841 97 wurde mit dem Grund AC04 zurückgewiesen. Zugriff auf das Konto hat außerdem mein Lebensgefährte Kastiel Everts, aber nicht über die App. Meine Steuer-ID ist 57128065396. Der Gesamtbetrag beträgt 2.668,75 EUR.\n\nMit freundlichen Grüßen\n\nHaller Gesine\nHändelgasse 94, 10105 Berlin	resolved	2023-01-29 15:07:30+00	{}
56	31	1	Addebito non riconosciuto	Gentile assistenza,\n\nvi scrivo perché il bonifico di 1.480,67 CHF disposto il 18/03/2024 dal conto CH4864173985309843380 risulta respinto con codice AC04. Sono reperibile al +49 69 56004051 dalle 13:55 in poi.\n\nCordiali saluti,\nEnrica Lo Cascio\n\n> Buongiorno Enrica,\n> la pratica dell'Enrica è stata presa in carico.\n> Cordiali saluti, Gaëlle Pichon, Servizio clienti	open	2023-02-26 03:11:37+00	{app}
57	24	2	Card payment declined	Hello, my name is William Edwards,\n\na payment of EUR 1,012.24 (order ORD-2022-646224) was declined on 15 October 2020 with card no. 5572185250393788. Date of birth: 12 September 1944. ID: LT920429D.\n\nKind regards	closed	2023-03-25 16:20:34+00	{fraud}
58	37	1	Unrecognised debit	Dear support team,\n\nthe SEPA transfer of EUR 1,633.76 sent on 25 January 2019 from account NL40ASNB8281554698 was returned with reason AC04. You can use my passport no. 375135044 as proof of identity. I have already called the helpline twice. The gentleman at the counter was very helpful.\n\nThanks,\nJack Robinson (jack.robinson37@outlook.com)	pending	2023-04-22 06:03:43+00	{statement,card}
59	22	1	Carte bloquée	Bonjour, je suis YANN DELMAS,\n\nle paiement avec la carte 4772 2936 2755 9130 (expiration 09/27, cryptogramme CVV 437) échoue depuis le 13/08/2019. Mon numéro de sécurité sociale est le 1 48 12 44 241 938 74. Sur mon relevé figure l'opération 0996664874721931 du 01/12/2021. Le montant total est de 8 757,68 EUR.\n\nCordialement,	closed	2023-05-19 21:39:23+00	{app,iban,refund}
60	46	2	Anfrage von Annegret Buchholz - annegret.buchholz46@outlook.de	Sehr geehrte Damen und Herren,\nich bin Frau Annegret Buchholz und seit 2015 bei Ihnen,\n\nmeine Karte 5255 2535 2165 9082 wurde nach dreimaliger falscher PIN-Eingabe gesperrt. Können Sie sie entsperren? Geboren am 6. Mai 1943 in Hamburg, wohnhaft Fontaneplatz 166, 70128 Stuttgart. Geburtsdatum: 6. Mai 1943. Steuer-ID: 69293851073. Das Problem trat gestern um 17:40 erneut auf.\n\nMit freundlichen Grüßen\n\nAnnegret Buchholz\nFontaneplatz 166, 70128 Stuttgart\n\n> Hallo Annegret,\n> der Vorgang von Frau Buchholz ist in Bearbeitung.\n> Viele Grüße, Agnese Zanetti, Kundenservice	resolved	2023-06-16 09:06:50+00	{sepa}
61	9	2	SEPA-Überweisung abgelehnt	Hallo Support-Team,\n\nauf dem Konto DE20 7235 6798 0943 3886 11 sehe ich eine Abbuchung über 863,96 EUR vom 04.06.2025, die ich nicht zuordnen kann (Referenz ORD-2024-508050). Anbei die Kopie meines Personalausweises Nr. M019MK7TC. Der Herr am Schalter war sehr freundlich.\n\nMit freundlichen Grüßen\n\nKai Götz\nFontanestraße 103, 90442 Nürnberg	resolved	2023-07-13 22:15:27+00	{iban,login,card}
62	49	1	Error E-1783 at login	Hi,\n\nplease update my phone number to +44 7879 533936. My e-mail address stays pwhite49@btinternet.com. I have given power of attorney to my father Lelani; Lelani will visit the branch on Thursday. The problem happened again yesterday at 12:20. I have already called the helpline twice. Will you confirm by e-mail?\n\nYours sincerely\nMrs Poppy White\npwhite49@btinternet.com\n\n> Dear Ms White,\n> we have checked your request and the transaction has been corrected.\n> Kind regards,\n> Gaëlle Pichon\n> Customer service\n> gaelle.pichon1@helpdesk.finestra-banking.eu	resolved	2023-08-10 16:18:01+00	{urgent}
63	44	2	Virement SEPA rejeté - hortense_barthelemy44@orange.fr	Bonjour, ici Hortense Barthélemy,\n\nje demande la clôture du compte de21011176709046815444 au 28/07/2025 ; le solde doit être viré sur le compte joint. J'ai déménagé : ma nouvelle adresse est 98 impasse Sadi Carnot, 13090 Aix-en-Provence. Le problème s'est reproduit hier à 13:40. Le montant total est de 5 973,00 EUR.\n\nMerci d'avance,\nTél. +33 6 15 66 43 44\n\n> Bonjour Hortense,\n> le dossier d'Hortense est pris en charge.\n> Cordialement, Agnese Zanetti, Service client	closed	2023-09-07 06:11:27+00	{card,sepa,iban}
64	27	2	Re: Unbekannte Abbuchung	Guten Tag,\nhier ist Gudrun Strauß, ich habe ein Konto bei Ihnen,\n\nbitte ändern Sie meine Bankverbindung: meine neue IBAN lautet PT71591531399105660720645. Bitte bestätigen Sie per E-Mail an gstrauss27@t-online.de. Eine Vollmacht hat mein Mann Noam Busemann; Noam kommt am Donnerstag in die Filiale. Geboren am 17.08.1982 in Rostock, wohnhaft Bismarckgasse 118, 1610 Wien. Der Gesamtbetrag beträgt 5.893,46 EUR. Das Problem trat gestern um 15:35 erneut auf. Ich nutze Version 4.2.1 der App auf Android.\n\nFreundliche Grüße\ngstrauss27@t-online.de	pending	2023-10-04 20:47:09+00	{refund}
65	18	1	Richiesta estratto conto	Gentile assistenza,\n\nchiedo l'estinzione del conto IT32X3186783255695322929296 entro il 08/09/2019; il saldo residuo va girato sul conto cointestato. Se preferite scrivetemi a ntosi18 AT tin DOT it. Il problema si è verificato anche ieri alle 14:25. Nell'estratto conto compare l'operazione 1765227375248708 del 14/01/2022. Pratica di riferimento: 2021/89690.\n\nCordiali saluti\n\nNicoletta Tosi\nVia dei Cappuccini 164, 10118 Torino	pending	2023-11-01 10:37:58+00	{urgent,fraud}
66	2	\N	Problema con bonifico del 12/12/2020 - raffaella_valente2@libero.it	Buonasera,\nsono Raffaella Valente, titolare del conto,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT91U0819020887020295906590. Vi prego di confermare via e-mail a raffaella_valente2@libero.it. Sono residente in Piazza dei Cappuccini 149, 47184 Forlì.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2023-11-28 20:31:45+00	{card}
67	23	\N	SEPA-Überweisung abgelehnt	Hallo, hier schreibt Ines Dreyer,\n\nbitte ändern Sie meine Bankverbindung: meine neue IBAN lautet ES17 9488 6311 3791 7785 1404. Bitte bestätigen Sie per E-Mail an idreyer23@web.de. Als Nachweis können Sie meinen Reisepass CWYZYZJHH nehmen. Ich bin am 18.01.1944 in Dresden geboren, meine Steuer-ID lautet 87421095437. Ernsthaft, das dauert jetzt schon drei Wochen.\n\nMit freundlichen Grüßen\nFrau Ines Dreyer\nidreyer23@web.de	open	2023-12-26 12:49:54+00	{app,login}
68	7	2	Changement d'IBAN - Zoe.boulanger7@wanadoo.fr	Madame, Monsieur,\n\nje demande la clôture du compte FR76 0779 4804 8205 5546 1035 044 au 19/05/2024 ; le solde doit être viré sur le compte joint. Date de naissance : 21 juin 1988. NIR : 2 88 06 35 290 775 08. Hier soir je me suis connectée depuis 79.6.109.23 puis l'application s'est bloquée. Le monsieur au guichet a été très aimable. Vous trouverez ci-joint le justificatif de la commande ORD-2020-756042.\n\nMerci d'avance,\nZoé\nTél. +33 7 31 60 95 43	resolved	2024-01-23 04:03:29+00	{}
69	25	1	Unbekannte Abbuchung	Guten Tag,\n\nbitte ändern Sie meine Bankverbindung: meine neue IBAN lautet DE88 0706 0826 1041 6841 97. Bitte bestätigen Sie per E-Mail an haller.gesine25@gmail.com. Vielen Dank für Ihre Geduld.\n\nMit freundlichen Grüßen\ngesine haller\n\n> Sehr geehrte Frau Haller,\n> wir haben Ihr Anliegen geprüft, die Buchung ist korrigiert.\n> Mit freundlichen Grüßen\n> Gaëlle Pichon\n> Kundenservice\n> gaelle.pichon1@helpdesk.finestra-banking.eu	closed	2024-02-19 16:37:05+00	{refund,fraud,statement}
70	42	1	Pratica sig. Bruni	Buonasera,\n\nnon riesco ad accedere all'home banking dal 21/08/2023: l'app mostra l'errore E-2828 dopo l'inserimento del codice OTP. Sono residente in Via Solferino 159, 20156 Milano.\n\nSaluti,\nGuido Bruni	pending	2024-03-18 05:37:15+00	{}
71	22	1	Erreur E-8717 à la connexion	Madame, Monsieur,\n\nmerci de mettre à jour mon numéro de téléphone : +33 7 26 85 54 59. Mon adresse e-mail reste ydelmas22@yahoo.fr. J'ai déménagé : ma nouvelle adresse est 123 rue Sadi Carnot, 34000 Montpellier. J'ai appelé l'agence de Lyon, sans résultat. J'ai appelé l'agence de Lyon, sans résultat. Vous trouverez ci-joint le justificatif de la commande ORD-2024-058993.\n\nMerci,\nYann Delmas (ydelmas22@yahoo.fr)	pending	2024-04-14 20:47:46+00	{card}
72	3	2	Malte Jansen - Erinnerung	Hallo Support-Team,\n\nbitte aktualisieren Sie meine Telefonnummer: +498928511611. Meine E-Mail-Adresse bleibt jansen.malte3@posteo.de. Anbei die Kopie meines Personalausweises Nr. T6Y59H0TN. Die Filiale in der Bismarckstraße war geschlossen. Vorgangsnummer: 2023/22013.\n\nMit freundlichen Grüßen\n\nMalte Jansen\nBismarckstraße 70, 10136 Berlin	open	2024-05-12 08:00:03+00	{}
73	36	1	Re: SEPA-Überweisung abgelehnt	Hallo, hier schreibt Hauke Pfeiffer,\n\nauf dem Konto DE87 3125 5436 5482 7067 54 sehe ich eine Abbuchung über 2.775,58 EUR vom 03.03.2024, die ich nicht zuordnen kann (Referenz ORD-2023-282276).\n\nFreundliche Grüße\nhauke36@t-online.de	open	2024-06-08 23:01:13+00	{}
74	39	2	Re: Kontoauszug angefordert	Hallo Support-Team,\n\nauf dem Konto CH2853566686618220934 sehe ich eine Abbuchung über 4.432,56 CHF vom 22.06.2025, die ich nicht zuordnen kann (Referenz ORD-2023-293397). Meine Steuer-ID ist 86415987307. Das Problem trat gestern um 09:35 erneut auf. Das Problem trat gestern um 11:40 erneut auf. Sie sind ein Engel, wenn Sie das schnell lösen.\n\nVielen Dank im Voraus\nTel. +4917236736609\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> agnese.zanetti2@helpdesk.finestra-banking.eu	closed	2024-07-06 13:38:37+00	{}
75	27	1	Änderung der IBAN	Sehr geehrte Damen und Herren,\nich bin Frau Gudrun Strauß und seit 2015 bei Ihnen,\n\nich kündige das Konto AT17 5768 1411 6517 1170 zum 18.03.2019; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Zugriff auf das Konto hat außerdem die Mitinhaberin Elita Gotthardt, aber nicht über die App. Ich bin wirklich sauer über diese Gebühren.\n\nBeste Grüße\nGudrun Strauß	closed	2024-08-03 05:27:22+00	{}
76	48	1	Richiesta estratto conto	Gentile assistenza,\n\nsul conto IT53 N674 1866 6275 4455 6753 475 vedo un addebito di 6.632,70 EUR del 04/10/2021 che non riconosco (riferimento ORD-2019-114624). Il mio codice fiscale è CVLMDA65B13D612X. Il mio codice fiscale è CVLMDA65B13D612X.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.pichon1@helpdesk.finestra-banking.eu	resolved	2024-08-30 16:35:04+00	{app,card}
77	51	1	Dossier M. Hamel	Madame, Monsieur,\nje m'appelle Monsieur Jérôme Hamel, client depuis 2015,\n\nle paiement avec la carte 4838037622373282 (expiration 09/27, cryptogramme CVV 504) échoue depuis le 26/05/2021. Mon numéro de sécurité sociale est le 159063186780756. Je suis né le 20 juin 1959 à Toulouse, numéro de sécurité sociale 1 59 06 31 867 807 56.\n\nMerci d'avance,\nJérôme\nTél. +33 4 03 76 08 63\n\n> Bonjour Jérôme,\n> le dossier de Jérôme est pris en charge.\n> Cordialement, Gaëlle Pichon, Service client	pending	2024-09-27 08:16:23+00	{statement,billing}
78	26	1	General enquiry	Dear support team,\n\nplease update my phone number to +447070729546. My e-mail address stays zara_green26@yahoo.co.uk. I was born on 15 June 1984 in Glasgow; my national insurance or ID number is 42248138J.\n\nBest wishes,\nZara Green	pending	2024-10-24 19:57:25+00	{}
79	20	1	Bonifico SEPA respinto	Gentile assistenza,\n\nchiedo l'estinzione del conto IT03Q9187731255811682771804 entro il 27/10/2019; il saldo residuo va girato sul conto cointestato. Allego copia della carta d'identità n. CW20477KI e del codice fiscale CLDBDT63H63L219G. Sono stata fortunata: la banca ha bloccato subito l'operazione. Nell'estratto conto compare l'operazione 4427311050106149 del 22/07/2019. Ho già chiamato il numero verde due volte.\n\nCordiali saluti	open	2024-11-21 14:13:41+00	{}
80	24	1	Problem with transfer of 5 January 2021 - william_edwards24@yahoo.co.uk	Dear support team,\n\nplease update my bank details: my new IBAN is NL08 TRIO 4959 4814 66. Kindly confirm by e-mail to william_edwards24@yahoo.co.uk. I was born on 12/09/1944 in Norwich; my national insurance or ID number is LT920429D. Last night I logged in from 2003:e5:24ec:9eb1::6e95 and then the app froze. My wife says the app works on her phone. The gentleman at the counter was very helpful. The branch on Baker Street was closed.\n\nKind regards\n\nWilliam Edwards\n113 Green Road, 4000-105 Porto	open	2024-12-19 01:38:33+00	{sepa}
81	39	1	Vorgang Dr. Kuhlmann	Guten Tag,\n\nmeine Karte 3485 9920 5836 853 wurde nach dreimaliger falscher PIN-Eingabe gesperrt. Können Sie sie entsperren? Gestern Abend habe ich mich von 37.47.207.17 aus angemeldet, danach hing die App. Ich sage es frank und frei: so geht das nicht. Ich habe schon zweimal bei der Hotline angerufen. Ich habe schon zweimal bei der Hotline angerufen.\n\nViele Grüße,\nGunnar\nTel. +4917236736609	resolved	2025-01-15 16:57:57+00	{}
82	54	1	Solène Collet - relance	Bonjour,\nSOLÈNE COLLET, titulaire du compte, vous écrit,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est ES5091589471143054860318. Merci de me confirmer par e-mail à solene.collet54@wanadoo.fr. Née le 20/07/1941 à Lyon, domiciliée 105 allée des Capucins, 13002 Marseille. J'ai reçu une enveloppe rose avec le code PIN. J'ai déjà appelé le service client deux fois. La nouvelle carte vert olive est très jolie.\n\nBien à vous	pending	2025-02-12 06:24:14+00	{iban}
83	5	1	Vorgang Frau Runge	Hallo Support-Team,\n\nich kündige das Konto AT536105441463445535 zum 07.09.2019; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Geburtsdatum: 20.10.1972. Steuer-ID: 98710240365. Ich bin wirklich sauer über diese Gebühren. Vorgangsnummer: 2021/53188.\n\nBeste Grüße\nALMUT RUNGE\n\n> Hallo ALMUT,\n> der Vorgang von Frau Runge ist in Bearbeitung.\n> Viele Grüße, Gaëlle Pichon, Kundenservice	pending	2025-03-11 20:10:37+00	{card}
84	38	2	Aggiornamento recapito telefonico	Salve, mi chiamo Gaia Caldarola,\n\nnon riesco ad accedere all'home banking dal 11/02/2021: l'app mostra l'errore E-1025 dopo l'inserimento del codice OTP. Data di nascita: 04/05/1996. C.F.: CLDGAI96E44L219V. Vi allego la carta d'identità CU12661PA, valida fino al 17/08/2023.\n\nDistinti saluti\nSignora Gaia Caldarola\ngcaldarola38@gmail.com	closed	2025-04-08 06:20:00+00	{urgent,fraud}
85	\N	2	Reconciliation export	Certificate of the card gateway expires on 17 September 2022. Please renew before the release.\nOwner: Agnese Zanetti, agnese.zanetti2@helpdesk.finestra-banking.eu	open	2025-05-05 21:32:44+00	{billing,fraud,refund}
86	27	2	Karte gesperrt - gstrauss27@t-online.de	Guten Tag,\n\nich habe meine Karte mit der Endung 9419 (5514859909219419) verloren. Bitte sperren Sie sie sofort; das zugehörige Konto ist AT548935655852989488. Meine Anschrift: Bismarckgasse 118, 1610 Wien. Ich bin umgezogen, die neue Anschrift lautet Weidengasse 92, 8010 Graz. Sie erreichen mich unter +49 152 44313616 ab 18:15 Uhr. Vielen Dank für Ihre Geduld. Ich sage es frank und frei: so geht das nicht.\n\nFreundliche Grüße\ngstrauss27@t-online.de	open	2025-06-02 14:17:25+00	{sepa}
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, login_email, badge_code, display_name, role, created_at) FROM stdin;
1	gaelle.pichon1@helpdesk.finestra-banking.eu	O4T8-9376	Gaëlle Pichon	admin	2014-01-01 04:51:50+00
2	agnese.zanetti2@helpdesk.finestra-banking.eu	U1O3-7129	Agnese Zanetti	senior_agent	2019-10-01 00:16:11+00
\.


--
-- Name: accounts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.accounts_id_seq', 81, true);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_log_id_seq', 130, true);


--
-- Name: contacts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contacts_id_seq', 97, true);


--
-- Name: customers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.customers_id_seq', 54, true);


--
-- Name: payment_cards_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.payment_cards_id_seq', 65, true);


--
-- Name: tickets_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tickets_id_seq', 86, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 2, true);


--
-- Name: accounts accounts_iban_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_iban_key UNIQUE (iban);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: contacts contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_pkey PRIMARY KEY (id);


--
-- Name: customers customers_customer_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_customer_code_key UNIQUE (customer_code);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: payment_cards payment_cards_card_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payment_cards
    ADD CONSTRAINT payment_cards_card_number_key UNIQUE (card_number);


--
-- Name: payment_cards payment_cards_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payment_cards
    ADD CONSTRAINT payment_cards_pkey PRIMARY KEY (id);


--
-- Name: tickets tickets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_pkey PRIMARY KEY (id);


--
-- Name: users users_badge_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_badge_code_key UNIQUE (badge_code);


--
-- Name: users users_login_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_login_email_key UNIQUE (login_email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: accounts_customer_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX accounts_customer_id_idx ON public.accounts USING btree (customer_id);


--
-- Name: contacts_customer_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contacts_customer_id_idx ON public.contacts USING btree (customer_id);


--
-- Name: contacts_one_primary_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contacts_one_primary_idx ON public.contacts USING btree (customer_id) WHERE (role = 'primary'::text);


--
-- Name: customers_fax_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_fax_idx ON public.customers USING btree (fax) WHERE (fax IS NOT NULL);


--
-- Name: payment_cards_account_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX payment_cards_account_id_idx ON public.payment_cards USING btree (account_id);


--
-- Name: tickets_customer_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_customer_id_idx ON public.tickets USING btree (customer_id);


--
-- Name: tickets_open_assigned_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_open_assigned_idx ON public.tickets USING btree (assigned_to, opened_at) WHERE (status = ANY (ARRAY['open'::text, 'pending'::text]));


--
-- Name: accounts accounts_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: audit_log audit_log_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: contacts contacts_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: payment_cards payment_cards_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payment_cards
    ADD CONSTRAINT payment_cards_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);


--
-- Name: tickets tickets_assigned_to_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_assigned_to_fkey FOREIGN KEY (assigned_to) REFERENCES public.users(id);


--
-- Name: tickets tickets_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- PostgreSQL database dump complete
--

\unrestrict pgveilsample

