// Subscribe and assert
// ====================
// The usual first exchange with a streaming API: send a subscription request, wait for the reply that
// belongs to it (matched by its request id, whatever else arrives in between), and check its fields
// with expect(). Then unsubscribe the same way.
//
// As bundled it runs green against an echo server, where the "acknowledgement" is our own request
// coming back. To use it against a real API, change the three places marked ADAPT: the request, how
// the reply is recognised, and what the reply must contain.
//
// Run it:
//   frameline-cli serve --echo                  (prints "listening on ws://127.0.0.1:PORT/")
//   frameline-cli run example:subscribe-assert --url ws://127.0.0.1:PORT/
// or in the app: Script > Examples > Subscribe and assert.

const channel = 'ticker.BTC-USD';

run(function* () {
    // ADAPT (1): the request your API expects.
    const subscribe = { type: 'subscribe', id: uuid(), channel: channel, depth: 10 };
    ws.send(subscribe);

    // ADAPT (2): how to recognise the reply. A function matcher sees every incoming message (text,
    // json, bytes, binary, opcode) and picks the one we want; other messages (e.g. market data that
    // was already flowing) are left alone. waitFor fails the step after 5 s.
    const ack = yield ws.waitFor(message => message.json !== undefined && message.json.id === subscribe.id,
        5000);

    // ADAPT (3): what the reply must say. A real API answers e.g.
    //   {"type":"subscribed","id":"...","channel":"ticker.BTC-USD","depth":10}
    // so there you would write expect(ack.json.type).toBe('subscribed'). The echo sends our request
    // back, so its type is still 'subscribe'.
    expect(ack.binary).toBe(false);
    expect(ack.json.type).toBe('subscribe');
    expect(ack.json.channel).toBe(channel);
    expect(ack.json.channel).toMatch(/^ticker\.[A-Z]+-[A-Z]+$/);
    expect(ack.json.depth).toBe(10);
    expect(ack.text).toContain('"channel":"ticker.BTC-USD"');
    assert(ack.json.id === subscribe.id, 'the reply answers our request id');
    log('subscribed to ' + ack.json.channel + ' (request ' + ack.json.id + ')');

    // Unsubscribe, and wait for its own acknowledgement.
    const unsubscribe = { type: 'unsubscribe', id: uuid(), channel: channel };
    ws.send(unsubscribe);
    const bye = yield ws.waitFor(message => message.json !== undefined && message.json.id === unsubscribe.id,
        5000);
    expect(bye.json.type).toBe('unsubscribe');
    expect(bye.json).toEqual(unsubscribe);
    log('unsubscribed from ' + bye.json.channel);

    ws.close(1000, 'done');
    done();
});
