package proxy

import (
	"context"
	"testing"
)

// TestDomainCheckCallingUserFunctionLeaksNothing: a cast runs code the
// analysis never judges when its target is a domain whose CHECK calls a
// user function. Like the fixture views that call leaky functions
// (v_raise), an administrator's domain can raise the data it reads while
// the statement touches no masked column; the error must not reach the
// client with the data in it (casts to user domains are refused).
func TestDomainCheckCallingUserFunctionLeaksNothing(t *testing.T) {
	client, _ := canaryProxy(t,
		`CREATE FUNCTION domain_canary() RETURNS text LANGUAGE sql STABLE AS 'SELECT email FROM customers ORDER BY id LIMIT 1'`,
		`CREATE FUNCTION domain_raise(i bigint) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', domain_canary(); END $$`,
		`CREATE DOMAIN checked_dom AS bigint CHECK (domain_raise(VALUE))`,
	)
	ctx := context.Background()
	for _, mode := range protoModes {
		pc, rec := dialRecorded(t, client)
		o := mode.run(ctx, pc, "SELECT 1::checked_dom")
		if got := rec.take(); containsAny(got, canaryForms()) {
			t.Errorf("LEAK (%s): SELECT 1::checked_dom answered with %s; canary on the wire: %q", mode.name, o, excerpt(got, canaryForms()))
		}
	}
}
