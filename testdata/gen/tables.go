package main

import (
	"strconv"
	"strings"
	"time"
)

// One emitter per table. Each writes the rows of a COPY block and returns
// the number of rows (the last identity value).

func (g *gen) writeCustomers(w *rowWriter) int64 {
	var js []byte
	for i := range g.n.customers {
		c := g.customerAt(i)
		w.begin()
		w.int(c.id)
		w.text(c.code)
		w.text(c.first)
		w.text(c.last)
		w.text(c.email)
		w.opt(c.phone)
		w.opt(c.fax)
		w.date(c.birth)
		w.opt(c.street)
		w.opt(c.postcode)
		w.opt(c.cty)
		w.text(c.country.code)
		if c.profile {
			js = appendProfile(js[:0], &c)
			w.text(string(js))
		} else {
			w.null()
		}
		w.timestamp(c.created)
		w.end()
	}
	return g.n.customers
}

// appendProfile writes the customer's profile document: personal fields
// (masked by path in pgveil.yaml) next to preferences that are not.
func appendProfile(b []byte, c *customer) []byte {
	b = append(b, `{"email": `...)
	b = appendJSONString(b, c.email)
	b = append(b, `, "phones": [`...)
	n := 0
	for _, p := range []string{c.phone, c.mobile} {
		if p == "" || (n > 0 && p == c.phone) {
			continue
		}
		if n > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, p)
		n++
	}
	b = append(b, ']')
	if c.street != "" {
		b = append(b, `, "address": {"street": `...)
		b = appendJSONString(b, c.street)
		b = append(b, `, "city": `...)
		b = appendJSONString(b, c.cty)
		b = append(b, '}')
	}
	b = append(b, `, "preferences": {"newsletter": `...)
	b = strconv.AppendBool(b, c.newsletter)
	b = append(b, `, "language": `...)
	b = appendJSONString(b, localeCodes[c.loc])
	b = append(b, '}')
	if c.nickname != "" {
		b = append(b, `, "nickname": `...)
		b = appendJSONString(b, c.nickname)
	}
	return append(b, '}')
}

var contactRoles = []string{"billing", "technical", "technical", "legal", "other"}

// writeContacts gives every customer a primary contact (the customer, same
// e-mail) and up to two more people.
func (g *gen) writeContacts(w *rowWriter) int64 {
	var id int64
	var note []byte
	for i := range g.n.customers {
		c := g.customerAt(i)
		g.reseed(&g.rowPCG, tagContacts, i)
		r := g.rowR
		extra := pick(r, []int{0, 0, 1, 1, 1, 2})
		var firstIBAN string // computed lazily: notes rarely need it
		for k := 0; k <= extra; k++ {
			id++
			role, first, last, email, phone := "primary", c.first, c.last, c.email, c.phone
			if k > 0 {
				role = pick(r, contactRoles)
				first = pick(r, firstNames[c.loc])
				last = pick(r, lastNames[c.loc])
				if chance(r, 30) { // a relative
					last = c.last
				}
				b := foldASCII(note[:0], first)
				b = append(b, '.')
				b = foldASCII(b, last)
				b = strconv.AppendInt(b, id, 10)
				b = append(b, '@')
				email = string(append(b, pick(r, companyDomains[c.loc])...))
				phone = ""
				if chance(r, 70) {
					phone = string(c.country.phone(nil, r, chance(r, 50)))
				}
			}
			w.begin()
			w.int(id)
			w.int(c.id)
			w.text(role)
			w.text(first)
			w.text(last)
			w.text(email)
			w.opt(phone)
			if chance(r, 45) {
				if firstIBAN == "" {
					firstIBAN = g.accountAt(i).iban
				}
				ctx := textCtx{r: r, loc: c.loc, email: email, phone: phone, phoneKnown: true,
					iban: firstIBAN, currency: c.country.currency,
					first: first, last: last, female: femaleFirst[first], cust: &c, noted: true,
					labels: g.labels[:0]}
				if ctx.phone == "" {
					ctx.phone = c.phone
				}
				if ctx.phone == "" {
					ctx.phone = string(c.country.phone(nil, r, true))
					ctx.phoneKnown = false
				}
				if chance(r, 50) {
					ctx.iban = spaced(firstIBAN)
				}
				list := texts[c.loc].noteTexts
				if k == 0 && chance(r, 40) {
					list = texts[c.loc].notesPrimary
				}
				note = g.expand(note[:0], pick(r, list), &ctx)
				if chance(r, 35) {
					note = append(note, ' ')
					note = g.expand(note, pick(r, texts[c.loc].noteTexts), &ctx)
				}
				w.text(string(note))
				g.lw.write("contacts", "note", id, c.loc, note, ctx.labels)
				g.labels = ctx.labels
			} else {
				w.null()
			}
			w.end()
		}
	}
	return id
}

func (g *gen) writeUsers(w *rowWriter) int64 {
	for i := range g.n.users {
		u := g.userAt(i)
		w.begin()
		w.int(int64(u.id))
		w.text(u.email)
		w.text(u.badge)
		w.text(u.displayName())
		w.text(u.role)
		w.timestamp(u.created)
		w.end()
	}
	return g.n.users
}

func (g *gen) writeAccounts(w *rowWriter) int64 {
	for j := range g.n.accounts {
		a := g.accountAt(j)
		w.begin()
		w.int(a.id)
		w.int(a.customer + 1)
		w.text(a.iban)
		w.text(a.currency)
		w.cents(a.cents)
		w.date(a.opened)
		w.end()
	}
	return g.n.accounts
}

func (g *gen) writeCards(w *rowWriter) int64 {
	for k := range g.n.cards {
		c := g.cardAt(k)
		w.begin()
		w.int(c.id)
		w.int(c.account + 1)
		w.text(c.number)
		w.text(c.holder)
		w.date(c.expires)
		w.end()
	}
	return g.n.cards
}

var ticketTags = []string{"iban", "card", "refund", "login", "urgent", "billing", "sepa", "fraud", "app", "statement"}

func (g *gen) writeTickets(w *rowWriter) int64 {
	var body, subj []byte
	for t := range g.n.tickets {
		g.reseed(&g.rowPCG, tagTicket, t)
		r := g.rowR
		kind := r.IntN(100)
		var custIdx int64 = -1
		var iban, cardNo string
		switch {
		case kind < 55: // about an account
			a := g.accountAt(r.Int64N(g.n.accounts))
			custIdx, iban = a.customer, a.iban
		case kind < 75: // about a card
			c := g.cardAt(r.Int64N(g.n.cards))
			a := g.accountAt(c.account)
			custIdx, iban, cardNo = a.customer, a.iban, c.number
		case kind < 97:
			custIdx = r.Int64N(g.n.customers)
		}
		var assigned user
		if chance(r, 90) {
			assigned = g.userAt(r.Int64N(g.n.users))
		}
		ctx := textCtx{r: r, loc: locEN, currency: "EUR", agentEmail: assigned.email, agentName: assigned.displayName(),
			labels: g.labels[:0]}
		if assigned.id == 0 { // internal tickets still name someone
			other := g.userAt(r.Int64N(g.n.users))
			ctx.agentEmail, ctx.agentName = other.email, other.displayName()
		}
		body, subj = body[:0], subj[:0]
		g.subjLabels = g.subjLabels[:0]
		if custIdx < 0 {
			subj = g.expand(subj, pick(r, internalSubj), &ctx)
			g.subjLabels = append(g.subjLabels, ctx.labels...)
			ctx.labels = ctx.labels[:0]
			body = g.expand(body, pick(r, internalBody), &ctx)
		} else {
			c := g.customerAt(custIdx)
			ctx.loc, ctx.currency = c.loc, c.country.currency
			ctx.first, ctx.last, ctx.female, ctx.cust = c.first, c.last, c.female, &c
			ctx.email = c.email
			ctx.phone, ctx.phoneKnown = c.phone, true
			if ctx.phone == "" {
				ctx.phone = c.mobile
			}
			if ctx.phone == "" {
				ctx.phone = c.fax
			}
			if ctx.phone == "" { // not on file: the customer writes a new one
				ctx.phone = string(c.country.phone(nil, r, true))
				ctx.phoneKnown = false
			}
			if chance(r, 15) {
				ctx.phone = compact(ctx.phone)
			}
			ctx.iban = iban
			if iban == "" {
				ctx.iban = g.accountAt(custIdx).iban
			}
			if chance(r, 50) {
				ctx.iban = spaced(ctx.iban)
			}
			if chance(r, 8) { // typed in lower case
				ctx.iban = strings.ToLower(ctx.iban)
			}
			ctx.card = cardNo
			if cardNo != "" && chance(r, 45) {
				ctx.card = spaced(cardNo)
			}
			body, subj = g.customerTicket(body, subj, kind, &ctx)
		}
		g.lw.write("tickets", "subject", t+1, ctx.loc, subj, g.subjLabels)
		g.lw.write("tickets", "body", t+1, ctx.loc, body, ctx.labels)
		g.labels = ctx.labels
		w.begin()
		w.int(t + 1)
		if custIdx < 0 {
			w.null()
		} else {
			w.int(custIdx + 1)
		}
		w.optInt(int64(assigned.id))
		w.text(string(subj))
		w.text(string(body))
		w.text(pick(r, []string{"open", "open", "pending", "pending", "resolved", "resolved", "closed", "closed", "closed", "closed"}))
		w.timestamp(along(r, epochTickets, t, g.n.tickets))
		switch {
		case chance(r, 5):
			w.null()
		default:
			w.raw(appendTags(subj[:0:0], r.IntN(4), r.Perm(len(ticketTags))))
		}
		w.end()
	}
	return g.n.tickets
}

func appendTags(b []byte, n int, order []int) []byte {
	b = append(b, '{')
	for k := range n {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, ticketTags[order[k]]...)
	}
	return append(b, '}')
}

// customerTicket writes subject and body of a ticket from a customer:
// greeting, the matter, maybe personal details, some ordinary prose (and
// decoys), a closing, maybe a reply. The subject's labels go to
// g.subjLabels, the body's stay in c.labels.
func (g *gen) customerTicket(body, subj []byte, kind int, c *textCtx) ([]byte, []byte) {
	r, tx := c.r, &texts[c.loc]
	matter, subjects := tx.general, tx.generalSubj
	switch {
	case kind < 55:
		matter, subjects = tx.account, tx.accountSubj
	case kind < 75:
		matter, subjects = tx.card, tx.cardSubj
	}
	if chance(r, 10) {
		subj = append(subj, "Re: "...)
	}
	if chance(r, 20) {
		subjects = tx.nameSubj
	}
	subj = g.expand(subj, pick(r, subjects), c)
	if chance(r, 15) {
		subj = append(subj, " - "...)
		at := len(subj)
		subj = c.mark(append(subj, c.email...), at, lkEmail, true, 0)
	}
	g.subjLabels = append(g.subjLabels, c.labels...)
	c.labels = c.labels[:0]

	body = g.expand(body, pick(r, tx.greet), c)
	body = append(body, "\n\n"...)
	body = g.expand(body, pick(r, matter), c)
	for range pick(r, []int{0, 1, 1, 1, 2}) {
		body = append(body, ' ')
		body = g.expand(body, pick(r, tx.personal), c)
	}
	for range r.IntN(4) {
		body = append(body, ' ')
		if chance(r, 40) {
			body = g.expand(body, pick(r, tx.decoys), c)
		} else {
			body = g.expand(body, pick(r, tx.filler), c)
		}
	}
	body = append(body, "\n\n"...)
	body = g.expand(body, pick(r, tx.close), c)
	if c.agentEmail != "" && chance(r, 25) {
		body = append(body, "\n\n> "...)
		body = g.appendQuoted(body, pick(r, tx.reply), c)
	}
	return body, subj
}

// appendQuoted expands t and appends it with "> " after every line break,
// moving the labels of t along.
func (g *gen) appendQuoted(dst []byte, t template, c *textCtx) []byte {
	n0 := len(c.labels)
	g.quoteBuf = g.expand(g.quoteBuf[:0], t, c)
	base := len(dst)
	shift := make([]int, 0, 8) // offsets in quoteBuf of each line break
	for i, b := range g.quoteBuf {
		if b == '\n' {
			dst = append(dst, "\n> "...)
			shift = append(shift, i)
		} else {
			dst = append(dst, b)
		}
	}
	moved := func(o int) int {
		k := 0
		for k < len(shift) && shift[k] < o {
			k++
		}
		return base + o + 2*k
	}
	for i := n0; i < len(c.labels); i++ {
		c.labels[i].start, c.labels[i].end = moved(c.labels[i].start), moved(c.labels[i].end)
	}
	return dst
}

var auditActions = []string{"login", "login", "logout", "view_customer", "view_customer", "view_ticket",
	"update_ticket", "export_csv", "reset_password", "change_email"}

func (g *gen) writeAudit(w *rowWriter) int64 {
	var d []byte
	for a := range g.n.audit {
		g.reseed(&g.rowPCG, tagAudit, a)
		r := g.rowR
		action := pick(r, auditActions)
		var uid int32
		var uemail string
		if chance(r, 96) {
			u := g.userAt(r.Int64N(g.n.users))
			uid, uemail = u.id, u.email
		}
		d = d[:0]
		switch action {
		case "login", "logout":
			d = append(d, action...)
			d = append(d, " ok from 10."...)
			for k := range 3 {
				if k > 0 {
					d = append(d, '.')
				}
				d = strconv.AppendInt(d, int64(r.IntN(256)), 10)
			}
			if uemail != "" {
				d = append(d, " ("...)
				d = append(d, uemail...)
				d = append(d, ')')
			}
		case "view_customer":
			c := g.customerAt(r.Int64N(g.n.customers))
			d = append(d, "opened customer "...)
			d = append(d, c.code...)
			d = append(d, " <"...)
			d = append(d, c.email...)
			d = append(d, '>')
		case "view_ticket", "update_ticket":
			d = append(d, "ticket #"...)
			d = strconv.AppendInt(d, 1+r.Int64N(g.n.tickets), 10)
			if action == "update_ticket" {
				d = append(d, " status -> "...)
				d = append(d, pick(r, []string{"pending", "resolved", "closed"})...)
			}
		case "export_csv":
			d = append(d, "exported "...)
			d = strconv.AppendInt(d, int64(1+r.IntN(5000)), 10)
			d = append(d, " rows to tickets-"...)
			d = t0(d, r.IntN(900))
			d = append(d, ".csv"...)
		case "reset_password":
			d = append(d, "password reset link sent to "...)
			if uemail == "" {
				uemail = g.userAt(r.Int64N(g.n.users)).email
			}
			d = append(d, uemail...)
		case "change_email":
			c := g.customerAt(r.Int64N(g.n.customers))
			d = append(d, "customer "...)
			d = strconv.AppendInt(d, c.id, 10)
			d = append(d, " e-mail changed from "...)
			d = append(d, c.email...)
			d = append(d, " to "...)
			d = append(d, g.personalEmail(r, c.loc, c.first, c.last, c.id+g.n.customers)...)
		}
		w.begin()
		w.int(a + 1)
		w.optInt(int64(uid))
		w.text(action)
		w.text(string(d))
		w.timestamp(along(r, epochAudit, a, g.n.audit))
		w.end()
	}
	return g.n.audit
}

// t0 appends the date days after the start of the audit period (a file name).
func t0(d []byte, days int) []byte {
	return epochAudit.AddDate(0, 0, days).AppendFormat(d, time.DateOnly)
}
