package proxy

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// selfSigned writes a certificate and key for 127.0.0.1 and returns their paths.
func selfSigned(t *testing.T) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "pgveil-test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return certFile, keyFile
}

// TestProxyTLS: with proxy.tls set, TLS clients are served and plaintext
// clients are refused before authentication.
func TestProxyTLS(t *testing.T) {
	cert, key := selfSigned(t)
	client, _, _ := startProxyWith(t, fmt.Sprintf("  tls: {cert: %s, key: %s}\n", cert, key))
	ctx := context.Background()
	tlsURL := strings.Replace(client, "sslmode=disable", "sslmode=require", 1)
	c, err := pgconn.Connect(ctx, tlsURL)
	if err != nil {
		t.Fatalf("TLS client refused: %v", err)
	}
	res, err := c.Exec(ctx, "SELECT 1").ReadAll()
	if err != nil || len(res) != 1 || string(res[0].Rows[0][0]) != "1" {
		t.Errorf("query over TLS: %v %v", res, err)
	}
	c.Close(ctx)
	_, err = pgconn.Connect(ctx, client) // sslmode=disable
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "28000" {
		t.Errorf("plaintext client: want SQLSTATE 28000, got %v", err)
	}
}
