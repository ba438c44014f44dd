#!/usr/bin/env bash
# Drives a running Dynabox with the AWS CLI and boto3 (when installed: Debian's awscli and
# python3-boto3 packages), to check that other clients work unchanged.
#   ./dynabox --port 8000 &  tools/cli-smoke.sh http://127.0.0.1:8000
set -euo pipefail
endpoint="${1:-http://127.0.0.1:8000}"
export AWS_ACCESS_KEY_ID=cli-smoke AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1
aws=(aws --endpoint-url "$endpoint" --output json)
table="cli_smoke_$$"

"${aws[@]}" dynamodb create-table --table-name "$table" \
    --attribute-definitions AttributeName=id,AttributeType=S \
    --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST >/dev/null
"${aws[@]}" dynamodb wait table-exists --table-name "$table"
"${aws[@]}" dynamodb put-item --table-name "$table" --item '{"id":{"S":"a"},"n":{"N":"1.50"}}'
got=$("${aws[@]}" dynamodb get-item --table-name "$table" --key '{"id":{"S":"a"}}' --query 'Item.n.N' --output text)
[ "$got" = "1.5" ] || { echo "aws cli: expected n = 1.5, got $got" >&2; exit 1; }
"${aws[@]}" dynamodb delete-item --table-name "$table" --key '{"id":{"S":"a"}}'
echo "aws cli: create-table, wait table-exists, put-item, get-item, delete-item: ok"

if python3 -c 'import boto3' 2>/dev/null; then
  python3 - "$endpoint" "$table" <<'PY'
import sys, boto3
from botocore.exceptions import ClientError
endpoint, table = sys.argv[1], sys.argv[2]
client = boto3.client("dynamodb", endpoint_url=endpoint)
client.put_item(TableName=table, Item={"id": {"S": "b"}, "s": {"SS": ["x", "y"]}})
assert set(client.get_item(TableName=table, Key={"id": {"S": "b"}})["Item"]["s"]["SS"]) == {"x", "y"}
resource = boto3.resource("dynamodb", endpoint_url=endpoint).Table(table)
resource.put_item(Item={"id": "c", "v": 3})
assert resource.get_item(Key={"id": "c"})["Item"]["v"] == 3
try:
    client.put_item(TableName=table, Item={"other": {"S": "b"}})
    raise SystemExit("boto3: a put without the key was accepted")
except ClientError as e:
    assert e.response["Error"]["Code"] == "ValidationException", e.response
print("boto3: client and resource put/get, validation error: ok")
PY
fi
"${aws[@]}" dynamodb delete-table --table-name "$table" >/dev/null
