// Command pgveil anonymizes PostgreSQL data under one rules file.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/rs/zerolog"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/pgveil/pgveil/dump"
	"github.com/pgveil/pgveil/rules"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func main() {
	// PGVEIL_CPUPROFILE=file writes a CPU profile: for the benchmarks in bench/.
	if p := os.Getenv("PGVEIL_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			if err := pprof.StartCPUProfile(f); err == nil {
				code := run(os.Args, os.Stdin, os.Stdout, os.Stderr)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process exit, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := newApp(stdin, stdout, stderr)
	if err := app.RunContext(ctx, args); err != nil {
		printError(stderr, err)
		var ec cli.ExitCoder
		if errors.As(err, &ec) && ec.ExitCode() != 0 {
			return ec.ExitCode()
		}
		return 1
	}
	return 0
}

// printError writes one line per problem, prefixed with the program name: a
// rules file's problems one per line, any other error folded onto one line
// (driver errors carry newlines and tabs).
func printError(w io.Writer, err error) {
	var re *rules.Error
	if errors.As(err, &re) {
		for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
			fmt.Fprintf(w, "pgveil: %s\n", line)
		}
		return
	}
	fmt.Fprintf(w, "pgveil: %s\n", strings.Join(strings.Fields(err.Error()), " "))
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:            "pgveil",
		Usage:           "anonymized PostgreSQL data for debugging, from outside the database",
		Version:         versionString(),
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "log-level", Value: "info", Usage: "debug, info, warn or error", EnvVars: []string{"PGVEIL_LOG_LEVEL"}},
			&cli.StringFlag{Name: "log-format", Value: "auto", Usage: "auto (console on a terminal, JSON otherwise), console or json"},
		},
		ExitErrHandler: func(*cli.Context, error) {}, // run() prints and picks the exit code
		Commands: []*cli.Command{
			anonymizeCommand(),
			dumpCommand(),
			proxyCommand(),
			demoCommand(),
			checkCommand(),
			verifyCommand(),
			passwdCommand(),
			versionCommand(),
		},
	}
}

// newLogger builds the zerolog logger for the global flags; logs go to stderr.
func newLogger(c *cli.Context) (zerolog.Logger, error) {
	return newLoggerTo(c, c.App.ErrWriter)
}

// newLoggerTo is newLogger writing to w (a batchWriter for the proxy); the
// console format is chosen when c's stderr is a terminal.
func newLoggerTo(c *cli.Context, w io.Writer) (zerolog.Logger, error) {
	lvl, err := zerolog.ParseLevel(c.String("log-level"))
	if err != nil || lvl == zerolog.NoLevel {
		return zerolog.Nop(), fmt.Errorf("--log-level %q: want debug, info, warn or error", c.String("log-level"))
	}
	format := c.String("log-format")
	if format == "auto" {
		format = "json"
		if f, ok := c.App.ErrWriter.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			format = "console"
		}
	}
	switch format {
	case "console":
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	case "json":
	default:
		return zerolog.Nop(), fmt.Errorf("--log-format %q: want auto, console or json", format)
	}
	return zerolog.New(w).Level(lvl).With().Timestamp().Logger(), nil
}

func configFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "config", Aliases: []string{"c"}, Value: "pgveil.yaml", Usage: "the rules file", EnvVars: []string{"PGVEIL_CONFIG"}}
}

func loadRules(c *cli.Context, opt rules.Options) (*rules.Rules, error) {
	return rules.Load(c.String("config"), opt)
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "pgveil %s\n", versionString())
			return nil
		},
	}
}

// writeOutput runs produce into the --output file (a temporary file renamed
// onto the target only on success) or into stdout, so that no command leaves
// a partial file at the target path.
func writeOutput(c *cli.Context, what string, produce func(io.Writer) error) error {
	var out io.Writer = c.App.Writer
	var sink *dump.Sink
	if p := c.String("output"); p != "" && p != "-" {
		s, err := dump.Create(p)
		if err != nil {
			return err
		}
		defer s.Abort() // no-op after Commit
		sink, out = s, s
	}
	if err := produce(out); err != nil {
		if c.Context.Err() != nil {
			return fmt.Errorf("%s: interrupted; no output file written", what)
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	if sink != nil {
		if err := sink.Commit(); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	return nil
}
