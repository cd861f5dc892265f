"""Receives Cairn's subject events with redis-py only, as a Python service would.

Usage: python3 krules_events.py REDIS_URL CHANNEL COUNT

Subscribes, prints "ready", then prints one line per message: seq, type, subject, property and value as
json.dumps writes them (so a value past 64 bits shows as the exact integer), until COUNT messages arrived.
"""
import json
import sys

import redis


def main():
    url, channel, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pubsub = redis.Redis.from_url(url).pubsub()
    pubsub.subscribe(channel)
    # "ready" only once the server confirmed the subscription: a message published before that is lost.
    for message in pubsub.listen():
        if message["type"] == "subscribe":
            break
    print("ready", flush=True)
    seen = 0
    for message in pubsub.listen():
        if message["type"] != "message":
            continue
        event = json.loads(message["data"])
        detail = event.get("value", event.get("old_value", event.get("snapshot")))
        print(event["seq"], event["type"], event["subject"], event.get("property_name"), json.dumps(detail),
              flush=True)
        seen += 1
        if seen == count:
            return


if __name__ == "__main__":
    main()
