"""Writes and checks subjects in KRules' Redis layout with redis-py only, as a Python KRules service would.

Usage: python3 krules_subjects.py write|check REDIS_URL KEY_PREFIX

Layout (KRules' RedisSubjectStorage): hash "s:" + prefix + subject name, fields "p" + property name and
"e" + extended property name, values json.dumps(value). `write` stores the subjects Cairn then reads, increments
and writes back; `check` reads what Cairn wrote and exits non-zero, naming the first difference, when a value is
not what Python expects byte for byte.
"""
import json
import sys

import redis

LONG = "x" * 250
LONG_SUBJECT = "z" * 250


def key(prefix, subject):
    return "s:" + prefix + subject


def write(r, prefix):
    r.delete(key(prefix, "counters"), key(prefix, LONG_SUBJECT), key(prefix, "from-cairn"))
    r.hset(key(prefix, "counters"), mapping={
        "pmax": json.dumps(2 ** 63 - 1),
        "pbeyond": json.dumps(2 ** 64 + 5),
        "pnegative": json.dumps(-(2 ** 63)),
        "p": json.dumps("empty name"),
        "p" + LONG: json.dumps(250),
        "e" + LONG: json.dumps({"seen": [1, 2.5]}),
        "e": json.dumps(True),
    })
    r.hset(key(prefix, LONG_SUBJECT), mapping={"pcount": json.dumps(41), "pcity": json.dumps("Z\u00fcrich")})


def expect(r, prefix, subject, field, value):
    stored = r.hget(key(prefix, subject), field)
    wanted = json.dumps(value).encode()
    if stored != wanted:
        sys.exit("subject %r field %r: expected %r, Redis holds %r" % (subject[:20], field[:20], wanted, stored))


def check(r, prefix):
    expect(r, prefix, "counters", "pmax", 2 ** 63)
    expect(r, prefix, "counters", "pbeyond", 2 ** 64 - 5)
    expect(r, prefix, "counters", "pnegative", -(2 ** 63) - 1)
    expect(r, prefix, "counters", "p", "empty name, seen by Cairn")
    expect(r, prefix, "counters", "p" + LONG, 251)
    expect(r, prefix, "counters", "e" + LONG, {"seen": [1, 2.5], "by": "cairn"})
    expect(r, prefix, "counters", "e", True)
    expect(r, prefix, LONG_SUBJECT, "pcount", 42)
    expect(r, prefix, LONG_SUBJECT, "pcity", "Z\u00fcrich")
    expect(r, prefix, "from-cairn", "phuge", 2 ** 70)
    expect(r, prefix, "from-cairn", "p", None)
    expect(r, prefix, "from-cairn", "p" + LONG, "long")
    expect(r, prefix, "from-cairn", "e" + LONG, 2 ** 64)
    fields = r.hgetall(key(prefix, "from-cairn"))
    if len(fields) != 4:
        sys.exit("subject from-cairn: expected 4 fields, Redis holds %r" % sorted(fields))
    # KRules reads json.loads back: the values are Python ints, not floats.
    value = json.loads(r.hget(key(prefix, "counters"), "pmax"))
    if not isinstance(value, int) or value != 2 ** 63:
        sys.exit("pmax reads back as %r" % (value,))


def main():
    phase, url, prefix = sys.argv[1:4]
    r = redis.Redis.from_url(url)
    {"write": write, "check": check}[phase](r, prefix)
    print("ok " + phase)


if __name__ == "__main__":
    main()
