"""Benchmark peer: python3 `websockets` client that counts the messages a server sends until it closes.

Usage: /usr/bin/python3 receive_websockets.py URL   -> prints {"messages":N,"bytes":B,"seconds":S}
"""
import asyncio
import json
import sys
import time

import websockets


async def main(url):
    messages = 0
    size = 0
    async with websockets.connect(url, compression=None, max_size=64 * 1024 * 1024, max_queue=None) as socket:
        start = time.perf_counter()
        try:
            async for message in socket:
                messages += 1
                size += len(message)
        except websockets.ConnectionClosed:
            pass
        seconds = time.perf_counter() - start
    print(json.dumps({"messages": messages, "bytes": size, "seconds": seconds}), flush=True)


asyncio.run(main(sys.argv[1]))
