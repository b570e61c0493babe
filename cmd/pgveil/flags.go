package main

import "github.com/urfave/cli/v2"

// dsnFlag is the database to connect to. Without it the standard libpq
// environment applies (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
// ~/.pgpass), as pgx.Connect(ctx, "") reads it.
func dsnFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:    "dsn",
		Usage:   "PostgreSQL connection `URL` (default: the PG* environment variables and ~/.pgpass)",
		EnvVars: []string{"PGVEIL_DSN"},
	}
}
