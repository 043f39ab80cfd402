// Mock server
// ===========
// A server script: it stands in for a real backend while you build or test a client. Every client is
// greeted with {"type":"welcome","path":...,"online":N} (N: clients on the same path, itself included),
// then what it sends is routed by the path it connected to and by content:
//   any path   {"type":"ping"}           -> {"type":"pong"} to the sender only
//              {"type":"announce",...}   -> the same text to every client on every path (server.broadcast)
//   /chat      anything else             -> to every client on /chat, the sender included, unchanged
//   /echo      anything else             -> back to the sender, unchanged (text or binary)
//   other      anything else             -> {"type":"error","error":"unknown path ..."}
//
// Run it:
//   frameline-cli run example:mock-server --serve --port 8080
//   frameline-cli connect ws://127.0.0.1:8080/chat --interactive     (in two terminals, to chat)
//   frameline-cli connect ws://127.0.0.1:8080/echo --send '{"type":"ping"}'
// or in the app: Script > Examples > Mock server, in a server tab. Stop it with Ctrl+C (or Stop).

function clientsOn(path) {
    return server.clients().filter(client => client.path === path);
}

// Sends `message` (as it came: text or binary, same bytes) to `client`.
function forward(client, message) {
    if (message.binary)
        client.sendBinary(message.bytes);
    else
        client.send(message.text);
}

server.on('connection', client => {
    log('client #' + client.id + ' connected on ' + client.path);
    client.send({ type: 'welcome', path: client.path, online: clientsOn(client.path).length });

    client.on('message', message => {
        const request = message.json;
        if (request !== undefined && request !== null && request.type === 'ping') {
            client.send({ type: 'pong' });
            return;
        }
        if (request !== undefined && request !== null && request.type === 'announce') {
            server.broadcast(message.text);
            return;
        }
        switch (client.path) {
        case '/chat':
            for (const other of clientsOn('/chat'))
                forward(other, message);
            break;
        case '/echo':
            forward(client, message);
            break;
        default:
            client.send({ type: 'error', error: 'unknown path ' + client.path + ': use /chat or /echo' });
            break;
        }
    });

    client.on('close', close => {
        log('client #' + client.id + ' left (' + (close && close.code !== undefined ? close.code : '?') + ')');
    });
});

log('mock server ready: /chat broadcasts, /echo echoes, {"type":"ping"} gets {"type":"pong"}');
