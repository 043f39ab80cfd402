// Load generator
// ==============
// Sends COUNT JSON messages at RATE messages per second (setInterval), matches every reply to its
// message by sequence number, then logs the throughput and the round-trip latency percentiles
// (p50, p90, p99, max) and asserts that every message got its reply.
//
// As bundled it expects an echo server (each message comes back as it was sent). Against a real
// service, change makeMessage() and replySequence() so that a reply can be told apart and matched.
//
// Run it:
//   frameline-cli serve --echo                  (prints "listening on ws://127.0.0.1:PORT/")
//   frameline-cli run example:load-generator --url ws://127.0.0.1:PORT/
// or in the app: Script > Examples > Load generator.

const COUNT = 200;           // messages to send
const RATE = 100;            // messages per second
const PAYLOAD_BYTES = 256;   // filler in each message
const REPLY_TIMEOUT_MS = 5000; // after the last send, how long to wait for the last replies

const filler = 'x'.repeat(PAYLOAD_BYTES);

function makeMessage(sequence) {
    return { type: 'load', seq: sequence, sentAt: Date.now(), data: filler };
}

// The sequence number a reply answers, or undefined when it is not one of ours.
function replySequence(message) {
    return message.json !== undefined && message.json.type === 'load' ? message.json.seq : undefined;
}

const sentAt = new Map(); // sequence -> Date.now() when sent
const latencies = [];     // round trips in ms, in the order replies came
let sent = 0;
let duplicates = 0;
let startedAt = 0;
let lastReplyAt = 0;
let finished = false;

ws.on('message', message => {
    const sequence = replySequence(message);
    if (sequence === undefined)
        return;
    const at = sentAt.get(sequence);
    if (at === undefined) {
        ++duplicates;
        return;
    }
    sentAt.delete(sequence);
    lastReplyAt = message.time; // when the reply was read from the socket
    latencies.push(lastReplyAt - at);
    if (sent === COUNT && sentAt.size === 0)
        finish();
});

// The p-th percentile (0-100) of sorted values, nearest rank.
function percentile(sorted, p) {
    if (sorted.length === 0)
        return NaN;
    const rank = Math.ceil(p / 100 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function finish() {
    if (finished)
        return;
    finished = true;
    const elapsedS = Math.max(1, lastReplyAt - startedAt) / 1000;
    const sorted = latencies.slice().sort((a, b) => a - b);
    log('sent ' + sent + ' messages, ' + latencies.length + ' replies in ' + elapsedS.toFixed(2) + ' s ('
        + (latencies.length / elapsedS).toFixed(1) + ' replies/s)');
    if (sorted.length > 0) {
        const ms = value => value.toFixed(2);
        log('latency ms: p50 ' + ms(percentile(sorted, 50)) + ', p90 ' + ms(percentile(sorted, 90)) + ', p99 '
            + ms(percentile(sorted, 99)) + ', max ' + ms(sorted[sorted.length - 1]));
    }
    expect(latencies.length).toBe(COUNT);
    expect(duplicates).toBe(0);
    assert(sentAt.size === 0, sentAt.size === 0
        ? 'every message got its reply'
        : sentAt.size + ' message(s) got no reply within ' + REPLY_TIMEOUT_MS + ' ms');
    done();
}

// Timers tick at most once a millisecond or so: at high rates, send a few messages per tick.
const intervalMs = Math.max(5, Math.round(1000 / RATE));
const perTick = Math.max(1, Math.round(RATE * intervalMs / 1000));

startedAt = Date.now();
log('sending ' + COUNT + ' messages at ' + RATE + '/s');
const sender = setInterval(() => {
    for (let i = 0; i < perTick && sent < COUNT; ++i) {
        sentAt.set(sent, Date.now());
        ws.send(makeMessage(sent));
        ++sent;
    }
    if (sent === COUNT) {
        clearInterval(sender);
        // Whatever has not come back by then counts as lost.
        setTimeout(finish, REPLY_TIMEOUT_MS);
    }
}, intervalMs);
