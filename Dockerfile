# pgveil as a container: the binary (built with cgo for pg_query) and the
# PostgreSQL client tools that `pgveil dump` runs (pg_dump), nothing else.
#   docker build -t pgveil .
#   docker run --rm -e PGVEIL_KEY -v $PWD/pgveil.yaml:/etc/pgveil/pgveil.yaml:ro \
#       -p 6432:6432 pgveil proxy -c /etc/pgveil/pgveil.yaml
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w" -o /out/pgveil ./cmd/pgveil

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home --uid 10001 pgveil
COPY --from=build /out/pgveil /usr/local/bin/pgveil
USER pgveil
EXPOSE 6432
ENTRYPOINT ["/usr/local/bin/pgveil"]
CMD ["--help"]
