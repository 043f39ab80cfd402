// Ping monitor
// ============
// Sends a ping every second whose payload is a counter ("ping 1", "ping 2", ...), matches each pong
// to its ping by that payload (RFC 6455 §5.5.3: a pong carries the ping's payload back), measures the
// round trip, and after COUNT pings logs min/avg/max and asserts that no pong was lost or altered.
//
// Any standards-compliant server answers pings, so this works against every endpoint, echo or not.
//
// Run it:
//   frameline-cli serve --echo                  (prints "listening on ws://127.0.0.1:PORT/")
//   frameline-cli run example:ping-monitor --url ws://127.0.0.1:PORT/
// or in the app: Script > Examples > Ping monitor.

const COUNT = 5;             // pings to send
const INTERVAL_MS = 1000;    // between pings
const PONG_TIMEOUT_MS = 2000; // after the last ping, how long to wait for its pong

const pending = new Map();   // payload -> Date.now() when its ping went out
const roundTrips = [];
let unexpected = 0;

ws.on('pong', pong => {
    const sentAt = pending.get(pong.text);
    if (sentAt === undefined) {
        ++unexpected;
        warn('pong with an unexpected payload: "' + pong.text + '"');
        return;
    }
    pending.delete(pong.text);
    // pong.time is when the pong was read from the socket (the console sees events a few ms later).
    const ms = pong.time - sentAt;
    roundTrips.push(ms);
    log(pong.text + ': pong after ' + ms.toFixed(2) + ' ms');
});

function warn(text) {
    console.warn(text);
}

run(function* () {
    for (let i = 1; i <= COUNT; ++i) {
        const payload = 'ping ' + i;
        pending.set(payload, Date.now());
        ws.ping(payload);
        yield sleep(i < COUNT ? INTERVAL_MS : 0);
    }

    // Give the last pong its time.
    const deadline = Date.now() + PONG_TIMEOUT_MS;
    while (pending.size > 0 && Date.now() < deadline)
        yield sleep(20);

    if (roundTrips.length > 0) {
        const total = roundTrips.reduce((sum, ms) => sum + ms, 0);
        log('round trip ms: min ' + Math.min.apply(null, roundTrips).toFixed(2) + ', avg '
            + (total / roundTrips.length).toFixed(2) + ', max ' + Math.max.apply(null, roundTrips).toFixed(2)
            + ' over ' + roundTrips.length + ' pong(s)');
    }
    expect(roundTrips.length).toBe(COUNT);
    expect(unexpected).toBe(0);
    assert(pending.size === 0, pending.size === 0
        ? 'no ping lost'
        : pending.size + ' ping(s) lost: ' + Array.from(pending.keys()).join(', '));
    done();
});
