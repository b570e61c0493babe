// Command proxyload is the client side of bench/proxy.sh: it reads a large
// result as fast as the wire allows, or holds many idle connections open
// while it samples a server process's resident memory.
//
//	proxyload bulk -dsn DSN -query SQL [-binary]
//	proxyload idle -dsn DSN -n 200 -pid PID
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: proxyload bulk|idle [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "bulk":
		err = bulk(os.Args[2:])
	case "idle":
		err = idle(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "proxyload:", err)
		os.Exit(1)
	}
}

// bulk runs one query through the extended protocol and discards the rows;
// it prints the row count, the bytes of row data and the seconds taken.
func bulk(args []string) error {
	fs := flag.NewFlagSet("bulk", flag.ContinueOnError)
	dsn := fs.String("dsn", "", "connection string")
	query := fs.String("query", "", "statement to run")
	binary := fs.Bool("binary", false, "ask for binary result columns")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, *dsn)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	var formats []int16
	if *binary {
		formats = []int16{1}
	}
	start := time.Now()
	rr := c.ExecParams(ctx, *query, nil, nil, nil, formats)
	var rows, size int64
	for rr.NextRow() {
		rows++
		for _, v := range rr.Values() {
			size += int64(len(v))
		}
	}
	if _, err := rr.Close(); err != nil {
		return err
	}
	fmt.Printf("%d %d %.3f\n", rows, size, time.Since(start).Seconds())
	return nil
}

// idle opens n connections, runs one statement on each so that every
// session is fully set up, lets the server settle, and prints the server
// process's resident memory before and after in KiB.
func idle(args []string) error {
	fs := flag.NewFlagSet("idle", flag.ContinueOnError)
	dsn := fs.String("dsn", "", "connection string")
	n := fs.Int("n", 200, "connections to hold")
	pid := fs.Int("pid", 0, "process whose VmRSS is sampled")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	before, err := rssKiB(*pid)
	if err != nil {
		return err
	}
	conns := make([]*pgconn.PgConn, 0, *n)
	defer func() {
		for _, c := range conns {
			c.Close(ctx)
		}
	}()
	for i := 0; i < *n; i++ {
		c, err := pgconn.Connect(ctx, *dsn)
		if err != nil {
			return fmt.Errorf("connection %d: %w", i+1, err)
		}
		conns = append(conns, c)
		if _, err := c.Exec(ctx, "SELECT 1").ReadAll(); err != nil {
			return fmt.Errorf("connection %d: %w", i+1, err)
		}
	}
	time.Sleep(3 * time.Second)
	after, err := rssKiB(*pid)
	if err != nil {
		return err
	}
	fmt.Printf("%d %d %d\n", before, after, *n)
	return nil
}

func rssKiB(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmRSS:")); ok {
			f := bytes.Fields(v)
			if len(f) == 0 {
				break
			}
			return strconv.ParseInt(string(f[0]), 10, 64)
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}
