'use strict';
// A scripted node `ws` (8.x) peer for tests/interop/tst_peerinterop.cpp. Run with NODE_PATH naming the
// folder that holds the `ws` module (Debian: /usr/share/nodejs, package node-ws).
//
// Every line it prints on stdout is one JSON object with an "event" member.
//
//   node ws_peer.js server [--deflate [--no-context-takeover]] [--cert PEM --key PEM]
//     Listens on 127.0.0.1, a port the system chooses, prints {"event": "listening", "port": N} and serves
//     one connection: echoes every message, except these text commands:
//       close:CODE:REASON  close with that code and reason
//       close              close with a Close frame that has no body (the receiver reports 1005)
//       drop               drop the TCP connection without a closing handshake
//       ping:PAYLOAD       send a ping; prints {"event": "pong", ...} when the pong arrives
//       fragment:N:TEXT    send TEXT as one text message in N frames, cut at byte offsets (a cut may fall
//                          inside a UTF-8 sequence: only the whole message has to be valid UTF-8), with
//                          a ping ("interleaved-ping") between the first two frames
//     Prints "open", one "message" event per message received (type, length, sha256) and "close" with the
//     code and reason it saw, then exits.
//
//   node ws_peer.js client URL [--deflate [--no-context-takeover]] [--ca PEM] [--quick] --close MODE
//     Sends the message plan (see plan()), one message at a time, and checks that each comes back
//     byte-exact; then two fragmented messages, the text one with a ping ("interleaved-ping") between its
//     first two frames, and a ping (unless --quick: one text message only).
//     Then closes as MODE says:
//       client:CODE:REASON  we close with that code and reason
//       client-nocode       we close with a Close frame that has no body
//       drop                we drop the TCP connection
//       server              we send "done" and wait for the server to close; the result lists what came
//                           in meanwhile ("received": the echo of "done" and whatever the server sent)
//     Prints {"event": "result", "ok": ..., ...} and exits 1 on any mismatch.

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const https = require('https');
const { WebSocket, WebSocketServer } = require('ws');

const Timeout = 60000; // ms; the C++ test bounds the whole run more tightly
const MaxPayload = 64 * 1024 * 1024;
const Sizes = [0, 125, 126, 65535, 65536, 16 * 1024 * 1024];
const PingPayload = 'peer-ping';
const InterleavedPingPayload = 'interleaved-ping'; // RFC 6455 §5.4: control frames may come between fragments

function emit(event, members) {
    process.stdout.write(JSON.stringify(Object.assign({ event }, members)) + '\n');
}

function describe(bytes, isBinary) {
    return {
        type: isBinary ? 'binary' : 'text',
        length: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    };
}

// mulberry32: a small seeded generator, so the plan is the same on every run.
function generator(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function repeatTo(period, size) {
    const out = Buffer.alloc(size);
    for (let offset = 0; offset < size; offset += period.length)
        period.copy(out, offset, 0, Math.min(period.length, size - offset));
    return out;
}

// Letters with a period of 5000: compressible with a 32 KiB window, not with a 4 KiB one.
function textOf(size, seed) {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const random = generator(seed);
    let period = '';
    for (let i = 0; i < 5000; ++i)
        period += letters[Math.floor(random() * letters.length)];
    return repeatTo(Buffer.from(period), size);
}

function binaryOf(size, seed) {
    const random = generator(seed);
    const period = Buffer.alloc(6007);
    for (let i = 0; i < period.length; ++i)
        period[i] = Math.floor(random() * 256);
    return repeatTo(period, size);
}

// [{bytes, isBinary, fragments?}]
function plan(quick) {
    if (quick)
        return [{ bytes: Buffer.from('hello'), isBinary: false }];
    const messages = [];
    for (const size of Sizes) {
        messages.push({ bytes: textOf(size, size), isBinary: false });
        messages.push({ bytes: binaryOf(size, size + 1), isBinary: true });
    }
    messages.push({ bytes: Buffer.from('h\u00e9llo w\u00f6rld \u2713 \u{1f30d}'), isBinary: false });
    messages.push({ bytes: Buffer.from('compress me please '.repeat(1000)), isBinary: false });
    // The same message twice: with context takeover the second compresses to almost nothing.
    const repeated = textOf(1000, 99);
    messages.push({ bytes: repeated, isBinary: false }, { bytes: repeated, isBinary: false });
    // Fragmented; the second cut of the text falls inside the three bytes of U+2713.
    const text = Buffer.from('fragmented \u2713 \u2713');
    messages.push({ bytes: text, isBinary: false,
                    fragments: [text.subarray(0, 4), text.subarray(4, text.length - 2), text.subarray(text.length - 2)] });
    const binary = Buffer.concat([Buffer.from([0, 1, 2]), repeatTo(Buffer.from([...Array(256).keys()]), 1024), Buffer.from([0xff])]);
    messages.push({ bytes: binary, isBinary: true,
                    fragments: [binary.subarray(0, 3), binary.subarray(3, 1027), binary.subarray(1027)] });
    return messages;
}

function deflateOptions(options) {
    if (!options.deflate)
        return false;
    // threshold 0: compress every message, however small (the library skips those under 1 KiB by default).
    return {
        threshold: 0,
        serverNoContextTakeover: options.noContextTakeover,
        clientNoContextTakeover: options.noContextTakeover,
    };
}

// "a:b:c:d" -> ["a", "b", "c:d"]
function splitCommand(command) {
    const first = command.indexOf(':');
    const second = command.indexOf(':', first + 1);
    return [command.slice(0, first), command.slice(first + 1, second), command.slice(second + 1)];
}

function sendFragmented(ws, bytes, count, isBinary) {
    const step = Math.ceil(bytes.length / count);
    for (let i = 0; i < count; ++i) {
        ws.send(bytes.subarray(i * step, (i + 1) * step), { binary: isBinary, fin: i === count - 1 });
        if (i === 0 && count > 1)
            ws.ping(InterleavedPingPayload);
    }
}

function runServer(options) {
    const httpServer = options.cert
        ? https.createServer({ cert: fs.readFileSync(options.cert), key: fs.readFileSync(options.key) })
        : http.createServer();
    const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: deflateOptions(options), maxPayload: MaxPayload });
    let extensions = '';
    wss.on('headers', (headers) => {
        const field = headers.find((line) => line.toLowerCase().startsWith('sec-websocket-extensions:'));
        extensions = field ? field.slice(field.indexOf(':') + 1).trim() : '';
    });
    wss.on('connection', (ws) => {
        emit('open', { extensions });
        ws.on('message', (data, isBinary) => {
            emit('message', describe(data, isBinary));
            const command = isBinary ? '' : data.toString();
            if (command.startsWith('close:')) {
                const [, code, reason] = splitCommand(command);
                ws.close(Number(code), reason);
            } else if (command === 'close') {
                ws.close(); // no code: a Close frame with an empty body
            } else if (command === 'drop') {
                ws.terminate();
            } else if (command.startsWith('ping:')) {
                ws.ping(command.slice('ping:'.length));
            } else if (command.startsWith('fragment:')) {
                const [, count, text] = splitCommand(command);
                sendFragmented(ws, Buffer.from(text), Number(count), false);
            } else {
                ws.send(data, { binary: isBinary });
            }
        });
        ws.on('pong', (payload) => emit('pong', { payload: payload.toString() }));
        ws.on('close', (code, reason) => {
            emit('close', { code, reason: reason.toString() });
            wss.close();
            httpServer.close();
        });
    });
    httpServer.listen(0, '127.0.0.1', () => emit('listening', { port: httpServer.address().port }));
}

function withTimeout(promise, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), Timeout);
        }),
    ]).finally(() => clearTimeout(timer));
}

async function runClient(options) {
    const ws = new WebSocket(options.url, {
        ca: options.ca ? fs.readFileSync(options.ca) : undefined,
        perMessageDeflate: deflateOptions(options),
        maxPayload: MaxPayload,
    });
    const queue = [];
    const waiters = [];
    let closeInfo = null;
    ws.on('message', (data, isBinary) => {
        const item = { data, isBinary };
        if (waiters.length > 0)
            waiters.shift().resolve(item);
        else
            queue.push(item);
    });
    const closed = new Promise((resolve) => ws.on('close', (code, reason) => {
        closeInfo = { code, reason: reason.toString() };
        for (const waiter of waiters.splice(0))
            waiter.reject(new Error(`closed (${code}) while waiting for a message`));
        resolve();
    }));
    const nextMessage = () => withTimeout(new Promise((resolve, reject) => {
        if (queue.length > 0)
            resolve(queue.shift());
        else
            waiters.push({ resolve, reject });
    }), 'a message');

    const errors = [];
    const sent = [];
    const received = [];
    let echoes = 0;
    let pong = false;
    let extensions = '';
    ws.on('upgrade', (response) => { extensions = response.headers['sec-websocket-extensions'] || ''; });
    try {
        await withTimeout(new Promise((resolve, reject) => {
            ws.once('open', resolve);
            ws.once('error', reject);
        }), 'the opening handshake');
        for (const message of plan(options.quick)) {
            if (message.fragments) {
                message.fragments.forEach((part, i) => {
                    ws.send(part, { binary: message.isBinary, fin: i === message.fragments.length - 1 });
                    if (i === 0 && !message.isBinary)
                        ws.ping(InterleavedPingPayload);
                });
            } else {
                ws.send(message.bytes, { binary: message.isBinary });
            }
            sent.push(describe(message.bytes, message.isBinary));
            const echo = await nextMessage();
            if (echo.isBinary !== message.isBinary || !echo.data.equals(message.bytes)) {
                errors.push(`echo of message ${sent.length - 1} differs: sent ${JSON.stringify(sent[sent.length - 1])}, `
                            + `got ${JSON.stringify(describe(echo.data, echo.isBinary))}`);
            } else {
                ++echoes;
            }
        }
        if (!options.quick) {
            const ponged = new Promise((resolve) => ws.on('pong', (payload) => {
                if (payload.toString() === PingPayload)
                    resolve();
            }));
            ws.ping(PingPayload);
            await withTimeout(ponged, 'the pong');
            pong = true;
        }
        const mode = options.close;
        if (mode.startsWith('client:')) {
            const [, code, reason] = splitCommand(mode);
            ws.close(Number(code), reason);
        } else if (mode === 'client-nocode') {
            ws.close();
        } else if (mode === 'drop') {
            ws.terminate();
        } else if (mode === 'server') {
            ws.send('done');
            sent.push(describe(Buffer.from('done'), false));
            await withTimeout(closed, 'the server to close');
            for (const item of queue.splice(0))
                received.push(describe(item.data, item.isBinary));
            if (received.length > 0 && received[0].sha256 === sent[sent.length - 1].sha256)
                ++echoes;
        } else {
            errors.push(`unknown close mode ${mode}`);
            ws.terminate();
        }
        await withTimeout(closed, 'the end of the connection');
    } catch (error) {
        errors.push(String(error));
        ws.terminate();
    }
    emit('result', { ok: errors.length === 0, errors, sent, received, echoes, pong, extensions, close: closeInfo });
    process.exitCode = errors.length === 0 ? 0 : 1;
}

function parseArguments(argv) {
    const options = { mode: argv[0], url: null, deflate: false, noContextTakeover: false, cert: null, key: null,
                      ca: null, quick: false, close: 'client:1000:' };
    for (let i = 1; i < argv.length; ++i) {
        switch (argv[i]) {
        case '--deflate': options.deflate = true; break;
        case '--no-context-takeover': options.noContextTakeover = true; break;
        case '--cert': options.cert = argv[++i]; break;
        case '--key': options.key = argv[++i]; break;
        case '--ca': options.ca = argv[++i]; break;
        case '--quick': options.quick = true; break;
        case '--close': options.close = argv[++i]; break;
        default:
            if (argv[i].startsWith('--') || options.url !== null)
                throw new Error(`unknown argument ${argv[i]}`);
            options.url = argv[i];
        }
    }
    if (options.mode !== 'server' && options.mode !== 'client')
        throw new Error('usage: ws_peer.js server|client [URL] [options]');
    if (options.mode === 'client' && !options.url)
        throw new Error('client mode needs a URL');
    return options;
}

const options = parseArguments(process.argv.slice(2));
if (options.mode === 'server')
    runServer(options);
else
    runClient(options);
