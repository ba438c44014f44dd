#!/usr/bin/env python3
"""Trims the service's API model (shared/reference/dynamodb-service-2.json) to what the
shape validator reads: operation inputs, shape types, members, required members and
constraints. Run it again when the reference model changes, for DynamoDB and for DynamoDB Streams:
    python3 tools/trim-model.py ../shared/reference/dynamodb-service-2.json \
        > dynabox-engine/src/main/resources/io/dynabox/engine/wire/dynamodb-shapes.json
    python3 tools/trim-model.py ../shared/reference/dynamodbstreams-service-2.json \
        > dynabox-engine/src/main/resources/io/dynabox/engine/wire/dynamodbstreams-shapes.json
"""
import json
import sys

KEPT = ("type", "required", "min", "max", "enum", "pattern")

model = json.load(open(sys.argv[1]))
shapes = {}
for name, shape in model["shapes"].items():
    trimmed = {k: shape[k] for k in KEPT if k in shape}
    if "members" in shape:
        trimmed["members"] = {m: spec["shape"] for m, spec in shape["members"].items()}
    for ref in ("member", "key", "value"):
        if ref in shape:
            trimmed[ref] = shape[ref]["shape"]
    shapes[name] = trimmed
operations = {name: op["input"]["shape"] for name, op in model["operations"].items() if "input" in op}
json.dump({"operations": operations, "shapes": shapes}, sys.stdout, separators=(",", ":"))
