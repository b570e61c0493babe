package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/urfave/cli/v2"

	"github.com/pgveil/pgveil/proxy"
	"github.com/pgveil/pgveil/rules"
)

func demoCommand() *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "start a throwaway PostgreSQL with the sample data behind pgveil proxy, and show the difference",
		Description: "Needs the PostgreSQL server binaries (initdb, pg_ctl; Debian: apt-get install postgresql).\n" +
			"Loads testdata/sample.sql, serves it through the proxy with testdata/pgveil.yaml, prints\n" +
			"the psql command to connect and one row before and after masking. Ctrl-C stops and\n" +
			"removes everything.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "sample", Value: "testdata/sample.sql", Usage: "plain pg_dump `FILE` to load"},
			&cli.StringFlag{Name: "rules", Value: "testdata/pgveil.yaml", Usage: "rules `FILE` (a proxy: section is added)"},
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1:6432", Usage: "proxy `HOST:PORT`"},
			&cli.StringFlag{Name: "pg-bin", Usage: "`DIR` of initdb and pg_ctl (default: newest /usr/lib/postgresql/*/bin, else PATH)"},
		},
		Action: runDemo,
	}
}

// pgBinDir finds the server binaries.
func pgBinDir(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		a, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		b, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return a > b
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("initdb not found: install the PostgreSQL server (Debian: apt-get install postgresql) or pass --pg-bin")
}

func runDemo(c *cli.Context) error {
	log, err := newLogger(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	bin, err := pgBinDir(c.String("pg-bin"))
	if err != nil {
		return err
	}
	sample, err := os.ReadFile(c.String("sample"))
	if err != nil {
		return fmt.Errorf("demo: %w (run it from the repository root, or pass --sample)", err)
	}
	rulesText, err := os.ReadFile(c.String("rules"))
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	dir, err := os.MkdirTemp("", "pgveil-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	// initdb refuses to run as root: run the server as "postgres" then.
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		pu, err := user.Lookup("postgres")
		if err != nil {
			return errors.New("demo: running as root needs a \"postgres\" system user for the server (the Debian package creates it)")
		}
		uid, _ := strconv.Atoi(pu.Uid)
		gid, _ := strconv.Atoi(pu.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		os.Chown(dir, uid, gid)
	}
	pw := randomHex(12)
	pwFile := filepath.Join(dir, "pw")
	os.WriteFile(pwFile, []byte(pw+"\n"), 0o600)
	if cred != nil {
		os.Chown(pwFile, int(cred.Uid), int(cred.Gid))
	}
	pgRun := func(name string, args ...string) error {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if cred != nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %v\n%s", name, err, out.String())
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	fmt.Fprintln(c.App.ErrWriter, "pgveil demo: starting a throwaway PostgreSQL ...")
	if err := pgRun("initdb", "-D", data, "-U", "demo", "--pwfile="+pwFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	port := freeLocalPort()
	if err := pgRun("pg_ctl", "-D", data, "-w", "-l", filepath.Join(dir, "server.log"), "-o",
		fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", port, dir), "start"); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer pgRun("pg_ctl", "-D", data, "-m", "fast", "stop")

	upstream := fmt.Sprintf("postgres://demo@127.0.0.1:%d/postgres", port)
	os.Setenv("PGVEIL_DEMO_UPSTREAM_PW", pw)
	ctx := c.Context
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://demo:%s@127.0.0.1:%d/postgres", pw, port))
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if _, err := conn.PgConn().Exec(ctx, string(sample)).ReadAll(); err != nil {
		// pg_dump output holds psql meta-commands (\restrict); load it with psql instead.
		conn.Close(ctx)
		if err := loadWithPsql(bin, port, pw, c.String("sample")); err != nil {
			return fmt.Errorf("demo: load sample: %w", err)
		}
		conn, _ = pgx.Connect(ctx, fmt.Sprintf("postgres://demo:%s@127.0.0.1:%d/postgres", pw, port))
	}
	defer conn.Close(context.Background())

	key := randomHex(16)
	os.Setenv("PGVEIL_KEY", key)
	full := string(rulesText) + fmt.Sprintf("\nproxy:\n  listen: %s\n  upstream: %s\n  password_env: PGVEIL_DEMO_UPSTREAM_PW\n  users:\n    - name: alice\n      password: alice\n", c.String("listen"), upstream)
	r, err := rules.Parse(c.String("rules"), []byte(full), rules.Options{})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	srv, err := proxy.NewServer(ctx, proxy.Config{Rules: r, Log: log})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	ln, err := net.Listen("tcp", c.String("listen"))
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	client := fmt.Sprintf("postgres://alice:alice@%s/postgres?sslmode=disable", ln.Addr())
	go func() {
		time.Sleep(200 * time.Millisecond)
		showBeforeAfter(ctx, c, conn, client)
	}()
	return srv.Serve(ctx, ln)
}

func loadWithPsql(bin string, port int, pw, file string) error {
	psql := filepath.Join(bin, "psql")
	if _, err := os.Stat(psql); err != nil {
		psql = "psql"
	}
	cmd := exec.Command(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-U", "demo", "-d", "postgres", "-f", file)
	cmd.Env = append(os.Environ(), "PGPASSWORD="+pw)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	return nil
}

// showBeforeAfter prints one customer read directly and through the proxy.
func showBeforeAfter(ctx context.Context, c *cli.Context, direct *pgx.Conn, client string) {
	const q = "SELECT id, first_name, last_name, email, phone, birth_date FROM customers ORDER BY id LIMIT 1"
	row := func(conn *pgx.Conn) string {
		var id int64
		var fn, ln, email string
		var phone *string
		var birth *time.Time
		if err := conn.QueryRow(ctx, q).Scan(&id, &fn, &ln, &email, &phone, &birth); err != nil {
			return "error: " + err.Error()
		}
		b := "NULL"
		if birth != nil {
			b = birth.Format(time.DateOnly)
		}
		return fmt.Sprintf("%d | %s | %s | %s | %s | %s", id, fn, ln, email, deref(phone), b)
	}
	before := row(direct)
	pc, err := pgx.Connect(ctx, client)
	after := "error: " + fmt.Sprint(err)
	if err == nil {
		after = row(pc)
		pc.Close(ctx)
	}
	w := c.App.Writer
	fmt.Fprintf(w, "\npgveil demo is running. Connect with:\n\n    psql %q\n\n", client)
	fmt.Fprintf(w, "%s\n  in the database: %s\n  through pgveil:  %s\n\nCtrl-C stops the proxy and removes the database.\n", q, before, after)
}

func deref(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func freeLocalPort() int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 54329
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
