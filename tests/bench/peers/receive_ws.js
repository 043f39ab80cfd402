// Benchmark peer: node `ws` client that counts the messages a server sends until it closes.
// Usage: node receive_ws.js URL   -> prints {"messages":N,"bytes":B,"seconds":S}
'use strict';
const WebSocket = require('ws');
const socket = new WebSocket(process.argv[2], { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
let messages = 0;
let bytes = 0;
let start = 0;
socket.on('open', () => { start = process.hrtime.bigint(); });
socket.on('message', (data) => { messages += 1; bytes += data.length; });
socket.on('close', () => {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    process.stdout.write(JSON.stringify({ messages, bytes, seconds }) + '\n');
});
socket.on('error', (error) => { process.stderr.write(String(error) + '\n'); process.exit(1); });
