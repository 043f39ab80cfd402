#!/usr/bin/python3
"""A scripted python3-websockets (10.x, legacy asyncio API) peer for tests/interop/tst_peerinterop.cpp.

Every line it prints on stdout is one JSON object with an "event" member.

  websockets_peer.py server [--deflate [--no-context-takeover]] [--cert PEM --key PEM]
      Listens on 127.0.0.1, a port the system chooses, prints {"event": "listening", "port": N} and serves
      one connection: echoes every message, except these text commands:
        close:CODE:REASON  close with that code and reason
        close              close with a Close frame that has no body (the receiver reports 1005)
        drop               drop the TCP connection without a closing handshake
        ping:PAYLOAD       send a ping; prints {"event": "pong", ...} when the pong arrives
        fragment:N:TEXT    send TEXT as one text message in N frames, then (the library's way of ending a
                           message sent from an iterable) an empty final continuation frame
      Prints "open", one "message" event per message received (type, length, sha256) and "close" with the
      code and reason it saw, then exits.

  websockets_peer.py client URL [--deflate [--no-context-takeover]] [--ca PEM] [--quick] --close MODE
      Sends the message plan (see plan()), one message at a time, and checks that each comes back
      byte-exact; then two fragmented messages (three frames and an empty final one each) and a ping
      (unless --quick: one text message only).
      Then closes as MODE says:
        client:CODE:REASON  we close with that code and reason
        client-nocode       we close with a Close frame that has no body
        drop                we drop the TCP connection
        server              we send "done" and wait for the server to close; the result lists what came in
                            meanwhile ("received": the echo of "done" and whatever the server sent)
      Prints {"event": "result", "ok": ..., ...} and exits 1 on any mismatch.
"""

import argparse
import asyncio
import hashlib
import json
import random
import ssl
import string
import sys

import websockets
from websockets.extensions.permessage_deflate import (
    ClientPerMessageDeflateFactory,
    ServerPerMessageDeflateFactory,
)
from websockets.frames import Close

TIMEOUT = 60  # seconds; the C++ test bounds the whole run more tightly
MAX_SIZE = 64 * 1024 * 1024
SIZES = [0, 125, 126, 65535, 65536, 16 * 1024 * 1024]
TEXT_FRAGMENTS = ["frag", "mented \u2713", " \u2713"]
BINARY_FRAGMENTS = [b"\x00\x01\x02", bytes(range(256)) * 4, b"\xff"]
PING_PAYLOAD = b"peer-ping"


def emit(event, **members):
    print(json.dumps({"event": event, **members}), flush=True)


def describe(message):
    data = message.encode("utf-8") if isinstance(message, str) else bytes(message)
    return {
        "type": "text" if isinstance(message, str) else "binary",
        "length": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def text_of(size, seed):
    # Letters with a period of 5000: compressible with a 32 KiB window, not with a 4 KiB one.
    period = "".join(random.Random(seed).choices(string.ascii_letters, k=5000))
    return (period * (size // len(period) + 1))[:size]


def binary_of(size, seed):
    period = random.Random(seed).randbytes(6007)
    return (period * (size // len(period) + 1))[:size]


def plan(quick):
    if quick:
        return ["hello"]
    messages = []
    for size in SIZES:
        messages.append(text_of(size, size))
        messages.append(binary_of(size, size + 1))
    messages.append("h\u00e9llo w\u00f6rld \u2713 \U0001f30d")
    messages.append("compress me please " * 1000)
    # The same message twice: with context takeover the second compresses to almost nothing.
    repeated = text_of(1000, 99)
    messages += [repeated, repeated]
    return messages


def deflate_server_extensions(args):
    """(compression, extensions) for websockets.serve."""
    if not args.deflate:
        return None, None
    if not args.no_context_takeover:
        return "deflate", None  # the library's defaults (window bits 12)
    return None, [
        ServerPerMessageDeflateFactory(
            server_no_context_takeover=True,
            client_no_context_takeover=True,
            server_max_window_bits=12,
            client_max_window_bits=12,
            compress_settings={"memLevel": 5},
        )
    ]


def deflate_client_extensions(args):
    if not args.deflate:
        return None, None
    if not args.no_context_takeover:
        return "deflate", None
    return None, [
        ClientPerMessageDeflateFactory(
            server_no_context_takeover=True,
            client_no_context_takeover=True,
            compress_settings={"memLevel": 5},
        )
    ]


async def close_without_code(ws):
    # The public close() always sends a code; a Close frame without a body is written through the
    # protocol's own close-frame coroutine so that the state machine still follows the handshake.
    await ws.write_close_frame(Close(1005, ""), b"")
    await asyncio.wait_for(ws.wait_closed(), TIMEOUT)


async def serve_connection(ws):
    emit("open", extensions=ws.response_headers.get("Sec-WebSocket-Extensions", ""))
    pong_tasks = []
    try:
        async for message in ws:
            emit("message", **describe(message))
            command = message if isinstance(message, str) else ""
            if command.startswith("close:"):
                _, code, reason = command.split(":", 2)
                await ws.close(int(code), reason)
            elif command == "close":
                await close_without_code(ws)
            elif command == "drop":
                ws.transport.abort()
                break
            elif command.startswith("ping:"):
                payload = command[len("ping:"):]
                waiter = await ws.ping(payload.encode("utf-8"))

                async def report_pong(waiter=waiter, payload=payload):
                    await waiter
                    emit("pong", payload=payload)

                pong_tasks.append(asyncio.ensure_future(report_pong()))
            elif command.startswith("fragment:"):
                _, count, text = command.split(":", 2)
                count = int(count)
                step = -(-len(text) // count)
                await ws.send([text[i:i + step] for i in range(0, len(text), step)])
            else:
                await ws.send(message)
    except websockets.ConnectionClosed:
        pass
    await ws.wait_closed()
    for task in pong_tasks:
        task.cancel()
    emit("close", code=ws.close_code, reason=ws.close_reason or "")


async def run_server(args):
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    compression, extensions = deflate_server_extensions(args)
    finished = asyncio.get_running_loop().create_future()

    async def handler(ws):
        await serve_connection(ws)
        if not finished.done():
            finished.set_result(None)

    async with websockets.serve(handler, "127.0.0.1", 0, ssl=context, compression=compression,
                                extensions=extensions, max_size=MAX_SIZE, max_queue=None,
                                ping_interval=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        emit("listening", port=port)
        await finished


async def run_client(args):
    context = ssl.create_default_context(cafile=args.ca) if args.ca else None
    compression, extensions = deflate_client_extensions(args)
    errors = []
    sent = []
    received = []
    echoes = 0
    pong = False
    ws = await websockets.connect(args.url, ssl=context, compression=compression, extensions=extensions,
                                  max_size=MAX_SIZE, max_queue=None, ping_interval=None,
                                  open_timeout=TIMEOUT)

    async def send_and_expect_echo(message):
        nonlocal echoes
        await ws.send(message)
        whole = message if isinstance(message, (str, bytes)) else (
            "".join(message) if isinstance(message[0], str) else b"".join(message))
        sent.append(describe(whole))
        echo = await asyncio.wait_for(ws.recv(), TIMEOUT)
        if type(echo) is not type(whole) or echo != whole:
            errors.append(f"echo of message {len(sent) - 1} differs: sent {describe(whole)}, got {describe(echo)}")
        else:
            echoes += 1

    try:
        for message in plan(args.quick):
            await send_and_expect_echo(message)
        if not args.quick:
            # An iterable is sent as one fragmented message, one frame per item.
            await send_and_expect_echo(TEXT_FRAGMENTS)
            await send_and_expect_echo(BINARY_FRAGMENTS)
            waiter = await ws.ping(PING_PAYLOAD)
            await asyncio.wait_for(waiter, TIMEOUT)
            pong = True

        mode = args.close
        if mode.startswith("client:"):
            _, code, reason = mode.split(":", 2)
            await ws.close(int(code), reason)
        elif mode == "client-nocode":
            await close_without_code(ws)
        elif mode == "drop":
            ws.transport.abort()
        elif mode == "server":
            await ws.send("done")
            sent.append(describe("done"))
            try:
                while True:
                    message = await asyncio.wait_for(ws.recv(), TIMEOUT)
                    received.append(describe(message))
                    if message == "done" and len(received) == 1:
                        echoes += 1
            except websockets.ConnectionClosed:
                pass
        else:
            errors.append(f"unknown close mode {mode}")
        await asyncio.wait_for(ws.wait_closed(), TIMEOUT)
    except (asyncio.TimeoutError, websockets.WebSocketException) as error:
        errors.append(f"{type(error).__name__}: {error}")

    emit("result", ok=not errors, errors=errors, sent=sent, received=received, echoes=echoes, pong=pong,
         extensions=ws.response_headers.get("Sec-WebSocket-Extensions", ""),
         close={"code": ws.close_code, "reason": ws.close_reason or ""})
    return 0 if not errors else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["server", "client"])
    parser.add_argument("url", nargs="?")
    parser.add_argument("--deflate", action="store_true")
    parser.add_argument("--no-context-takeover", action="store_true")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--ca")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--close", default="client:1000:")
    args = parser.parse_args()
    if args.mode == "server":
        asyncio.run(run_server(args))
        return 0
    if not args.url:
        parser.error("client mode needs a URL")
    return asyncio.run(run_client(args))


if __name__ == "__main__":
    sys.exit(main())
