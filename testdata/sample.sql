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
1	2	view_customer	opened customer CU-58599360 <lison14@laposte.net>	2023-01-01 03:28:22+00
2	1	reset_password	password reset link sent to gaelle.huet1@helpdesk.finestra-banking.eu	2023-01-08 05:41:47+00
3	2	export_csv	exported 1381 rows to tickets-2023-10-12.csv	2023-01-15 06:10:28+00
4	\N	login	login ok from 10.110.216.237	2023-01-22 04:24:35+00
5	2	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2023-01-29 02:20:15+00
6	2	update_ticket	ticket #8 status -> resolved	2023-02-05 02:21:10+00
7	2	update_ticket	ticket #49 status -> resolved	2023-02-12 05:41:58+00
8	1	export_csv	exported 2697 rows to tickets-2024-01-30.csv	2023-02-19 03:54:37+00
9	1	login	login ok from 10.138.103.37 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-02-26 04:31:56+00
10	1	logout	logout ok from 10.165.75.237 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-03-05 01:49:47+00
11	2	login	login ok from 10.157.113.21 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-03-12 04:27:25+00
12	1	update_ticket	ticket #43 status -> resolved	2023-03-19 07:52:42+00
13	2	logout	logout ok from 10.26.146.82 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-03-26 02:50:11+00
14	2	logout	logout ok from 10.17.131.115 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-04-02 07:44:07+00
15	2	update_ticket	ticket #58 status -> resolved	2023-04-09 02:41:31+00
16	2	view_ticket	ticket #2	2023-04-16 05:59:46+00
17	2	logout	logout ok from 10.69.60.210 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-04-23 07:53:09+00
18	1	reset_password	password reset link sent to gaelle.huet1@helpdesk.finestra-banking.eu	2023-04-30 04:53:36+00
19	1	export_csv	exported 4373 rows to tickets-2024-02-14.csv	2023-05-07 03:32:52+00
20	1	logout	logout ok from 10.35.51.196 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-05-14 05:03:59+00
21	1	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2023-05-21 09:24:41+00
22	1	view_customer	opened customer CU-07327984 <kuhlmann.ulrike39@gmx.de>	2023-05-28 04:45:50+00
23	2	logout	logout ok from 10.211.165.165 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-06-04 05:47:50+00
24	2	login	login ok from 10.3.157.179 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-06-11 07:33:41+00
25	2	change_email	customer 42 e-mail changed from Bruni.marcello42@tin.it to marcello_bruni96@gmail.com	2023-06-18 06:34:54+00
26	2	view_customer	opened customer CU-65249000 <blandine.rolland50@sfr.fr>	2023-06-25 07:11:42+00
27	2	reset_password	password reset link sent to fabrizio.zanetti2@helpdesk.finestra-banking.eu	2023-07-02 05:48:52+00
28	1	reset_password	password reset link sent to gaelle.huet1@helpdesk.finestra-banking.eu	2023-07-09 10:39:37+00
29	2	update_ticket	ticket #28 status -> resolved	2023-07-16 05:13:37+00
30	2	view_customer	opened customer CU-46329734 <Bruni.marcello42@tin.it>	2023-07-23 08:07:03+00
31	1	logout	logout ok from 10.165.16.90 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-07-30 10:54:53+00
32	1	logout	logout ok from 10.150.129.157 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-08-06 07:19:23+00
33	2	change_email	customer 51 e-mail changed from zoe_hamel51@wanadoo.fr to hamel.zoe105@gmail.com	2023-08-13 11:02:19+00
34	1	login	login ok from 10.230.176.38 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-08-20 06:36:44+00
35	2	change_email	customer 6 e-mail changed from annalisa6@hotmail.it to annalisa60@tin.it	2023-08-27 11:59:03+00
36	2	login	login ok from 10.80.161.22 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-09-03 08:18:43+00
37	1	view_customer	opened customer CU-89702139 <rocco8@alice.it>	2023-09-10 08:28:46+00
38	1	export_csv	exported 2113 rows to tickets-2025-06-05.csv	2023-09-17 08:42:29+00
39	1	export_csv	exported 3748 rows to tickets-2024-11-23.csv	2023-09-24 08:43:03+00
40	1	login	login ok from 10.210.4.233 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-10-01 10:00:33+00
41	2	view_customer	opened customer CU-10209511 <oceane_leclercq53@gmail.com>	2023-10-08 09:55:19+00
42	1	change_email	customer 26 e-mail changed from megan_green26@yahoo.co.uk to megan.green80@gmail.com	2023-10-15 10:12:07+00
43	2	view_customer	opened customer CU-16540957 <niccolo_mancuso19@tiscali.it>	2023-10-22 13:27:34+00
44	1	logout	logout ok from 10.177.152.240 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-10-29 11:24:27+00
45	2	view_customer	opened customer CU-15736913 <evans.lily4@outlook.com>	2023-11-05 09:39:45+00
46	1	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2023-11-12 10:11:51+00
47	2	update_ticket	ticket #22 status -> closed	2023-11-19 09:58:22+00
48	2	view_customer	opened customer CU-64534459 <hartmut.runge5@web.de>	2023-11-26 09:04:41+00
49	2	update_ticket	ticket #30 status -> pending	2023-12-03 11:03:51+00
50	1	logout	logout ok from 10.244.211.163 (gaelle.huet1@helpdesk.finestra-banking.eu)	2023-12-10 12:17:01+00
51	2	login	login ok from 10.165.112.245 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-12-17 11:47:00+00
52	2	view_customer	opened customer CU-97753293 <Zoe.lebihan7@wanadoo.fr>	2023-12-24 14:00:47+00
53	2	login	login ok from 10.222.43.8 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2023-12-31 11:20:07+00
54	2	change_email	customer 31 e-mail changed from donatella_lorusso31@gmail.com to donatella.lorusso85@hotmail.it	2024-01-07 14:59:34+00
55	2	export_csv	exported 4330 rows to tickets-2025-04-26.csv	2024-01-14 15:23:51+00
56	1	view_customer	opened customer CU-87349292 <ycourtois22@yahoo.fr>	2024-01-21 14:13:36+00
57	1	view_customer	opened customer CU-05936908 <amedeo_giannini33@libero.it>	2024-01-28 16:18:05+00
58	2	view_ticket	ticket #59	2024-02-04 10:47:45+00
59	2	update_ticket	ticket #85 status -> resolved	2024-02-11 11:47:51+00
60	1	change_email	customer 28 e-mail changed from capucine_bouvier28@hotmail.fr to cbouvier82@yahoo.fr	2024-02-18 14:35:23+00
61	1	reset_password	password reset link sent to gaelle.huet1@helpdesk.finestra-banking.eu	2024-02-25 11:49:07+00
62	2	change_email	customer 43 e-mail changed from filippo.bellucci43@virgilio.it to bellucci.filippo97@tin.it	2024-03-03 15:48:41+00
63	1	view_customer	opened customer CU-65249000 <blandine.rolland50@sfr.fr>	2024-03-10 11:29:45+00
64	1	login	login ok from 10.109.205.1 (gaelle.huet1@helpdesk.finestra-banking.eu)	2024-03-17 15:49:47+00
65	2	view_customer	opened customer CU-45945868 <gaia_marras1@gmail.com>	2024-03-24 16:38:42+00
66	2	view_customer	opened customer CU-79410484 <melis.ottavio30@tiscali.it>	2024-03-31 17:43:42+00
67	1	change_email	customer 6 e-mail changed from annalisa6@hotmail.it to annalisa.guidi60@outlook.it	2024-04-07 12:16:46+00
68	1	view_ticket	ticket #49	2024-04-14 15:25:06+00
69	1	view_customer	opened customer CU-05936908 <amedeo_giannini33@libero.it>	2024-04-21 18:30:00+00
70	2	view_customer	opened customer CU-80313806 <zoe_hamel51@wanadoo.fr>	2024-04-28 18:05:16+00
71	1	view_customer	opened customer CU-35957637 <perrine_barthelemy44@orange.fr>	2024-05-05 17:30:48+00
72	1	view_customer	opened customer CU-87349292 <ycourtois22@yahoo.fr>	2024-05-12 18:49:26+00
73	\N	login	login ok from 10.124.240.12	2024-05-19 18:48:46+00
74	2	view_ticket	ticket #46	2024-05-26 16:54:33+00
75	1	change_email	customer 46 e-mail changed from annegret.buchholz46@outlook.de to annegret.buchholz100@freenet.de	2024-06-02 18:13:06+00
76	1	logout	logout ok from 10.45.123.159 (gaelle.huet1@helpdesk.finestra-banking.eu)	2024-06-09 16:19:35+00
77	2	login	login ok from 10.81.128.50 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2024-06-16 18:15:38+00
78	2	logout	logout ok from 10.29.118.169 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2024-06-23 17:16:48+00
79	1	logout	logout ok from 10.222.163.65 (gaelle.huet1@helpdesk.finestra-banking.eu)	2024-06-30 17:53:50+00
80	2	view_customer	opened customer CU-10209511 <oceane_leclercq53@gmail.com>	2024-07-07 19:41:58+00
81	2	change_email	customer 53 e-mail changed from oceane_leclercq53@gmail.com to leclercq.oceane107@free.fr	2024-07-14 15:14:43+00
82	1	export_csv	exported 74 rows to tickets-2023-06-24.csv	2024-07-21 17:00:30+00
83	1	export_csv	exported 2154 rows to tickets-2023-03-11.csv	2024-07-28 20:16:32+00
84	1	login	login ok from 10.185.243.83 (gaelle.huet1@helpdesk.finestra-banking.eu)	2024-08-04 21:19:21+00
85	1	login	login ok from 10.218.45.141 (gaelle.huet1@helpdesk.finestra-banking.eu)	2024-08-11 15:36:46+00
86	2	view_customer	opened customer CU-79410484 <melis.ottavio30@tiscali.it>	2024-08-18 20:36:18+00
87	2	update_ticket	ticket #69 status -> resolved	2024-08-25 17:43:38+00
88	2	login	login ok from 10.246.221.229 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2024-09-01 17:01:31+00
89	1	export_csv	exported 4164 rows to tickets-2024-01-25.csv	2024-09-08 20:06:45+00
90	2	login	login ok from 10.223.215.112 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2024-09-15 16:41:23+00
91	1	change_email	customer 10 e-mail changed from cordier.segolene10@free.fr to scordier64@gmail.com	2024-09-22 17:23:12+00
92	1	export_csv	exported 2617 rows to tickets-2023-07-03.csv	2024-09-29 20:45:33+00
93	1	view_customer	opened customer CU-41726760 <vtosi18@tin.it>	2024-10-06 22:30:26+00
94	1	view_customer	opened customer CU-32565743 <haller.frauke25@gmail.com>	2024-10-13 21:33:55+00
95	2	update_ticket	ticket #26 status -> pending	2024-10-20 21:32:19+00
96	1	update_ticket	ticket #86 status -> pending	2024-10-27 23:07:49+00
97	2	reset_password	password reset link sent to fabrizio.zanetti2@helpdesk.finestra-banking.eu	2024-11-03 22:18:18+00
98	1	view_customer	opened customer CU-25734589 <dwhite49@btinternet.com>	2024-11-10 21:11:54+00
99	2	change_email	customer 25 e-mail changed from haller.frauke25@gmail.com to frauke.haller79@web.de	2024-11-17 21:45:24+00
100	2	change_email	customer 38 e-mail changed from rcaldarola38@gmail.com to rocco92@alice.it	2024-11-24 19:38:03+00
101	2	login	login ok from 10.141.234.251 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2024-12-01 22:05:58+00
102	1	view_customer	opened customer CU-97753293 <Zoe.lebihan7@wanadoo.fr>	2024-12-08 20:11:06+00
103	2	logout	logout ok from 10.167.193.170 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2024-12-16 00:14:02+00
104	2	view_customer	opened customer CU-08190239 <hauke36@t-online.de>	2024-12-23 00:41:48+00
105	1	export_csv	exported 4595 rows to tickets-2024-09-05.csv	2024-12-29 23:52:51+00
106	1	view_customer	opened customer CU-90572548 <megan_green26@yahoo.co.uk>	2025-01-05 23:33:10+00
107	1	update_ticket	ticket #52 status -> resolved	2025-01-12 21:53:22+00
108	1	view_ticket	ticket #19	2025-01-19 21:24:49+00
109	1	login	login ok from 10.140.66.219 (gaelle.huet1@helpdesk.finestra-banking.eu)	2025-01-27 01:20:19+00
110	2	view_customer	opened customer CU-97753293 <Zoe.lebihan7@wanadoo.fr>	2025-02-02 20:58:29+00
111	1	login	login ok from 10.11.48.181 (gaelle.huet1@helpdesk.finestra-banking.eu)	2025-02-10 00:24:28+00
112	1	change_email	customer 12 e-mail changed from lily12@yahoo.co.uk to lily.cooper66@yahoo.co.uk	2025-02-17 01:14:16+00
113	1	change_email	customer 50 e-mail changed from blandine.rolland50@sfr.fr to blandine_rolland104@orange.fr	2025-02-24 00:55:08+00
114	1	reset_password	password reset link sent to gaelle.huet1@helpdesk.finestra-banking.eu	2025-03-02 23:57:05+00
115	2	reset_password	password reset link sent to fabrizio.zanetti2@helpdesk.finestra-banking.eu	2025-03-10 00:15:41+00
116	2	reset_password	password reset link sent to fabrizio.zanetti2@helpdesk.finestra-banking.eu	2025-03-16 22:16:41+00
117	2	change_email	customer 10 e-mail changed from cordier.segolene10@free.fr to cordier.segolene64@yahoo.fr	2025-03-24 02:36:14+00
118	1	export_csv	exported 2009 rows to tickets-2024-04-04.csv	2025-03-30 22:11:13+00
119	2	update_ticket	ticket #67 status -> pending	2025-04-07 03:28:20+00
120	1	export_csv	exported 2221 rows to tickets-2023-11-03.csv	2025-04-14 00:07:17+00
121	2	logout	logout ok from 10.94.126.228 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2025-04-20 23:37:06+00
122	2	reset_password	password reset link sent to fabrizio.zanetti2@helpdesk.finestra-banking.eu	2025-04-27 23:41:33+00
123	1	view_ticket	ticket #43	2025-05-05 02:17:44+00
124	2	logout	logout ok from 10.214.169.64 (fabrizio.zanetti2@helpdesk.finestra-banking.eu)	2025-05-12 04:27:46+00
125	1	login	login ok from 10.88.30.211 (gaelle.huet1@helpdesk.finestra-banking.eu)	2025-05-18 23:33:34+00
126	1	view_ticket	ticket #33	2025-05-26 01:43:23+00
127	2	update_ticket	ticket #81 status -> pending	2025-06-02 02:48:24+00
128	2	view_customer	opened customer CU-67985132 <capucine41@free.fr>	2025-06-09 01:15:14+00
129	1	update_ticket	ticket #40 status -> pending	2025-06-16 03:37:00+00
130	1	update_ticket	ticket #79 status -> pending	2025-06-23 02:20:09+00
\.


--
-- Data for Name: contacts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.contacts (id, customer_id, role, first_name, last_name, email, phone, note) FROM stdin;
1	1	primary	Gaia	Marras	gaia_marras1@gmail.com	+39 320 323 7019	\N
2	2	primary	Raffaella	Valente	raffaella_valente2@libero.it	+39 347 341 3785	\N
3	2	legal	Tancredi	Bergamini	tancredi.bergamini3@ferramenta-rossi.it	\N	Referente per la migrazione del 16/01/2022. Inviare le fatture a tancredi.bergamini3@ferramenta-rossi.it.
4	3	primary	Malte	Jansen	jansen.malte3@posteo.de	+49 89 28511611	\N
5	4	primary	Lily	Evans	evans.lily4@outlook.com	+44 7467 750615	\N
6	4	technical	Aidan	Thompson	aidan.thompson6@northbridge-finance.co.uk	+44 161 008 2121	\N
7	5	primary	Hartmut	Runge	hartmut.runge5@web.de	+49 175 36689832	\N
8	5	technical	Rüdiger	Runge	ruediger.runge8@steuerbuero-weber.de	+49 711 5359226	\N
9	5	billing	Björn	Runge	bjoern.runge9@buchhaltung-koch.de	+49 211 2784825	Nicht vor 10:10 Uhr anrufen.
10	6	primary	Annalisa	Guidi	annalisa6@hotmail.it	+39 06 6612 4190	Inviare le fatture a annalisa6@hotmail.it. Non chiamare prima delle 10:50.
11	6	billing	Nicolò	Guidi	nicolo.guidi11@ferramenta-rossi.it	\N	Referente per la migrazione del 13/03/2021.
12	7	primary	Zoé	Le Bihan	Zoe.lebihan7@wanadoo.fr	+33 7 31 60 95 43	\N
13	7	billing	Aymeric	Le Bihan	aymeric.lebihan13@expert-compta.fr	+33 1 70 04 11 51	\N
14	7	legal	Corentin	Le Goff	corentin.legoff14@sarl-lefevre.fr	+33 3 81 48 03 45	\N
15	8	primary	Rocco	Melis	rocco8@alice.it	\N	\N
16	9	primary	Kai	Götz	kai.goetz9@gmail.com	+49 171 6822566	Bevorzugt Anrufe unter +49 171 6822566.
17	9	technical	Gunnar	Götz	gunnar.goetz17@handwerk-bauer.de	+49 341 1256431	Erstattungen auf das Konto DE20723567980943388611.
18	9	technical	Eckhard	Reuter	eckhard.reuter18@buchhaltung-koch.de	+49 152 65888368	Bevorzugt Anrufe unter +49 152 65888368.
19	10	primary	Ségolène	Cordier	cordier.segolene10@free.fr	+33 7 41 23 76 32	\N
20	11	primary	Ralf	Buchholz	rbuchholz11@posteo.de	+49 351 8812200	\N
21	12	primary	Lily	Cooper	lily12@yahoo.co.uk	+44 7731 898307	\N
22	12	other	Olivia	Cooper	olivia.cooper22@hillpartners.com	+44 20 1672 6911	\N
23	13	primary	Loredana	Dell'Acqua	ldellacqua13@tiscali.it	+39 349 545 5177	\N
24	14	primary	Lison	Prévost	lison14@laposte.net	+33 6 71 13 93 57	Remboursements sur le compte FR76 9261 2041 2730 4887 2682 086. Envoyer les factures à lison14@laposte.net.
25	14	technical	Gwenaëlle	Hamel	gwenaelle.hamel25@sarl-lefevre.fr	+33 5 76 71 05 30	\N
26	14	technical	Tristan	Guillot	tristan.guillot26@comptoir-dupre.fr	\N	\N
27	15	primary	Tancredi	Cavalli	Tancredi_cavalli15@libero.it	+39 011 758 9334	\N
28	15	technical	Nicoletta	Mancuso	nicoletta.mancuso28@contabilita-verdi.it	+39 055 597 8336	\N
29	16	primary	Océane	Bénard	oceane.benard16@sfr.fr	+33 7 06 03 04 20	\N
30	16	legal	Grégoire	Royer	gregoire.royer30@comptoir-dupre.fr	+33 2 60 13 52 45	\N
31	17	primary	Costanza	Bellucci	bellucci.costanza17@gmail.com	+39 011 229 8842	\N
32	17	technical	Annalisa	Marras	annalisa.marras32@ferramenta-rossi.it	+39 049 562 7294	\N
33	18	primary	Vittoria	Tosi	vtosi18@tin.it	+39 338 260 0431	\N
34	18	other	Ettore	Pace	ettore.pace34@gruppoalfa.it	+39 320 006 3261	Non chiamare prima delle 15:10.
35	19	primary	Niccolò	Mancuso	niccolo_mancuso19@tiscali.it	+39 347 996 6920	\N
36	19	billing	Nicolò	Valente	nicolo.valente36@contabilita-verdi.it	\N	\N
37	19	other	Loredana	Bassi	loredana.bassi37@gruppoalfa.it	+39 049 692 6361	\N
38	20	primary	Nicolò	Caldarola	nicolo_caldarola20@tiscali.it	+39 333 282 2035	\N
39	20	billing	Costanza	Tosi	costanza.tosi39@ferramenta-rossi.it	+39 320 174 7518	\N
40	20	other	Lucrezia	Caldarola	lucrezia.caldarola40@studiobianchi.it	+39 347 932 7817	Preferisce essere contattato al +39 347 932 7817.
41	21	primary	Elke	Blum	elke21@t-online.de	\N	\N
42	21	other	Malte	Hüttner	malte.huettner42@schmidt-gmbh.de	+49 175 3983896	\N
43	22	primary	Yann	Courtois	ycourtois22@yahoo.fr	+33 7 26 85 54 59	Préfère être contacté au +33 7 26 85 54 59.
44	22	technical	Thibault	Courtois	thibault.courtois44@comptoir-dupre.fr	+33 2 16 67 01 75	\N
45	22	billing	Blandine	Bénard	blandine.benard45@sarl-lefevre.fr	\N	\N
46	23	primary	Jürgen-Peter	Dreyer	jdreyer23@web.de	+49 175 0258503	Bevorzugt Anrufe unter +49 175 0258503.
47	24	primary	Lily	Edwards	lily_edwards24@yahoo.co.uk	+44 7484 440593	Contact for the migration on 11 September 2025.
48	24	legal	Lily	Edwards	lily.edwards48@hillpartners.com	+44 7718 840123	Send invoices to lily.edwards48@hillpartners.com.
49	24	legal	Liam	Hill	liam.hill49@brown-ltd.com	+44 20 2287 0759	Send invoices to liam.hill49@brown-ltd.com.
50	25	primary	Frauke	Haller	haller.frauke25@gmail.com	+49 175 5798838	Nicht vor 12:50 Uhr anrufen.
51	26	primary	Megan	Green	megan_green26@yahoo.co.uk	\N	\N
52	27	primary	Eckhard	Strauß	estrauss27@t-online.de	+49 152 44313616	Rechnungen an estrauss27@t-online.de senden. Erstattungen auf das Konto AT175768141165171170.
53	27	legal	Frauke	Strauß	frauke.strauss53@buchhaltung-koch.de	\N	\N
54	28	primary	Capucine	Bouvier	capucine_bouvier28@hotmail.fr	+33 1 83 12 31 84	Préfère être contacté au +33 1 83 12 31 84.
55	29	primary	Ornella	Salvi	ornella29@gmail.com	+39 051 403 8855	\N
56	29	legal	Nicolò	Di Stefano	nicolo.distefano56@studiobianchi.it	\N	\N
57	30	primary	Ottavio	Melis	melis.ottavio30@tiscali.it	+39 340 037 0600	Preferisce essere contattato al +39 340 037 0600. Inviare le fatture a melis.ottavio30@tiscali.it.
58	30	technical	Raffaella	Marras	raffaella.marras58@pec.commercialisti.it	+39 320 140 3011	\N
59	31	primary	Donatella	Lo Russo	donatella_lorusso31@gmail.com	+49 69 56004051	\N
60	32	primary	Marcello	Mancuso	mmancuso32@libero.it	+39 080 044 9049	\N
61	32	billing	Niccolò	Sanfilippo	niccolo.sanfilippo61@ferramenta-rossi.it	+39 010 132 8502	\N
62	33	primary	Amedeo	Giannini	amedeo_giannini33@libero.it	\N	\N
63	33	technical	Ornella	Ruggiero	ornella.ruggiero63@gruppoalfa.it	\N	\N
64	34	primary	Gaëlle	Lagarde	Gaelle.lagarde34@laposte.net	+33 2 27 68 96 04	Ne pas appeler avant 13:15. Envoyer les factures à Gaelle.lagarde34@laposte.net.
65	34	technical	Solène	Delmas	solene.delmas65@comptoir-dupre.fr	+33 4 07 60 83 12	Interlocuteur pour la migration du 04/09/2020. Remboursements sur le compte FR76 6078 1882 7039 5039 0529 113.
66	35	primary	Loredana	Negri	negri.loredana35@gmail.com	+39 338 468 6579	Referente per la migrazione del 11/04/2020. Preferisce essere contattato al +39 338 468 6579.
67	35	legal	Ettore	Negri	ettore.negri67@ferramenta-rossi.it	\N	Inviare le fatture a ettore.negri67@ferramenta-rossi.it.
68	36	primary	Hauke	Pfeiffer	hauke36@t-online.de	+49 211 7332802	Nicht vor 15:35 Uhr anrufen.
69	37	primary	Jack	Robinson	jack.robinson37@outlook.com	+49 341 0636426	Contact for the migration on 2 December 2019.
70	37	billing	Ruby	Harris	ruby.harris70@hillpartners.com	+49 172 33658914	Do not call before 12:35.
71	38	primary	Rocco	Caldarola	rcaldarola38@gmail.com	+39 333 224 5094	\N
72	38	technical	Jacopo	Caldarola	jacopo.caldarola72@gruppoalfa.it	\N	Rimborsi sul conto IT13 V959 1842 3755 7988 0377 890.
73	39	primary	Ulrike	Kuhlmann	kuhlmann.ulrike39@gmx.de	+49 172 36736609	Erstattungen auf das Konto CH2853566686618220934.
74	40	primary	Benedetta	Valente	benedetta.valente40@virgilio.it	+39 347 756 5601	\N
75	40	other	Gianluca	Lo Russo	gianluca.lorusso75@contabilita-verdi.it	\N	\N
76	40	legal	Nicolò	Dell'Acqua	nicolo.dellacqua76@contabilita-verdi.it	+39 347 218 3907	\N
77	41	primary	Capucine	Lebrun	capucine41@free.fr	+33 4 35 27 85 76	Interlocuteur pour la migration du 18/05/2019.
78	42	primary	Marcello	Bruni	Bruni.marcello42@tin.it	+39 340 282 5771	Rimborsi sul conto BE08692895687813. Preferisce essere contattato al +39 340 282 5771.
79	42	legal	Annalisa	Dell'Acqua	annalisa.dellacqua79@ferramenta-rossi.it	+39 011 971 5995	\N
80	43	primary	Filippo	Bellucci	filippo.bellucci43@virgilio.it	+39 393 446 5086	\N
81	44	primary	Perrine	Barthélemy	perrine_barthelemy44@orange.fr	+33 6 15 66 43 44	\N
82	44	billing	Aurèle	de La Fontaine	aurele.delafontaine82@expert-compta.fr	\N	\N
83	45	primary	Niccolò	Tedesco	ntedesco45@virgilio.it	+39 010 137 8219	\N
84	46	primary	Annegret	Buchholz	annegret.buchholz46@outlook.de	+49 170 13033532	Ansprechpartner für die Migration am 16.08.2019. Bevorzugt Anrufe unter +49 170 13033532.
85	46	legal	Elke	Reuter	elke.reuter85@kanzlei-mueller.de	+49 69 47700214	Rechnungen an elke.reuter85@kanzlei-mueller.de senden. Bevorzugt Anrufe unter +49 69 47700214.
86	47	primary	Jérôme	Leclercq	jerome_leclercq47@yahoo.fr	+33 2 18 92 24 40	Préfère être contacté au +33 2 18 92 24 40.
87	48	primary	Livia	Cavalli	livia48@outlook.it	+39 051 662 7356	\N
88	49	primary	Dylan	White	dwhite49@btinternet.com	+44 7879 533936	Send invoices to dwhite49@btinternet.com. Contact for the migration on 12 January 2025.
89	49	technical	Olivia	Fletcher	olivia.fletcher89@taylorandsons.co.uk	+44 7390 044992	\N
90	50	primary	Blandine	Rolland	blandine.rolland50@sfr.fr	+33 5 75 81 91 08	\N
91	50	technical	Lison	Rolland	lison.rolland91@expert-compta.fr	+33 1 66 49 26 66	\N
92	50	other	Grégoire	Delmas	gregoire.delmas92@expert-compta.fr	\N	Interlocuteur pour la migration du 27/10/2022.
93	51	primary	Zoé	Hamel	zoe_hamel51@wanadoo.fr	+33 4 03 76 08 63	Ne pas appeler avant 15:05.
94	52	primary	Agnese	Sanfilippo	sanfilippo.agnese52@tiscali.it	+39 011 762 3881	Referente per la migrazione del 19/06/2020.
95	53	primary	Océane	Leclercq	oceane_leclercq53@gmail.com	+33 2 74 22 06 77	Envoyer les factures à oceane_leclercq53@gmail.com.
96	53	billing	Aymeric	Hamel	aymeric.hamel96@atelier-roux.fr	+33 1 75 65 64 14	\N
97	54	primary	Blandine	Collet	blandine.collet54@wanadoo.fr	+33 6 67 67 61 78	\N
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customers (id, customer_code, first_name, last_name, email, phone, fax, birth_date, street, postcode, city, country, profile, created_at) FROM stdin;
1	CU-45945868	Gaia	Marras	gaia_marras1@gmail.com	+39 320 323 7019	\N	1992-07-10	Piazza Goffredo Mameli 155	34113	Trieste	IT	{"email": "gaia_marras1@gmail.com", "phones": ["+39 320 323 7019"], "address": {"city": "Trieste", "street": "Piazza Goffredo Mameli 155"}, "preferences": {"language": "it", "newsletter": false}}	2015-01-01 05:05:10+00
2	CU-59414389	Raffaella	Valente	raffaella_valente2@libero.it	+39 347 341 3785	\N	1949-07-01	Piazza dei Cappuccini 149	47184	Forlì	IT	{"email": "raffaella_valente2@libero.it", "phones": ["+39 347 341 3785", "+39 328 661 0380"], "address": {"city": "Forlì", "street": "Piazza dei Cappuccini 149"}, "nickname": "Tancredi", "preferences": {"language": "it", "newsletter": false}}	2015-03-13 01:10:35+00
3	CU-07422641	Malte	Jansen	jansen.malte3@posteo.de	+49 89 28511611	\N	1965-03-18	Bismarckstraße 70	10136	Berlin	DE	{"email": "jansen.malte3@posteo.de", "phones": ["+49 89 28511611", "+49 176 5025898"], "address": {"city": "Berlin", "street": "Bismarckstraße 70"}, "nickname": "Ines", "preferences": {"language": "de", "newsletter": true}}	2015-05-23 01:25:39+00
4	CU-15736913	Lily	Evans	evans.lily4@outlook.com	+44 7467 750615	\N	1952-04-24	Flat 7, 82 Chapel Lane	EC1V 0FG	London	GB	{"email": "evans.lily4@outlook.com", "phones": ["+44 7467 750615", "+44 7852 394418"], "address": {"city": "London", "street": "Flat 7, 82 Chapel Lane"}, "preferences": {"language": "en", "newsletter": false}}	2015-08-01 23:54:59+00
5	CU-64534459	Hartmut	Runge	hartmut.runge5@web.de	+49 175 36689832	\N	\N	Holunderweg 73	6020	Innsbruck	AT	{"email": "hartmut.runge5@web.de", "phones": ["+49 175 36689832", "+49 160 78861684"], "address": {"city": "Innsbruck", "street": "Holunderweg 73"}, "nickname": "Elke", "preferences": {"language": "de", "newsletter": true}}	2015-10-12 03:26:53+00
6	CU-10697853	Annalisa	Guidi	annalisa6@hotmail.it	+39 06 6612 4190	\N	1951-06-04	Viale Ippolito Nievo 2	50159	Firenze	IT	{"email": "annalisa6@hotmail.it", "phones": ["+39 06 6612 4190", "+39 349 524 9121"], "address": {"city": "Firenze", "street": "Viale Ippolito Nievo 2"}, "nickname": "Tancredi", "preferences": {"language": "it", "newsletter": false}}	2015-12-21 22:43:52+00
7	CU-97753293	Zoé	Le Bihan	Zoe.lebihan7@wanadoo.fr	+33 7 31 60 95 43	\N	1988-06-21	\N	\N	\N	FR	{"email": "Zoe.lebihan7@wanadoo.fr", "phones": ["+33 7 31 60 95 43"], "preferences": {"language": "fr", "newsletter": false}}	2016-03-02 02:37:20+00
8	CU-89702139	Rocco	Melis	rocco8@alice.it	\N	\N	1967-06-27	Viale San Rocco 2	10198	Torino	IT	{"email": "rocco8@alice.it", "phones": [], "address": {"city": "Torino", "street": "Viale San Rocco 2"}, "nickname": "Piergiorgio", "preferences": {"language": "it", "newsletter": false}}	2016-05-12 00:59:22+00
9	CU-18875643	Kai	Götz	kai.goetz9@gmail.com	+49 171 6822566	\N	1998-11-15	Fontanestraße 103	90442	Nürnberg	DE	{"email": "kai.goetz9@gmail.com", "phones": ["+49 171 6822566"], "address": {"city": "Nürnberg", "street": "Fontanestraße 103"}, "preferences": {"language": "de", "newsletter": true}}	2016-07-21 21:29:01+00
10	CU-38157473	Ségolène	Cordier	cordier.segolene10@free.fr	+33 7 41 23 76 32	+33 1 32 07 68 32	1949-08-18	84 impasse de la Croix-Rousse	59000	Lille	FR	{"email": "cordier.segolene10@free.fr", "phones": ["+33 7 41 23 76 32", "+33 7 09 57 75 53"], "address": {"city": "Lille", "street": "84 impasse de la Croix-Rousse"}, "preferences": {"language": "fr", "newsletter": true}}	2016-10-01 00:20:14+00
11	CU-18018099	Ralf	Buchholz	rbuchholz11@posteo.de	+49 351 8812200	\N	1946-09-04	Händelplatz 39	10116	Berlin	DE	{"email": "rbuchholz11@posteo.de", "phones": ["+49 351 8812200"], "address": {"city": "Berlin", "street": "Händelplatz 39"}, "preferences": {"language": "de", "newsletter": false}}	2016-12-10 19:51:57+00
12	CU-24939136	Lily	Cooper	lily12@yahoo.co.uk	+44 7731 898307	\N	1987-06-11	63 London Lane	29013	Málaga	ES	\N	2017-02-19 22:04:21+00
13	CU-72773897	Loredana	Dell'Acqua	ldellacqua13@tiscali.it	+39 349 545 5177	+39 080 474 2715	1967-12-14	Viale dei Cappuccini 50	34160	Trieste	IT	{"email": "ldellacqua13@tiscali.it", "phones": ["+39 349 545 5177"], "address": {"city": "Trieste", "street": "Viale dei Cappuccini 50"}, "preferences": {"language": "it", "newsletter": false}}	2017-05-01 20:06:21+00
14	CU-58599360	Lison	Prévost	lison14@laposte.net	+33 6 71 13 93 57	\N	1954-06-07	4 impasse des Peupliers	69008	Lyon	FR	{"email": "lison14@laposte.net", "phones": ["+33 6 71 13 93 57", "+33 7 68 29 61 01"], "address": {"city": "Lyon", "street": "4 impasse des Peupliers"}, "preferences": {"language": "fr", "newsletter": true}}	2017-07-11 19:14:13+00
15	CU-36606690	Tancredi	Cavalli	Tancredi_cavalli15@libero.it	+39 011 758 9334	\N	1992-03-25	Vicolo dei Gelsi 104	34103	Trieste	IT	{"email": "Tancredi_cavalli15@libero.it", "phones": ["+39 011 758 9334"], "address": {"city": "Trieste", "street": "Vicolo dei Gelsi 104"}, "preferences": {"language": "it", "newsletter": true}}	2017-09-20 18:19:40+00
16	CU-44295427	Océane	Bénard	oceane.benard16@sfr.fr	+33 7 06 03 04 20	\N	1997-07-13	142 impasse des Jardins	67000	Strasbourg	FR	{"email": "oceane.benard16@sfr.fr", "phones": ["+33 7 06 03 04 20", "+33 7 31 39 45 62"], "address": {"city": "Strasbourg", "street": "142 impasse des Jardins"}, "preferences": {"language": "fr", "newsletter": true}}	2017-11-30 20:34:12+00
17	CU-50191019	Costanza	Bellucci	bellucci.costanza17@gmail.com	+39 011 229 8842	+39 011 447 0703	1990-01-13	Vicolo Ippolito Nievo 138	40184	Bologna	IT	\N	2018-02-09 21:50:42+00
18	CU-41726760	Vittoria	Tosi	vtosi18@tin.it	+39 338 260 0431	\N	1940-12-24	Via dei Cappuccini 164	10118	Torino	IT	{"email": "vtosi18@tin.it", "phones": ["+39 338 260 0431", "+39 320 318 2528"], "address": {"city": "Torino", "street": "Via dei Cappuccini 164"}, "preferences": {"language": "it", "newsletter": true}}	2018-04-21 18:43:05+00
19	CU-16540957	Niccolò	Mancuso	niccolo_mancuso19@tiscali.it	+39 347 996 6920	+39 010 448 3622	2003-10-10	Corso Bligny 177	00174	Roma	IT	{"email": "niccolo_mancuso19@tiscali.it", "phones": ["+39 347 996 6920", "+39 340 920 3099"], "address": {"city": "Roma", "street": "Corso Bligny 177"}, "nickname": "Raffaella", "preferences": {"language": "it", "newsletter": false}}	2018-07-01 17:13:43+00
20	CU-38401333	Nicolò	Caldarola	nicolo_caldarola20@tiscali.it	+39 333 282 2035	\N	1963-06-23	Viale Bligny 10	20173	Milano	IT	{"email": "nicolo_caldarola20@tiscali.it", "phones": ["+39 333 282 2035"], "address": {"city": "Milano", "street": "Viale Bligny 10"}, "nickname": "Livia", "preferences": {"language": "it", "newsletter": true}}	2018-09-10 18:06:51+00
21	CU-94557489	Elke	Blum	elke21@t-online.de	\N	\N	1990-02-16	Kolpingweg 83	04183	Leipzig	DE	{"email": "elke21@t-online.de", "phones": [], "address": {"city": "Leipzig", "street": "Kolpingweg 83"}, "nickname": "Wiebke", "preferences": {"language": "de", "newsletter": false}}	2018-11-20 16:33:40+00
22	CU-87349292	Yann	Courtois	ycourtois22@yahoo.fr	+33 7 26 85 54 59	\N	1948-12-22	132 allée Mirabeau	31008	Toulouse	FR	{"email": "ycourtois22@yahoo.fr", "phones": ["+33 7 26 85 54 59", "+33 6 90 76 68 19"], "address": {"city": "Toulouse", "street": "132 allée Mirabeau"}, "preferences": {"language": "fr", "newsletter": false}}	2019-01-30 17:58:08+00
23	CU-74536344	Jürgen-Peter	Dreyer	jdreyer23@web.de	+49 175 0258503	\N	1944-01-18	Friedrich-Ebert-Allee 83	40203	Düsseldorf	DE	{"email": "jdreyer23@web.de", "phones": ["+49 175 0258503", "+49 172 9475239"], "address": {"city": "Düsseldorf", "street": "Friedrich-Ebert-Allee 83"}, "nickname": "Detlef", "preferences": {"language": "de", "newsletter": false}}	2019-04-11 17:09:13+00
24	CU-36653674	Lily	Edwards	lily_edwards24@yahoo.co.uk	+44 7484 440593	+44 117 565 1559	1944-09-12	113 Green Road	4000-105	Porto	PT	{"email": "lily_edwards24@yahoo.co.uk", "phones": ["+44 7484 440593"], "address": {"city": "Porto", "street": "113 Green Road"}, "nickname": "James", "preferences": {"language": "en", "newsletter": false}}	2019-06-21 18:06:57+00
25	CU-32565743	Frauke	Haller	haller.frauke25@gmail.com	+49 175 5798838	\N	1941-04-18	Händelgasse 94	10105	Berlin	DE	{"email": "haller.frauke25@gmail.com", "phones": ["+49 175 5798838", "+49 170 55540144"], "address": {"city": "Berlin", "street": "Händelgasse 94"}, "preferences": {"language": "de", "newsletter": true}}	2019-08-31 14:58:04+00
26	CU-90572548	Megan	Green	megan_green26@yahoo.co.uk	\N	\N	1984-06-15	90 Grange Close	28048	Madrid	ES	{"email": "megan_green26@yahoo.co.uk", "phones": [], "address": {"city": "Madrid", "street": "90 Grange Close"}, "preferences": {"language": "en", "newsletter": false}}	2019-11-10 15:52:26+00
27	CU-88057854	Eckhard	Strauß	estrauss27@t-online.de	+49 152 44313616	+49 341 8182788	1982-08-17	Bismarckgasse 118	1610	Wien	AT	{"email": "estrauss27@t-online.de", "phones": ["+49 152 44313616"], "address": {"city": "Wien", "street": "Bismarckgasse 118"}, "preferences": {"language": "de", "newsletter": true}}	2020-01-20 17:21:48+00
28	CU-53633931	Capucine	Bouvier	capucine_bouvier28@hotmail.fr	+33 1 83 12 31 84	\N	1980-10-17	42 boulevard Édouard Vaillant	59000	Lille	FR	{"email": "capucine_bouvier28@hotmail.fr", "phones": ["+33 1 83 12 31 84", "+33 6 98 16 29 18"], "address": {"city": "Lille", "street": "42 boulevard Édouard Vaillant"}, "preferences": {"language": "fr", "newsletter": false}}	2020-03-31 14:09:31+00
29	CU-95692618	Ornella	Salvi	ornella29@gmail.com	+39 051 403 8855	\N	1941-11-19	Corso Ippolito Nievo 11	20152	Milano	IT	{"email": "ornella29@gmail.com", "phones": ["+39 051 403 8855", "+39 347 729 7259"], "address": {"city": "Milano", "street": "Corso Ippolito Nievo 11"}, "nickname": "Benedetta", "preferences": {"language": "it", "newsletter": false}}	2020-06-10 11:33:22+00
30	CU-79410484	Ottavio	Melis	melis.ottavio30@tiscali.it	+39 340 037 0600	\N	1954-04-27	Via dell'Indipendenza 154	47166	Forlì	IT	{"email": "melis.ottavio30@tiscali.it", "phones": ["+39 340 037 0600", "+39 338 973 1633"], "address": {"city": "Forlì", "street": "Via dell'Indipendenza 154"}, "preferences": {"language": "it", "newsletter": true}}	2020-08-20 12:04:48+00
31	CU-70255245	Donatella	Lo Russo	donatella_lorusso31@gmail.com	+49 69 56004051	+49 221 6377819	1992-01-13	Viale delle Magnolie 63	4009	Basel	CH	{"email": "donatella_lorusso31@gmail.com", "phones": ["+49 69 56004051"], "address": {"city": "Basel", "street": "Viale delle Magnolie 63"}, "nickname": "Nicolò", "preferences": {"language": "it", "newsletter": false}}	2020-10-30 12:13:00+00
32	CU-79881571	Marcello	Mancuso	mmancuso32@libero.it	+39 080 044 9049	+39 010 547 3444	1982-02-07	Viale Solferino 164	16166	Genova	IT	{"email": "mmancuso32@libero.it", "phones": ["+39 080 044 9049"], "address": {"city": "Genova", "street": "Viale Solferino 164"}, "nickname": "Tancredi", "preferences": {"language": "it", "newsletter": false}}	2021-01-09 15:25:19+00
33	CU-05936908	Amedeo	Giannini	amedeo_giannini33@libero.it	\N	\N	1962-07-25	\N	\N	\N	IT	\N	2021-03-21 12:39:57+00
34	CU-81571238	Gaëlle	Lagarde	Gaelle.lagarde34@laposte.net	+33 2 27 68 96 04	+33 3 52 51 72 05	1956-02-14	151 impasse de la Croix-Rousse	42000	Saint-Étienne	FR	{"email": "Gaelle.lagarde34@laposte.net", "phones": ["+33 2 27 68 96 04", "+33 7 18 38 98 92"], "address": {"city": "Saint-Étienne", "street": "151 impasse de la Croix-Rousse"}, "preferences": {"language": "fr", "newsletter": true}}	2021-05-31 14:59:25+00
35	CU-17509532	Loredana	Negri	negri.loredana35@gmail.com	+39 338 468 6579	\N	1940-04-17	Corso dell'Indipendenza 43	25159	Brescia	IT	{"email": "negri.loredana35@gmail.com", "phones": ["+39 338 468 6579"], "address": {"city": "Brescia", "street": "Corso dell'Indipendenza 43"}, "preferences": {"language": "it", "newsletter": false}}	2021-08-10 12:38:26+00
36	CU-08190239	Hauke	Pfeiffer	hauke36@t-online.de	+49 211 7332802	\N	1983-10-12	Berlinerweg 36	90481	Nürnberg	DE	{"email": "hauke36@t-online.de", "phones": ["+49 211 7332802", "+49 171 93132267"], "address": {"city": "Nürnberg", "street": "Berlinerweg 36"}, "nickname": "Detlef", "preferences": {"language": "de", "newsletter": false}}	2021-10-20 09:53:46+00
37	CU-10671293	Jack	Robinson	jack.robinson37@outlook.com	+49 341 0636426	\N	1979-08-26	139 Queen's Street	3017 KW	Rotterdam	NL	{"email": "jack.robinson37@outlook.com", "phones": ["+49 341 0636426"], "address": {"city": "Rotterdam", "street": "139 Queen's Street"}, "nickname": "Evie", "preferences": {"language": "en", "newsletter": false}}	2021-12-30 12:50:55+00
38	CU-04864812	Rocco	Caldarola	rcaldarola38@gmail.com	+39 333 224 5094	+39 080 310 1184	\N	Vicolo Santa Chiara 55	47114	Forlì	IT	{"email": "rcaldarola38@gmail.com", "phones": ["+39 333 224 5094", "+39 333 310 9611"], "address": {"city": "Forlì", "street": "Vicolo Santa Chiara 55"}, "preferences": {"language": "it", "newsletter": false}}	2022-03-11 09:25:13+00
39	CU-07327984	Ulrike	Kuhlmann	kuhlmann.ulrike39@gmx.de	+49 172 36736609	\N	\N	Wacholderallee 10	6900	Lugano	CH	{"email": "kuhlmann.ulrike39@gmx.de", "phones": ["+49 172 36736609"], "address": {"city": "Lugano", "street": "Wacholderallee 10"}, "preferences": {"language": "de", "newsletter": true}}	2022-05-21 09:15:38+00
40	CU-47541615	Benedetta	Valente	benedetta.valente40@virgilio.it	+39 347 756 5601	\N	2003-09-17	Corso San Rocco 156	00193	Roma	IT	{"email": "benedetta.valente40@virgilio.it", "phones": ["+39 347 756 5601", "+39 338 975 1193"], "address": {"city": "Roma", "street": "Corso San Rocco 156"}, "preferences": {"language": "it", "newsletter": true}}	2022-07-31 11:46:57+00
41	CU-67985132	Capucine	Lebrun	capucine41@free.fr	+33 4 35 27 85 76	+33 4 95 32 28 34	1984-10-13	106 boulevard de la Croix-Rousse	13090	Aix-en-Provence	FR	{"email": "capucine41@free.fr", "phones": ["+33 4 35 27 85 76", "+33 6 84 99 70 71"], "address": {"city": "Aix-en-Provence", "street": "106 boulevard de la Croix-Rousse"}, "nickname": "Yann", "preferences": {"language": "fr", "newsletter": false}}	2022-10-10 11:45:24+00
42	CU-46329734	Marcello	Bruni	Bruni.marcello42@tin.it	+39 340 282 5771	\N	1956-10-17	Via Solferino 159	20156	Milano	IT	\N	2022-12-20 10:01:23+00
43	CU-35186697	Filippo	Bellucci	filippo.bellucci43@virgilio.it	+39 393 446 5086	+39 045 269 5806	1971-06-23	Corso dei Cappuccini 111	16112	Genova	IT	\N	2023-03-01 05:48:05+00
44	CU-35957637	Perrine	Barthélemy	perrine_barthelemy44@orange.fr	+33 6 15 66 43 44	\N	1992-10-16	112 place du Four	67000	Strasbourg	FR	{"email": "perrine_barthelemy44@orange.fr", "phones": ["+33 6 15 66 43 44", "+33 6 89 25 95 72"], "address": {"city": "Strasbourg", "street": "112 place du Four"}, "nickname": "Éloïse", "preferences": {"language": "fr", "newsletter": true}}	2023-05-11 05:58:20+00
45	CU-62125946	Niccolò	Tedesco	ntedesco45@virgilio.it	+39 010 137 8219	\N	1989-02-17	Via Goffredo Mameli 110	70133	Bari	IT	{"email": "ntedesco45@virgilio.it", "phones": ["+39 010 137 8219", "+39 340 837 3672"], "address": {"city": "Bari", "street": "Via Goffredo Mameli 110"}, "nickname": "Livia", "preferences": {"language": "it", "newsletter": false}}	2023-07-21 08:43:52+00
46	CU-10795877	Annegret	Buchholz	annegret.buchholz46@outlook.de	+49 170 13033532	+49 351 3148874	1943-05-06	Fontaneplatz 166	70128	Stuttgart	DE	{"email": "annegret.buchholz46@outlook.de", "phones": ["+49 170 13033532", "+49 160 76452369"], "address": {"city": "Stuttgart", "street": "Fontaneplatz 166"}, "preferences": {"language": "de", "newsletter": false}}	2023-09-30 09:22:42+00
47	CU-01312796	Jérôme	Leclercq	jerome_leclercq47@yahoo.fr	+33 2 18 92 24 40	\N	1946-01-11	45 bis boulevard Colbert	33000	Bordeaux	FR	{"email": "jerome_leclercq47@yahoo.fr", "phones": ["+33 2 18 92 24 40", "+33 7 26 38 14 62"], "address": {"city": "Bordeaux", "street": "45 bis boulevard Colbert"}, "preferences": {"language": "fr", "newsletter": true}}	2023-12-10 08:26:07+00
48	CU-20990858	Livia	Cavalli	livia48@outlook.it	+39 051 662 7356	\N	1965-02-13	Viale Benedetto Croce 171	10117	Torino	IT	{"email": "livia48@outlook.it", "phones": ["+39 051 662 7356", "+39 320 300 9163"], "address": {"city": "Torino", "street": "Viale Benedetto Croce 171"}, "preferences": {"language": "it", "newsletter": false}}	2024-02-19 05:35:45+00
49	CU-25734589	Dylan	White	dwhite49@btinternet.com	+44 7879 533936	\N	1946-03-14	179 Church Street	41079	Sevilla	ES	{"email": "dwhite49@btinternet.com", "phones": ["+44 7879 533936", "+44 7962 126568"], "address": {"city": "Sevilla", "street": "179 Church Street"}, "nickname": "Siobhan", "preferences": {"language": "en", "newsletter": true}}	2024-04-30 08:25:22+00
50	CU-65249000	Blandine	Rolland	blandine.rolland50@sfr.fr	+33 5 75 81 91 08	+33 5 41 90 27 05	1995-02-18	78 place Lamartine	33000	Bordeaux	FR	{"email": "blandine.rolland50@sfr.fr", "phones": ["+33 5 75 81 91 08", "+33 7 91 44 06 74"], "address": {"city": "Bordeaux", "street": "78 place Lamartine"}, "nickname": "Corentin", "preferences": {"language": "fr", "newsletter": false}}	2024-07-10 06:31:46+00
51	CU-80313806	Zoé	Hamel	zoe_hamel51@wanadoo.fr	+33 4 03 76 08 63	\N	1959-06-20	65 allée du Faubourg	34000	Montpellier	FR	{"email": "zoe_hamel51@wanadoo.fr", "phones": ["+33 4 03 76 08 63", "+33 7 69 37 94 05"], "address": {"city": "Montpellier", "street": "65 allée du Faubourg"}, "preferences": {"language": "fr", "newsletter": false}}	2024-09-19 03:53:13+00
52	CU-89082192	Agnese	Sanfilippo	sanfilippo.agnese52@tiscali.it	+39 011 762 3881	\N	1940-01-15	Piazza Ludovico Ariosto 129	47136	Forlì	IT	{"email": "sanfilippo.agnese52@tiscali.it", "phones": ["+39 011 762 3881", "+39 349 171 0633"], "address": {"city": "Forlì", "street": "Piazza Ludovico Ariosto 129"}, "nickname": "Arianna", "preferences": {"language": "it", "newsletter": false}}	2024-11-29 06:38:36+00
53	CU-10209511	Océane	Leclercq	oceane_leclercq53@gmail.com	+33 2 74 22 06 77	+33 2 00 72 43 03	1997-04-23	\N	\N	\N	FR	{"email": "oceane_leclercq53@gmail.com", "phones": ["+33 2 74 22 06 77", "+33 7 48 01 23 74"], "nickname": "Aurèle", "preferences": {"language": "fr", "newsletter": true}}	2025-02-08 05:12:58+00
54	CU-89804030	Blandine	Collet	blandine.collet54@wanadoo.fr	+33 6 67 67 61 78	\N	1941-07-20	105 allée des Capucins	13002	Marseille	FR	{"email": "blandine.collet54@wanadoo.fr", "phones": ["+33 6 67 67 61 78", "+33 6 67 14 11 49"], "address": {"city": "Marseille", "street": "105 allée des Capucins"}, "preferences": {"language": "fr", "newsletter": true}}	2025-04-20 04:08:12+00
\.


--
-- Data for Name: payment_cards; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.payment_cards (id, account_id, card_number, holder_name, expires_on) FROM stdin;
1	57	5249648425046659	Yann Courtois	2031-05-31
2	73	345671617730595	Eckhard Strauß	2028-10-31
3	56	5156427133841284	Donatella Lo Russo	2028-02-29
4	24	4573195427426496	Lily Edwards	2024-10-31
5	3	5475161735613445	Malte Jansen	2024-09-30
6	14	4255237138550233	Lison Prévost	2028-07-31
7	34	4257435133053298	GAËLLE LAGARDE	2024-11-30
8	59	4190022695354668	ECKHARD STRAUß	2029-04-30
9	61	4305757139555535	Nicolò Caldarola	2031-07-31
10	74	4036433239728838	BLANDINE COLLET	2028-04-30
11	37	4108933113889039	Jack Robinson	2031-01-31
12	81	4054228375572124	Océane Leclercq	2031-05-31
13	58	5417209290929531	Livia Cavalli	2028-03-31
14	78	4215341292234284	Océane Leclercq	2027-02-28
15	47	5250380689718080	Jérôme Leclercq	2028-10-31
16	15	4686241024299136	TANCREDI CAVALLI	2029-03-31
17	72	5531263958189509	Marcello Bruni	2031-01-31
18	63	4899838056960270	Zoé Le Bihan	2025-08-31
19	24	5572185250393788	Lily Edwards	2025-01-31
20	69	5405767983525209	Livia Cavalli	2029-10-31
21	70	4717018697050498	Filippo Bellucci	2025-02-28
22	21	4848791471200370	Elke Blum	2025-07-31
23	28	5276646528895101	CAPUCINE BOUVIER	2030-09-30
24	81	4652618387774443	Océane Leclercq	2030-12-31
25	68	5588403818501988	Annalisa Guidi	2029-10-31
26	56	4007198217680344	Donatella Lo Russo	2027-09-30
27	40	4630835537388646	Benedetta Valente	2026-04-30
28	46	5255253521659082	ANNEGRET BUCHHOLZ	2024-01-31
29	56	4015119136908962	DONATELLA LO RUSSO	2029-10-31
30	68	4382490665069442	Annalisa Guidi	2027-02-28
31	51	4838037622373282	Zoé Hamel	2024-10-31
32	30	4204203731248262	Ottavio Melis	2025-04-30
33	7	4505880505310059	Zoé Le Bihan	2031-04-30
34	18	4452292540797733	Vittoria Tosi	2029-02-28
35	56	4954492364724291	Donatella Lo Russo	2026-01-31
36	5	5345367626407387	Hartmut Runge	2025-11-30
37	58	5411796868628921	Livia Cavalli	2024-12-31
38	56	4620958767988802	Donatella Lo Russo	2031-06-30
39	50	4805572845340287	BLANDINE ROLLAND	2031-07-31
40	35	5502478128243128	Loredana Negri	2031-05-31
41	48	375512397921702	Livia Cavalli	2031-04-30
42	41	4169429248604795	Capucine Lebrun	2029-11-30
43	28	4692096877605165	CAPUCINE BOUVIER	2024-05-31
44	22	4772293627559130	Yann Courtois	2025-11-30
45	39	348599205836853	ULRIKE KUHLMANN	2030-01-31
46	51	4653507966772879	Zoé Hamel	2025-05-31
47	35	5447338282983851	LOREDANA NEGRI	2029-09-30
48	64	5121489423668043	LISON PRÉVOST	2027-12-31
49	50	4894936705387070	BLANDINE ROLLAND	2030-11-30
50	59	5250713157557871	Eckhard Strauß	2024-05-31
51	45	4257074653599842	Niccolò Tedesco	2031-02-28
52	64	5341815123700211	Lison Prévost	2027-04-30
53	65	5395964527360985	Lily Edwards	2027-06-30
54	20	5535628991516841	Nicolò Caldarola	2025-10-31
55	45	5477410142128713	NICCOLÒ TEDESCO	2026-07-31
56	26	4941389007860431	MEGAN GREEN	2028-10-31
57	57	5123147102268968	Yann Courtois	2028-08-31
58	73	5514859909219419	ECKHARD STRAUß	2031-10-31
59	42	5224112102802024	Marcello Bruni	2031-11-30
60	53	5281482051222445	OCÉANE LECLERCQ	2028-08-31
61	67	344579157981059	Ségolène Cordier	2031-05-31
62	56	4234432237171926	DONATELLA LO RUSSO	2026-04-30
63	29	4509943657537568	ORNELLA SALVI	2026-11-30
64	7	5432115264605984	Zoé Le Bihan	2030-07-31
65	49	5566744634779175	Dylan White	2028-03-31
\.


--
-- Data for Name: tickets; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.tickets (id, customer_id, assigned_to, subject, body, status, opened_at, tags) FROM stdin;
1	31	1	Smarrimento carta - blocco urgente	Salve,\n\nla mia carta 5156427133841284 è stata bloccata dopo tre tentativi errati del PIN. Potete sbloccarla?\n\nSaluti	closed	2019-01-01 03:12:32+00	{refund}
2	3	\N	Anmeldung in der App nicht möglich - jansen.malte3@posteo.de	Guten Tag,\n\nkann ich meine Kontoauszüge als PDF an jansen.malte3@posteo.de erhalten? Das Problem trat gestern um 11:30 erneut auf. Vielen Dank für Ihre Geduld.\n\nVielen Dank im Voraus\nTel. +49 89 28511611\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2019-01-28 18:00:37+00	{app,sepa}
3	11	2	Problem mit Überweisung vom 02.04.2019 - rbuchholz11@posteo.de	Hallo Support-Team,\n\nich kündige das Konto DE85639821996676818485 zum 24.06.2022; das Restguthaben bitte auf das Gemeinschaftskonto überweisen.\n\nVielen Dank im Voraus\nTel. +49 351 8812200	pending	2019-02-25 05:21:09+00	{urgent,statement}
4	\N	2	[internal] follow-up	Certificate of the card gateway expires on 26 August 2021. Please renew before the release.\nOwner: fabrizio.zanetti2@helpdesk.finestra-banking.eu	resolved	2019-03-24 22:31:10+00	{urgent,login}
5	45	1	Bonifico SEPA respinto	Gentile assistenza,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT15 P996 2554 4190 9245 7871 149. Vi prego di confermare via e-mail a ntedesco45@virgilio.it. Sono reperibile al +39 010 137 8219 dalle 17:15 in poi. Uso la versione 4.2.1 dell'app su Android.\n\nGrazie mille,\nTel. +39 010 137 8219	pending	2019-04-21 12:57:47+00	{}
6	1	2	Accesso all'app non riuscito	Salve,\n\nnon riesco ad accedere all'home banking dal 27/05/2023: l'app mostra l'errore E-9832 dopo l'inserimento del codice OTP. Grazie per la pazienza.\n\nGrazie mille,\nTel. +39 320 323 7019\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	open	2019-05-19 01:27:28+00	{app}
7	22	1	Problème de virement du 13/02/2021	Madame, Monsieur,\n\nje constate sur le compte FR76 0443 8764 6510 3154 5371 166 un prélèvement de 3 905,84 EUR du 03/08/2021 que je ne reconnais pas (référence ORD-2020-095231).\n\nMerci d'avance,\nTél. +33 7 26 85 54 59\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> gaelle.huet1@helpdesk.finestra-banking.eu	open	2019-06-15 12:11:22+00	{app}
8	54	2	Changement d'IBAN	Bonjour,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est FR7694819014524120314106318. Merci de me confirmer par e-mail à blandine.collet54@wanadoo.fr. Je suis joignable au +33667676178 à partir de 16:20.\n\nBien à vous\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	resolved	2019-07-13 05:09:02+00	\N
9	6	1	Carta bloccata	Buongiorno,\n\nil pagamento di 9.761,91 EUR presso un negozio online (ordine ORD-2024-336057) è stato rifiutato il 24/07/2022, carta n. 5588 4038 1850 1988. Sono reperibile al +39 06 6612 4190 dalle 13:35 in poi. Uso la versione 4.2.1 dell'app su Android.\n\nSaluti	closed	2019-08-09 15:43:28+00	{sepa,fraud,refund}
10	14	1	Re: Opposition carte - urgent	Bonjour,\n\nj'ai perdu ma carte se terminant par 0233 (4255 2371 3855 0233). Merci de faire opposition immédiatement ; le compte associé est FR76 9261 2041 2730 4887 2682 086.\n\nCordialement,	open	2019-09-06 08:14:24+00	{fraud,login,card}
11	44	2	Changement d'IBAN	Madame, Monsieur,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est DE21 0111 7670 9046 8154 44. Merci de me confirmer par e-mail à perrine_barthelemy44@orange.fr. Merci pour votre patience.\n\nBien à vous	closed	2019-10-03 20:57:05+00	{iban}
12	10	1	Re: Prélèvement non reconnu	Bonjour,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est FR7646947604297898828945981. Merci de me confirmer par e-mail à cordier.segolene10@free.fr.\n\nBien à vous	closed	2019-10-31 13:50:09+00	{login}
13	41	2	Demande d'information	Bonjour à l'équipe support,\n\nmerci de mettre à jour mon numéro de téléphone : +33435278576. Mon adresse e-mail reste capucine41@free.fr.\n\nMerci d'avance,\nTél. +33435278576	closed	2019-11-28 02:38:05+00	{sepa,statement}
14	42	1	Problema con bonifico del 02/11/2019	Buongiorno,\n\nsul conto IT83R0922458277278558509021 vedo un addebito di 505,68 EUR del 06/09/2025 che non riconosco (riferimento ORD-2022-492730).\n\nCordiali saluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.huet1@helpdesk.finestra-banking.eu	pending	2019-12-25 15:49:18+00	\N
15	6	2	Carta bloccata	Buonasera,\n\nil pagamento di 376,24 EUR presso un negozio online (ordine ORD-2025-306390) è stato rifiutato il 05/05/2023, carta n. 4382490665069442.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	closed	2020-01-22 08:42:46+00	{login,app}
16	1	\N	Addebito non riconosciuto	Salve,\n\nsul conto IT84V4174957866801566537281 vedo un addebito di 4.558,04 EUR del 26/01/2020 che non riconosco (riferimento ORD-2022-222943). Sono reperibile al +393203237019 dalle 10:05 in poi.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.huet1@helpdesk.finestra-banking.eu	open	2020-02-18 20:10:04+00	{iban,login,billing}
17	30	2	Carta bloccata	Buongiorno,\n\nla mia carta 4204203731248262 è stata bloccata dopo tre tentativi errati del PIN. Potete sbloccarla?\n\nSaluti	closed	2020-03-17 10:21:59+00	{}
18	51	1	Carte bloquée	Madame, Monsieur,\n\nj'ai perdu ma carte se terminant par 3282 (4838037622373282). Merci de faire opposition immédiatement ; le compte associé est FR76 1169 4807 8659 5474 0498 369.\n\nCordialement,\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> gaelle.huet1@helpdesk.finestra-banking.eu	resolved	2020-04-13 22:25:43+00	{card,fraud,app}
19	50	1	Demande de relevé	Madame, Monsieur,\n\nje constate sur le compte FR76 1446 1875 0484 3979 9071 170 un prélèvement de 5 295,22 EUR du 26/07/2019 que je ne reconnais pas (référence ORD-2019-549031).\n\nSalutations distinguées\nblandine.rolland50@sfr.fr	open	2020-05-11 15:31:14+00	{}
20	39	1	Fehler E-4322 bei der Anmeldung - kuhlmann.ulrike39@gmx.de	Sehr geehrte Damen und Herren,\n\nbitte aktualisieren Sie meine Telefonnummer: +49 172 36736609. Meine E-Mail-Adresse bleibt kuhlmann.ulrike39@gmx.de. Das Problem trat gestern um 08:35 erneut auf. Ich habe schon zweimal bei der Hotline angerufen.\n\nMit freundlichen Grüßen\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2020-06-08 05:27:32+00	{card}
21	47	1	Carte bloquée	Bonjour,\n\nle paiement de 602,88 EUR (commande ORD-2023-170315) a été refusé le 13/09/2023 avec la carte n° 5250 3806 8971 8080. Dossier de référence : 2020/66898.\n\nBien à vous\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> gaelle.huet1@helpdesk.finestra-banking.eu	pending	2020-07-05 16:28:14+00	{urgent,statement,fraud}
22	19	2	Cambio IBAN per accredito stipendio	Buongiorno,\n\nsul conto IT79 B913 6974 8129 7838 9435 382 vedo un addebito di 3.617,60 EUR del 02/02/2025 che non riconosco (riferimento ORD-2020-916070). Sono reperibile al +39 347 996 6920 dalle 16:00 in poi.\n\nDistinti saluti\nniccolo_mancuso19@tiscali.it	resolved	2020-08-02 07:18:28+00	{billing,login,card}
23	43	2	Richiesta estratto conto	Buongiorno,\n\nchiedo l'estinzione del conto IT09 V179 4452 1640 0403 7447 010 entro il 25/03/2022; il saldo residuo va girato sul conto cointestato. L'importo totale è di 6.003,63 EUR.\n\nGrazie mille,\nTel. +39 393 446 5086\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	open	2020-08-29 22:17:56+00	{sepa,app}
24	\N	1	Certificate renewal	Certificate of the card gateway expires on 22 June 2022. Please renew before the release.\nOwner: gaelle.huet1@helpdesk.finestra-banking.eu	resolved	2020-09-26 13:51:35+00	{billing}
25	48	2	Pagamento con carta rifiutato	Salve,\n\nil pagamento di 5.004,96 EUR presso un negozio online (ordine ORD-2021-991926) è stato rifiutato il 28/04/2025, carta n. 3755 1239 7921 702. Il problema si è verificato anche ieri alle 10:45. Sono reperibile al +39 051 662 7356 dalle 08:30 in poi.\n\nCordiali saluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	resolved	2020-10-24 03:14:38+00	{iban}
26	27	1	Kartenverlust – bitte sperren	Sehr geehrte Damen und Herren,\n\nich habe meine Karte mit der Endung 9419 (5514 8599 0921 9419) verloren. Bitte sperren Sie sie sofort; das zugehörige Konto ist AT548935655852989488. Sie erreichen mich unter +49 152 44313616 ab 11:00 Uhr. Auf dem Kontoauszug steht die Buchung 6047143945191445 vom 17.01.2024.\n\nViele Grüße	pending	2020-11-20 17:27:41+00	{refund,card,sepa}
27	5	2	Allgemeine Anfrage	Hallo Support-Team,\n\nkann ich meine Kontoauszüge als PDF an hartmut.runge5@web.de erhalten? Ich nutze Version 4.2.1 der App auf Android.\n\nViele Grüße	pending	2020-12-18 04:21:00+00	{iban,urgent,billing}
28	27	1	Kartenzahlung abgelehnt	Hallo Support-Team,\n\nich habe meine Karte mit der Endung 9419 (5514 8599 0921 9419) verloren. Bitte sperren Sie sie sofort; das zugehörige Konto ist AT548935655852989488.\n\nVielen Dank im Voraus\nTel. +49 152 44313616\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.huet1@helpdesk.finestra-banking.eu	pending	2021-01-14 18:56:53+00	{fraud}
29	32	1	Addebito non riconosciuto	Salve,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT72 U448 9472 2530 6532 0579 757. Vi prego di confermare via e-mail a mmancuso32@libero.it.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.huet1@helpdesk.finestra-banking.eu	pending	2021-02-11 10:41:54+00	{refund}
30	49	1	Re: Lost card - please block	Dear support team,\n\nmy card 5566744634779175 was blocked after three wrong PIN attempts. Could you unblock it? Thank you for your patience.\n\nThanks in advance,\nTel. +44 7879 533936	pending	2021-03-11 01:13:41+00	{}
31	18	1	Bonifico SEPA respinto	Salve,\n\nvi scrivo perché il bonifico di 1.640,89 EUR disposto il 28/03/2020 dal conto IT32X3186783255695322929296 risulta respinto con codice AC04.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.huet1@helpdesk.finestra-banking.eu	resolved	2021-04-07 10:49:39+00	{statement,sepa,card}
32	1	1	Bonifico SEPA respinto	Buongiorno,\n\nsul conto IT84 V417 4957 8668 0156 6537 281 vedo un addebito di 252,82 EUR del 13/06/2024 che non riconosco (riferimento ORD-2021-735447). Vi allego la ricevuta dell'ordine ORD-2020-114487.\n\nGrazie mille,\nTel. +39 320 323 7019	pending	2021-05-05 04:01:33+00	{statement,iban}
33	42	2	Cambio IBAN per accredito stipendio - Bruni.marcello42@tin.it	Buonasera,\n\nsul conto IT83 R092 2458 2772 7855 8509 021 vedo un addebito di 12.736,02 EUR del 10/02/2020 che non riconosco (riferimento ORD-2023-410606). Pratica di riferimento: 2020/58412.\n\nCordiali saluti	pending	2021-06-01 15:21:10+00	{statement,refund,app}
34	2	2	Errore E-8651 durante il login - raffaella_valente2@libero.it	Gentile assistenza,\n\nnon riesco ad accedere all'home banking dal 28/04/2022: l'app mostra l'errore E-3019 dopo l'inserimento del codice OTP. Ho già chiamato il numero verde due volte. Vi allego la ricevuta dell'ordine ORD-2025-434210.\n\nSaluti	closed	2021-06-29 08:14:43+00	{refund,sepa}
35	28	\N	Opposition carte - urgent - capucine_bouvier28@hotmail.fr	Bonjour à l'équipe support,\n\nj'ai perdu ma carte se terminant par 5165 (4692 0968 7760 5165). Merci de faire opposition immédiatement ; le compte associé est FR7683731492097883801857668.\n\nSalutations distinguées\ncapucine_bouvier28@hotmail.fr	closed	2021-07-26 19:28:36+00	{app,card}
36	\N	2	[internal] follow-up	Certificate of the card gateway expires on 28 May 2021. Please renew before the release.\nOwner: fabrizio.zanetti2@helpdesk.finestra-banking.eu	closed	2021-08-23 13:58:45+00	{}
37	10	2	Changement d'IBAN	Bonjour à l'équipe support,\n\nle virement SEPA de 1 303,81 EUR émis le 19/06/2020 depuis le compte FR7646947604297898828945981 a été rejeté (motif AC04). Je suis joignable au +33 7 41 23 76 32 à partir de 17:25.\n\nSalutations distinguées\ncordier.segolene10@free.fr	closed	2021-09-19 22:55:39+00	{card,app,urgent}
38	44	2	Connexion impossible à l'application	Bonjour à l'équipe support,\n\nje n'arrive plus à me connecter à l'application depuis le 01/01/2025 : erreur E-7617 après la saisie du code SMS. Vous trouverez ci-joint le justificatif de la commande ORD-2021-194205.\n\nMerci d'avance,\nTél. +33 6 15 66 43 44	closed	2021-10-17 17:47:52+00	{login}
39	5	1	Neue Telefonnummer	Guten Tag,\n\nbitte aktualisieren Sie meine Telefonnummer: +49 175 36689832. Meine E-Mail-Adresse bleibt hartmut.runge5@web.de. Der Gesamtbetrag beträgt 58,90 EUR.\n\nMit freundlichen Grüßen	closed	2021-11-14 03:41:51+00	{statement}
40	21	1	Problem mit Überweisung vom 25.06.2024	Hallo Support-Team,\n\nbitte ändern Sie meine Bankverbindung: meine neue IBAN lautet DE55 5190 5453 5448 8907 16. Bitte bestätigen Sie per E-Mail an elke21@t-online.de. Im Anhang finden Sie den Beleg zur Bestellung ORD-2024-600213.\n\nViele Grüße\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2021-12-11 19:16:34+00	{login}
41	13	2	Richiesta informazioni	Salve,\n\nnon riesco ad accedere all'home banking dal 24/05/2023: l'app mostra l'errore E-5323 dopo l'inserimento del codice OTP. Nell'estratto conto compare l'operazione 4060737653799212 del 04/04/2021.\n\nGrazie mille,\nTel. +39 349 545 5177\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	closed	2022-01-08 07:15:37+00	{app,login}
42	53	1	Changement d'IBAN	Bonjour à l'équipe support,\n\nle virement SEPA de 2 337,40 EUR émis le 20/08/2023 depuis le compte FR7661208605766453330962621 a été rejeté (motif AC04). Le montant total est de 10 074,57 EUR.\n\nSalutations distinguées\noceane_leclercq53@gmail.com	open	2022-02-04 21:35:06+00	{}
43	44	2	Demande de relevé	Bonjour à l'équipe support,\n\nle virement SEPA de 4 090,83 EUR émis le 04/02/2022 depuis le compte DE21 0111 7670 9046 8154 44 a été rejeté (motif AC04). Le problème s'est reproduit hier à 14:40. Je suis joignable au +33 6 15 66 43 44 à partir de 16:55.\n\nMerci d'avance,\nTél. +33 6 15 66 43 44	open	2022-03-04 15:55:03+00	{statement,card}
44	21	2	Unbekannte Abbuchung	Hallo Support-Team,\n\ndie SEPA-Überweisung über 745,43 EUR vom 27.04.2025 von meinem Konto DE55519054535448890716 wurde mit dem Grund AC04 zurückgewiesen. Ich nutze Version 4.2.1 der App auf Android. Vielen Dank für Ihre Geduld.\n\nVielen Dank im Voraus\nTel. +49 171 56779472\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	closed	2022-04-01 02:11:46+00	\N
45	37	2	Cannot log in to the app	Dear support team,\n\ncould I receive my statements as PDF at jack.robinson37@outlook.com? The problem happened again yesterday at 13:15.\n\nBest wishes\n\n> Dear customer,\n> we have checked your request and the transaction has now been corrected. If you have any questions, just reply to this message.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	open	2022-04-28 19:00:50+00	{statement,billing}
46	37	2	New phone number - jack.robinson37@outlook.com	Dear support team,\n\nsince 27 March 2022 I cannot log in to the app: after entering the SMS code it shows error E-3097.\n\nThanks in advance,\nTel. +493410636426\n\n> Dear customer,\n> we have checked your request and the transaction has now been corrected. If you have any questions, just reply to this message.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	open	2022-05-26 03:58:40+00	{card,billing}
47	43	1	Richiesta estratto conto	Salve,\n\nvi scrivo perché il bonifico di 12.818,13 EUR disposto il 10/11/2025 dal conto IT09V1794452164004037447010 risulta respinto con codice AC04.\n\nCordiali saluti	closed	2022-06-22 21:24:08+00	{login,billing,card}
48	27	2	Änderung der IBAN	Hallo Support-Team,\n\nich kündige das Konto AT175768141165171170 zum 28.03.2024; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Vorgangsnummer: 2021/58201.\n\nMit freundlichen Grüßen	pending	2022-07-20 11:28:57+00	{}
49	35	2	Accesso all'app non riuscito	Buongiorno,\n\nvorrei sapere se è possibile ricevere gli estratti conto in formato PDF all'indirizzo negri.loredana35@gmail.com.\n\nCordiali saluti	open	2022-08-17 02:21:50+00	{fraud,billing,iban}
50	1	2	Addebito non riconosciuto - gaia_marras1@gmail.com	Salve,\n\nsul conto IT84V4174957866801566537281 vedo un addebito di 4.735,81 EUR del 21/03/2021 che non riconosco (riferimento ORD-2024-594309).\n\nDistinti saluti\ngaia_marras1@gmail.com	closed	2022-09-13 11:43:41+00	{}
51	14	1	Re: Demande de relevé	Madame, Monsieur,\n\nje constate sur le compte FR7692612041273048872682086 un prélèvement de 1 202,40 EUR du 07/07/2024 que je ne reconnais pas (référence ORD-2019-151218). Le montant total est de 9 897,84 EUR.\n\nSalutations distinguées\nlison14@laposte.net	closed	2022-10-11 06:08:46+00	{iban,login}
52	8	2	Re: Accesso all'app non riuscito - rocco8@alice.it	Salve,\n\nvi chiedo di aggiornare il mio numero di telefono: il nuovo recapito è +39 338 208 6460. L'indirizzo e-mail resta rocco8@alice.it.\n\nDistinti saluti\nrocco8@alice.it	open	2022-11-07 19:54:55+00	{billing,urgent}
53	14	2	Demande d'information	Bonjour,\n\nest-il possible de recevoir mes relevés en PDF à l'adresse lison14@laposte.net ?\n\nBien à vous\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> fabrizio.zanetti2@helpdesk.finestra-banking.eu	pending	2022-12-05 08:51:50+00	{}
54	16	\N	Erreur E-1469 à la connexion	Madame, Monsieur,\n\nje n'arrive plus à me connecter à l'application depuis le 10/12/2020 : erreur E-7520 après la saisie du code SMS. Le problème s'est reproduit hier à 17:10.\n\nMerci d'avance,\nTél. +33 7 06 03 04 20	closed	2023-01-01 20:44:28+00	{}
55	25	2	Unbekannte Abbuchung	Hallo Support-Team,\n\nauf dem Konto DE88 0706 0826 1041 6841 97 sehe ich eine Abbuchung über 2.198,60 EUR vom 21.12.2022, die ich nicht zuordnen kann (Referenz ORD-2023-070425). Das Problem trat gestern um 12:05 erneut auf. Auf dem Kontoauszug steht die Buchung 8916050539905495 vom 10.11.2021.\n\nViele Grüße	resolved	2023-01-29 11:51:41+00	{billing}
56	31	1	Cambio IBAN per accredito stipendio	Buongiorno,\n\nchiedo l'estinzione del conto CH4864173985309843380 entro il 09/03/2020; il saldo residuo va girato sul conto cointestato.\n\nDistinti saluti\ndonatella_lorusso31@gmail.com\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.huet1@helpdesk.finestra-banking.eu	open	2023-02-26 02:21:48+00	{sepa,login}
57	24	2	Card payment declined	Dear support team,\n\na payment of EUR 7,043.79 (order ORD-2020-622564) was declined on 7 March 2023 with card no. 5572185250393788. You can reach me on +44 7484 440593 after 16:30.\n\nThanks in advance,\nTel. +44 7484 440593	pending	2023-03-25 14:18:07+00	{statement,billing}
58	37	1	Problem with transfer of 10 July 2022	Dear support team,\n\nI can see a debit of EUR 47.00 dated 23 November 2019 on account NL40ASNB8281554698 that I do not recognise (reference ORD-2021-375135).\n\nYours sincerely\njack.robinson37@outlook.com	open	2023-04-22 06:06:09+00	{urgent,iban}
59	22	1	Carte bloquée	Bonjour,\n\nle paiement de 2 423,83 EUR (commande ORD-2019-843716) a été refusé le 03/05/2022 avec la carte n° 4772 2936 2755 9130.\n\nBien à vous	closed	2023-05-19 17:47:48+00	{fraud}
60	46	2	Kartenzahlung abgelehnt - annegret.buchholz46@outlook.de	Hallo Support-Team,\n\nmeine Karte 5255 2535 2165 9082 wurde nach dreimaliger falscher PIN-Eingabe gesperrt. Können Sie sie entsperren?\n\nViele Grüße	resolved	2023-06-16 11:58:46+00	{}
61	9	2	Problem mit Überweisung vom 18.02.2020	Guten Tag,\n\nauf dem Konto DE20 7235 6798 0943 3886 11 sehe ich eine Abbuchung über 9.883,68 EUR vom 22.02.2021, die ich nicht zuordnen kann (Referenz ORD-2022-080505). Im Anhang finden Sie den Beleg zur Bestellung ORD-2023-692284. Der Gesamtbetrag beträgt 2.276,39 EUR.\n\nVielen Dank im Voraus\nTel. +49 171 6822566	closed	2023-07-14 00:20:46+00	{}
62	49	1	Re: General enquiry	Hi,\n\nsince 16 May 2022 I cannot log in to the app: after entering the SMS code it shows error E-3974. Case reference: 2020/34055.\n\nBest wishes	pending	2023-08-10 16:43:23+00	{}
63	44	2	Re: Changement d'IBAN	Bonjour,\n\nje constate sur le compte DE21011176709046815444 un prélèvement de 7 581,02 EUR du 25/04/2019 que je ne reconnais pas (référence ORD-2023-953995). Merci pour votre patience.\n\nBien à vous	resolved	2023-09-07 04:11:37+00	{}
64	27	2	SEPA-Überweisung abgelehnt	Sehr geehrte Damen und Herren,\n\ndie SEPA-Überweisung über 13.578,72 EUR vom 26.10.2023 von meinem Konto PT71591531399105660720645 wurde mit dem Grund AC04 zurückgewiesen. Auf dem Kontoauszug steht die Buchung 0195866505355664 vom 19.04.2025.\n\nFreundliche Grüße\nestrauss27@t-online.de	closed	2023-10-04 20:14:33+00	{billing,fraud}
65	18	1	Problema con bonifico del 27/09/2023	Buonasera,\n\nsul conto IT32X3186783255695322929296 vedo un addebito di 3.535,46 EUR del 26/09/2021 che non riconosco (riferimento ORD-2020-956497).\n\nGrazie mille,\nTel. +39 338 260 0431	resolved	2023-11-01 06:17:40+00	{billing,app}
66	2	\N	Addebito non riconosciuto	Buongiorno,\n\nchiedo l'estinzione del conto IT91U0819020887020295906590 entro il 02/05/2025; il saldo residuo va girato sul conto cointestato. Pratica di riferimento: 2022/47392. L'importo totale è di 2.293,38 EUR.\n\nSaluti	resolved	2023-11-28 21:00:50+00	{urgent}
67	23	\N	Problem mit Überweisung vom 11.02.2023	Guten Tag,\n\nich kündige das Konto ES17 9488 6311 3791 7785 1404 zum 09.12.2019; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Vorgangsnummer: 2023/56111.\n\nViele Grüße	resolved	2023-12-26 14:21:45+00	{sepa}
68	7	2	Re: Prélèvement non reconnu	Bonjour,\n\nje souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est FR76 0779 4804 8205 5546 1035 044. Merci de me confirmer par e-mail à Zoe.lebihan7@wanadoo.fr.\n\nSalutations distinguées\nZoe.lebihan7@wanadoo.fr	resolved	2024-01-23 02:55:49+00	{billing,fraud}
69	25	1	Kontoauszug angefordert	Sehr geehrte Damen und Herren,\n\nich kündige das Konto DE88 0706 0826 1041 6841 97 zum 04.04.2019; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Das Problem trat gestern um 12:25 erneut auf.\n\nVielen Dank im Voraus\nTel. +49 175 5798838	open	2024-02-19 16:35:12+00	{urgent}
70	42	1	Richiesta informazioni - Bruni.marcello42@tin.it	Gentile assistenza,\n\nvi chiedo di aggiornare il mio numero di telefono: il nuovo recapito è +39 340 282 5771. L'indirizzo e-mail resta Bruni.marcello42@tin.it. Grazie per la pazienza.\n\nSaluti\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2024-03-18 07:13:44+00	{statement,billing}
71	22	1	Erreur E-3764 à la connexion	Bonjour à l'équipe support,\n\nje n'arrive plus à me connecter à l'application depuis le 15/07/2020 : erreur E-4557 après la saisie du code SMS. Le montant total est de 8 378,10 EUR. J'utilise la version 4.2.1 de l'application sur iPhone.\n\nSalutations distinguées\nycourtois22@yahoo.fr\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> gaelle.huet1@helpdesk.finestra-banking.eu	pending	2024-04-14 22:16:27+00	{}
72	3	2	Allgemeine Anfrage - jansen.malte3@posteo.de	Hallo Support-Team,\n\nbitte aktualisieren Sie meine Telefonnummer: +498928511611. Meine E-Mail-Adresse bleibt jansen.malte3@posteo.de. Das Problem trat gestern um 11:30 erneut auf. Vielen Dank für Ihre Geduld.\n\nFreundliche Grüße\njansen.malte3@posteo.de	closed	2024-05-12 10:05:31+00	{urgent,statement}
73	36	1	SEPA-Überweisung abgelehnt	Guten Tag,\n\nich kündige das Konto DE87 3125 5436 5482 7067 54 zum 10.06.2024; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Sie erreichen mich unter +492117332802 ab 14:45 Uhr.\n\nMit freundlichen Grüßen\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.huet1@helpdesk.finestra-banking.eu	pending	2024-06-09 01:56:44+00	{sepa,app}
74	39	2	SEPA-Überweisung abgelehnt	Sehr geehrte Damen und Herren,\n\nbitte ändern Sie meine Bankverbindung: meine neue IBAN lautet CH2853566686618220934. Bitte bestätigen Sie per E-Mail an kuhlmann.ulrike39@gmx.de. Vielen Dank für Ihre Geduld.\n\nFreundliche Grüße\nkuhlmann.ulrike39@gmx.de	closed	2024-07-06 13:29:53+00	{}
75	27	1	Änderung der IBAN	Guten Tag,\n\ndie SEPA-Überweisung über 3.233,59 EUR vom 06.02.2019 von meinem Konto AT17 5768 1411 6517 1170 wurde mit dem Grund AC04 zurückgewiesen. Vielen Dank für Ihre Geduld.\n\nViele Grüße\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2024-08-03 02:37:25+00	{billing}
76	48	1	Richiesta estratto conto	Buongiorno,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT53 N674 1866 6275 4455 6753 475. Vi prego di confermare via e-mail a livia48@outlook.it.\n\nSaluti	resolved	2024-08-30 16:25:59+00	{}
77	51	1	Opposition carte - urgent - zoe_hamel51@wanadoo.fr	Bonjour à l'équipe support,\n\nle paiement de 2 011,89 EUR (commande ORD-2023-465043) a été refusé le 28/12/2021 avec la carte n° 4838037622373282.\n\nMerci d'avance,\nTél. +33 4 03 76 08 63\n\n> Bonjour,\n> nous avons vérifié votre demande et l'opération est maintenant régularisée. Pour toute question, répondez à ce message.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2024-09-27 07:43:09+00	{urgent,statement}
78	26	1	New phone number	Dear support team,\n\ncould I receive my statements as PDF at megan_green26@yahoo.co.uk?\n\nBest wishes	open	2024-10-24 20:04:07+00	{app,login}
79	20	1	Richiesta estratto conto	Gentile assistenza,\n\nvorrei aggiornare le coordinate di accredito: il nuovo IBAN è IT03Q9187731255811682771804. Vi prego di confermare via e-mail a nicolo_caldarola20@tiscali.it.\n\nDistinti saluti\nnicolo_caldarola20@tiscali.it\n\n> Gentile cliente,\n> abbiamo verificato la sua richiesta e l'operazione risulta ora corretta. Per ulteriori domande risponda a questa e-mail.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2024-11-21 11:16:18+00	{statement,fraud}
80	24	1	Problem with transfer of 9 November 2023 - lily_edwards24@yahoo.co.uk	Hello,\n\nplease close account NL08 TRIO 4959 4814 66 on 25 December 2020 and transfer the remaining balance to our joint account.\n\nThanks in advance,\nTel. +44 7484 440593	open	2024-12-19 02:24:15+00	{statement,billing}
81	39	1	Kartenverlust – bitte sperren - kuhlmann.ulrike39@gmx.de	Sehr geehrte Damen und Herren,\n\ndie Zahlung über 7.582,32 CHF (Bestellung ORD-2019-626411) wurde am 07.01.2024 mit der Karte Nr. 348599205836853 abgelehnt.\n\nVielen Dank im Voraus\nTel. +4917236736609	closed	2025-01-15 14:46:16+00	{login}
82	54	1	Virement SEPA rejeté - blandine.collet54@wanadoo.fr	Bonjour,\n\nje constate sur le compte ES5091589471143054860318 un prélèvement de 2 122,26 EUR du 10/01/2025 que je ne reconnais pas (référence ORD-2019-289100). J'ai déjà appelé le service client deux fois. Vous trouverez ci-joint le justificatif de la commande ORD-2020-252607.\n\nMerci d'avance,\nTél. +33 6 67 67 61 78	closed	2025-02-12 06:58:53+00	{}
83	5	1	Kontoauszug angefordert	Sehr geehrte Damen und Herren,\n\nich kündige das Konto AT536105441463445535 zum 10.10.2021; das Restguthaben bitte auf das Gemeinschaftskonto überweisen. Im Anhang finden Sie den Beleg zur Bestellung ORD-2024-237741.\n\nVielen Dank im Voraus\nTel. +49 175 36689832\n\n> Guten Tag,\n> wir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. Bei Fragen antworten Sie einfach auf diese Nachricht.\n> gaelle.huet1@helpdesk.finestra-banking.eu	closed	2025-03-11 17:56:03+00	{billing,sepa}
84	38	2	Re: Richiesta informazioni	Gentile assistenza,\n\nvorrei sapere se è possibile ricevere gli estratti conto in formato PDF all'indirizzo rcaldarola38@gmail.com. Ho già chiamato il numero verde due volte. Uso la versione 4.2.1 dell'app su Android.\n\nDistinti saluti\nrcaldarola38@gmail.com	open	2025-04-08 08:28:08+00	\N
85	\N	2	Reconciliation export	Certificate of the card gateway expires on 17 September 2022. Please renew before the release.\nOwner: fabrizio.zanetti2@helpdesk.finestra-banking.eu	closed	2025-05-05 20:12:10+00	{card,fraud}
86	27	2	Kartenverlust – bitte sperren	Guten Tag,\n\nmeine Karte 5514859909219419 wurde nach dreimaliger falscher PIN-Eingabe gesperrt. Können Sie sie entsperren?\n\nVielen Dank im Voraus\nTel. +49 152 44313616	pending	2025-06-02 12:28:12+00	{sepa,billing}
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, login_email, badge_code, display_name, role, created_at) FROM stdin;
1	gaelle.huet1@helpdesk.finestra-banking.eu	O4T8-9376	Gaëlle Huet	admin	2014-01-01 04:51:50+00
2	fabrizio.zanetti2@helpdesk.finestra-banking.eu	U1O3-7129	Fabrizio Zanetti	senior_agent	2019-10-01 00:16:11+00
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

