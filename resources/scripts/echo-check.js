// Echo check
// ==========
// Sends a text message (with characters beyond ASCII), a JSON object and two binary messages (every
// byte value 0-255, then random bytes) and checks that each one comes back from the server unchanged,
// byte for byte. Useful as a first smoke test of any echo endpoint or proxy in between.
//
// Run it:
//   frameline-cli serve --echo                  (prints "listening on ws://127.0.0.1:PORT/")
//   frameline-cli run example:echo-check --url ws://127.0.0.1:PORT/
// or in the app: Script > Examples > Echo check, in a client tab connected to an echo server.
//
// The scenario is a generator driven by run(): each `yield` waits for a promise (the next reply,
// a sleep) and the script reads top to bottom.

// The bytes of `bytes` as "00 01 ff", for readable failure messages.
function toHex(bytes) {
    const parts = [];
    for (let i = 0; i < bytes.length; ++i)
        parts.push((bytes[i] < 16 ? '0' : '') + bytes[i].toString(16));
    return parts.join(' ');
}

// Checks that `reply` holds exactly `expected` (a Uint8Array), byte for byte.
function expectSameBytes(reply, expected, what) {
    assert(reply.binary, what + ': the reply is a binary message');
    expect(reply.bytes.length).toBe(expected.length);
    let firstDifference = -1;
    for (let i = 0; i < expected.length && firstDifference < 0; ++i) {
        if (reply.bytes[i] !== expected[i])
            firstDifference = i;
    }
    // assert() shows its message whether the check holds or not: word it for both.
    assert(firstDifference < 0, firstDifference < 0
        ? what + ': every byte came back'
        : what + ': first difference at byte ' + firstDifference + ' ('
            + toHex(reply.bytes.slice(firstDifference, firstDifference + 8)) + ' instead of '
            + toHex(expected.slice(firstDifference, firstDifference + 8)) + ')');
}

run(function* () {
    // 1. Text. JavaScript strings are UTF-16; they go out as UTF-8 and must come back the same.
    const text = 'Hello, Frameline! caf\u00e9 \u4e16\u754c \ud83d\ude80';
    ws.send(text);
    const textReply = yield ws.waitFor(message => !message.binary, 5000);
    expect(textReply.text).toBe(text);
    log('text echoed: ' + textReply.text);

    // 2. An object: ws.send() sends it as JSON text; the reply's `json` is the parsed object.
    const object = { type: 'check', id: uuid(), values: [1, 2.5, true, null, 'two'], nested: { a: 'b' } };
    ws.send(object);
    const jsonReply = yield ws.waitFor(message => message.json !== undefined && message.json.id === object.id,
        5000);
    expect(jsonReply.text).toBe(JSON.stringify(object));
    expect(jsonReply.json).toEqual(object);
    log('JSON echoed: ' + jsonReply.text);

    // 3. Binary: every byte value once ...
    const everyByte = new Uint8Array(256);
    for (let i = 0; i < 256; ++i)
        everyByte[i] = i;
    ws.sendBinary(everyByte);
    const everyByteReply = yield ws.waitFor(message => message.binary, 5000);
    expectSameBytes(everyByteReply, everyByte, 'bytes 0-255');

    // ... and 4 KiB of random bytes.
    const random = randomBytes(4096);
    ws.sendBinary(random);
    const randomReply = yield ws.waitFor(message => message.binary, 5000);
    expectSameBytes(randomReply, random, '4 KiB of random bytes');
    log('binary echoed: ' + everyByteReply.bytes.length + ' B and ' + randomReply.bytes.length + ' B');

    done();
});
