#include "app/script/scriptprelude.h"

#include <QtQml/QJSEngine>

namespace Frameline {

QString ScriptPrelude::fileName()
{
    return QStringLiteral("frameline-script-api.js");
}

QJSValue ScriptPrelude::strings(QJSEngine *engine)
{
    const std::pair<const char *, QString> texts[] = {
        { "notAvailable", tr("%1 is not available in Frameline scripts: scripts can reach only the ws API "
                             "(see docs/scripting.md)") },
        { "assertFailed", tr("assertion failed") },
        { "toBe", tr("expected %1 to be %2") },
        { "not_toBe", tr("expected %1 not to be %2") },
        { "toEqual", tr("expected %1 to equal %2") },
        { "not_toEqual", tr("expected %1 not to equal %2") },
        { "toContain", tr("expected %1 to contain %2") },
        { "not_toContain", tr("expected %1 not to contain %2") },
        { "toMatch", tr("expected %1 to match %2") },
        { "not_toMatch", tr("expected %1 not to match %2") },
        { "toBeTruthy", tr("expected %1 to be truthy") },
        { "not_toBeTruthy", tr("expected %1 not to be truthy") },
        { "toBeFalsy", tr("expected %1 to be falsy") },
        { "not_toBeFalsy", tr("expected %1 not to be falsy") },
        { "toBeGreaterThan", tr("expected %1 to be greater than %2") },
        { "not_toBeGreaterThan", tr("expected %1 not to be greater than %2") },
        { "toBeLessThan", tr("expected %1 to be less than %2") },
        { "not_toBeLessThan", tr("expected %1 not to be less than %2") },
        { "toHaveProperty", tr("expected %1 to have property %2") },
        { "not_toHaveProperty", tr("expected %1 not to have property %2") },
        { "toHavePropertyValue", tr("expected %1 to have property %2 equal to %3") },
        { "not_toHavePropertyValue", tr("expected %1 not to have property %2 equal to %3") },
        { "unknownEvent", tr("%1: unknown event '%2' (expected one of: %3)") },
        { "notFunction", tr("%1: expected a function, got %2") },
        { "badBytes", tr("%1: expected a Uint8Array, an ArrayBuffer, an array of numbers 0-255 or a string, got %2") },
        { "badSendData", tr("ws.send: nothing to send (got %1)") },
        { "waitForTimeout", tr("waitFor: no message matching %1 within %2 ms") },
        { "waitForClosed", tr("waitFor: the connection closed before a message matching %1 arrived") },
        { "badMatcher", tr("waitFor: the matcher must be a string, a RegExp or a function, got %1") },
        { "notGenerator", tr("run: expected a generator function (function* () { ... }), got %1") },
    };
    QJSValue object = engine->newObject();
    for (const auto &[key, text] : texts)
        object.setProperty(QString::fromLatin1(key), text);
    return object;
}

QString ScriptPrelude::source()
{
    // Kept in one raw string so its line numbers stay readable in stack traces of the API itself.
    return QString::fromUtf8(R"JS((function (native, T, global, mode, preludeFile) {
'use strict';

const origThen = Promise.prototype.then;
const handledPromises = new WeakSet();
const timers = new Map();
const peers = new Map(); // connection id -> { socket, handlers, waiters, info, pendingFrames }
const serverHandlers = { connection: [], close: [] };
const SOCKET_EVENTS = ['open', 'message', 'frame', 'ping', 'pong', 'close', 'error'];

function fmt(template) {
    const args = arguments;
    return template.replace(/%(\d)/g, (all, i) => String(args[Number(i)]));
}

// The line in the user's script a stack (an Error's, or the current one) points at.
function userLine(error) {
    let stack = error && typeof error === 'object' ? error.stack : undefined;
    if (stack === undefined)
        stack = new Error().stack;
    const frames = String(stack || '').split('\n');
    for (const frame of frames) {
        if (frame.indexOf(preludeFile) >= 0)
            continue;
        const match = /:(\d+)$/.exec(frame);
        if (match)
            return Number(match[1]);
    }
    return 0;
}

function isBytes(value) {
    return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function asUint8Array(value) {
    if (value instanceof Uint8Array)
        return value;
    if (value instanceof ArrayBuffer)
        return new Uint8Array(value);
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function jsonReplacer(key, value) {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value))
        return Array.prototype.slice.call(asUint8Array(value));
    if (value instanceof Error)
        return String(value);
    if (typeof value === 'function')
        return '[function ' + (value.name || 'anonymous') + ']';
    if (typeof value === 'bigint')
        return value.toString();
    return value;
}

// A value as assertion messages show it: compact, strings quoted.
function describe(value) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (value === undefined)
        return 'undefined';
    if (typeof value === 'function')
        return '[function ' + (value.name || 'anonymous') + ']';
    if (typeof value === 'symbol' || value instanceof RegExp || value instanceof Error)
        return String(value);
    if (isBytes(value)) {
        const view = asUint8Array(value);
        const shown = Array.prototype.slice.call(view, 0, 32).join(', ');
        return 'Uint8Array [' + shown + (view.length > 32 ? ', …' : '') + ']';
    }
    let text;
    try {
        text = JSON.stringify(value, jsonReplacer);
    } catch (e) {
        text = String(value);
    }
    if (text === undefined)
        text = String(value);
    return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

// A value as log() shows it: strings as they are, objects as indented JSON.
function show(value) {
    if (typeof value === 'string')
        return value;
    if (value !== null && typeof value === 'object' && !isBytes(value) && !(value instanceof Error)
        && !(value instanceof RegExp)) {
        try {
            const text = JSON.stringify(value, jsonReplacer, 2);
            if (text !== undefined)
                return text;
        } catch (e) {
        }
    }
    return describe(value);
}

function logWith(kind) {
    return function () {
        native.log(kind, Array.prototype.map.call(arguments, show).join(' '), userLine());
    };
}

function deepEqual(a, b) {
    if (Object.is(a, b))
        return true;
    if (isBytes(a) && isBytes(b)) {
        const x = asUint8Array(a), y = asUint8Array(b);
        if (x.length !== y.length)
            return false;
        for (let i = 0; i < x.length; ++i) {
            if (x[i] !== y[i])
                return false;
        }
        return true;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a)) {
        if (a.length !== b.length)
            return false;
        return a.every((item, i) => deepEqual(item, b[i]));
    }
    if (a instanceof RegExp || b instanceof RegExp)
        return String(a) === String(b);
    const keysOf = (o) => Object.keys(o).filter((k) => o[k] !== undefined).sort();
    const ka = keysOf(a), kb = keysOf(b);
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i]))
        return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
}

function contains(haystack, needle) {
    if (typeof haystack === 'string')
        return haystack.indexOf(String(needle)) >= 0;
    if (isBytes(haystack))
        return Array.prototype.indexOf.call(asUint8Array(haystack), needle) >= 0;
    if (haystack && typeof haystack.length === 'number')
        return Array.prototype.some.call(haystack, (item) => deepEqual(item, needle));
    return false;
}

function propertyPath(path) {
    return Array.isArray(path) ? path.map(String) : String(path).split('.');
}

function expect(actual) {
    function matchers(negated) {
        const m = {};
        function check(passed, key) {
            const extra = Array.prototype.slice.call(arguments, 2);
            const ok = negated ? !passed : passed;
            const template = T[(negated ? 'not_' : '') + key];
            const text = fmt.apply(null, [template, describe(actual)].concat(extra));
            native.assertion(ok, text, userLine());
            return ok;
        }
        m.toBe = (expected) => check(Object.is(actual, expected), 'toBe', describe(expected));
        m.toEqual = (expected) => check(deepEqual(actual, expected), 'toEqual', describe(expected));
        m.toContain = (item) => check(contains(actual, item), 'toContain', describe(item));
        m.toMatch = (pattern) => {
            const re = pattern instanceof RegExp ? pattern : null;
            const text = typeof actual === 'string' ? actual : String(actual);
            const passed = re ? re.test(text) : text.indexOf(String(pattern)) >= 0;
            return check(passed, 'toMatch', re ? String(re) : describe(pattern));
        };
        m.toBeTruthy = () => check(!!actual, 'toBeTruthy');
        m.toBeFalsy = () => check(!actual, 'toBeFalsy');
        m.toBeGreaterThan = (n) => check(actual > n, 'toBeGreaterThan', describe(n));
        m.toBeLessThan = (n) => check(actual < n, 'toBeLessThan', describe(n));
        m.toHaveProperty = function (path, value) {
            let target = actual, found = target !== null && target !== undefined;
            for (const key of propertyPath(path)) {
                if (target === null || target === undefined || !(Object(target) instanceof Object)
                    || !(key in Object(target))) {
                    found = false;
                    break;
                }
                target = target[key];
            }
            if (arguments.length < 2)
                return check(found, 'toHaveProperty', describe(String(path)));
            return check(found && deepEqual(target, value), 'toHavePropertyValue', describe(String(path)),
                         describe(value));
        };
        return m;
    }
    const positive = matchers(false);
    positive.not = matchers(true);
    return positive;
}

function assert(condition, message) {
    const text = message === undefined ? T.assertFailed : String(message);
    native.assertion(!!condition, text, userLine());
    return !!condition;
}

// Unhandled rejections: every promise made by then() (and the API's own) is watched; one that is rejected
// and still has no handler a moment later is reported as an error of the script.
function track(promise) {
    origThen.call(promise, undefined, (reason) => {
        const id = native.startTimer(0, false);
        timers.set(id, { internal: () => {
            if (!handledPromises.has(promise))
                native.unhandledRejection(reason);
        } });
    });
    return promise;
}
Object.defineProperty(Promise.prototype, 'then', {
    configurable: true, writable: true,
    value: function then(onFulfilled, onRejected) {
        handledPromises.add(this);
        return track(origThen.call(this, onFulfilled, onRejected));
    },
});
if (typeof Promise.prototype.finally !== 'function') {
    Object.defineProperty(Promise.prototype, 'finally', {
        configurable: true, writable: true,
        value: function (onFinally) {
            const f = typeof onFinally === 'function' ? onFinally : () => {};
            return this.then((value) => Promise.resolve(f()).then(() => value),
                             (reason) => Promise.resolve(f()).then(() => { throw reason; }));
        },
    });
}

function addTimer(fn, ms, args, repeat, name) {
    if (typeof fn !== 'function')
        throw new TypeError(fmt(T.notFunction, name, describe(fn)));
    const delay = Math.max(repeat ? 1 : 0, Number(ms) || 0);
    const id = native.startTimer(delay, repeat);
    timers.set(id, { fn: fn, args: args, repeat: repeat });
    return id;
}
function clearTimer(id) {
    if (timers.has(id)) {
        timers.delete(id);
        native.stopTimer(id);
    }
}

function sleep(ms) {
    return new Promise((resolve) => addTimer(resolve, ms, [], false, 'sleep'));
}

// Drives a generator: each yielded value (usually a promise) is awaited and sent back into the generator,
// a rejection is thrown into it at the yield. Returns a promise of the generator's return value.
function run(generatorFunction) {
    let iterator = generatorFunction;
    if (typeof generatorFunction === 'function')
        iterator = generatorFunction();
    if (!iterator || typeof iterator.next !== 'function')
        throw new TypeError(fmt(T.notGenerator, describe(generatorFunction)));
    return track(new Promise((resolve, reject) => {
        function step(method, input) {
            let result;
            try {
                result = iterator[method](input);
            } catch (e) {
                reject(e);
                return;
            }
            if (result.done) {
                resolve(result.value);
                return;
            }
            Promise.resolve(result.value).then((value) => step('next', value), (error) => step('throw', error));
        }
        step('next', undefined);
    }));
}

function toBuffer(value, what) {
    if (typeof value === 'string')
        return native.utf8Encode(value);
    if (value === undefined || value === null)
        return new ArrayBuffer(0);
    if (value instanceof ArrayBuffer)
        return value;
    if (ArrayBuffer.isView(value))
        return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
    if (Array.isArray(value)) {
        if (!value.every((n) => Number.isInteger(n) && n >= 0 && n <= 255))
            throw new TypeError(fmt(T.badBytes, what, describe(value)));
        return new Uint8Array(value).buffer;
    }
    throw new TypeError(fmt(T.badBytes, what, describe(value)));
}

function messageText(value, what) {
    if (typeof value === 'string')
        return value;
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
        throw new TypeError(fmt(T.badSendData, describe(value)));
    return JSON.stringify(value, jsonReplacer);
}

function matcherFor(matcher) {
    if (typeof matcher === 'string')
        return (message) => message.text === matcher;
    if (matcher instanceof RegExp)
        return (message) => { matcher.lastIndex = 0; return matcher.test(message.text); };
    if (typeof matcher === 'function')
        return matcher;
    if (matcher === undefined)
        return () => true;
    throw new TypeError(fmt(T.badMatcher, describe(matcher)));
}

function bytesObject(buffer) {
    return new Uint8Array(buffer);
}

function makeSocket(id, info) {
    const record = { handlers: {}, waiters: [], info: info, pendingFrames: [] };
    SOCKET_EVENTS.forEach((name) => { record.handlers[name] = []; });
    const socket = {
        get url() { return record.info.url; },
        get state() { return record.info.state; },
        get protocol() { return record.info.protocol; },
        send(data) {
            if (isBytes(data))
                return native.sendMessage(id, 2, toBuffer(data, 'ws.send'));
            return native.sendText(id, messageText(data, 'ws.send'));
        },
        sendBinary(data) { return native.sendMessage(id, 2, toBuffer(data, 'ws.sendBinary')); },
        ping(payload) { return native.sendControl(id, 9, toBuffer(payload, 'ws.ping')); },
        pong(payload) { return native.sendControl(id, 10, toBuffer(payload, 'ws.pong')); },
        close(code, reason) {
            return native.close(id, code === undefined ? 1000 : Number(code),
                                reason === undefined ? '' : String(reason));
        },
        sendFragmented(data, count) {
            const binary = isBytes(data) || Array.isArray(data);
            const payload = binary ? toBuffer(data, 'ws.sendFragmented')
                                   : native.utf8Encode(messageText(data, 'ws.sendFragmented'));
            return native.sendFragmented(id, binary ? 2 : 1, payload, Number(count) || 1);
        },
        sendFrame(spec) {
            spec = spec || {};
            let payload = spec.payload;
            if (payload !== undefined && typeof payload !== 'string' && !isBytes(payload) && !Array.isArray(payload))
                payload = JSON.stringify(payload, jsonReplacer);
            return native.sendFrame(id, spec, toBuffer(payload, 'ws.sendFrame'));
        },
        on(event, handler) {
            if (SOCKET_EVENTS.indexOf(event) < 0)
                throw new TypeError(fmt(T.unknownEvent, 'ws.on', event, SOCKET_EVENTS.join(', ')));
            if (typeof handler !== 'function')
                throw new TypeError(fmt(T.notFunction, 'ws.on', describe(handler)));
            record.handlers[event].push(handler);
            return socket;
        },
        off(event, handler) {
            const list = record.handlers[event] || [];
            const index = list.indexOf(handler);
            if (index >= 0)
                list.splice(index, 1);
            return socket;
        },
        waitFor(matcher, timeoutMs) {
            const test = matcherFor(matcher);
            const shown = typeof matcher === 'function' ? (matcher.name ? matcher.name + '()' : 'function')
                                                         : describe(matcher);
            const ms = timeoutMs === undefined ? T.waitForDefaultMs : Number(timeoutMs);
            return track(new Promise((resolve, reject) => {
                const waiter = { test: test, resolve: resolve, reject: reject, shown: shown, timer: 0 };
                if (ms > 0) { // 0: no time limit
                    waiter.timer = native.startTimer(ms, false);
                    timers.set(waiter.timer, { internal: () => {
                        const index = record.waiters.indexOf(waiter);
                        if (index >= 0)
                            record.waiters.splice(index, 1);
                        reject(new Error(fmt(T.waitForTimeout, shown, ms)));
                    } });
                }
                record.waiters.push(waiter);
            }));
        },
    };
    if (mode === 'server') {
        socket.id = id;
        socket.path = info.path;
        socket.headers = info.headers;
    }
    record.socket = socket;
    peers.set(id, record);
    return record;
}

function callHandlers(list, args, where) {
    for (const handler of list.slice()) {
        try {
            handler.apply(undefined, args);
        } catch (e) {
            native.reportError(e, where);
        }
    }
}

function frameObject(data) {
    let text;
    const frame = {
        fin: data.fin, rsv1: data.rsv1, rsv2: data.rsv2, rsv3: data.rsv3, opcode: data.opcode,
        masked: data.masked, maskKey: data.maskKey, payloadLength: data.payloadLength,
        lengthForm: data.lengthForm, bytes: bytesObject(data.payload), direction: data.direction,
        time: data.time,
    };
    Object.defineProperty(frame, 'text', { enumerable: true, get() {
        if (text === undefined)
            text = native.utf8Decode(data.payload);
        return text;
    } });
    return frame;
}

function messageObject(data, frames) {
    let json, parsed = false;
    const message = {
        text: data.text, bytes: bytesObject(data.payload), opcode: data.opcode, binary: data.opcode === 2,
        size: data.payload.byteLength, frames: frames, time: data.time,
    };
    Object.defineProperty(message, 'json', { enumerable: true, get() {
        if (!parsed) {
            parsed = true;
            try {
                json = JSON.parse(data.text);
            } catch (e) {
                json = undefined;
            }
        }
        return json;
    } });
    return message;
}

const dispatchers = {
    timer(id) {
        const timer = timers.get(id);
        if (!timer)
            return;
        if (!timer.repeat)
            timers.delete(id);
        if (timer.internal) {
            timer.internal();
            return;
        }
        try {
            timer.fn.apply(undefined, timer.args);
        } catch (e) {
            native.reportError(e, timer.repeat ? 'setInterval' : 'setTimeout');
        }
    },
    open(id) {
        const record = peers.get(id);
        if (record)
            callHandlers(record.handlers.open, [], "'open'");
    },
    connection(id, info) {
        const record = makeSocket(id, info);
        callHandlers(serverHandlers.connection, [record.socket], "'connection'");
        callHandlers(record.handlers.open, [], "'open'");
    },
    state(id, state) {
        const record = peers.get(id);
        if (record)
            record.info.state = state;
    },
    frame(id, data) {
        const record = peers.get(id);
        if (!record)
            return;
        const frame = frameObject(data);
        if (data.opcode <= 2)
            record.pendingFrames.push(frame);
        callHandlers(record.handlers.frame, [frame], "'frame'");
        if (data.opcode === 9)
            callHandlers(record.handlers.ping, [frame], "'ping'");
        else if (data.opcode === 10)
            callHandlers(record.handlers.pong, [frame], "'pong'");
    },
    message(id, data) {
        const record = peers.get(id);
        if (!record)
            return;
        const message = messageObject(data, record.pendingFrames);
        record.pendingFrames = [];
        for (const waiter of record.waiters.slice()) {
            let matched;
            try {
                matched = waiter.test(message);
            } catch (e) {
                record.waiters.splice(record.waiters.indexOf(waiter), 1);
                clearTimer(waiter.timer);
                waiter.reject(e);
                continue;
            }
            if (matched) {
                record.waiters.splice(record.waiters.indexOf(waiter), 1);
                clearTimer(waiter.timer);
                waiter.resolve(message);
            }
        }
        callHandlers(record.handlers.message, [message], "'message'");
    },
    error(id, text) {
        const record = peers.get(id);
        if (record)
            callHandlers(record.handlers.error, [new Error(text)], "'error'");
    },
    close(id, info) {
        const record = peers.get(id);
        if (!record)
            return;
        record.info.state = 'closed';
        callHandlers(record.handlers.close, [info], "'close'");
        for (const waiter of record.waiters.splice(0)) {
            clearTimer(waiter.timer);
            waiter.reject(new Error(fmt(T.waitForClosed, waiter.shown)));
        }
        if (mode === 'server') {
            callHandlers(serverHandlers.close, [record.socket], "'close'");
            peers.delete(id);
        }
    },
};

// Names other JavaScript hosts offer, each replaced by something that explains why it is not there.
function blocked(name) {
    const stub = function () { throw new Error(fmt(T.notAvailable, name)); };
    Object.defineProperty(global, name, { configurable: false, enumerable: false, writable: false, value: stub });
}
['require', 'fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'qsTr', 'print'].forEach(blocked);
Object.defineProperty(global, 'Qt', {
    configurable: false, enumerable: false,
    get() { throw new Error(fmt(T.notAvailable, 'Qt')); },
});

const console = { log: logWith(0), info: logWith(0), debug: logWith(0), warn: logWith(1), error: logWith(2) };
const api = {
    log: logWith(0), console: console, assert: assert, expect: expect, done: () => native.done(),
    sleep: sleep, run: run,
    setTimeout: (fn, ms, ...args) => addTimer(fn, ms, args, false, 'setTimeout'),
    setInterval: (fn, ms, ...args) => addTimer(fn, ms, args, true, 'setInterval'),
    clearTimeout: clearTimer, clearInterval: clearTimer,
    base64: {
        encode: (data) => native.base64Encode(toBuffer(data, 'base64.encode')),
        decode: (text) => new Uint8Array(native.base64Decode(String(text))),
    },
    hex: {
        encode: (data) => native.hexEncode(toBuffer(data, 'hex.encode')),
        decode: (text) => new Uint8Array(native.hexDecode(String(text))),
    },
    utf8: {
        encode: (text) => new Uint8Array(native.utf8Encode(String(text))),
        decode: (data) => native.utf8Decode(toBuffer(data, 'utf8.decode')),
    },
    uuid: () => native.uuid(),
    randomBytes: (count) => new Uint8Array(native.randomBytes(Number(count) || 0)),
    randomInt: (min, max) => {
        const lo = Math.ceil(Number(min)), hi = Math.floor(Number(max));
        return lo + Math.floor(Math.random() * (hi - lo + 1));
    },
};
for (const name of Object.keys(api))
    global[name] = api[name];

const setup = {
    client(id, info) {
        global.ws = makeSocket(id, info).socket;
    },
    server(info) {
        global.server = {
            get url() { return info.url; },
            on(event, handler) {
                if (!(event in serverHandlers))
                    throw new TypeError(fmt(T.unknownEvent, 'server.on', event, 'connection, close'));
                if (typeof handler !== 'function')
                    throw new TypeError(fmt(T.notFunction, 'server.on', describe(handler)));
                serverHandlers[event].push(handler);
                return global.server;
            },
            clients() {
                return Array.from(peers.values()).filter((r) => r.info.state === 'open').map((r) => r.socket);
            },
            broadcast(data) {
                let count = 0;
                for (const client of global.server.clients())
                    count += client.send(data) ? 1 : 0;
                return count;
            },
        };
    },
};

return function (event, a, b) {
    if (event in setup)
        return setup[event](a, b);
    return dispatchers[event](a, b);
};
}))JS");
}

} // namespace Frameline
