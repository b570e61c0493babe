package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"
	"gopkg.in/yaml.v3"

	"github.com/pgveil/pgveil/proxy"
)

// maxPasswordLine bounds the password read from a non-terminal stdin.
const maxPasswordLine = 4096

func passwdCommand() *cli.Command {
	return &cli.Command{
		Name:      "passwd",
		Usage:     "print a SCRAM-SHA-256 verifier for one of the proxy's users",
		UsageText: "pgveil passwd NAME   (password from the terminal, or one line of stdin)",
		Description: "Asks for the password twice on a terminal (without echo), or reads one line from stdin\n" +
			"when it is not a terminal, and prints a proxy.users entry to paste into the rules file.\n" +
			"Only the verifier is printed: the password cannot be recovered from it.",
		Action: runPasswd,
	}
}

func runPasswd(c *cli.Context) error {
	if c.NArg() != 1 || c.Args().First() == "" {
		return cli.Exit("passwd takes one argument: the user NAME", 2)
	}
	name := c.Args().First()
	password, err := readPassword(c.App.Reader, c.App.ErrWriter, name)
	if err != nil {
		return fmt.Errorf("passwd: %w", err)
	}
	if password == "" {
		return errors.New("passwd: empty password refused")
	}
	if !isASCII(password) {
		fmt.Fprintln(c.App.ErrWriter, "pgveil: warning: the password has non-ASCII characters; they are used as raw UTF-8 "+
			"bytes (no SASLprep), so clients must type them in the same Unicode normalization")
	}
	verifier, err := proxy.NewVerifier(password)
	if err != nil {
		return fmt.Errorf("passwd: %w", err)
	}
	_, err = fmt.Fprintf(c.App.Writer, "- name: %s\n  password: %q\n", yamlScalar(name), verifier)
	return err
}

// readPassword asks twice without echo on a terminal, else reads one line.
func readPassword(in io.Reader, prompt io.Writer, name string) (string, error) {
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(prompt, "Password for %s: ", name)
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(prompt, "Again: ")
		again, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(first) != string(again) {
			return "", errors.New("the passwords do not match")
		}
		return string(first), nil
	}
	line, err := bufio.NewReaderSize(io.LimitReader(in, maxPasswordLine+2), maxPasswordLine+2).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password from stdin: %w", err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if len(line) > maxPasswordLine {
		return "", fmt.Errorf("password longer than %d bytes", maxPasswordLine)
	}
	if !utf8.ValidString(line) {
		return "", errors.New("the password is not valid UTF-8")
	}
	return line, nil
}

// yamlScalar leaves simple names bare and double-quotes the rest (Go's
// escapes are valid in a YAML double-quoted scalar): a name is left bare only
// when the rules file's YAML parser reads it back as the same string.
func yamlScalar(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || (i > 0 && (c == '-' || c == '.'))) {
			return strconv.Quote(s)
		}
	}
	var back any
	if err := yaml.Unmarshal([]byte(s), &back); err != nil || back != s {
		return strconv.Quote(s) // true, null, 0x1F, 1e3, ...
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
