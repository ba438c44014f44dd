#!/usr/bin/env bash
# The first CreateTable after start-up, as shared/bench/compare.sh measures it (curl's total time
# for the same request, a table with a global index), in memory and with --db-path, RUNS times each:
#   dynabox-bench/scripts/first-create-table.sh [RUNS] [JAR]     (JAR: dynabox-server/target/dynabox.jar)
# Prints each run and the medians. Start-up uses the launcher's JVM flags (./dynabox), without
# its class-data archive unless ARCHIVE=path is given (a .jsa; on JDK 25 and later the launcher's
# .aot cache, with --sun-misc-unsafe-memory-access=allow in JAVA_OPTS as the launcher adds on 24+).
# NEXT=N also times the N CreateTables after the first (each on a new connection, another table of
# the same namespace) and prints their medians.
set -euo pipefail
runs="${1:-5}"
jar="${2:-$(cd "$(dirname "$0")/../.." && pwd)/dynabox-server/target/dynabox.jar}"
port="${PORT:-18199}"
jvm=(-XX:+UseSerialGC ${JAVA_OPTS:-})
case "${ARCHIVE:-}" in
    "") ;;
    *.aot) jvm+=(-XX:AOTCache="$ARCHIVE" -Xlog:aot=off -Xlog:cds=off) ;;   # the launcher's on JDK 25 and later
    *) jvm+=(-XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off) ;;
esac
body='{"TableName":"bench_first","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"gpk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"GlobalSecondaryIndexes":[{"IndexName":"gsi1","KeySchema":[{"AttributeName":"gpk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],"BillingMode":"PAY_PER_REQUEST"}'

first_create() {   # [table name suffix]; prints ms
    local now out
    now=$(date -u +%Y%m%dT%H%M%SZ)
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 -X POST "http://127.0.0.1:$port/" \
        -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Target: DynamoDB_20120810.CreateTable' \
        -H "X-Amz-Date: $now" \
        -H "Authorization: AWS4-HMAC-SHA256 Credential=fakeMyKeyId/${now:0:8}/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000" \
        --data "${body/bench_first/bench_first${1:-}}")
    [[ "$out" == 200* ]] || { echo "CreateTable failed: $out" >&2; return 1; }
    awk -v t="${out#* }" 'BEGIN {printf "%.1f", t * 1000}'
}

measure() {   # label, extra server arguments...
    local label="$1" results=() dir pid ms next=() n
    shift
    for ((i = 1; i <= runs; i++)); do
        dir=$(mktemp -d)
        java "${jvm[@]}" -jar "$jar" --port "$port" "${@//\{dir\}/$dir}" >"$dir.log" 2>&1 &
        pid=$!
        for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done
        ms=$(first_create)
        local after=""
        for ((n = 1; n <= ${NEXT:-0}; n++)); do
            local t
            t=$(first_create "_$n")
            after+=" $t"
            next[$n]+=" $t"
        done
        kill "$pid"; wait "$pid" 2>/dev/null || true
        rm -rf "$dir" "$dir.log"
        results+=("$ms")
        echo "  $label run $i: first CreateTable $ms ms${after:+, then$after ms}"
    done
    printf '%s\n' "${results[@]}" | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "%s: median %s ms of %d runs\n", l, (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2, NR}'
    for ((n = 1; n <= ${NEXT:-0}; n++)); do
        tr ' ' '\n' <<<"${next[$n]}" | grep . | sort -n | awk -v l="$label" -v k=$((n + 1)) '{a[NR]=$1} END {printf "%s: CreateTable %d after start: median %s ms\n", l, k, (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
    done
}

measure memory
measure db-path --db-path '{dir}'
