<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActionRegistry</name>
    <message>
        <location filename="../ui/mainwindow/actionregistry.cpp" line="+158"/>
        <source>New &amp;Client Tab</source>
        <translation>새 클라이언트 탭(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a tab that connects to a WebSocket server</source>
        <translation>웹소켓 서버에 연결하는 탭을 엽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;Server Tab</source>
        <translation>새 서버 탭(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a tab that runs a local WebSocket server</source>
        <translation>로컬 웹소켓 서버를 실행하는 탭을 엽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to Built-in &amp;Echo Server</source>
        <translation>내장 에코 서버에 연결(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a client tab connected to Frameline&apos;s own echo server on this computer</source>
        <translation>이 컴퓨터에서 실행되는 Frameline 자체 에코 서버에 연결된 클라이언트 탭을 엽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decode Bytes</source>
        <translation>바이트 디코딩(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the frame decoder</source>
        <translation>프레임 디코더를 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename Tab…</source>
        <translation>탭 이름 바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close &amp;Tab</source>
        <translation>탭 닫기(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Tab</source>
        <translation>다음 탭(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Tab</source>
        <translation>이전 탭(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>설정(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Session…</source>
        <translation>세션 열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a recorded session (or a HAR file) read-only in a new tab</source>
        <translation>기록된 세션(또는 HAR 파일)을 새 탭에서 읽기 전용으로 엽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Sess&amp;ions</source>
        <translation>최근 세션(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear Menu</source>
        <translation>메뉴 비우기(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Session &amp;As…</source>
        <translation>다른 이름으로 세션 저장(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save everything the current tab recorded as a session file</source>
        <translation>현재 탭에서 기록한 모든 내용을 세션 파일로 저장합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;mport HAR…</source>
        <translation>HAR 가져오기(&amp;M)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the WebSocket connections of a HAR file exported by a browser&apos;s developer tools</source>
        <translation>브라우저 개발자 도구에서 내보낸 HAR 파일의 웹소켓 연결을 엽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport Session…</source>
        <translation>세션 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the current tab&apos;s session as HAR, CSV or JSON</source>
        <translation>현재 탭의 세션을 HAR, CSV 또는 JSON으로 저장합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Ro&amp;ws…</source>
        <translation>행 내보내기(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the rows the current timeline shows, after its filters, as CSV or JSON</source>
        <translation>현재 타임라인에 보이는 행(필터 적용 후)을 CSV 또는 JSON으로 저장합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;play…</source>
        <translation>재생(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay a connection of the current session tab as a client or as a mock server</source>
        <translation>현재 세션 탭의 연결을 클라이언트 또는 모의 서버로 재생합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Bytes File…</source>
        <translation>바이트 파일 열기(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decode a file of raw WebSocket bytes (the stream after the handshake)</source>
        <translation>원시 웹소켓 바이트 파일(핸드셰이크 이후의 스트림)을 디코딩합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Frameline</source>
        <translation>Frameline 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
</context>
<context>
    <name>BinaryInput</name>
    <message>
        <location filename="../app/compose/binaryinput.cpp" line="+90"/>
        <source>&quot;\&quot; must start an escape &quot;\x&quot; followed by two hex digits</source>
        <translation>&quot;\&quot;는 이스케이프를 시작합니다: &quot;\x&quot; 뒤에 16진수 숫자 두 개를 쓰세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <location line="+11"/>
        <source>%1 is not a hex digit</source>
        <translation>%1은(는) 16진수 숫자가 아닙니다</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>&quot;\x&quot; is not followed by two hex digits</source>
        <translation>&quot;\x&quot; 뒤에 16진수 숫자 두 개가 없습니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;0x&quot; is not followed by hex digits</source>
        <translation>&quot;0x&quot; 뒤에 16진수 숫자가 없습니다</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The group &quot;%1&quot; has an odd number of hex digits; every byte needs two</source>
        <translation>묶음 &quot;%1&quot;의 16진수 숫자 개수가 홀수입니다. 바이트마다 두 자리가 필요합니다</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Too much &apos;=&apos; padding: a base64 group ends with at most two</source>
        <translation>&apos;=&apos; 패딩이 너무 많습니다: base64 묶음 끝의 패딩은 최대 두 개입니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not a base64 character</source>
        <translation>%1은(는) base64 문자가 아닙니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base64 data after the &apos;=&apos; padding</source>
        <translation>&apos;=&apos; 패딩 뒤에 Base64 데이터가 있습니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The base64 text ends with a single character in its last group of four, which cannot encode a byte</source>
        <translation>base64 텍스트의 마지막 4문자 묶음에 문자가 하나뿐이라 바이트를 나타낼 수 없습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The &apos;=&apos; padding does not complete the last group of four characters (%1 data characters need %2)</source>
        <translation>&apos;=&apos; 패딩이 마지막 4문자 묶음을 채우지 못합니다(데이터 문자 %1개에는 패딩 %2개가 필요합니다)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The file %1 does not exist</source>
        <translation>파일 %1이(가) 없습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a regular file</source>
        <translation>%1은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file %1 has %2 bytes, over the limit of %3 bytes</source>
        <translation>파일 %1의 크기가 %2바이트로, 제한 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 has more than %2 bytes, over the limit</source>
        <translation>파일 %1이(가) %2바이트를 넘어 제한을 초과합니다</translation>
    </message>
</context>
<context>
    <name>ClientConnection</name>
    <message>
        <location filename="../app/net/clientconnection.cpp" line="+35"/>
        <source>Enter a WebSocket URL, such as ws://localhost:9001/ or wss://example.com/socket</source>
        <translation>ws://localhost:9001/ 또는 wss://example.com/socket 같은 웹소켓 URL을 입력하세요</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; is not a valid URL: %2</source>
        <translation>&apos;%1&apos;은(는) 올바른 URL이 아닙니다: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The scheme &apos;%1&apos; is not a WebSocket scheme: use ws:// or wss://</source>
        <translation>스킴 &apos;%1&apos;은(는) 웹소켓 스킴이 아닙니다. ws:// 또는 wss://를 쓰세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; has no host name</source>
        <translation>&apos;%1&apos;에 호스트 이름이 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A WebSocket URL cannot have a fragment (&apos;#%1&apos;)</source>
        <translation>웹소켓 URL에는 프래그먼트(&apos;#%1&apos;)를 쓸 수 없습니다</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unsupported proxy &apos;%1&apos;: use http://host:port (HTTP CONNECT) or socks5://host:port</source>
        <translation>지원하지 않는 프록시 &apos;%1&apos;입니다. http://host:port (HTTP CONNECT) 또는 socks5://host:port를 쓰세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The proxy URL &apos;%1&apos; has no host</source>
        <translation>프록시 URL &apos;%1&apos;에 호스트가 없습니다</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Stopped by the user</source>
        <translation>사용자가 중지함</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Connecting through the proxy %1</source>
        <translation>프록시 %1을(를) 거쳐 연결하는 중</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Ignoring certificate errors, as asked: %1</source>
        <translation>요청대로 인증서 오류를 무시합니다: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>TLS certificate verification of %1 failed: %2</source>
        <translation>%1의 TLS 인증서 검증에 실패했습니다: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot resolve the host name &apos;%1&apos;: %2</source>
        <translation>호스트 이름 &apos;%1&apos;을(를) 확인할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>%1과(와)의 TLS 핸드셰이크에 실패했습니다: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot connect to %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not connect to %1:%2 within %3 ms</source>
        <translation>%3ms 안에 %1:%2에 연결하지 못했습니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Giving up after %1 attempts</source>
        <translation>%1번 시도한 뒤 포기합니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reconnecting in %1 ms (attempt %2)</source>
        <translation>%1ms 뒤에 재연결합니다(%2번째 시도)</translation>
    </message>
</context>
<context>
    <name>ClientOptions</name>
    <message>
        <location filename="../app/cli/clientoptions.cpp" line="+16"/>
        <source>Extra request header (repeatable); replaces a default header of the same name.</source>
        <translation>추가 요청 헤더(여러 번 가능). 같은 이름의 기본 헤더를 대체합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Origin header to send.</source>
        <translation>보낼 Origin 헤더.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subprotocol to offer (repeatable, in order of preference).</source>
        <translation>제안할 서브프로토콜(여러 번 가능, 선호 순서대로).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer permessage-deflate (RFC 7692).</source>
        <translation>permessage-deflate를 제안합니다(RFC 7692).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wss: accept a certificate that does not verify (the errors are still shown).</source>
        <translation>wss: 검증되지 않는 인증서도 받아들입니다(오류는 그래도 표시됩니다).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wss: extra trusted CA certificates (PEM).</source>
        <translation>wss: 추가로 신뢰할 CA 인증서(PEM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wss: client certificate (PEM); needs --key.</source>
        <translation>wss: 클라이언트 인증서(PEM). --key가 필요합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wss: private key of --cert (PEM, unencrypted).</source>
        <translation>wss: --cert의 개인 키(PEM, 암호화되지 않은 것).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wss: client certificate and key in one PKCS#12 file.</source>
        <translation>wss: 클라이언트 인증서와 키가 함께 든 PKCS#12 파일.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password of --pkcs12.</source>
        <translation>--pkcs12의 비밀번호.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect through http://host:port (HTTP CONNECT) or socks5://host:port; &apos;env&apos; uses https_proxy / http_proxy / all_proxy / no_proxy.</source>
        <translation>http://host:port (HTTP CONNECT) 또는 socks5://host:port를 거쳐 연결합니다. &apos;env&apos;는 https_proxy / http_proxy / all_proxy / no_proxy를 씁니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fail the connection on any violation, as RFC 6455 asks (the default).</source>
        <translation>RFC 6455가 요구하는 대로 위반이 있으면 연결을 실패 처리합니다(기본값).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report violations but keep the connection open.</source>
        <translation>위반을 보고하되 연결은 유지합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest incoming message in bytes (default %1); larger ones fail the connection with 1009.</source>
        <translation>받을 최대 메시지 크기(바이트, 기본값 %1). 더 크면 1009로 연결을 실패 처리합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send a keepalive ping every MS milliseconds and show the round trip.</source>
        <translation>MS밀리초마다 연결 유지 핑을 보내고 왕복 시간을 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>-H &apos;%1&apos; is not a header: write it as &apos;Name: value&apos;</source>
        <translation>-H &apos;%1&apos;은(는) 헤더가 아닙니다: &apos;Name: value&apos; 형식으로 쓰세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-H &apos;%1&apos;: the value holds a line break or another control character</source>
        <translation>-H &apos;%1&apos;: 값에 줄바꿈이나 다른 제어 문자가 있습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--origin &apos;%1&apos; is not a valid header value</source>
        <translation>--origin &apos;%1&apos;은(는) 올바른 헤더 값이 아닙니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--subprotocol &apos;%1&apos; is not a token (RFC 6455 §4.1: no spaces, commas or quotes)</source>
        <translation>--subprotocol &apos;%1&apos;은(는) 토큰이 아닙니다(RFC 6455 §4.1: 공백, 쉼표, 따옴표 불가)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--insecure, --cacert, --cert, --key and --pkcs12 are for wss:// URLs</source>
        <translation>--insecure, --cacert, --cert, --key, --pkcs12는 wss:// URL에만 씁니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--cert and --key go together: give both</source>
        <translation>--cert와 --key는 함께 씁니다: 둘 다 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give either --pkcs12 or --cert and --key, not both</source>
        <translation>--pkcs12와 --cert/--key 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--pkcs12-password needs --pkcs12</source>
        <translation>--pkcs12-password에는 --pkcs12가 필요합니다</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--proxy: %1</source>
        <translation>--proxy: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>give either --strict or --lenient, not both</source>
        <translation>--strict와 --lenient 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--ping-interval must be a positive number of milliseconds, not &apos;%1&apos;</source>
        <translation>--ping-interval 값은 양수 밀리초여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--max-message must be a positive number of bytes, not &apos;%1&apos;</source>
        <translation>--max-message 값은 양수 바이트 수여야 합니다: &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>ClientReplay</name>
    <message>
        <location filename="../app/session/replay.cpp" line="+504"/>
        <source>send %1 of %2 failed: %3</source>
        <translation>%2개 중 %1번째 보내기 실패: %3</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>the server did not close within %1 s, as it did in the recording: closing with 1000</source>
        <translation>녹화에서는 서버가 종료했지만 이번에는 %1초 안에 종료하지 않았습니다: 1000으로 종료합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only %1 of the %2 recorded replies arrived within %3 s of the last send; not waiting any longer</source>
        <translation>마지막으로 보낸 뒤 %3초 안에 녹화된 응답 %2개 중 %1개만 도착했습니다. 더 기다리지 않습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>send %1 of %2 waited %3 s for reply %4, which did not come: sending anyway</source>
        <translation>%2개 중 %1번째 보내기: 응답 %4을(를) %3초 동안 기다렸지만 오지 않아 그대로 보냅니다</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>stopped after %1 of %2 sends: closing with 1000</source>
        <translation>%2개 중 %1개를 보내고 중지했습니다: 1000으로 종료합니다</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+82"/>
        <source>Replay: %1</source>
        <translation>재생: %1</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>stopped before the connection was open</source>
        <translation>연결이 열리기 전에 중지했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not connect to %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped after %1 of %2 sends</source>
        <translation>%2개 중 %1개를 보내고 중지했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection closed after %1 of %2 sends</source>
        <translation>%2개 중 %1개를 보낸 뒤 연결이 종료되었습니다</translation>
    </message>
</context>
<context>
    <name>ClientTab</name>
    <message>
        <location filename="../ui/workspace/clienttab.cpp" line="+233"/>
        <source>New Connection</source>
        <translation>새 연결</translation>
    </message>
    <message>
        <location line="+239"/>
        <source>Not sent: %1</source>
        <translation>보내지 못했습니다: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Closed (%1 %2)</source>
        <translation>종료됨 (%1 %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed (%1 %2: %3)</source>
        <translation>종료됨 (%1 %2: %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting</source>
        <translation>재연결 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Disconnect</source>
        <translation>연결 끊기(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>ws://host:port/path or wss://…</source>
        <translation>ws://host:port/path 또는 wss://…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket URL (Return connects)</source>
        <translation>웹소켓 URL (Enter 키를 누르면 연결)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the timeline</source>
        <translation>타임라인 지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request Settings</source>
        <translation>요청 설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the request settings</source>
        <translation>요청 설정을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Composer</source>
        <translation>작성기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
</context>
<context>
    <name>ClientTabSettings</name>
    <message>
        <location filename="../ui/workspace/clienttabsettings.cpp" line="+111"/>
        <source>The URL cannot be used: %1</source>
        <translation>URL을 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header name “%1” is not a valid HTTP token.</source>
        <translation>헤더 이름 “%1”은(는) 올바른 HTTP 토큰이 아닙니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The value of the header “%1” contains a line break.</source>
        <translation>헤더 “%1”의 값에 줄바꿈이 있습니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The %1 file “%2” does not exist or cannot be read.</source>
        <translation>%1 파일 “%2”이(가) 없거나 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA certificate</source>
        <translation>CA 인증서</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>private key</source>
        <translation>개인 키</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A client certificate needs its private key file too.</source>
        <translation>클라이언트 인증서에는 개인 키 파일도 필요합니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Give the proxy URL, or choose no proxy.</source>
        <translation>프록시 URL을 입력하거나, 프록시 없음을 선택하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proxy cannot be used: %1</source>
        <translation>프록시를 사용할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>CloseCodes</name>
    <message>
        <location filename="../app/protocol/closecode.cpp" line="+56"/>
        <source>The purpose for which the connection was established has been fulfilled.</source>
        <translation>연결을 수립한 목적이 달성되었습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The endpoint is going away, such as a server shutting down or a browser leaving the page.</source>
        <translation>서버가 종료되거나 브라우저가 페이지를 떠나는 등 엔드포인트가 사라집니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The endpoint is terminating the connection due to a protocol error.</source>
        <translation>프로토콜 오류 때문에 엔드포인트가 연결을 종료합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The endpoint received a type of data it cannot accept.</source>
        <translation>엔드포인트가 받아들일 수 없는 유형의 데이터를 받았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved; must not be sent.</source>
        <translation>예약된 코드입니다. 보내면 안 됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No status code was present; must not be sent in a Close frame.</source>
        <translation>상태 코드가 없었음을 뜻합니다. Close 프레임으로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection was closed without a Close frame; must not be sent in a Close frame.</source>
        <translation>Close 프레임 없이 연결이 닫혔음을 뜻합니다. Close 프레임으로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The endpoint received data that was not consistent with the type of the message (for example, invalid UTF-8 in a text message).</source>
        <translation>엔드포인트가 메시지 유형과 맞지 않는 데이터를 받았습니다(예: 텍스트 메시지 안의 잘못된 UTF-8).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The endpoint received a message that violates its policy.</source>
        <translation>엔드포인트가 자신의 정책을 위반하는 메시지를 받았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The endpoint received a message that is too big for it to process.</source>
        <translation>엔드포인트가 처리하기에 너무 큰 메시지를 받았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client expected the server to negotiate one or more extensions, but it did not.</source>
        <translation>클라이언트는 서버가 하나 이상의 확장을 협상하기를 기대했지만 서버는 협상하지 않았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server encountered an unexpected condition that prevented it from fulfilling the request.</source>
        <translation>서버가 예상하지 못한 상황을 만나 요청을 처리하지 못했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The service is restarting.</source>
        <translation>서비스가 재시작하는 중입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The service is overloaded; try again later.</source>
        <translation>서비스가 과부하 상태입니다. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A gateway or proxy received an invalid response from the upstream server.</source>
        <translation>게이트웨이 또는 프록시가 업스트림 서버로부터 잘못된 응답을 받았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS handshake failed; must not be sent in a Close frame.</source>
        <translation>TLS 핸드셰이크가 실패했음을 뜻합니다. Close 프레임으로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registered with IANA for use by libraries, frameworks and applications.</source>
        <translation>라이브러리, 프레임워크, 애플리케이션이 쓰도록 IANA에 등록된 범위입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved for private use by applications.</source>
        <translation>애플리케이션이 사적으로 쓰도록 예약된 범위입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not assigned; must not be sent in a Close frame.</source>
        <translation>할당되지 않은 코드입니다. Close 프레임으로 보내면 안 됩니다.</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../ui/inspector/closepage.cpp" line="+36"/>
        <source>The connection has not closed, and the selection is not a Close frame.</source>
        <translation>연결이 종료되지 않았고, 선택한 항목도 Close 프레임이 아닙니다.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Connection closed</source>
        <translation>연결 종료됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed by</source>
        <translation>종료한 쪽</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <location line="+6"/>
        <location line="+7"/>
        <source>Close code</source>
        <translation>종료 코드</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+42"/>
        <source>Meaning</source>
        <translation>의미</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+43"/>
        <source>Reason</source>
        <translation>종료 사유</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+43"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Closing handshake</source>
        <translation>종료 핸드셰이크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed: Close frames went both ways</source>
        <translation>완료: 양쪽이 Close 프레임을 주고받았습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not completed: Close frames did not go both ways</source>
        <translation>미완료: Close 프레임이 양방향으로 오가지 않았습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ending</source>
        <translation>종료 방식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abnormal: the TCP connection ended without a completed closing handshake</source>
        <translation>비정상: 종료 핸드셰이크를 마치지 못한 채 TCP 연결이 끊겼습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code we sent</source>
        <translation>이쪽이 보낸 코드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (no Close frame, or one without a code)</source>
        <translation>없음 (Close 프레임을 보내지 않았거나 코드 없이 보냄)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close frame</source>
        <translation>Close 프레임</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none: an empty Close frame (the other side reports %1)</source>
        <translation>없음: 빈 Close 프레임 (상대 쪽에서는 %1(으)로 보고됨)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>malformed: a 1-byte close payload (%1)</source>
        <translation>잘못된 형식: 1바이트 close 페이로드 (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Valid on the wire</source>
        <translation>전송 가능 여부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No: RFC 6455 §7.4.1 does not allow this code in a Close frame</source>
        <translation>아니요: RFC 6455 §7.4.1은 이 코드를 Close 프레임에 쓰는 것을 허용하지 않습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason encoding</source>
        <translation>종료 사유 인코딩</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not valid UTF-8 (RFC 6455 §5.5.1)</source>
        <translation>올바른 UTF-8이 아님 (RFC 6455 §5.5.1)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../ui/mainwindow/commandline.cpp" line="+85"/>
        <source>User interface language: %1 (default: the one chosen in Preferences, or the system&apos;s).</source>
        <translation>사용자 인터페이스 언어: %1 (기본값: 설정에서 고른 언어, 없으면 시스템 언어).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a server tab listening on 127.0.0.1 at this port (0 picks a free one).</source>
        <translation>127.0.0.1의 이 포트에서 수신 대기하는 서버 탭을 엽니다(0이면 빈 포트를 고릅니다).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start with these bytes, written as hex (e.g. &quot;81 05 48 65 6c 6c 6f&quot;).</source>
        <translation>16진수로 쓴 이 바이트로 시작합니다(예: &quot;81 05 48 65 6c 6c 6f&quot;).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who sent the bytes: client or server (default: client).</source>
        <translation>바이트를 보낸 쪽: client 또는 server (기본값: client).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agreed Sec-WebSocket-Extensions value, e.g. &quot;permessage-deflate; server_no_context_takeover&quot;.</source>
        <translation>합의된 Sec-WebSocket-Extensions 값(예: &quot;permessage-deflate; server_no_context_takeover&quot;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select this frame (numbered from 0) to show its details.</source>
        <translation>이 프레임(0부터 번호를 매김)을 선택해 상세 정보를 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a picture of the window to this PNG file once it is shown, then quit (for documentation).</source>
        <translation>창이 표시되면 창 이미지를 이 PNG 파일로 저장하고 종료합니다(문서용).</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>give at most one URL or bytes file</source>
        <translation>URL이나 바이트 파일은 하나만 주세요</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not a WebSocket URL: %2</source>
        <translation>“%1”은(는) 웹소켓 URL이 아닙니다: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--help or --version was given</source>
        <translation>--help 또는 --version이 주어졌습니다</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>unknown language “%1”; use one of: %2</source>
        <translation>알 수 없는 언어 “%1”입니다. 다음 중 하나를 쓰세요: %2</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Frameline, a WebSocket debugger: connect to WebSocket servers, run local ones, and see every frame, message and handshake. With a URL it opens a client tab and connects; with --server it opens a server tab and listens; with a session or HAR file it opens it read-only; with any other file or --decode-hex it opens the frame decoder. With nothing, it reopens the tabs of last time (or, the first time, a tab connected to its own echo server).</source>
        <translation>Frameline, 웹소켓 디버거입니다: 웹소켓 서버에 연결하고, 로컬 서버를 실행하고, 모든 프레임, 메시지, 핸드셰이크를 볼 수 있습니다. URL을 주면 클라이언트 탭을 열어 연결하고, --server를 주면 서버 탭을 열어 수신 대기하며, 세션이나 HAR 파일을 주면 읽기 전용으로 열고, 그 밖의 파일이나 --decode-hex를 주면 프레임 디코더를 엽니다. 아무것도 주지 않으면 지난번 탭을 다시 엽니다(처음 실행할 때는 자체 에코 서버에 연결된 탭을 엽니다).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>A ws:// or wss:// URL to connect to, a session or HAR file to open read-only, or a file of raw bytes to decode (instead of --decode-hex).</source>
        <translation>연결할 ws:// 또는 wss:// URL, 읽기 전용으로 열 세션 또는 HAR 파일, 또는 디코딩할 원시 바이트 파일(--decode-hex 대신).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--server takes a port from 0 to 65535, not “%1”</source>
        <translation>--server 값은 0에서 65535 사이의 포트여야 합니다: “%1”</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--from takes client or server, not “%1”</source>
        <translation>--from 값은 client 또는 server여야 합니다: “%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--select-frame takes a frame number from 0, not “%1”</source>
        <translation>--select-frame 값은 0 이상의 프레임 번호여야 합니다: “%1”</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>give either a bytes file or --decode-hex, not both</source>
        <translation>바이트 파일과 --decode-hex 중 하나만 주세요</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../app/session/compare.cpp" line="+95"/>
        <source>(end)</source>
        <translation>(끝)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opcode %1</source>
        <translation>opcode %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, %2 B</source>
        <translation>%1, %2 B</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>&apos;%1&apos; is not a JSONPath this understands: %2</source>
        <translation>&apos;%1&apos;은(는) 이해할 수 있는 JSONPath가 아닙니다: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it must start with $ (for example $.timestamp, $.items[*].id or $..id)</source>
        <translation>$로 시작해야 합니다(예: $.timestamp, $.items[*].id, $..id)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a name, * or [ is missing after the dot at the end</source>
        <translation>끝의 점 뒤에 이름, * 또는 [가 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;.[&apos; at offset %1: write [ without the dot</source>
        <translation>오프셋 %1의 &apos;.[&apos;: 점 없이 [를 쓰세요</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unexpected &apos;%1&apos; at offset %2 (a member name in brackets can hold any character: [&apos;%1&apos;])</source>
        <translation>오프셋 %2에 예상하지 못한 &apos;%1&apos;이(가) 있습니다(대괄호 안의 멤버 이름에는 어떤 문자든 쓸 수 있습니다: [&apos;%1&apos;])</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected &apos;%1&apos; at offset %2: expected &apos;.&apos; or &apos;[&apos;</source>
        <translation>오프셋 %2에 예상하지 못한 &apos;%1&apos;이(가) 있습니다: &apos;.&apos; 또는 &apos;[&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;]&apos; is missing at the end</source>
        <translation>끝에 &apos;]&apos;가 없습니다</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the quoted name that starts at offset %1 has no closing %2</source>
        <translation>오프셋 %1에서 시작하는 따옴표 이름을 닫는 %2가 없습니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected an index, * or a quoted name after &apos;[&apos; at offset %1</source>
        <translation>오프셋 %1의 &apos;[&apos; 뒤에는 인덱스, * 또는 따옴표로 감싼 이름이 와야 합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the index at offset %1 is too large</source>
        <translation>오프셋 %1의 인덱스가 너무 큽니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;]&apos; is missing at offset %1</source>
        <translation>오프셋 %1에 &apos;]&apos;가 없습니다</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>recorded %1, replayed %2</source>
        <translation>기록 %1, 재생 %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: recorded %2, replayed %3</source>
        <translation>%1: 기록 %2, 재생 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: only in the recording: %2</source>
        <translation>%1: 녹화에만 있음: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: only in the replay: %2</source>
        <translation>%1: 재생에만 있음: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON differs:</source>
        <translation>JSON이 다릅니다:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>text differs from character %1 on (length in characters: recorded %2, replayed %3):</source>
        <translation>%1번째 문자부터 텍스트가 다릅니다(문자 수: 기록 %2, 재생 %3):</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source>recorded %1</source>
        <translation>기록 %1</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>replayed %1</source>
        <translation>재생 %1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>bytes differ from offset %1 on (length: recorded %2 B, replayed %3 B):</source>
        <translation>오프셋 %1부터 바이트가 다릅니다(길이: 기록 %2 B, 재생 %3 B):</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the replay did not receive it: %1</source>
        <translation>재생에서 받지 못함: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not in the recording: %1</source>
        <translation>녹화에 없음: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PASS: %1 recorded, %2 replayed, all equal</source>
        <translation>통과: 기록 %1개, 재생 %2개, 모두 같음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FAIL: %1 recorded, %2 replayed: %3 equal, %4 different, %5 missing, %6 extra</source>
        <translation>실패: 기록 %1개, 재생 %2개: 같음 %3, 다름 %4, 누락 %5, 추가 %6</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>message #%1 differs</source>
        <translation>메시지 #%1 다름</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>message #%1 missing</source>
        <translation>메시지 #%1 누락</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>message #%1 extra</source>
        <translation>메시지 #%1 추가됨</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../ui/session/comparemodel.cpp" line="+48"/>
        <source>Equal</source>
        <translation>같음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Different</source>
        <translation>다름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing</source>
        <translation>누락</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra</source>
        <translation>추가</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 equal, %2 different, %3 missing, %4 extra — %5</source>
        <translation>같음 %1, 다름 %2, 누락 %3, 추가 %4 — %5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PASS</source>
        <translation>통과</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAIL</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>binary, %1 B: %2</source>
        <translation>바이너리, %1 B: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not received by the replay</source>
        <translation>재생에서 받지 못함</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not in the recording</source>
        <translation>녹화에 없음</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 against %2</source>
        <translation>%1 대 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>text from character %1</source>
        <translation>%1번째 문자부터 텍스트 다름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes from offset %1</source>
        <translation>오프셋 %1부터 바이트 다름</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded</source>
        <translation>기록</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replayed</source>
        <translation>재생</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
</context>
<context>
    <name>CompareWidget</name>
    <message>
        <location filename="../ui/session/comparewidget.cpp" line="+203"/>
        <source>Ignored: %1</source>
        <translation>무시: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Comparison Report</source>
        <translation>비교 보고서 저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot Save Report</source>
        <translation>보고서를 저장할 수 없음</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not used:
%1</source>
        <translation>사용되지 않음:
%1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Recorded message %1</source>
        <translation>녹화된 메시지 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recorded</source>
        <translation>기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replayed message %1</source>
        <translation>재생된 메시지 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replayed</source>
        <translation>재생</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not in the recording</source>
        <translation>녹화에 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not received by the replay</source>
        <translation>재생에서 받지 못함</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing compared yet</source>
        <translation>아직 비교한 내용이 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (ignoring %2)</source>
        <translation>%1 (%2 무시)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Copy Report</source>
        <translation>보고서 복사(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the differences and the summary to the clipboard</source>
        <translation>차이점과 요약을 클립보드에 복사합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ve Report…</source>
        <translation>보고서 저장(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the differences and the summary as a text file</source>
        <translation>차이점과 요약을 텍스트 파일로 저장합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ignore these JSON paths (one per line, e.g. $.ts or $..id):</source>
        <translation>무시할 JSON 경로(&amp;I) (한 줄에 하나, 예: $.ts 또는 $..id):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.timestamp
$..id
$.items[*].ts</source>
        <translation>$.timestamp
$..id
$.items[*].ts</translation>
    </message>
</context>
<context>
    <name>ComposerWidget</name>
    <message>
        <location filename="../ui/composer/composerwidget.cpp" line="+651"/>
        <source>Mode:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1359"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="-1358"/>
        <location line="+1361"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="-1360"/>
        <source>Binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text and JSON are sent as a text message (opcode 1) and may contain variables; Binary as a binary message (opcode 2)</source>
        <translation>텍스트와 JSON은 텍스트 메시지(opcode 1)로 보내며 변수를 쓸 수 있습니다. 바이너리는 바이너리 메시지(opcode 2)로 보냅니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1360"/>
        <source>Hex</source>
        <translation>16진수</translation>
    </message>
    <message>
        <location line="-1359"/>
        <location line="+1360"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="-1359"/>
        <location line="+1360"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="-1358"/>
        <source>How the binary payload is given: hex digits (any spacing, &quot;0x&quot; allowed), base64, or a file read at each send</source>
        <translation>바이너리 페이로드를 입력하는 방식: 16진수 숫자(공백 자유, &quot;0x&quot; 허용), base64, 또는 보낼 때마다 읽는 파일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File to send</source>
        <translation>보낼 파일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is read again at each send (at most %1)</source>
        <translation>보낼 때마다 파일을 다시 읽습니다(최대 %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the file to send</source>
        <translation>보낼 파일을 선택합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretty</source>
        <translation>들여쓰기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indent the JSON, one member per line (only whitespace changes; undo with %1)</source>
        <translation>JSON을 들여 쓰고 멤버를 한 줄에 하나씩 놓습니다(공백만 바뀝니다. %1(으)로 되돌릴 수 있습니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compact</source>
        <translation>공백 제거</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the whitespace between the JSON tokens (strings stay as they are)</source>
        <translation>JSON 토큰 사이의 공백을 없앱니다(문자열은 그대로 둡니다)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables</source>
        <translation>변수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a variable at the cursor; variables are replaced at each send in Text and JSON mode</source>
        <translation>커서 위치에 변수를 넣습니다. 텍스트와 JSON 형식에서는 보낼 때마다 변수를 값으로 바꿉니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved messages</source>
        <translation>저장한 메시지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a saved message into the editor</source>
        <translation>저장한 메시지를 편집기로 불러옵니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the editor&apos;s content under a name</source>
        <translation>편집기 내용에 이름을 붙여 저장합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected saved message</source>
        <translation>선택한 저장 메시지를 삭제합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced</source>
        <translation>고급</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Craft the frame header (FIN, RSV bits, opcode, masking, length) and fragments; frames that break RFC 6455 are sent with a warning</source>
        <translation>프레임 헤더(FIN, RSV 비트, opcode, 마스킹, 길이)와 조각을 직접 만듭니다. RFC 6455를 어기는 프레임은 경고와 함께 보냅니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payload. %1 sends; %2 and %3 recall the history.</source>
        <translation>페이로드입니다. %1을(를) 누르면 보내고, %2, %3(으)로 기록을 불러옵니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat:</source>
        <translation>반복:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many times to send</source>
        <translation>보낼 횟수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× every</source>
        <translation>회, 간격</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pause between two sends, in milliseconds</source>
        <translation>한 번 보내고 다음에 보낼 때까지의 간격(밀리초)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Control:</source>
        <translation>제어 프레임:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ping/Pong payload</source>
        <translation>Ping/Pong 페이로드</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>The messages sent from this tab; in the composer, %1 and %2 recall them</source>
        <translation>이 탭에서 보낸 메시지입니다. 작성기에서 %1, %2(으)로 다시 불러올 수 있습니다</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sent as UTF-8 text, at most 125 bytes (RFC 6455 §5.5). Variables are expanded as in the editor; {{counter}} gives the number of the next message without counting: only messages advance it, not control frames</source>
        <translation>UTF-8 텍스트로 보내며 최대 125바이트입니다(RFC 6455 §5.5). 변수는 편집기에서와 같이 치환됩니다. {{counter}}는 다음 메시지의 번호가 되지만 번호를 올리지는 않습니다: 번호는 메시지만 올리고 제어 프레임은 올리지 않습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ping</source>
        <translation>핑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a Ping frame with the payload; the peer must answer with a Pong</source>
        <translation>이 페이로드로 Ping 프레임을 보냅니다. 상대는 Pong으로 응답해야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pong</source>
        <translation>퐁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send an unsolicited Pong frame with the payload (a heartbeat that needs no answer)</source>
        <translation>요청받지 않은 Pong 프레임을 이 페이로드로 보냅니다(응답이 필요 없는 하트비트)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close:</source>
        <translation>종료:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A registered code from the list or any number from 0 to 65535 (3000-3999: registered with IANA, 4000-4999: private use); &quot;No code&quot; sends an empty Close body</source>
        <translation>목록의 등록된 코드, 또는 0에서 65535 사이의 아무 숫자(3000-3999: IANA 등록, 4000-4999: 사적 사용). &quot;코드 없음&quot;은 본문이 빈 Close 프레임을 보냅니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>종료 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-8 text, at most 123 bytes</source>
        <translation>UTF-8 텍스트, 최대 123바이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a Close frame with the code and the reason (the closing handshake starts)</source>
        <translation>이 종료 코드와 종료 사유로 Close 프레임을 보냅니다(종료 핸드셰이크가 시작됩니다)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Send the crafted frames (%1)</source>
        <translation>직접 만든 프레임을 보냅니다(%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the message (%1)</source>
        <translation>메시지를 보냅니다(%1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 %2 (must not be sent)</source>
        <translation>%1 %2 (보내면 안 됨)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No code</source>
        <translation>코드 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Close frame with an empty body; the peer reads it as 1005 No Status Received</source>
        <translation>본문이 빈 Close 프레임입니다. 상대는 이를 1005 No Status Received로 받아들입니다</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the connection closed</source>
        <translation>연결이 종료되었습니다</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Not converted: the text has variables, which a binary payload does not expand</source>
        <translation>변환하지 않음: 텍스트에 변수가 있지만 바이너리 페이로드에서는 변수를 치환하지 않습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not converted: the JSON is not valid; kept as typed</source>
        <translation>변환하지 않음: JSON이 올바르지 않아 입력한 그대로 둡니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not converted: the hex does not parse; kept as typed</source>
        <translation>변환하지 않음: 16진수를 해석할 수 없어 입력한 그대로 둡니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not converted: the base64 does not parse; kept as typed</source>
        <translation>변환하지 않음: base64를 해석할 수 없어 입력한 그대로 둡니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not valid UTF-8: kept as typed</source>
        <translation>올바른 UTF-8이 아니어서 입력한 그대로 둡니다</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat</source>
        <translation>반복</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop sending (the repeat and any fragments still waiting)</source>
        <translation>보내기를 중지합니다(반복과, 아직 보내지 않은 조각 모두)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the message the given number of times, with the pause between sends</source>
        <translation>정한 간격을 두고 메시지를 정한 횟수만큼 보냅니다</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>JSON: line %1, column %2: %3</source>
        <translation>JSON: %1행 %2열: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Hex: line %1, column %2: %3</source>
        <translation>16진수: %1행 %2열: %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base64: line %1, column %2: %3</source>
        <translation>Base64: %1행 %2열: %3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&quot;{{&quot; starts a variable but has no closing &quot;}}&quot;; write &quot;\{{&quot; for a literal &quot;{{&quot;</source>
        <translation>&quot;{{&quot;로 변수가 시작되지만 닫는 &quot;}}&quot;가 없습니다. &quot;{{&quot;를 문자 그대로 쓰려면 &quot;\{{&quot;로 쓰세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the length must be a whole number from 1 to %2, as in {{random:16}}</source>
        <translation>%1: 길이는 1에서 %2 사이의 정수여야 합니다(예: {{random:16}})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown variable %1; the variables are {{timestamp}}, {{timestamp:s}}, {{timestamp:iso}}, {{uuid}}, {{counter}} and {{random:N}}; write &quot;\{{&quot; for a literal &quot;{{&quot;</source>
        <translation>알 수 없는 변수 %1입니다. 쓸 수 있는 변수는 {{timestamp}}, {{timestamp:s}}, {{timestamp:iso}}, {{uuid}}, {{counter}}, {{random:N}}입니다. &quot;{{&quot;를 문자 그대로 쓰려면 &quot;\{{&quot;로 쓰세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Variables: line %1, column %2: %3</source>
        <translation>변수: %1행 %2열: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No file chosen. Type its path above or choose it with Browse…; the file is read at each send.</source>
        <translation>선택한 파일이 없습니다. 위에 경로를 입력하거나 찾아보기…로 선택하세요. 파일은 보낼 때마다 읽습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+113"/>
        <source>Choose a file to send</source>
        <translation>보낼 파일을 선택하세요</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>The file %1 does not exist</source>
        <translation>파일 %1이(가) 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a regular file</source>
        <translation>%1은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file %1 has %2 bytes, over the limit of %3 bytes</source>
        <translation>파일 %1의 크기가 %2바이트로, 제한 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1
%2
Modified %3

First bytes:
%4%5</source>
        <translation>%1
%2
수정 시각: %3

앞부분 바이트:
%4%5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, read again at each send</source>
        <translation>%1, 보낼 때마다 다시 읽음</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Valid JSON, %1 with the variables expanded</source>
        <translation>올바른 JSON, 변수 치환 후 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid JSON, %1</source>
        <translation>올바른 JSON, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 with the variables expanded</source>
        <translation>변수 치환 후 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type a JSON value</source>
        <translation>JSON 값을 입력하세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>JSON after expanding the variables: line %1, column %2: %3</source>
        <translation>변수 치환 후 JSON: %1행 %2열: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>1 rule violation</source>
        <translation>규칙 위반 1건</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 rule violations</source>
        <translation>규칙 위반 %1건</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+171"/>
        <location line="+19"/>
        <location line="+44"/>
        <location line="+40"/>
        <source>Not connected: there is nothing to send to</source>
        <translation>연결되지 않음: 보낼 대상이 없습니다</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>The Advanced settings give no frame to send</source>
        <translation>고급 설정에 따르면 보낼 프레임이 없습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sent a text message of %1</source>
        <translation>텍스트 메시지를 보냈습니다: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent a binary message of %1</source>
        <translation>바이너리 메시지를 보냈습니다: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+40"/>
        <source>Fragment %1 of %2…</source>
        <translation>조각 %2개 중 %1번째…</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Sent with %1</source>
        <translation>보냈습니다(%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent 1 crafted frame, %1 of payload</source>
        <translation>직접 만든 프레임 1개를 보냈습니다: 페이로드 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent %1 crafted frames, %2 of payload</source>
        <translation>직접 만든 프레임 %1개를 보냈습니다: 페이로드 %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Sent %1 fragments with %2</source>
        <translation>조각 %1개를 보냈습니다(%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent %1 fragments</source>
        <translation>조각 %1개를 보냈습니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stopped after fragment %1 of %2; the message was left unfinished</source>
        <translation>조각 %2개 중 %1번째까지 보내고 중지했습니다. 메시지는 끝나지 않은 채로 남았습니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ping/Pong payload: %1</source>
        <translation>Ping/Pong 페이로드: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Ping/Pong payload has %1 bytes; a control frame carries at most 125 (RFC 6455 §5.5); use Advanced to send a longer one anyway</source>
        <translation>Ping/Pong 페이로드가 %1바이트입니다. 제어 프레임의 페이로드는 최대 125바이트입니다(RFC 6455 §5.5). 그래도 더 긴 페이로드를 보내려면 고급 설정을 쓰세요</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1/%2 bytes</source>
        <translation>%1/%2바이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>?/%1 bytes</source>
        <translation>?/%1바이트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payload&apos;s size in bytes (variables expanded); a control frame carries at most 125</source>
        <translation>페이로드 크기(바이트, 변수 치환 후). 제어 프레임의 페이로드는 최대 125바이트입니다</translation>
    </message>
    <message>
        <location line="+401"/>
        <source>Saved as “%1”</source>
        <translation>“%1”(으)로 저장했습니다</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Deleted “%1”</source>
        <translation>“%1”을(를) 삭제했습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete Saved Message</source>
        <translation>저장한 메시지 삭제</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the saved message “%1”?</source>
        <translation>저장한 메시지 “%1”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+2"/>
        <source>Message %1</source>
        <translation>메시지 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location line="-458"/>
        <source>Sent a Ping with %1</source>
        <translation>Ping을 보냈습니다: 페이로드 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sent a Pong with %1</source>
        <translation>Pong을 보냈습니다: 페이로드 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The close code must be a number from 0 to 65535, a code from the list or &quot;No code&quot;</source>
        <translation>종료 코드는 0에서 65535 사이의 숫자, 목록의 코드, 또는 &quot;코드 없음&quot;이어야 합니다</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The reason has %1 bytes in UTF-8; a Close frame carries at most 123 after the code (RFC 6455 §5.5)</source>
        <translation>종료 사유가 UTF-8로 %1바이트입니다. Close 프레임에는 코드 뒤에 최대 123바이트까지 들어갑니다(RFC 6455 §5.5)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A reason needs a close code (RFC 6455 §5.5.1): choose a code or clear the reason</source>
        <translation>종료 사유에는 종료 코드가 필요합니다(RFC 6455 §5.5.1): 코드를 선택하거나 종료 사유를 지우세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent a Close frame without a code</source>
        <translation>코드 없이 Close 프레임을 보냈습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent a Close frame with %1 %2</source>
        <translation>%1 %2(으)로 Close 프레임을 보냈습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must not be sent in a Close frame (RFC 6455 §7.4.1); sent anyway</source>
        <translation>%1은(는) Close 프레임으로 보내면 안 되는 코드지만(RFC 6455 §7.4.1) 그대로 보냈습니다</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Repeat stopped after %1 of %2 sends</source>
        <translation>반복 중지: %2번 중 %1번 보냈습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat stopped after %1 of %2 sends: %3</source>
        <translation>반복 중지: %2번 중 %1번 보냈습니다: %3</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Repeat done: sent once</source>
        <translation>반복 완료: 1번 보냈습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat done: sent %1 times</source>
        <translation>반복 완료: %1번 보냈습니다</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Repeat: sent %1 of %2</source>
        <translation>반복: %2번 중 %1번 보냈습니다</translation>
    </message>
    <message>
        <location line="+320"/>
        <source>Save Message</source>
        <translation>메시지 저장</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A saved message needs a name</source>
        <translation>저장할 메시지에는 이름이 필요합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace Saved Message</source>
        <translation>저장한 메시지 대체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A message named “%1” is already saved. Replace it?</source>
        <translation>“%1”(이)라는 이름의 메시지가 이미 저장되어 있습니다. 대체할까요?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing sent yet</source>
        <translation>아직 보낸 메시지 없음</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Clear History</source>
        <translation>기록 지우기</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Choose the File to Send</source>
        <translation>보낼 파일 선택</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <location filename="../app/cli/connectcommand.cpp" line="+145"/>
        <source>--close-after %1 ms elapsed: closing with 1000</source>
        <translation>--close-after %1ms가 지났습니다: 1000으로 종료합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the connection did not end in time; giving up</source>
        <translation>연결이 제시간에 끝나지 않아 포기합니다</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+74"/>
        <source>end of standard input: closing with 1000</source>
        <translation>표준 입력이 끝났습니다: 1000으로 종료합니다</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>--timeout %1 s reached: closing with 1000</source>
        <translation>--timeout %1초에 도달했습니다: 1000으로 종료합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--timeout %1 s reached before the connection was open</source>
        <translation>연결이 열리기 전에 --timeout %1초에 도달했습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 again: dropping the connection</source>
        <translation>%1을(를) 다시 받았습니다: 연결을 끊습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: closing with 1000 (send it again to drop the connection)</source>
        <translation>%1: 1000으로 종료합니다(한 번 더 보내면 연결을 바로 끊습니다)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Open a ws:// or wss:// connection, send messages and print every event</source>
        <translation>ws:// 또는 wss:// 연결을 열고 메시지를 보내며 모든 이벤트를 출력합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>frameline-cli connect: %1 (see &apos;frameline-cli connect --help&apos;)</source>
        <translation>frameline-cli connect: %1 (&apos;frameline-cli connect --help&apos; 참고)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>
Opens the connection, sends the --send and --send-binary messages in the order
given once it is open, and prints each event on one line until the connection
ends: states, the opening handshake (status, subprotocol, extensions), TLS,
every frame and message both ways, violations of RFC 6455 / RFC 7692 (marked
!!), ping round trips and errors. With --json each event is a JSON object;
frames and messages carry the fields of &apos;frameline-cli decode&apos;.

The connection is closed with 1000 after --close-after, at --timeout, at the
end of standard input (--interactive) or on SIGINT/SIGTERM (a second signal
drops it at once).

With --record FILE every event also goes to a session file (docs/session-
format.md) as it happens; the file reaches the disk at least every 200 ms, so
even a killed process leaves a file that &apos;frameline-cli info&apos; and the desktop
app open.

Exit status: 0 after a clean close (the closing handshake completed with 1000,
1001, no code or 3000-4999); 1 when the connection failed (handshake refused,
connection error, abnormal closure, an error close code, or --timeout before it
opened) or the --record file could not be written; 2 for bad arguments (or a
--record file that cannot be created).</source>
        <translation>
연결을 열고, 연결되면 --send와 --send-binary 메시지를 주어진 순서대로
보낸 뒤, 연결이 끝날 때까지 각 이벤트를 한 줄씩 출력합니다: 상태, 연결
핸드셰이크(상태 코드, 서브프로토콜, 확장), TLS, 양방향의 모든 프레임과
메시지, RFC 6455 / RFC 7692 프로토콜 위반(!!로 표시), 핑 왕복 시간, 오류.
--json을 주면 각 이벤트가 JSON 객체 한 줄이 되며, 프레임과 메시지에는
&apos;frameline-cli decode&apos;와 같은 필드가 들어갑니다.

연결은 --close-after가 지나면, --timeout에 이르면, 표준 입력이 끝나면
(--interactive), 또는 SIGINT/SIGTERM을 받으면 1000으로 종료됩니다(두 번째
신호는 즉시 연결을 끊습니다).

--record FILE을 주면 모든 이벤트를 발생하는 즉시 세션 파일(docs/session-
format.md)에도 기록합니다. 파일은 적어도 200ms마다 디스크에 쓰이므로,
프로세스가 강제 종료되어도 &apos;frameline-cli info&apos;와 데스크톱 앱에서 열 수
있는 파일이 남습니다.

종료 상태: 정상 종료(1000, 1001, 코드 없음, 3000-4999로 종료 핸드셰이크
완료) 후 0, 연결 실패(핸드셰이크 거부, 연결 오류, 비정상 종료, 오류 종료
코드, 연결 전 --timeout) 또는 --record 파일에 쓸 수 없었을 때 1, 잘못된
인수(또는 만들 수 없는 --record 파일)는 2.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ws://host[:port]/path or wss://...; &apos;host:port/path&apos; means ws://.</source>
        <translation>ws://host[:port]/path 또는 wss://...; &apos;host:port/path&apos;는 ws://로 봅니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text message to send once open (repeatable).</source>
        <translation>연결되면 보낼 텍스트 메시지(여러 번 가능).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary message to send once open, as hex (repeatable).</source>
        <translation>연결되면 보낼 바이너리 메시지, 16진수(여러 번 가능).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close with 1000 this many milliseconds after the connection opened.</source>
        <translation>연결이 열린 뒤 이 밀리초가 지나면 1000으로 종료합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End the run after S seconds (decimals allowed): close with 1000 if open, give up otherwise.</source>
        <translation>S초 뒤에 실행을 끝냅니다(소수 가능): 연결되어 있으면 1000으로 종료하고, 아니면 포기합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dial again after an abnormal closure, waiting 1 s, 2 s, 4 s ... up to 30 s.</source>
        <translation>비정상 종료 뒤 다시 연결합니다. 1초, 2초, 4초 ... 최대 30초까지 기다립니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --reconnect: give up after N attempts (default: no limit).</source>
        <translation>--reconnect와 함께: N번 시도한 뒤 포기합니다(기본값: 제한 없음).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send each line of standard input as a text message; the end of input closes with 1000.</source>
        <translation>표준 입력의 각 줄을 텍스트 메시지로 보냅니다. 입력이 끝나면 1000으로 종료합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one JSON object per event.</source>
        <translation>이벤트마다 JSON 객체 하나를 출력합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also print the raw handshake request and response.</source>
        <translation>핸드셰이크의 원본 요청과 응답도 출력합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write every event to this session file (replaced) as it happens.</source>
        <translation>모든 이벤트를 발생하는 즉시 이 세션 파일에도 기록합니다(기존 파일은 대체).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no URL: give the ws:// or wss:// URL to connect to</source>
        <translation>URL이 없습니다: 연결할 ws:// 또는 wss:// URL을 주세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give one URL, not %1: %2</source>
        <translation>URL은 %1개가 아니라 하나만 주세요: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>--send-binary &apos;%1&apos; is not hex (two digits per byte; spaces and &apos;:&apos; allowed)</source>
        <translation>--send-binary &apos;%1&apos;은(는) 16진수가 아닙니다(바이트마다 두 자리, 공백과 &apos;:&apos; 허용)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--close-after must be a number of milliseconds, not &apos;%1&apos;</source>
        <translation>--close-after 값은 밀리초 수여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--reconnect-attempts needs --reconnect</source>
        <translation>--reconnect-attempts에는 --reconnect가 필요합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--reconnect-attempts must be a positive number, not &apos;%1&apos;</source>
        <translation>--reconnect-attempts 값은 양수여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--record needs a file name</source>
        <translation>--record에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frameline-cli connect: %1</source>
        <translation>frameline-cli connect: %1</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../app/net/connection.cpp" line="+236"/>
        <source>The opening handshake request cannot be built: %1</source>
        <translation>연결 핸드셰이크 요청을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The opening handshake failed: %1</source>
        <translation>연결 핸드셰이크에 실패했습니다: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The opening handshake was refused: %1</source>
        <translation>연결 핸드셰이크가 거부되었습니다: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The opening handshake timed out after %1 ms</source>
        <translation>연결 핸드셰이크가 %1ms 뒤 타임아웃되었습니다</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Lenient mode: kept the connection open despite %1 (a strict endpoint closes with %2)</source>
        <translation>관대 모드: %1에도 연결을 유지했습니다(엄격한 엔드포인트라면 %2(으)로 종료)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Strict mode: failing the connection with %1 %2 because of %3 (%4): %5</source>
        <translation>엄격 모드: %3 때문에 %1 %2(으)로 연결을 종료합니다 (%4): %5</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Closed before the connection was open</source>
        <translation>연결이 열리기 전에 닫혔습니다</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The peer did not finish the closing handshake within %1 ms; dropping the TCP connection</source>
        <translation>상대가 %1ms 안에 종료 핸드셰이크를 마치지 않아 TCP 연결을 끊습니다</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The connection is closing; nothing more can be sent</source>
        <translation>연결을 종료하는 중이라 더 보낼 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection is not open</source>
        <translation>연결이 열려 있지 않습니다</translation>
    </message>
</context>
<context>
    <name>ConnectionText</name>
    <message>
        <location filename="../app/net/connectionevent.cpp" line="+9"/>
        <source>Idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolving</source>
        <translation>이름 확인 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS handshake</source>
        <translation>TLS 핸드셰이크</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening handshake</source>
        <translation>연결 핸드셰이크</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing</source>
        <translation>종료 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>종료됨</translation>
    </message>
</context>
<context>
    <name>DecodeCommand</name>
    <message>
        <location filename="../app/cli/decodecommand.cpp" line="+37"/>
        <source>--hex: &apos;%1&apos; at position %2 is not a hex digit</source>
        <translation>--hex: 위치 %2의 &apos;%1&apos;은(는) 16진수 숫자가 아닙니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--hex: odd number of hex digits (%1); every byte needs two</source>
        <translation>--hex: 16진수 숫자 개수가 홀수입니다(%1개). 바이트마다 두 자리가 필요합니다</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Decode a raw WebSocket byte stream into frames and messages (JSON lines)</source>
        <translation>원시 웹소켓 바이트 스트림을 프레임과 메시지로 디코딩합니다(JSON 줄)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Try &apos;frameline-cli decode --help&apos;.</source>
        <translation>&apos;frameline-cli decode --help&apos;를 실행해 보세요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>
Reads the bytes one endpoint sent after the opening handshake (from --hex, FILE, or - for standard input) and prints one JSON object per line:
  {&quot;type&quot;:&quot;frame&quot;,...}    every frame: offset, FIN, RSV1-3, opcode, mask key, payload length
                          and its length form (7, 16 or 64), header and payload hex, text,
                          close code and reason, and every RFC 6455 / RFC 7692 violation
  {&quot;type&quot;:&quot;message&quot;,...}  every completed data message (inflated if compressed)
  {&quot;type&quot;:&quot;end&quot;,...}      totals: frames, messages, violations, trailing bytes

Exit status: 0 for a clean stream, 1 when the stream breaks a rule (it is still decoded as far
as possible), 2 for bad arguments or unreadable input.</source>
        <translation>
한쪽 엔드포인트가 연결 핸드셰이크 뒤에 보낸 바이트를 (--hex, FILE, 또는 표준 입력을 뜻하는 -에서) 읽어 한 줄에 JSON 객체 하나씩 출력합니다:
  {&quot;type&quot;:&quot;frame&quot;,...}    모든 프레임: 오프셋, FIN, RSV1-3, opcode, 마스킹 키, 페이로드 길이와
                          길이 형식(7, 16, 64), 헤더와 페이로드 16진수, 텍스트,
                          종료 코드와 종료 사유, 모든 RFC 6455 / RFC 7692 위반
  {&quot;type&quot;:&quot;message&quot;,...}  완성된 모든 데이터 메시지(압축되었으면 압축을 푼 것)
  {&quot;type&quot;:&quot;end&quot;,...}      합계: 프레임, 메시지, 위반, 남은 바이트

종료 상태: 문제없는 스트림은 0, 스트림이 규칙을 어기면 1(그래도 가능한 데까지
디코딩합니다), 잘못된 인수나 읽을 수 없는 입력은 2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>File with the raw bytes, or - for standard input.</source>
        <translation>원시 바이트가 담긴 파일, 또는 표준 입력을 뜻하는 -.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bytes as hex; spaces, &apos;:&apos; and 0x prefixes are allowed.</source>
        <translation>16진수로 쓴 바이트. 공백, &apos;:&apos;, 0x 접두사를 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who sent the bytes: client (frames must be masked) or server (frames must not be masked). Required.</source>
        <translation>바이트를 보낸 쪽: client(프레임을 마스크해야 함) 또는 server(프레임을 마스크하면 안 됨). 필수.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The negotiated Sec-WebSocket-Extensions value, e.g. &apos;permessage-deflate&apos; or &apos;permessage-deflate; server_no_context_takeover&apos;. Compressed messages are inflated.</source>
        <translation>협상된 Sec-WebSocket-Extensions 값(예: &apos;permessage-deflate&apos; 또는 &apos;permessage-deflate; server_no_context_takeover&apos;). 압축된 메시지는 압축을 풉니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Largest message in bytes (default %1); larger ones are a 1009 violation.</source>
        <translation>최대 메시지 크기(바이트, 기본값 %1). 이보다 크면 1009 위반입니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Largest frame payload in bytes (default %1); larger ones are a 1009 violation and their payload is skipped.</source>
        <translation>최대 프레임 페이로드 크기(바이트, 기본값 %1). 이보다 크면 1009 위반이며 페이로드는 건너뜁니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--from is required: say who sent the bytes (client or server)</source>
        <translation>--from이 필요합니다: 바이트를 보낸 쪽을 지정하세요(client 또는 server)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--from must be client or server, not &apos;%1&apos;</source>
        <translation>--from 값은 client 또는 server여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--max-message must be a positive number of bytes, not &apos;%1&apos;</source>
        <translation>--max-message 값은 양수 바이트 수여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--max-frame must be a positive number of bytes, not &apos;%1&apos;</source>
        <translation>--max-frame 값은 양수 바이트 수여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--deflate: %1</source>
        <translation>--deflate: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give one input, not %1: %2</source>
        <translation>입력은 %1개가 아니라 하나만 주세요: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give either --hex or a FILE, not both</source>
        <translation>--hex와 FILE 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no input: give --hex HEX, a FILE, or - for standard input</source>
        <translation>입력이 없습니다: --hex HEX, FILE, 또는 표준 입력을 뜻하는 -를 주세요</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot read standard input: %1</source>
        <translation>표준 입력을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>DecoderTab</name>
    <message>
        <location filename="../ui/workspace/decodertab.cpp" line="+23"/>
        <source>Frame Decoder</source>
        <translation>프레임 디코더</translation>
    </message>
</context>
<context>
    <name>DecoderWidget</name>
    <message>
        <location filename="../ui/decoder/decoderwidget.cpp" line="+171"/>
        <source>&amp;Bytes after the handshake, as hex:</source>
        <translation>핸드셰이크 이후의 바이트, 16진수(&amp;B):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste the bytes one endpoint sent after the opening handshake, as hex like the line above. Spaces, line breaks, commas and 0x prefixes are fine. Or open a file of raw bytes (File menu).</source>
        <translation>한쪽 엔드포인트가 연결 핸드셰이크 뒤에 보낸 바이트를 위 줄처럼 16진수로 붙여 넣으세요. 공백, 줄바꿈, 쉼표, 0x 접두사를 써도 됩니다. 원시 바이트 파일을 열 수도 있습니다(파일 메뉴).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sent by:</source>
        <translation>보낸 쪽(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client (frames must be masked)</source>
        <translation>클라이언트 (프레임을 마스크해야 함)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server (frames must not be masked)</source>
        <translation>서버 (프레임을 마스크하면 안 됨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed Sec-WebSocket-&amp;Extensions:</source>
        <translation>합의된 Sec-WebSocket-Extensions(&amp;E):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (e.g. permessage-deflate)</source>
        <translation>없음 (예: permessage-deflate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The permessage-deflate element of the server&apos;s Sec-WebSocket-Extensions response header, e.g.
permessage-deflate; server_no_context_takeover
With it, compressed messages are inflated and RSV1 is allowed on their first frame.</source>
        <translation>서버의 Sec-WebSocket-Extensions 응답 헤더에 있는 permessage-deflate 항목. 예:
permessage-deflate; server_no_context_takeover
이 값을 주면 압축된 메시지의 압축을 풀고, 그 첫 프레임의 RSV1을 허용합니다.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The file has %1 bytes; the decoder window reads at most %2.</source>
        <translation>파일 크기가 %1바이트입니다. 디코더 창은 최대 %2바이트까지 읽습니다.</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>&amp;Frames (%1)</source>
        <translation>프레임(&amp;F) (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Messages (%1)</source>
        <translation>메시지(&amp;M) (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1, column %2: %3</source>
        <translation>%1행 %2열: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No bytes yet.</source>
        <translation>아직 바이트가 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 bytes from %2, decoded directly (too large to show as hex; typing here replaces them).</source>
        <translation>%2의 %1바이트를 바로 디코딩했습니다(16진수로 보여 주기에는 너무 큽니다. 여기에 입력하면 대체됩니다).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes from %2.</source>
        <translation>%2의 %1바이트.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes.</source>
        <translation>%1바이트.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sec-WebSocket-Extensions not used: %1</source>
        <translation>Sec-WebSocket-Extensions를 적용하지 않음: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing decoded: the input is not valid hex.</source>
        <translation>디코딩하지 못했습니다: 입력이 올바른 16진수가 아닙니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to decode yet.</source>
        <translation>아직 디코딩할 내용이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frames: %1 · Messages: %2 · Violations: %3 · Trailing bytes: %4</source>
        <translation>프레임: %1 · 메시지: %2 · 위반: %3 · 남은 바이트: %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unfinished message: %1 frames so far</source>
        <translation>끝나지 않은 메시지: 지금까지 프레임 %1개</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../ui/decoder/detailview.cpp" line="+55"/>
        <source>Select a frame to see its header bit by bit and its payload, or a message to see it whole.</source>
        <translation>프레임을 선택하면 헤더를 비트 단위로, 페이로드와 함께 볼 수 있습니다. 메시지를 선택하면 메시지 전체를 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>EventPrinter</name>
    <message>
        <location filename="../app/cli/eventprinter.cpp" line="+228"/>
        <source>listening on %1</source>
        <translation>%1에서 수신 대기 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening on %1 (certificate %2)</source>
        <translation>%1에서 수신 대기 중(인증서 %2)</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+302"/>
        <source>error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>compressed</source>
        <translation>압축됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replay</source>
        <translation>재생</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(payload not kept: over the frame limit)</source>
        <translation>(페이로드 보관 안 함: 프레임 제한 초과)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no status code)</source>
        <translation>(상태 코드 없음)</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n frames</source>
        <translation>
            <numerusform>프레임 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inflated from %1 B</source>
        <translation>%1 B에서 압축 해제</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payload incomplete</source>
        <translation>페이로드 불완전</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>message %1 %2 B (%3)</source>
        <translation>메시지 %1 %2 B (%3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1, %2 %3</source>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>!! VIOLATION %1 (%2): %3</source>
        <translation>!! 위반 %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>!! warning %1 (%2): %3</source>
        <translation>!! 경고 %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>state: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>closed (the connection never opened)</source>
        <translation>닫힘(연결이 열린 적 없음)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>closed: %1</source>
        <translation>닫힘: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed abnormally: %1</source>
        <translation>비정상 종료: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>we closed first</source>
        <translation>이쪽이 먼저 종료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer closed first</source>
        <translation>상대가 먼저 종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closing handshake completed</source>
        <translation>종료 핸드셰이크 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no complete closing handshake</source>
        <translation>종료 핸드셰이크 미완료</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>!! %1</source>
        <translation>!! %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rtt %1 ms</source>
        <translation>왕복 %1ms</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 %2 from %3:%4</source>
        <translation>%3:%4에서 %1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>subprotocol %1</source>
        <translation>서브프로토콜 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extensions %1</source>
        <translation>확장 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handshake: %1</source>
        <translation>핸드셰이크: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>!! handshake refused: %1</source>
        <translation>!! 핸드셰이크 거부: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>!! handshake failed: %1</source>
        <translation>!! 핸드셰이크 실패: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>peer %1</source>
        <translation>상대 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>verified for %1</source>
        <translation>%1에 대해 검증됨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>certificate errors ignored: %1</source>
        <translation>인증서 오류 무시: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not verified: %1</source>
        <translation>검증 안 됨: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client certificate sent</source>
        <translation>클라이언트 인증서 보냄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tls: %1</source>
        <translation>tls: %1</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <location filename="../app/cli/exportcommand.cpp" line="+35"/>
        <location line="+15"/>
        <location line="+17"/>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+17"/>
        <source>Cannot write to standard output</source>
        <translation>표준 출력에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Write a session file as HAR (for browsers&apos; DevTools), CSV or JSON</source>
        <translation>세션 파일을 HAR(브라우저 DevTools용), CSV 또는 JSON으로 씁니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>frameline-cli export: %1 (see &apos;frameline-cli export --help&apos;)</source>
        <translation>frameline-cli export: %1 (&apos;frameline-cli export --help&apos; 참고)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>
Formats (docs/session-format.md, &quot;Other formats&quot;):
  har   one entry per connection in the shape Chrome DevTools saves and imports:
        the handshake&apos;s request and response, and _webSocketMessages with every
        text and binary message and every Close, Ping and Pong frame. HAR holds
        no frame bits, fragments or violations: the session file stays the
        lossless form.
  csv   the timeline, one row per frame or notice (RFC 4180, UTF-8, CRLF), under
        a header line: number, time, connection, kind, direction, origin, opcode,
        type, fin, rsv1, rsv2, rsv3, masked, maskKey, length, encoding, payload,
        violations, notice.
  json  the same rows as a JSON array of objects with those keys.
Without --format the extension of --out decides (.har, .csv, .json).
Warnings about lines of FILE that cannot be read go to standard error.

Exit status: 0 when the output was written; 1 when it cannot be written; 2
when FILE is not a session this version reads, or for bad arguments.</source>
        <translation>
형식(docs/session-format.md, &quot;Other formats&quot;):
  har   연결마다 항목 하나. Chrome DevTools가 저장하고 가져오는 형태입니다:
        핸드셰이크의 요청과 응답, 그리고 모든 텍스트/바이너리 메시지와 모든
        Close, Ping, Pong 프레임이 담긴 _webSocketMessages. HAR에는 프레임
        비트, 조각, 위반이 들어가지 않으므로 손실 없는 형식은 세션 파일입니다.
  csv   타임라인. 프레임이나 알림마다 한 행이며(RFC 4180, UTF-8, CRLF), 맨
        위에 헤더 줄이 있습니다: number, time, connection, kind, direction,
        origin, opcode, type, fin, rsv1, rsv2, rsv3, masked, maskKey, length,
        encoding, payload, violations, notice.
  json  같은 행을 이 키를 가진 객체의 JSON 배열로 씁니다.
--format이 없으면 --out의 확장자(.har, .csv, .json)로 정합니다.
FILE에서 읽을 수 없는 줄에 대한 경고는 표준 오류로 출력합니다.

종료 상태: 출력을 썼으면 0, 쓸 수 없으면 1, FILE이 이 버전이 읽을 수 있는
세션이 아니거나 인수가 잘못되었으면 2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The session file.</source>
        <translation>세션 파일.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>har, csv or json.</source>
        <translation>har, csv 또는 json.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file to write (replaced), or - for standard output.</source>
        <translation>쓸 파일(기존 파일은 대체), 또는 표준 출력을 뜻하는 -.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no FILE: give the session file to export</source>
        <translation>FILE이 없습니다: 내보낼 세션 파일을 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give one FILE, not %1</source>
        <translation>FILE은 %1개가 아니라 하나만 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no --out: give the file to write, or - for standard output</source>
        <translation>--out이 없습니다: 쓸 파일, 또는 표준 출력을 뜻하는 -를 주세요</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--format must be har, csv or json, not &apos;%1&apos;</source>
        <translation>--format 값은 har, csv, json 중 하나여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no --format, and the name of --out does not end in .har, .csv or .json</source>
        <translation>--format이 없고, --out의 이름도 .har, .csv, .json으로 끝나지 않습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <location line="+31"/>
        <source>frameline-cli export: %1</source>
        <translation>frameline-cli export: %1</translation>
    </message>
    <message numerus="yes">
        <location line="-17"/>
        <source>%n connection(s) as HAR entries</source>
        <translation>
            <numerusform>연결 %n개(HAR 항목)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 written to %3</source>
        <translation>%1: %3에 썼습니다(%2)</translation>
    </message>
</context>
<context>
    <name>ExportRowsDialog</name>
    <message>
        <location filename="../ui/timeline/exportrowsdialog.cpp" line="+24"/>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+88"/>
        <source>Export Rows</source>
        <translation>행 내보내기</translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <source>%n row(s) will be written: the rows the timeline shows now, after its filters and search, with the columns of a whole-session CSV or JSON export.</source>
        <translation>
            <numerusform>행 %n개를 씁니다: 지금 타임라인에 보이는 행(필터와 검색 적용 후)을 세션 전체 CSV 또는 JSON 내보내기와 같은 열로 씁니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The %n message row(s) shown are written as the frames that carry them.</source>
        <translation>
            <numerusform>보이는 메시지 행 %n개는 그 메시지를 담은 프레임으로 씁니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Format:</source>
        <translation>형식(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ile:</source>
        <translation>파일(&amp;I):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>FrameCheck</name>
    <message>
        <location filename="../app/compose/framecheck.cpp" line="+42"/>
        <source>The frame is not masked; a client must mask every frame it sends, and the server must close the connection</source>
        <translation>프레임이 마스크되지 않았습니다. 클라이언트는 보내는 모든 프레임을 마스크해야 하며, 서버는 연결을 종료해야 합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The frame is masked; a server must not mask frames, and the client must close the connection</source>
        <translation>프레임이 마스크되어 있습니다. 서버는 프레임을 마스크하면 안 되며, 클라이언트는 연결을 종료해야 합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RSV1 is set, but no extension that defines it (such as permessage-deflate) was negotiated</source>
        <translation>RSV1이 설정되어 있지만 이를 정의하는 확장(permessage-deflate 등)이 협상되지 않았습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RSV1 is set on a control frame; permessage-deflate compresses only data messages</source>
        <translation>제어 프레임에 RSV1이 설정되어 있습니다. permessage-deflate는 데이터 메시지만 압축합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RSV1 is set on a continuation frame; permessage-deflate sets it only on the first frame of a message</source>
        <translation>continuation 프레임에 RSV1이 설정되어 있습니다. permessage-deflate는 메시지의 첫 프레임에만 RSV1을 설정합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RSV2 is set, but no negotiated extension defines it</source>
        <translation>RSV2가 설정되어 있지만 협상된 확장 중 이를 정의하는 것이 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSV3 is set, but no negotiated extension defines it</source>
        <translation>RSV3이 설정되어 있지만 협상된 확장 중 이를 정의하는 것이 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opcode %1 is reserved for future use; the peer must fail the connection</source>
        <translation>Opcode %1은(는) 향후 사용을 위해 예약된 값입니다. 상대는 연결을 실패 처리해야 합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 frame has FIN = 0; control frames must not be fragmented</source>
        <translation>%1 프레임의 FIN이 0입니다. 제어 프레임은 분할 전송하면 안 됩니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 frame carries %2 bytes of payload; control frames carry at most 125</source>
        <translation>%1 프레임의 페이로드가 %2바이트입니다. 제어 프레임의 페이로드는 최대 125바이트입니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The 64-bit payload length has its most significant bit set</source>
        <translation>64비트 페이로드 길이의 최상위 비트가 설정되어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payload length %1 is written in the %2-bit form; the minimal form is %3-bit</source>
        <translation>페이로드 길이 %1이(가) %2비트 형식으로 쓰였습니다. 최소 형식은 %3비트입니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A continuation frame, but no fragmented message is open on this connection</source>
        <translation>continuation 프레임이지만 이 연결에는 진행 중인 분할 전송 메시지가 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new %1 frame while a fragmented message is still open; only continuation (and control) frames may come until its last fragment</source>
        <translation>분할 전송 메시지가 아직 끝나지 않았는데 새 %1 프레임이 왔습니다. 마지막 조각까지는 continuation 프레임(과 제어 프레임)만 올 수 있습니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The text is not valid UTF-8: byte %1 (0x%2) cannot appear there</source>
        <translation>텍스트가 올바른 UTF-8이 아닙니다: 바이트 %1(0x%2)은(는) 그 자리에 올 수 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The text ends in the middle of a UTF-8 sequence (after %1 bytes)</source>
        <translation>텍스트가 UTF-8 시퀀스 중간에서 끝납니다(%1바이트 뒤)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The close frame carries 1 byte; a close payload is empty or starts with a 2-byte status code</source>
        <translation>close 프레임의 페이로드가 1바이트입니다. close 페이로드는 비어 있거나 2바이트 상태 코드로 시작해야 합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close code %1 (%2) must not be sent in a close frame</source>
        <translation>종료 코드 %1 (%2)은(는) close 프레임으로 보내면 안 됩니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The close reason is not valid UTF-8: byte %1 of the reason (0x%2) cannot appear there</source>
        <translation>종료 사유가 올바른 UTF-8이 아닙니다: 종료 사유의 바이트 %1(0x%2)은(는) 그 자리에 올 수 없습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The close reason ends in the middle of a UTF-8 sequence</source>
        <translation>종료 사유가 UTF-8 시퀀스 중간에서 끝납니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header declares %1 bytes but %2 are sent: the peer takes the first %1 as the payload and reads the other %3 as the start of the next frame</source>
        <translation>헤더는 %1바이트를 선언했지만 %2바이트를 보냅니다: 상대는 처음 %1바이트를 페이로드로 받고, 나머지 %3바이트를 다음 프레임의 시작으로 읽습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The header declares %1 bytes but only %2 are sent: the peer waits for %3 more and takes them from whatever is sent next</source>
        <translation>헤더는 %1바이트를 선언했지만 %2바이트만 보냅니다: 상대는 %3바이트를 더 기다리며, 그다음에 보내는 바이트를 그대로 가져다 씁니다</translation>
    </message>
</context>
<context>
    <name>FrameCraftPanel</name>
    <message>
        <location filename="../ui/composer/framecraftpanel.cpp" line="+259"/>
        <source>Masking key: %1</source>
        <translation>마스킹 키: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Masking key: 4 bytes (8 hex digits) are needed, %n byte(s) given</source>
        <translation>
            <numerusform>마스킹 키: 4바이트(16진수 8자리)가 필요한데 %n바이트를 입력했습니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Declared length: enter the length the header should declare</source>
        <translation>선언 길이: 헤더에 선언할 길이를 입력하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared length: %1 is not a number from 0 to %2</source>
        <translation>선언 길이: %1은(는) 0에서 %2 사이의 숫자가 아닙니다</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Declared length: %1</source>
        <translation>선언 길이: %1</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>close %1</source>
        <translation>%1(으)로 종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported only, %1 if strict</source>
        <translation>보고만 함, 엄격 모드에서는 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) → %3</source>
        <translation>%1 (%2) → %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot be written: %1</source>
        <translation>프레임을 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame %1 of %2: %3</source>
        <translation>프레임 %2개 중 %1번째: %3</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The payload has %n byte(s): it is split into %1 fragment(s), not %2</source>
        <translation>
            <numerusform>페이로드가 %n바이트라서 조각 %2개가 아니라 %1개로 나뉩니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Valid frame (RFC 6455)</source>
        <translation>올바른 프레임 (RFC 6455)</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>With more than one fragment, every fragment has its real length in the minimal form</source>
        <translation>조각이 둘 이상이면 모든 조각에 실제 길이를 최소 형식으로 씁니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write this length in the header instead of the real one, to test how the peer reads a frame whose length lies</source>
        <translation>실제 길이 대신 이 길이를 헤더에 씁니다. 길이를 속이는 프레임을 상대가 어떻게 읽는지 시험할 때 씁니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With more than one fragment, only the last one has FIN set</source>
        <translation>조각이 둘 이상이면 마지막 조각에만 FIN이 설정됩니다</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>How the payload length is written (RFC 6455 §5.2): the minimal form, or 7-bit, 16-bit (126) or 64-bit (127) on purpose</source>
        <translation>페이로드 길이를 쓰는 형식 (RFC 6455 §5.2): 최소 형식, 또는 일부러 7비트, 16비트 (126), 64비트 (127)</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Valid frames (RFC 6455)</source>
        <translation>올바른 프레임 (RFC 6455)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>FIN: this frame is the last of its message (RFC 6455 §5.2)</source>
        <translation>FIN: 이 프레임이 메시지의 마지막 프레임입니다 (RFC 6455 §5.2)</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Opcode:</source>
        <translation>Opcode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masking:</source>
        <translation>마스킹:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>길이:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fragments:</source>
        <translation>조각 수:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay:</source>
        <translation>지연:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Continuation</source>
        <translation>Continuation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary</source>
        <translation>Binary</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pong</source>
        <translation>Pong</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved (control)</source>
        <translation>예약됨 (제어)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reserved (data)</source>
        <translation>예약됨 (데이터)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From the mode (%1: %2)</source>
        <translation>형식에 따름 (%1: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The 4-bit opcode (RFC 6455 §5.2); 0x3-0x7 and 0xB-0xF are reserved</source>
        <translation>4비트 opcode (RFC 6455 §5.2). 0x3-0x7과 0xB-0xF는 예약되어 있습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>RFC 6455 §5.1: a client masks every frame with a fresh random key</source>
        <translation>RFC 6455 §5.1: 클라이언트는 모든 프레임을 새 무작위 키로 마스킹합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFC 6455 §5.1: a server never masks its frames</source>
        <translation>RFC 6455 §5.1: 서버는 자기 프레임을 마스킹하지 않습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Split the message into this many frames (RFC 6455 §5.4)</source>
        <translation>메시지를 이 개수의 프레임(조각)으로 나눕니다 (RFC 6455 §5.4)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RSV2: no extension in use defines it (RFC 6455 §5.2)</source>
        <translation>RSV2: 사용 중인 확장 중 이 비트를 정의하는 것이 없습니다 (RFC 6455 §5.2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSV3: no extension in use defines it (RFC 6455 §5.2)</source>
        <translation>RSV3: 사용 중인 확장 중 이 비트를 정의하는 것이 없습니다 (RFC 6455 §5.2)</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random key</source>
        <translation>무작위 키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen key</source>
        <translation>지정한 키</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Masking key (4 bytes in hex)</source>
        <translation>마스킹 키 (16진수 4바이트)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The masking key: 4 bytes in hex, spacing free (&quot;01 02 03 04&quot;)</source>
        <translation>마스킹 키: 16진수 4바이트, 공백 자유(&quot;01 02 03 04&quot;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minimal</source>
        <translation>최소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7-bit</source>
        <translation>7비트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>16-bit (126)</source>
        <translation>16비트 (126)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>64-bit (127)</source>
        <translation>64비트 (127)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared length</source>
        <translation>선언 길이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause between two fragments</source>
        <translation>조각과 조각 사이의 간격</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to Valid</source>
        <translation>올바른 프레임으로 재설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A correct single frame for this connection: FIN, no RSV bits, the mode&apos;s opcode, masked from a client, the minimal length</source>
        <translation>이 연결에 맞는 올바른 단일 프레임: FIN, RSV 비트 없음, 형식에 맞는 opcode, 클라이언트면 마스크, 최소 길이 형식</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSV1: defined by permessage-deflate (RFC 7692) for a compressed message</source>
        <translation>RSV1: permessage-deflate(RFC 7692)가 압축된 메시지용으로 정의함</translation>
    </message>
</context>
<context>
    <name>FrameListModel</name>
    <message>
        <location filename="../ui/decoder/framelistmodel.cpp" line="+146"/>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Masking key</source>
        <translation>마스킹 키</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length form</source>
        <translation>길이 형식</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>페이로드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Violations</source>
        <translation>위반</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Frame number in the stream, from 0</source>
        <translation>스트림 안의 프레임 번호(0부터)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offset of the frame&apos;s first header byte in the stream</source>
        <translation>스트림 안에서 프레임 헤더 첫 바이트의 오프셋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FIN bit: the final frame of a message</source>
        <translation>FIN 비트: 메시지의 마지막 프레임</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reserved bit; only a negotiated extension may set it (RSV1: permessage-deflate)</source>
        <translation>예약 비트. 협상된 확장만 설정할 수 있습니다(RSV1: permessage-deflate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MASK bit: the payload is masked (every client frame must be)</source>
        <translation>MASK 비트: 페이로드가 마스크됨(클라이언트 프레임은 모두 마스크해야 함)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload length as declared in the header, in bytes</source>
        <translation>헤더에 선언된 페이로드 길이(바이트)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the length was written: 7-bit, or 126 + 16-bit, or 127 + 64-bit</source>
        <translation>길이를 쓴 방식: 7비트, 126 + 16비트, 또는 127 + 64비트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol violations: RFC section, close code, explanation</source>
        <translation>프로토콜 위반: RFC 절, 종료 코드, 설명</translation>
    </message>
</context>
<context>
    <name>FrameParser</name>
    <message>
        <location filename="../app/protocol/frameparser.cpp" line="+303"/>
        <source>Opcode %1 is reserved; RFC 6455 defines 0-2 for data and 8-10 for control frames</source>
        <translation>Opcode %1은(는) 예약된 값입니다. RFC 6455는 데이터 프레임에 0-2, 제어 프레임에 8-10을 정의합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 frame carries %2 bytes of payload; control frames carry at most 125</source>
        <translation>%1 프레임의 페이로드가 %2바이트입니다. 제어 프레임의 페이로드는 최대 125바이트입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 frame has FIN = 0; control frames must not be fragmented</source>
        <translation>%1 프레임의 FIN이 0입니다. 제어 프레임은 분할 전송하면 안 됩니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RSV1 is set on a %1 frame; control frames are never compressed</source>
        <translation>%1 프레임에 RSV1이 설정되어 있습니다. 제어 프레임은 압축하지 않습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A continuation frame arrived, but no fragmented message was waiting for one</source>
        <translation>continuation 프레임이 도착했지만 이어 받을 분할 전송 메시지가 없습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>RSV1 is set on a continuation frame; only the first frame of a compressed message carries it</source>
        <translation>continuation 프레임에 RSV1이 설정되어 있습니다. RSV1은 압축된 메시지의 첫 프레임에만 붙습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new %1 frame arrived while a fragmented %2 message still waited for its continuation frames</source>
        <translation>분할 전송 중인 %2 메시지가 아직 continuation 프레임을 기다리는데 새 %1 프레임이 도착했습니다</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>RSV1 is set, but no extension that defines it (such as permessage-deflate) was negotiated</source>
        <translation>RSV1이 설정되어 있지만 이를 정의하는 확장(permessage-deflate 등)이 협상되지 않았습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RSV2 is set, but no negotiated extension defines it</source>
        <translation>RSV2가 설정되어 있지만 협상된 확장 중 이를 정의하는 것이 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSV3 is set, but no negotiated extension defines it</source>
        <translation>RSV3이 설정되어 있지만 협상된 확장 중 이를 정의하는 것이 없습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A frame from the client has MASK = 0; clients must mask every frame</source>
        <translation>클라이언트가 보낸 프레임의 MASK가 0입니다. 클라이언트는 모든 프레임을 마스크해야 합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A frame from the server has MASK = 1 (masking key %1); servers must not mask frames</source>
        <translation>서버가 보낸 프레임의 MASK가 1입니다(마스킹 키 %1). 서버는 프레임을 마스크하면 안 됩니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The 64-bit payload length has its most significant bit set</source>
        <translation>64비트 페이로드 길이의 최상위 비트가 설정되어 있습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payload length %1 is written in the %2-bit form; the minimal form is %3-bit</source>
        <translation>페이로드 길이 %1이(가) %2비트 형식으로 쓰였습니다. 최소 형식은 %3비트입니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The frame declares %1 bytes of payload, over the limit of %2 bytes</source>
        <translation>프레임이 선언한 페이로드 %1바이트가 제한 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The message reaches %1 bytes, over the limit of %2 bytes</source>
        <translation>메시지가 %1바이트에 이르러 제한 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The text message is not valid UTF-8: byte %1 of the message (0x%2) cannot appear there</source>
        <translation>텍스트 메시지가 올바른 UTF-8이 아닙니다: 메시지의 바이트 %1(0x%2)은(는) 그 자리에 올 수 없습니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The text message ends in the middle of a UTF-8 sequence (after %1 bytes)</source>
        <translation>텍스트 메시지가 UTF-8 시퀀스 중간에서 끝납니다(%1바이트 뒤)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The close frame carries 1 byte; a close payload is empty or starts with a 2-byte status code</source>
        <translation>close 프레임의 페이로드가 1바이트입니다. close 페이로드는 비어 있거나 2바이트 상태 코드로 시작해야 합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close code %1 (%2) must not be sent in a close frame</source>
        <translation>종료 코드 %1 (%2)은(는) close 프레임으로 보내면 안 됩니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The close reason is not valid UTF-8 (byte %1 of the reason)</source>
        <translation>종료 사유가 올바른 UTF-8이 아닙니다(종료 사유의 바이트 %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The close reason ends in the middle of a UTF-8 sequence</source>
        <translation>종료 사유가 UTF-8 시퀀스 중간에서 끝납니다</translation>
    </message>
</context>
<context>
    <name>FrameStore</name>
    <message>
        <location filename="../app/session/framestore.cpp" line="+716"/>
        <source>Line %1 is not the notice its index describes</source>
        <translation>%1번째 줄이 색인이 가리키는 알림이 아닙니다</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>The event at byte %1 is not the one read when the file was opened: the file has changed</source>
        <translation>%1바이트 위치의 이벤트가 파일을 열 때 읽은 이벤트와 다릅니다: 파일이 변경되었습니다</translation>
    </message>
    <message>
        <location line="+322"/>
        <location line="+10"/>
        <location line="+28"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, reason “%2”</source>
        <translation>%1, 종료 사유 “%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (closing handshake completed)</source>
        <translation>%1 (종료 핸드셰이크 완료)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (no closing handshake)</source>
        <translation>%1 (종료 핸드셰이크 없음)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening handshake</source>
        <translation>연결 핸드셰이크</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening handshake failed</source>
        <translation>연결 핸드셰이크 실패</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening handshake failed: %1</source>
        <translation>연결 핸드셰이크 실패: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handshake: %1 → %2</source>
        <translation>핸드셰이크: %1 → %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS: %1, %2</source>
        <translation>TLS: %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, certificate errors ignored</source>
        <translation>%1, 인증서 오류 무시됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, not verified</source>
        <translation>%1, 검증 안 됨</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ping round trip: %1 ms</source>
        <translation>핑 왕복 시간: %1ms</translation>
    </message>
</context>
<context>
    <name>FrameText</name>
    <message>
        <location filename="../ui/decoder/frametext.cpp" line="+28"/>
        <source>(no status code)</source>
        <translation>(상태 코드 없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(1-byte close payload: %1)</source>
        <translation>(1바이트 close 페이로드: %1)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a whole message</source>
        <translation>메시지 전체</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first fragment of a message</source>
        <translation>메시지의 첫 조각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>middle fragment of a message</source>
        <translation>메시지의 중간 조각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last fragment of a message</source>
        <translation>메시지의 마지막 조각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>control frame</source>
        <translation>제어 프레임</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>belongs to no message</source>
        <translation>속한 메시지 없음</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Byte %1</source>
        <translation>바이트 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes %1–%2</source>
        <translation>바이트 %1–%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(showing the first %1 of %2 bytes)</source>
        <translation>(%2바이트 중 처음 %1바이트만 표시)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(text cut at %1 bytes)</source>
        <translation>(텍스트를 %1바이트에서 자름)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>7-bit</source>
        <translation>7비트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>16-bit</source>
        <translation>16비트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>64-bit</source>
        <translation>64비트</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>(+%1 more)</source>
        <translation>(외 %1건)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fatal, close with %1</source>
        <translation>치명적, %1로 종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported only (%1 if strict)</source>
        <translation>보고만 함, 엄격 모드에서는 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(payload not kept: %1 bytes, over the frame size limit)</source>
        <translation>(페이로드 보관 안 함: %1바이트, 프레임 크기 제한 초과)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>[compressed] %1</source>
        <translation>[압축됨] %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(payload not kept)</source>
        <translation>(페이로드 보관 안 함)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[truncated] %1</source>
        <translation>[잘림] %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Frame %1 at offset %2 (0x%3): %4, %5</source>
        <translation>프레임 %1, 오프셋 %2 (0x%3): %4, %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Header (%1 bytes): %2</source>
        <translation>헤더 (%1바이트): %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>FIN: 1 (final frame of its message)</source>
        <translation>FIN: 1 (메시지의 마지막 프레임)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FIN: 0 (more fragments follow)</source>
        <translation>FIN: 0 (조각이 더 이어짐)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSV1: 1 (Per-Message Compressed, RFC 7692)</source>
        <translation>RSV1: 1 (메시지 압축됨, RFC 7692)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opcode: %1</source>
        <translation>Opcode: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MASK: 1 (payload is masked)</source>
        <translation>MASK: 1 (페이로드가 마스크됨)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MASK: 0 (payload is not masked)</source>
        <translation>MASK: 0 (페이로드가 마스크되지 않음)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payload len: 126 (a 16-bit length follows)</source>
        <extracomment>Keep &quot;Payload len&quot; (the RFC 6455 field name) at the start so the bit columns stay aligned.</extracomment>
        <translation>Payload len: 126 (페이로드 길이, 16비트 길이가 뒤따름)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload len: 127 (a 64-bit length follows)</source>
        <extracomment>Keep &quot;Payload len&quot; (the RFC 6455 field name) at the start so the bit columns stay aligned.</extracomment>
        <translation>Payload len: 127 (페이로드 길이, 64비트 길이가 뒤따름)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload len: %1</source>
        <extracomment>Keep &quot;Payload len&quot; (the RFC 6455 field name) at the start so the bit columns stay aligned.</extracomment>
        <translation>Payload len: %1 (페이로드 길이)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Extended payload length (%1): %2</source>
        <translation>확장 페이로드 길이 (%1): %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Masking key</source>
        <translation>마스킹 키</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+44"/>
        <source>Protocol violations (%1):</source>
        <translation>프로토콜 위반 (%1건):</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Payload: %1 bytes, not kept (over the frame size limit)</source>
        <translation>페이로드: %1바이트, 보관 안 함(프레임 크기 제한 초과)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close payload: %1</source>
        <translation>Close 페이로드: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>Payload (%1 bytes, unmasked):</source>
        <translation>페이로드 (%1바이트, 마스크 해제됨):</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+34"/>
        <source>Payload: empty</source>
        <translation>페이로드: 비어 있음</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Compressed payload (%1 bytes, unmasked); the message list shows it inflated:</source>
        <translation>압축된 페이로드 (%1바이트, 마스크 해제됨). 압축을 푼 내용은 메시지 목록에 있습니다:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Message %1 at offset %2 (0x%3): %4</source>
        <translation>메시지 %1, 오프셋 %2 (0x%3): %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frames: %1</source>
        <translation>프레임: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length: %1 bytes (%2 bytes of payload on the wire)</source>
        <translation>길이: %1바이트 (전송된 페이로드 %2바이트)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compressed with permessage-deflate (RFC 7692); shown inflated.</source>
        <translation>permessage-deflate로 압축됨(RFC 7692). 압축을 풀어 표시합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payload is incomplete: a limit was reached or it could not be inflated.</source>
        <translation>페이로드가 완전하지 않습니다: 제한에 걸렸거나 압축을 풀 수 없었습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Text:</source>
        <translation>텍스트:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload (%1 bytes):</source>
        <translation>페이로드 (%1바이트):</translation>
    </message>
</context>
<context>
    <name>FrameWriter</name>
    <message>
        <location filename="../app/protocol/framewriter.cpp" line="+64"/>
        <source>Opcode %1 does not fit the 4-bit opcode field (0-15)</source>
        <translation>Opcode %1은(는) 4비트 opcode 필드(0-15)에 들어가지 않습니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A length of %1 does not fit the 7-bit length field (0-127)</source>
        <translation>길이 %1은(는) 7비트 길이 필드(0-127)에 들어가지 않습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A length of %1 does not fit the 16-bit length field (0-65535)</source>
        <translation>길이 %1은(는) 16비트 길이 필드(0-65535)에 들어가지 않습니다</translation>
    </message>
</context>
<context>
    <name>Frameline::ScriptHost</name>
    <message>
        <location filename="../ui/script/scriptconsolemodel.cpp" line="+187"/>
        <source>line %1: %2</source>
        <translation>%1번째 줄: %2</translation>
    </message>
</context>
<context>
    <name>Handshake</name>
    <message>
        <location filename="../app/protocol/handshake.cpp" line="+39"/>
        <source>the header name %1 is not a valid token</source>
        <translation>헤더 이름 %1은(는) 올바른 토큰이 아닙니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the value of header %1 contains a line break or control character</source>
        <translation>헤더 %1의 값에 줄바꿈이나 제어 문자가 있습니다</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>no URL was given</source>
        <translation>URL이 주어지지 않았습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a ws:// or wss:// URL</source>
        <translation>%1은(는) ws:// 또는 wss:// URL이 아닙니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the URL %1 has no host</source>
        <translation>URL %1에 호스트가 없습니다</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>the server&apos;s response is not valid HTTP: %1</source>
        <translation>서버의 응답이 올바른 HTTP가 아닙니다: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+34"/>
        <location line="+16"/>
        <source>the server answered %1 instead of 101 Switching Protocols</source>
        <translation>서버가 101 Switching Protocols 대신 %1(으)로 응답했습니다</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>the connection closed before the server answered the handshake</source>
        <translation>서버가 핸드셰이크에 응답하기 전에 연결이 닫혔습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection closed in the middle of the server&apos;s response (after %1 bytes)</source>
        <translation>서버의 응답 도중에 연결이 닫혔습니다(%1바이트 뒤)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the response has no Upgrade header</source>
        <translation>응답에 Upgrade 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upgrade is %1, expected &quot;websocket&quot;</source>
        <translation>Upgrade가 %1입니다. &quot;websocket&quot;이어야 합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the response has no Connection header</source>
        <translation>응답에 Connection 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+169"/>
        <source>Connection is %1, which has no &quot;Upgrade&quot; token</source>
        <translation>Connection이 %1이며 &quot;Upgrade&quot; 토큰이 없습니다</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>the response has no Sec-WebSocket-Accept header</source>
        <translation>응답에 Sec-WebSocket-Accept 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the response has %1 Sec-WebSocket-Accept headers</source>
        <translation>응답에 Sec-WebSocket-Accept 헤더가 %1개 있습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sec-WebSocket-Accept is %1, expected %2</source>
        <translation>Sec-WebSocket-Accept가 %1입니다. %2이어야 합니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the server chose extension %1 twice</source>
        <translation>서버가 확장 %1을(를) 두 번 선택했습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the server chose extension %1, which was not offered</source>
        <translation>서버가 제안하지 않은 확장 %1을(를) 선택했습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server chose permessage-deflate, but the request had no valid permessage-deflate offer</source>
        <translation>서버가 permessage-deflate를 선택했지만 요청에 올바른 permessage-deflate 제안이 없었습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the server&apos;s permessage-deflate response is not acceptable: %1</source>
        <translation>서버의 permessage-deflate 응답을 받아들일 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the server sent an empty Sec-WebSocket-Protocol header</source>
        <translation>서버가 빈 Sec-WebSocket-Protocol 헤더를 보냈습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server chose more than one subprotocol (%1)</source>
        <translation>서버가 서브프로토콜을 둘 이상 선택했습니다(%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server chose subprotocol %1, which was not offered</source>
        <translation>서버가 제안하지 않은 서브프로토콜 %1을(를) 선택했습니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the request is not valid HTTP: %1</source>
        <translation>요청이 올바른 HTTP가 아닙니다: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the method is %1; a WebSocket handshake uses GET</source>
        <translation>메서드가 %1입니다. 웹소켓 핸드셰이크는 GET을 씁니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the request is %1; a WebSocket handshake needs HTTP/1.1 or later</source>
        <translation>요청이 %1입니다. 웹소켓 핸드셰이크에는 HTTP/1.1 이상이 필요합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the request has no Host header</source>
        <translation>요청에 Host 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the request has %1 Host headers</source>
        <translation>요청에 Host 헤더가 %1개 있습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the request has no Upgrade header</source>
        <translation>요청에 Upgrade 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upgrade is %1, which has no &quot;websocket&quot; token</source>
        <translation>Upgrade가 %1이며 &quot;websocket&quot; 토큰이 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the request has no Connection header</source>
        <translation>요청에 Connection 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the request has no Sec-WebSocket-Key header</source>
        <translation>요청에 Sec-WebSocket-Key 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the request has %1 Sec-WebSocket-Key headers</source>
        <translation>요청에 Sec-WebSocket-Key 헤더가 %1개 있습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sec-WebSocket-Key %1 is not valid base64</source>
        <translation>Sec-WebSocket-Key %1은(는) 올바른 base64가 아닙니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sec-WebSocket-Key %1 decodes to %2 bytes, not 16</source>
        <translation>Sec-WebSocket-Key %1을(를) 디코딩하면 16바이트가 아니라 %2바이트입니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the request has no Sec-WebSocket-Version header</source>
        <translation>요청에 Sec-WebSocket-Version 헤더가 없습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sec-WebSocket-Version is %1; this server speaks version 13</source>
        <translation>Sec-WebSocket-Version이 %1입니다. 이 서버는 버전 13을 사용합니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the origin %1 is not allowed</source>
        <translation>Origin %1은(는) 허용되지 않습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rejected as configured with %1</source>
        <translation>설정에 따라 %1(으)로 거부했습니다</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>permessage-deflate was offered and declined</source>
        <translation>permessage-deflate 제안을 받았지만 거절했습니다</translation>
    </message>
</context>
<context>
    <name>HandshakePage</name>
    <message>
        <location filename="../ui/inspector/handshakepage.cpp" line="+168"/>
        <source>No opening handshake is known for this connection.</source>
        <translation>이 연결의 연결 핸드셰이크 정보가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+113"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="-113"/>
        <location line="+130"/>
        <source>Certificate chain</source>
        <translation>인증서 체인</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>(no response)</source>
        <translation>(응답 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request (%1)</source>
        <translation>요청 (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Response (%1)</source>
        <translation>응답 (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening handshake</source>
        <translation>연결 핸드셰이크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not accepted</source>
        <translation>수락되지 않음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>상대 주소</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Match: %1</source>
        <translation>일치: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mismatch: the response has %1, the key requires %2</source>
        <translation>불일치: 응답 값은 %1이지만 키에 따르면 %2이어야 합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Missing: the response has no Sec-WebSocket-Accept (expected %1)</source>
        <translation>없음: 응답에 Sec-WebSocket-Accept가 없습니다(기대값 %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: the server did not accept the upgrade (expected %1)</source>
        <translation>보내지 않음: 서버가 업그레이드를 수락하지 않았습니다(기대값 %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot check: the request has no Sec-WebSocket-Key</source>
        <translation>확인 불가: 요청에 Sec-WebSocket-Key가 없습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expected</source>
        <translation>기대값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>받은 값</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subprotocol</source>
        <translation>서브프로토콜</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+11"/>
        <source>Offered</source>
        <translation>제안</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Extensions</source>
        <translation>확장</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 agreed</source>
        <translation>%1개 합의됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed</source>
        <translation>합의</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Timings</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS lookup</source>
        <translation>DNS 조회</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP connect</source>
        <translation>TCP 연결</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS handshake</source>
        <translation>TLS 핸드셰이크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP upgrade</source>
        <translation>HTTP 업그레이드</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parser warnings</source>
        <translation>파서 경고</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown protocol</source>
        <translation>알 수 없는 프로토콜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher</source>
        <translation>암호 스위트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server name</source>
        <translation>서버 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>검증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes: the chain verified against the trusted certificates</source>
        <translation>예: 신뢰하는 인증서로 체인을 검증했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No: errors were ignored at your request</source>
        <translation>아니요: 요청에 따라 오류를 무시했습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client certificate sent</source>
        <translation>클라이언트 인증서 보냄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate errors</source>
        <translation>인증서 오류</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 certificate</source>
        <translation>인증서 1개</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 certificates</source>
        <translation>인증서 %1개</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate %1</source>
        <translation>인증서 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>주체</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issuer</source>
        <translation>발급자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (self-signed)</source>
        <translation>%1 (자체 서명)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to %2</source>
        <translation>%1 ~ %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (expired)</source>
        <translation>%1 (만료됨)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (not yet valid)</source>
        <translation>%1 (아직 유효하지 않음)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid</source>
        <translation>유효 기간</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alternative names</source>
        <translation>대체 이름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial number</source>
        <translation>일련번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 지문</translation>
    </message>
</context>
<context>
    <name>HarImport</name>
    <message>
        <location filename="../app/session/sessionexport.cpp" line="+822"/>
        <source>entry %1, message %2: %3; skipped</source>
        <translation>항목 %1, 메시지 %2: %3. 건너뜁니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not an object</source>
        <translation>객체가 아님</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>type &quot;%1&quot; is neither send nor receive</source>
        <translation>type &quot;%1&quot;이(가) send도 receive도 아님</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no time</source>
        <translation>시간 없음</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no opcode from 0 to 15</source>
        <translation>0에서 15 사이의 opcode 없음</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>opcode %1 is not a message or a control frame</source>
        <translation>opcode %1은(는) 메시지도 제어 프레임도 아님</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>data is not a string</source>
        <translation>data가 문자열이 아님</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>entry %1, message %2: data of opcode %3 is not base64; kept as its UTF-8 text</source>
        <translation>항목 %1, 메시지 %2: opcode %3의 data가 base64가 아닙니다. UTF-8 텍스트 그대로 둡니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>entry %1: startedDateTime &quot;%2&quot; is not a date; %3</source>
        <translation>항목 %1: startedDateTime &quot;%2&quot;은(는) 날짜가 아닙니다. %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1970-01-01 is used</source>
        <translation>1970-01-01을 씁니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>its first message&apos;s time is used</source>
        <translation>첫 메시지의 시간을 씁니다</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>the server answered %1 %2</source>
        <translation>서버가 %1 %2(으)로 응답했습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>entry %1: the handshake was not accepted; its %n message(s) are left out</source>
        <translation>
            <numerusform>항목 %1: 핸드셰이크가 수락되지 않아 메시지 %n개를 제외합니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+120"/>
        <source>not valid JSON: %1 at line %2, column %3</source>
        <translation>올바른 JSON이 아닙니다: %1(%2행 %3열)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not a HAR file: the JSON is not an object with a &quot;log&quot;</source>
        <translation>HAR 파일이 아닙니다: JSON이 &quot;log&quot;를 가진 객체가 아닙니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a HAR file: it has no &quot;log&quot; object</source>
        <translation>HAR 파일이 아닙니다: &quot;log&quot; 객체가 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a HAR file: &quot;log.entries&quot; is not a list</source>
        <translation>HAR 파일이 아닙니다: &quot;log.entries&quot;가 목록이 아닙니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>entry %1: not an object; skipped</source>
        <translation>항목 %1: 객체가 아닙니다. 건너뜁니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>entry %1: not a WebSocket (%2 %3); skipped</source>
        <translation>항목 %1: 웹소켓이 아닙니다(%2 %3). 건너뜁니다</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is empty: it is not a HAR file</source>
        <translation>%1이(가) 비어 있습니다: HAR 파일이 아닙니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>HeaderPage</name>
    <message>
        <location filename="../ui/inspector/headerpage.cpp" line="+64"/>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Frame</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+144"/>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <location line="-145"/>
        <location line="+13"/>
        <location line="+93"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Direction</source>
        <translation>방향</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent by</source>
        <translation>보낸 쪽</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+139"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="-138"/>
        <location line="+139"/>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+4"/>
        <location line="+135"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Position</source>
        <translation>위치</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Byte 0</source>
        <translation>바이트 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 (final fragment of its message)</source>
        <translation>1 (메시지의 마지막 조각)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>0 (more fragments follow)</source>
        <translation>0 (조각이 더 이어짐)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 (Per-Message Compressed, RFC 7692)</source>
        <translation>1 (메시지 압축됨, RFC 7692)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+2"/>
        <source>1 (no extension defines it)</source>
        <translation>1 (이를 정의하는 확장 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Byte 1</source>
        <translation>바이트 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 (payload is masked)</source>
        <translation>1 (페이로드가 마스크됨)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>0 (payload is not masked)</source>
        <translation>0 (페이로드가 마스크되지 않음)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>126 (a 16-bit length follows)</source>
        <translation>126 (16비트 길이가 뒤따름)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>127 (a 64-bit length follows)</source>
        <translation>127 (64비트 길이가 뒤따름)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Extended payload length</source>
        <translation>확장 페이로드 길이</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Length form</source>
        <translation>길이 형식</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+57"/>
        <source>Payload length</source>
        <translation>페이로드 길이</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+3"/>
        <source>Masking key</source>
        <translation>마스킹 키</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+62"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Raw header</source>
        <translation>원본 헤더</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not kept (over the frame size limit)</source>
        <translation>보관 안 함 (프레임 크기 제한 초과)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, compressed (the message shows it inflated)</source>
        <translation>%1, 압축됨 (압축을 푼 내용은 메시지에서 볼 수 있음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>페이로드</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+48"/>
        <source>Kept</source>
        <translation>보관됨</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Only the first %1</source>
        <translation>처음 %1만</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+59"/>
        <location line="+52"/>
        <source>Close code</source>
        <translation>종료 코드</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>none (empty Close frame; reported as 1005)</source>
        <translation>없음 (빈 Close 프레임, 1005로 보고됨)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>malformed (a 1-byte close payload)</source>
        <translation>잘못된 형식 (1바이트 close 페이로드)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Meaning</source>
        <translation>의미</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>종료 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 frame: %1</source>
        <translation>프레임 1개: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 frames: %2</source>
        <translation>프레임 %1개: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On the wire</source>
        <translation>전송 크기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1% of the inflated size</source>
        <translation>압축 해제 크기의 %1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Compression</source>
        <translation>압축</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>permessage-deflate (RFC 7692)</source>
        <translation>permessage-deflate (RFC 7692)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permessage-deflate (RFC 7692), %1</source>
        <translation>permessage-deflate (RFC 7692), %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Incomplete: a limit was reached or it could not be inflated</source>
        <translation>불완전: 제한에 걸렸거나 압축을 풀 수 없었습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First frame header</source>
        <translation>첫 프레임 헤더</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed by</source>
        <translation>종료한 쪽</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher</source>
        <translation>암호 스위트</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Violation</source>
        <translation>위반</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Round trip</source>
        <translation>왕복 시간</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Violations</source>
        <translation>위반</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFC section</source>
        <translation>RFC 절</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fatal: a compliant endpoint closes with %1</source>
        <translation>치명적: 규격을 따르는 엔드포인트는 %1(으)로 종료합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported only (a strict endpoint closes with %1)</source>
        <translation>보고만 함 (엄격한 엔드포인트는 %1(으)로 종료)</translation>
    </message>
</context>
<context>
    <name>HexFormat</name>
    <message>
        <location filename="../ui/widgets/hexformat.cpp" line="+53"/>
        <source>“%1” is not a hex digit</source>
        <translation>“%1”은(는) 16진수 숫자가 아닙니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” has no hex digits after the prefix</source>
        <translation>“%1”에는 접두사 뒤에 16진수 숫자가 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has an odd number of hex digits; write every byte as two digits</source>
        <translation>“%1”의 16진수 숫자 개수가 홀수입니다. 바이트마다 두 자리로 쓰세요</translation>
    </message>
</context>
<context>
    <name>HexView</name>
    <message>
        <location filename="../ui/inspector/hexview.cpp" line="+220"/>
        <source>(no payload bytes)</source>
        <translation>(페이로드 바이트 없음)</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Copy as Hex</source>
        <translation>16진수로 복사</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as Text</source>
        <translation>텍스트로 복사</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select All</source>
        <translation>모두 선택</translation>
    </message>
</context>
<context>
    <name>HttpMessage</name>
    <message>
        <location filename="../app/protocol/httpmessage.cpp" line="+425"/>
        <source>line %1 is longer than %2 bytes</source>
        <translation>%1번째 줄이 %2바이트보다 깁니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the HTTP head is larger than %1 bytes</source>
        <translation>HTTP 헤더 부분이 %1바이트보다 큽니다</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>line 1 is not an HTTP status line: %1</source>
        <translation>1번째 줄이 HTTP 상태 줄이 아닙니다: %1</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>line %1 is not an HTTP request line: the bytes look like a TLS handshake (is the client using wss:// with a server without TLS?)</source>
        <translation>%1번째 줄이 HTTP 요청 줄이 아닙니다: 바이트가 TLS 핸드셰이크처럼 보입니다(클라이언트가 TLS 없는 서버에 wss://로 접속하고 있나요?)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>line %1 ends with a bare LF instead of CRLF</source>
        <translation>%1번째 줄이 CRLF 대신 LF만으로 끝납니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1 ends with a bare LF instead of CRLF (tolerated, RFC 7230 §3.5)</source>
        <translation>%1번째 줄이 CRLF 대신 LF만으로 끝납니다(허용됨, RFC 7230 §3.5)</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>line %1 contains a CR that is not followed by LF</source>
        <translation>%1번째 줄에 LF가 뒤따르지 않는 CR이 있습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1 is not an HTTP status line: the bytes look like a TLS record (does the server expect wss://?)</source>
        <translation>%1번째 줄이 HTTP 상태 줄이 아닙니다: 바이트가 TLS 레코드처럼 보입니다(서버가 wss://를 기대하나요?)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>line %1 contains the control character 0x%2</source>
        <translation>%1번째 줄에 제어 문자 0x%2이(가) 있습니다</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>line %1 is empty before the request line (ignored, RFC 7230 §3.5)</source>
        <translation>요청 줄 앞의 %1번째 줄이 비어 있습니다(무시함, RFC 7230 §3.5)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1 is empty; expected the status line</source>
        <translation>%1번째 줄이 비어 있습니다. 상태 줄이 와야 합니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>line %1 starts with whitespace but there is no header field to continue</source>
        <translation>%1번째 줄이 공백으로 시작하지만 이어 붙일 헤더 필드가 없습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>line %1 continues the header field %2 (obs-fold, RFC 7230 §3.2.4); it was joined with a space</source>
        <translation>%1번째 줄이 헤더 필드 %2을(를) 이어 씁니다(obs-fold, RFC 7230 §3.2.4). 공백으로 이어 붙였습니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>line %1 is not an HTTP request line (method SP target SP HTTP-version): %2</source>
        <translation>%1번째 줄이 HTTP 요청 줄(method SP target SP HTTP-version)이 아닙니다: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the request method %1 is not a valid token</source>
        <translation>요청 메서드 %1은(는) 올바른 토큰이 아닙니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the request target %1 is not valid</source>
        <translation>요청 대상 %1이(가) 올바르지 않습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not an HTTP version (expected HTTP/1.1)</source>
        <translation>%1은(는) HTTP 버전이 아닙니다(HTTP/1.1이어야 합니다)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the status code %1 is not three digits</source>
        <translation>상태 코드 %1이(가) 세 자리 숫자가 아닙니다</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>line %1 has no colon: %2</source>
        <translation>%1번째 줄에 콜론이 없습니다: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1 has an empty header field name</source>
        <translation>%1번째 줄의 헤더 필드 이름이 비어 있습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1 has whitespace between the field name and the colon (not allowed, RFC 7230 §3.2.4)</source>
        <translation>%1번째 줄에서 필드 이름과 콜론 사이에 공백이 있습니다(허용되지 않음, RFC 7230 §3.2.4)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1: the field name %2 is not a valid token</source>
        <translation>%1번째 줄: 필드 이름 %2은(는) 올바른 토큰이 아닙니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the HTTP head has more than %1 header fields</source>
        <translation>HTTP 헤더 필드가 %1개를 넘습니다</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <location filename="../app/cli/importcommand.cpp" line="+21"/>
        <source>Turn the WebSocket connections of a HAR file (Chrome, Firefox) into a session file</source>
        <translation>HAR 파일(Chrome, Firefox)의 웹소켓 연결을 세션 파일로 바꿉니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>frameline-cli import: %1 (see &apos;frameline-cli import --help&apos;)</source>
        <translation>frameline-cli import: %1 (&apos;frameline-cli import --help&apos; 참고)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>
Reads a HAR file as Chrome or Firefox DevTools save it (&apos;Save all as HAR&apos;) and
writes a session file with one connection per WebSocket entry: the opening
handshake from the entry&apos;s request and response headers, then each message
of its _webSocketMessages as one frame and, for text and binary, one message,
at the recorded time, with the closing handshake when both Close frames are
there. Entries that are not WebSockets are skipped, each with a warning on
standard error. HAR keeps no frame bits: every frame is whole (FIN set, no RSV
bits), and a sent one is masked with the key 00000000 (see
docs/session-format.md, &quot;Other formats&quot;).

Exit status: 0 when the session was written; 1 when it cannot be written; 2
when FILE is not a HAR file or has no WebSocket entry, or for bad arguments.</source>
        <translation>
Chrome이나 Firefox DevTools가 저장한(&apos;Save all as HAR&apos;) HAR 파일을 읽어,
웹소켓 항목마다 연결 하나가 든 세션 파일을 씁니다: 항목의 요청 헤더와 응답
헤더로 연결 핸드셰이크를 만들고, 이어서 _webSocketMessages의 각 메시지를
기록된 시각에 프레임 하나(텍스트와 바이너리는 메시지 하나도)로 넣으며, Close
프레임이 양쪽 모두 있으면 종료 핸드셰이크도 넣습니다. 웹소켓이 아닌 항목은
건너뛰고, 항목마다 표준 오류에 경고를 출력합니다. HAR에는 프레임 비트가
없으므로 모든 프레임은 분할되지 않은 온전한 프레임(FIN 설정, RSV 비트
없음)이며, 보낸 프레임은 키 00000000으로 마스크합니다(docs/session-format.md,
&quot;Other formats&quot; 참고).

종료 상태: 세션을 썼으면 0, 쓸 수 없으면 1, FILE이 HAR 파일이 아니거나
웹소켓 항목이 없거나 인수가 잘못되었으면 2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The HAR file to read.</source>
        <translation>읽을 HAR 파일.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session file to write (replaced).</source>
        <translation>쓸 세션 파일(기존 파일은 대체).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no FILE.har: give the HAR file to import</source>
        <translation>FILE.har가 없습니다: 가져올 HAR 파일을 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give one HAR file, not %1</source>
        <translation>HAR 파일은 %1개가 아니라 하나만 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no --out: give the session file to write</source>
        <translation>--out이 없습니다: 쓸 세션 파일을 주세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+23"/>
        <source>frameline-cli import: %1</source>
        <translation>frameline-cli import: %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>frameline-cli import: %1 has no WebSocket entry: nothing to import</source>
        <translation>frameline-cli import: %1에 웹소켓 항목이 없습니다: 가져올 것이 없습니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2 and %3 written to %4</source>
        <translation>%1: %4에 썼습니다(%2, %3)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>연결 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>메시지 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inflater</name>
    <message>
        <location filename="../app/protocol/permessagedeflate.cpp" line="+626"/>
        <source>zlib could not carry the window past a final block</source>
        <translation>zlib이 마지막 블록 너머로 윈도를 이어 갈 수 없습니다</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>zlib could not be initialised</source>
        <translation>zlib을 초기화할 수 없습니다</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the message does not end on a DEFLATE block boundary (RFC 7692 §7.2.1)</source>
        <translation>메시지가 DEFLATE 블록 경계에서 끝나지 않습니다(RFC 7692 §7.2.1)</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <location filename="../app/cli/infocommand.cpp" line="+82"/>
        <source>Sum up a session file: connections, frames, messages, bytes, duration, violations</source>
        <translation>세션 파일을 요약합니다: 연결, 프레임, 메시지, 바이트, 기간, 위반</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>frameline-cli info: %1 (see &apos;frameline-cli info --help&apos;)</source>
        <translation>frameline-cli info: %1 (&apos;frameline-cli info --help&apos; 참고)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
Reads a session file (written by &apos;connect --record&apos;, &apos;serve --record&apos;, &apos;import&apos;
or the desktop app) in one pass that decodes no payload, and prints what it
holds: when it starts and ends, connections, frames and messages each way, the
payload bytes of its frames (as their headers declare them), the violations of
RFC 6455 / RFC 7692 found in its frames, and one line per connection.
With --json it prints one JSON object whose first keys are connections,
frames, messages, bytes, durationMs and violations.
Lines that cannot be read are skipped and reported on standard error as
&quot;warning: ...&quot; (&quot;warning: last line truncated&quot; for a file whose writer was
killed mid-line).

Exit status: 0 when the file was read, also with warnings; 2 when it is not a
session this version reads (missing, empty, another format, a newer major
version) or for bad arguments.</source>
        <translation>
세션 파일(&apos;connect --record&apos;, &apos;serve --record&apos;, &apos;import&apos; 또는 데스크톱 앱이
쓴 것)을 페이로드를 디코딩하지 않고 한 번에 읽어, 담긴 내용을 출력합니다:
시작과 끝 시각, 연결, 방향별 프레임과 메시지, 프레임의 페이로드 바이트(헤더에
선언된 값), 프레임에서 발견된 RFC 6455 / RFC 7692 위반, 연결마다 한 줄.
--json을 주면 JSON 객체 하나를 출력하며, 앞쪽 키는 connections, frames,
messages, bytes, durationMs, violations입니다.
읽을 수 없는 줄은 건너뛰고 표준 오류에 &quot;경고: ...&quot;로 알립니다(쓰던 프로세스가
줄 중간에 강제 종료된 파일은 &quot;경고: 마지막 줄이 잘렸습니다&quot;).

종료 상태: 파일을 읽었으면 경고가 있어도 0, 이 버전이 읽을 수 있는 세션이
아니거나(없음, 비어 있음, 다른 형식, 더 새로운 주 버전) 인수가 잘못되었으면 2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The session file.</source>
        <translation>세션 파일.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print one JSON object.</source>
        <translation>JSON 객체 하나를 출력합니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no FILE: give the session file to read</source>
        <translation>FILE이 없습니다: 읽을 세션 파일을 주세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give one FILE, not %1</source>
        <translation>FILE은 %1개가 아니라 하나만 주세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frameline-cli info: %1</source>
        <translation>frameline-cli info: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2 in, %3 out)</source>
        <translation>%1 (수신 %2, 송신 %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (session format %2, written by %3)</source>
        <translation>%1 (세션 형식 %2, 작성: %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>끝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>기간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+12"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Violations</source>
        <translation>위반</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>프레임 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>메시지 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n violation(s)</source>
        <translation>
            <numerusform>위반 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed %1</source>
        <translation>종료 %1</translation>
    </message>
</context>
<context>
    <name>InspectorText</name>
    <message>
        <location filename="../ui/inspector/inspectortext.cpp" line="+10"/>
        <source>Incoming (from the peer)</source>
        <translation>수신 (상대가 보냄)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing (sent by Frameline)</source>
        <translation>송신 (Frameline이 보냄)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The peer</source>
        <translation>상대</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You (composer)</source>
        <translation>사용자 (직접 작성)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic (keepalive, pong or close reply)</source>
        <translation>자동 (연결 유지 확인, 퐁 또는 Close 응답)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay</source>
        <translation>재생</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A whole message</source>
        <translation>메시지 전체</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First fragment of a message</source>
        <translation>메시지의 첫 조각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Middle fragment of a message</source>
        <translation>메시지의 중간 조각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last fragment of a message</source>
        <translation>메시지의 마지막 조각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Control frame</source>
        <translation>제어 프레임</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Belongs to no message</source>
        <translation>속한 메시지 없음</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>+%1 s</source>
        <extracomment>A time after the connection&apos;s first entry, in seconds with microseconds.</extracomment>
        <translation>+%1초</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>did not happen</source>
        <translation>진행되지 않음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 byte</source>
        <translation>1바이트</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 KiB)</source>
        <translation>%1 (%2 KiB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 MiB)</source>
        <translation>%1 (%2 MiB)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Frameline (this side sent the first Close frame)</source>
        <translation>Frameline (이쪽이 먼저 Close 프레임을 보냄)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The peer (it sent the first Close frame)</source>
        <translation>상대 (상대가 먼저 Close 프레임을 보냄)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither side (no Close frame was sent)</source>
        <translation>없음 (어느 쪽도 Close 프레임을 보내지 않음)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>State change</source>
        <translation>상태 변경</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening handshake</source>
        <translation>연결 핸드셰이크</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol violation</source>
        <translation>프로토콜 위반</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ping round trip</source>
        <translation>핑 왕복 시간</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Information</source>
        <translation>정보</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
</context>
<context>
    <name>InspectorWidget</name>
    <message>
        <location filename="../ui/inspector/inspectorwidget.cpp" line="+57"/>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>페이로드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handshake</source>
        <translation>핸드셰이크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>종료</translation>
    </message>
</context>
<context>
    <name>JournalFolder</name>
    <message>
        <location filename="../ui/session/journalfolder.cpp" line="+88"/>
        <source>Cannot delete %1: %2</source>
        <translation>%1을(를) 삭제할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>JsonInput</name>
    <message>
        <location filename="../app/compose/jsoninput.cpp" line="+140"/>
        <source>The object is not closed: a &apos;,&apos; or &apos;}&apos; is expected here</source>
        <translation>객체가 닫히지 않았습니다: 여기에 &apos;,&apos; 또는 &apos;}&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A &apos;:&apos; is expected after the key</source>
        <translation>키 뒤에 &apos;:&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The array is not closed: a &apos;,&apos; or &apos;]&apos; is expected here</source>
        <translation>배열이 닫히지 않았습니다: 여기에 &apos;,&apos; 또는 &apos;]&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+19"/>
        <source>Unexpected text after the value</source>
        <translation>값 뒤에 예상하지 못한 텍스트가 있습니다</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>A &apos;,&apos; is expected between the values</source>
        <translation>값 사이에 &apos;,&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A value is expected here: an object, array, string, number, true, false or null</source>
        <translation>여기에 값이 와야 합니다: 객체, 배열, 문자열, 숫자, true, false 또는 null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text ends inside a number</source>
        <translation>텍스트가 숫자 중간에서 끝납니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number is not valid JSON</source>
        <translation>숫자가 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The string contains an invalid escape sequence</source>
        <translation>문자열에 잘못된 이스케이프 시퀀스가 있습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The string contains invalid UTF-8</source>
        <translation>문자열에 잘못된 UTF-8이 있습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The string is not closed: a &apos;&quot;&apos; is missing</source>
        <translation>문자열이 닫히지 않았습니다: &apos;&quot;&apos;가 없습니다</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The text ends inside a string: a closing &apos;&quot;&apos; is missing</source>
        <translation>텍스트가 문자열 중간에서 끝납니다: 닫는 &apos;&quot;&apos;가 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text ends before the JSON value is complete: a closing &apos;%1&apos; is missing</source>
        <translation>JSON 값이 완성되기 전에 텍스트가 끝납니다: 닫는 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>The JSON is nested too deeply</source>
        <translation>JSON의 중첩이 너무 깊습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The JSON document is too large</source>
        <translation>JSON 문서가 너무 큽니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid JSON</source>
        <translation>잘못된 JSON</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The text is empty; JSON needs a value</source>
        <translation>텍스트가 비어 있습니다. JSON에는 값이 필요합니다</translation>
    </message>
</context>
<context>
    <name>ListenOptions</name>
    <message>
        <location filename="../app/cli/listenoptions.cpp" line="+24"/>
        <source>--host &apos;%1&apos; is not an IP address (or localhost)</source>
        <translation>--host &apos;%1&apos;은(는) IP 주소(또는 localhost)가 아닙니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--port must be a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--port 값은 0에서 65535 사이의 숫자여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--cert and --key go together: give both, or neither for a self-signed certificate</source>
        <translation>--cert와 --key는 함께 씁니다: 둘 다 주거나, 자체 서명 인증서를 쓰려면 둘 다 빼세요</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 must be a positive number of seconds, not &apos;%2&apos;</source>
        <translation>%1 값은 양수 초여야 합니다: &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="+157"/>
        <source>The built-in echo server could not start: %1</source>
        <translation>내장 에코 서버를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot Open File</source>
        <translation>파일을 열 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read “%1”:
%2</source>
        <translation>“%1”을(를) 읽을 수 없습니다:
%2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Open Bytes File</source>
        <translation>바이트 파일 열기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>About Frameline</source>
        <translation>Frameline 정보</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Frameline %1&lt;/h3&gt;&lt;p&gt;A native WebSocket debugger.&lt;/p&gt;&lt;p&gt;Connect to WebSocket servers, run local ones, and see every frame, message and handshake as it went over the wire, with the rules it breaks (RFC 6455, and RFC 7692 permessage-deflate).&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frameline %1&lt;/h3&gt;&lt;p&gt;네이티브 웹소켓 디버거입니다.&lt;/p&gt;&lt;p&gt;웹소켓 서버에 연결하고 로컬 서버를 실행하며, 모든 프레임, 메시지, 핸드셰이크를 전송된 그대로, 어긴 규칙과 함께 볼 수 있습니다(RFC 6455, RFC 7692 permessage-deflate).&lt;/p&gt;&lt;p&gt;Qt %2(으)로 빌드했고 Qt %3에서 실행 중입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Main Toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — Frameline</source>
        <translation>%1 — Frameline</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Frame Decoder — Frameline</source>
        <translation>프레임 디코더 — Frameline</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Saved %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>%1 — Frame Decoder — Frameline</source>
        <translation>%1 — 프레임 디코더 — Frameline</translation>
    </message>
</context>
<context>
    <name>MessageAssembler</name>
    <message>
        <location filename="../app/protocol/messageassembler.cpp" line="+120"/>
        <source>The compressed payload does not inflate: %1</source>
        <translation>압축된 페이로드의 압축을 풀 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The compressed message inflates to more than the limit of %1 bytes</source>
        <translation>압축된 메시지를 풀면 제한 %1바이트를 넘습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The inflated text message is not valid UTF-8: byte %1 of the message (0x%2) cannot appear there</source>
        <translation>압축을 푼 텍스트 메시지가 올바른 UTF-8이 아닙니다: 메시지의 바이트 %1(0x%2)은(는) 그 자리에 올 수 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The inflated text message ends in the middle of a UTF-8 sequence</source>
        <translation>압축을 푼 텍스트 메시지가 UTF-8 시퀀스 중간에서 끝납니다</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <location filename="../ui/decoder/messagelistmodel.cpp" line="+56"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the wire</source>
        <translation>전송 크기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compressed</source>
        <translation>압축</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>페이로드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Violations</source>
        <translation>위반</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message number in the stream, from 0</source>
        <translation>스트림 안의 메시지 번호(0부터)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data frames that carried the message</source>
        <translation>메시지를 실어 나른 데이터 프레임</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length of the message as the application sees it (inflated), in bytes</source>
        <translation>애플리케이션이 보는 메시지 길이(압축을 푼 뒤, 바이트)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sum of the frames&apos; payload lengths on the wire, in bytes</source>
        <translation>전송된 프레임 페이로드 길이의 합(바이트)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent compressed with permessage-deflate (RFC 7692)</source>
        <translation>permessage-deflate로 압축해 보냄(RFC 7692)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol violations: RFC section, close code, explanation</source>
        <translation>프로토콜 위반: RFC 절, 종료 코드, 설명</translation>
    </message>
</context>
<context>
    <name>PayloadPage</name>
    <message>
        <location filename="../ui/inspector/payloadpage.cpp" line="+168"/>
        <source>Copy as Text</source>
        <translation>텍스트로 복사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as Hex</source>
        <translation>16진수로 복사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as Base64</source>
        <translation>Base64로 복사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as JSON</source>
        <translation>JSON으로 복사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Payload…</source>
        <translation>페이로드 저장…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the payload&apos;s exact bytes to a file</source>
        <translation>페이로드의 바이트를 그대로 파일에 저장합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the payload to the clipboard</source>
        <translation>페이로드를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>16진수</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A notice has no payload.</source>
        <translation>알림에는 페이로드가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a frame or a message to see its payload.</source>
        <translation>프레임이나 메시지를 선택하면 페이로드를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The payload is too large for the JSON view (over %1).</source>
        <translation>페이로드가 너무 커서 JSON 보기로 표시할 수 없습니다(%1 초과).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 message, %2</source>
        <translation>%1 메시지, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inflated from %1 compressed on the wire</source>
        <translation>(전송 시 압축된 %1에서 압축 해제)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payload was not kept: %1 declared, over the frame size limit.</source>
        <translation>페이로드를 보관하지 않았습니다: 선언된 크기 %1이(가) 프레임 크기 제한을 넘습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 frame, %2 compressed as on the wire (unmasked); select its message to see it inflated</source>
        <translation>%1 프레임, 전송된 그대로 압축된 %2 (마스크 해제됨). 압축을 푼 내용은 해당 메시지를 선택해 보세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 frame, %2 (unmasked)</source>
        <translation>%1 프레임, %2 (마스크 해제됨)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only part of the payload was kept.</source>
        <translation>페이로드의 일부만 보관했습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not valid UTF-8: the bad bytes are marked.</source>
        <translation>올바른 UTF-8이 아닙니다: 잘못된 바이트를 표시했습니다.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Showing the first %1 of %2. The Hex view and Save Payload… have every byte.</source>
        <translation>%2 중 처음 %1만 표시합니다. 16진수 보기와 페이로드 저장…에는 모든 바이트가 있습니다.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not valid JSON: %1 at byte %2 (line %3, column %4).</source>
        <translation>올바른 JSON이 아닙니다: 바이트 %2에서 %1 (%3행 %4열).</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+5"/>
        <source>Save Payload</source>
        <translation>페이로드 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the payload to “%1”: %2</source>
        <translation>페이로드를 “%1”에 저장할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>PayloadVariables</name>
    <message>
        <location filename="../app/compose/payloadvariables.cpp" line="+27"/>
        <source>Unix time in milliseconds</source>
        <translation>밀리초 단위 Unix 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix time in seconds</source>
        <translation>초 단위 Unix 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC date and time in ISO 8601, with milliseconds</source>
        <translation>ISO 8601 형식의 UTC 날짜와 시간(밀리초 포함)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A random UUID (version 4)</source>
        <translation>무작위 UUID (버전 4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of this send in the tab: 1, 2, 3, ...</source>
        <translation>이 탭에서 몇 번째로 보내는지: 1, 2, 3, ...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N random letters and digits (N from 1 to %1)</source>
        <translation>무작위 영문자와 숫자 N개 (N은 1부터 %1까지)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A literal &quot;{{&quot;</source>
        <translation>문자 그대로의 &quot;{{&quot;</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&quot;{{&quot; at byte %1 starts a variable but has no closing &quot;}}&quot;; write &quot;\{{&quot; for a literal &quot;{{&quot;</source>
        <translation>바이트 %1의 &quot;{{&quot;이(가) 변수를 시작하지만 닫는 &quot;}}&quot;이(가) 없습니다. &quot;{{&quot;을(를) 문자 그대로 쓰려면 &quot;\{{&quot;로 쓰세요</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 at byte %2: the length must be a whole number from 1 to %3, as in {{random:16}}</source>
        <translation>바이트 %2의 %1: 길이는 {{random:16}}처럼 1부터 %3까지의 정수여야 합니다</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown variable %1 at byte %2; the variables are {{timestamp}}, {{timestamp:s}}, {{timestamp:iso}}, {{uuid}}, {{counter}} and {{random:N}}; write &quot;\{{&quot; for a literal &quot;{{&quot;</source>
        <translation>바이트 %2에 알 수 없는 변수 %1이(가) 있습니다. 쓸 수 있는 변수는 {{timestamp}}, {{timestamp:s}}, {{timestamp:iso}}, {{uuid}}, {{counter}}, {{random:N}}입니다. &quot;{{&quot;을(를) 문자 그대로 쓰려면 &quot;\{{&quot;로 쓰세요</translation>
    </message>
</context>
<context>
    <name>PerMessageDeflate</name>
    <message>
        <location filename="../app/protocol/permessagedeflate.cpp" line="-652"/>
        <source>the end of the value</source>
        <translation>값의 끝</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos;</source>
        <translation>&apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>byte 0x%1</source>
        <translation>바이트 0x%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1=%2 is not a decimal number without leading zeros</source>
        <translation>%1=%2은(는) 앞자리 0이 없는 십진수가 아닙니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1=%2 is out of range 8-15</source>
        <translation>%1=%2이(가) 범위 8-15를 벗어납니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 appears more than once</source>
        <translation>%1이(가) 두 번 이상 나옵니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must not have a value (found %1=%2)</source>
        <translation>%1에는 값이 없어야 합니다(%1=%2 발견)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 needs a value 8-15</source>
        <translation>%1에는 8-15 값이 필요합니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 needs a value 8-15 in a response</source>
        <translation>응답에서 %1에는 8-15 값이 필요합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown parameter &quot;%1&quot;</source>
        <translation>알 수 없는 매개변수 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>permessage-deflate appears more than once</source>
        <translation>permessage-deflate가 두 번 이상 나옵니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>there is no permessage-deflate element</source>
        <translation>permessage-deflate 항목이 없습니다</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>expected an extension name at offset %1, found %2</source>
        <translation>오프셋 %1에 확장 이름이 와야 하는데 %2이(가) 있습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected a parameter name at offset %1, found %2</source>
        <translation>오프셋 %1에 매개변수 이름이 와야 하는데 %2이(가) 있습니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>invalid escaped %1 in a quoted value at offset %2</source>
        <translation>오프셋 %2의 따옴표 값에 잘못된 이스케이프 %1이(가) 있습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>invalid %1 in a quoted value at offset %2</source>
        <translation>오프셋 %2의 따옴표 값에 잘못된 %1이(가) 있습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the quoted value at offset %1 has no closing quote</source>
        <translation>오프셋 %1의 따옴표 값에 닫는 따옴표가 없습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the quoted value &quot;%1&quot; of %2 is not a token</source>
        <translation>%2의 따옴표 값 &quot;%1&quot;은(는) 토큰이 아닙니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected a value for %1 at offset %2, found %3</source>
        <translation>오프셋 %2에 %1의 값이 와야 하는데 %3이(가) 있습니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected &apos;,&apos; or &apos;;&apos; at offset %1, found %2</source>
        <translation>오프셋 %1에 &apos;,&apos; 또는 &apos;;&apos;이 와야 하는데 %2이(가) 있습니다</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+114"/>
        <source>the Sec-WebSocket-Extensions value is malformed: %1</source>
        <translation>Sec-WebSocket-Extensions 값의 형식이 잘못되었습니다: %1</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>permessage-deflate offer %1 declined: %2</source>
        <translation>permessage-deflate 제안 %1을(를) 거절했습니다: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>the Sec-WebSocket-Extensions response is malformed: %1</source>
        <translation>Sec-WebSocket-Extensions 응답의 형식이 잘못되었습니다: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>server_max_window_bits=%1 is larger than the %2 offered</source>
        <translation>server_max_window_bits=%1이(가) 제안한 %2보다 큽니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>client_max_window_bits is in the response, but the client did not offer it</source>
        <translation>응답에 client_max_window_bits가 있지만 클라이언트는 이를 제안하지 않았습니다</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../ui/preferences/preferencesdialog.cpp" line="+84"/>
        <source>The new language applies the next time Frameline starts.</source>
        <translation>새 언어는 Frameline을 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A change of language applies the next time Frameline starts.</source>
        <translation>언어를 바꾸면 Frameline을 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preferences</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System (%1)</source>
        <translation>시스템 (%1)</translation>
    </message>
</context>
<context>
    <name>PropertyTree</name>
    <message>
        <location filename="../ui/inspector/propertytree.cpp" line="+42"/>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the wire</source>
        <translation>전송 바이트</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../ui/session/recoverydialog.cpp" line="+104"/>
        <source>%1
Last written %2</source>
        <translation>%1
마지막 기록: %2</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Recover Sessions</source>
        <translation>세션 복구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;Frameline did not close normally last time.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;These recordings were not saved. Each holds what its tab recorded until a fraction of a second before Frameline stopped.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Open&lt;/i&gt; shows a recording read-only, &lt;i&gt;Save As&lt;/i&gt; keeps it as a session file, &lt;i&gt;Discard&lt;/i&gt; deletes it. &lt;i&gt;Later&lt;/i&gt; keeps them until the next start.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;지난번에 Frameline이 정상적으로 종료되지 않았습니다.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;이 녹화는 저장되지 않았습니다. 각 녹화에는 Frameline이 멈추기 직전까지 해당 탭이 기록한 내용이 들어 있습니다.&lt;/p&gt;&lt;p&gt;&lt;i&gt;열기&lt;/i&gt;는 녹화를 읽기 전용으로 보여 주고, &lt;i&gt;다른 이름으로 저장&lt;/i&gt;은 세션 파일로 보관하며, &lt;i&gt;버리기&lt;/i&gt;는 삭제합니다. &lt;i&gt;나중에&lt;/i&gt;는 다음 실행 때까지 그대로 둡니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save As…</source>
        <translation>다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>버리기(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>나중에(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <location filename="../app/cli/replaycommand.cpp" line="+58"/>
        <source>%1 message, %2 B</source>
        <translation>%1 메시지, %2 B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>frame %1, %2 B</source>
        <translation>프레임 %1, %2 B</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close %1</source>
        <translation>Close %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without a code</source>
        <translation>코드 없는 Close</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+421"/>
        <location line="+20"/>
        <source>warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location line="-436"/>
        <source>step %1/%2: %3 — press Enter to send</source>
        <translation>단계 %1/%2: %3 — Enter를 누르면 보냅니다</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the connection did not close in time; dropping it</source>
        <translation>연결이 제시간에 종료되지 않아 연결을 끊습니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>replaying connection #%1 of %2 to %3 (sends: %4, recorded replies: %5)</source>
        <translation>%2의 연결 #%1을(를) %3에 재생합니다(보낼 것: %4, 녹화된 응답: %5)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>end of standard input: stopping the replay</source>
        <translation>표준 입력이 끝났습니다: 재생을 중지합니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 again: dropping the connection</source>
        <translation>%1을(를) 다시 받았습니다: 연결을 끊습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: stopping the replay (send it again to drop the connection)</source>
        <translation>%1: 재생을 중지합니다(한 번 더 보내면 연결을 바로 끊습니다)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>replay complete: sent %1 of %2</source>
        <translation>재생 완료: %2개 중 %1개를 보냈습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>replay incomplete: %1</source>
        <translation>재생 미완료: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>replaying the server side of connection #%1 (sends: %2)</source>
        <translation>연결 #%1의 서버 쪽을 재생합니다(보낼 것: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>client done: every recorded send was sent</source>
        <translation>클라이언트 완료: 녹화된 것을 모두 보냈습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client gone before the replay was complete</source>
        <translation>재생이 끝나기 전에 클라이언트가 떠났습니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>clients did not close in time (%1 left): dropping them</source>
        <translation>클라이언트가 제시간에 종료하지 않아(%1개 남음) 연결을 끊습니다</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 again: dropping every client</source>
        <translation>%1을(를) 다시 받았습니다: 모든 클라이언트의 연결을 끊습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: closing every client with 1001 and shutting down (clients: %2)</source>
        <translation>%1: 모든 클라이언트를 1001로 종료하고 서버를 끕니다(클라이언트: %2)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Replay a recorded connection as a client (and compare the replies), or serve it as a mock server</source>
        <translation>녹화된 연결을 클라이언트로 재생하거나(응답 비교 가능), 모의 서버로 재생합니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>frameline-cli replay: %1 (see &apos;frameline-cli replay --help&apos;)</source>
        <translation>frameline-cli replay: %1 (&apos;frameline-cli replay --help&apos; 참고)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
As a client (the default), replays the first connection that a client recorded
in FILE (or --connection ID): dials its URL (or --url) with the recorded
handshake (headers, subprotocols, permessage-deflate), sends the messages it
sent with the recorded gaps (--speed, --fast, --step), then waits for the
replies the recording got (at most --timeout) and closes with 1000. Every event
is printed as &apos;connect&apos; prints it. With --compare, the replies are compared
with the recorded ones in order (JSON-aware; --ignore leaves fields out) and
the differences are printed.

With --serve, listens (127.0.0.1, --port) and answers every client with the
recorded server side: each recorded server message is sent once the client
has sent as many messages as the recorded client had by then. Runs until
SIGINT or SIGTERM.

Exit status: 0 when the replay completed (with --compare: and everything
matched); 1 when it did not complete or something differed; 2 for bad input
(a file that cannot be read, no connection to replay, a bad URL or option).</source>
        <translation>
클라이언트로 재생할 때(기본값)는 FILE에서 클라이언트가 녹화한 첫 연결(또는
--connection ID)을 재생합니다: 녹화된 핸드셰이크(헤더, 서브프로토콜,
permessage-deflate)로 그 URL(또는 --url)에 연결하고, 보냈던 메시지를 녹화된
간격대로(--speed, --fast, --step) 보낸 뒤, 녹화 당시 받은 응답을 (최대
--timeout 동안) 기다리고 1000으로 종료합니다. 모든 이벤트는 &apos;connect&apos;와
같은 방식으로 출력합니다. --compare를 주면 응답을 녹화된 응답과 순서대로
비교하고(JSON 인식, --ignore로 필드 제외) 차이를 출력합니다.

--serve를 주면 (127.0.0.1, --port에서) 수신 대기하며, 모든 클라이언트에
녹화된 서버 쪽으로 응답합니다: 녹화된 각 서버 메시지는 그 시점까지 녹화된
클라이언트가 보낸 만큼 클라이언트가 메시지를 보내면 전송됩니다. SIGINT나
SIGTERM을 받을 때까지 실행됩니다.

종료 상태: 재생이 완료되면(--compare를 주었으면 모두 일치할 때) 0, 완료되지
않았거나 차이가 있으면 1, 잘못된 입력(읽을 수 없는 파일, 재생할 연결 없음,
잘못된 URL이나 옵션)은 2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A Frameline session file.</source>
        <translation>Frameline 세션 파일.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recorded connection to replay (its id in the file); default: the first one a client recorded (with --serve: the first one).</source>
        <translation>재생할 녹화된 연결(파일 안의 id). 기본값: 클라이언트가 녹화한 첫 연결(--serve일 때는 첫 연결).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect here instead of the recorded URL.</source>
        <translation>녹화된 URL 대신 여기에 연결합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play the recorded timing F times as fast (2 halves every gap; default 1).</source>
        <translation>녹화된 타이밍을 F배 빠르게 재생합니다(2면 모든 간격이 절반, 기본값 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send as fast as possible, without the gaps.</source>
        <translation>간격 없이 최대한 빠르게 보냅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send one step at a time: wait for Enter on standard input before each send.</source>
        <translation>한 단계씩 보냅니다: 보낼 때마다 먼저 표준 입력에서 Enter를 기다립니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before each send, wait for as many replies as the recording had received by then.</source>
        <translation>보내기 전마다, 녹화 당시 그 시점까지 받은 만큼의 응답을 기다립니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the recorded frames exactly (header bits, masking keys, fragments, control frames) instead of the messages.</source>
        <translation>메시지 대신 녹화된 프레임을 그대로 보냅니다(헤더 비트, 마스킹 키, 조각, 제어 프레임).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare the replies with the recorded ones; exit 1 when they differ.</source>
        <translation>응답을 녹화된 응답과 비교합니다. 다르면 1로 종료합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --compare: leave this JSON field out (repeatable). A JSONPath: $.id, $.items[*].ts, $..timestamp (at any depth).</source>
        <translation>--compare와 함께: 이 JSON 필드를 비교에서 뺍니다(여러 번 가능). JSONPath: $.id, $.items[*].ts, $..timestamp(깊이 무관).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the replay&apos;s own traffic to this session file as it goes.</source>
        <translation>재생 중 발생한 트래픽을 진행하는 즉시 이 세션 파일에 기록합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest wait for awaited replies, and for the last replies before closing, in seconds (decimals allowed; default 10).</source>
        <translation>기다리는 응답과 종료 전 마지막 응답을 기다리는 최대 시간(초, 소수 가능, 기본값 10).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wss: accept a certificate that does not verify.</source>
        <translation>wss: 검증되지 않는 인증서도 받아들입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run a mock server that answers every client with the recorded server side.</source>
        <translation>모든 클라이언트에 녹화된 서버 쪽으로 응답하는 모의 서버를 실행합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --serve: the port (0, the default, picks a free one).</source>
        <translation>--serve와 함께: 포트(기본값 0이면 빈 포트를 고릅니다).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not print every event; only the replay&apos;s own lines and the comparison.</source>
        <translation>모든 이벤트를 출력하지 않고, 재생 자체의 줄과 비교 결과만 출력합니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no FILE: give the session file to replay</source>
        <translation>FILE이 없습니다: 재생할 세션 파일을 주세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give one FILE, not %1: %2</source>
        <translation>FILE은 %1개가 아니라 하나만 주세요: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>give one of --speed, --fast and --step</source>
        <translation>--speed, --fast, --step 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--speed must be a number above 0 (2 plays twice as fast), not &apos;%1&apos;</source>
        <translation>--speed 값은 0보다 큰 숫자여야 합니다(2면 두 배 빠르게 재생): &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--connection must be a connection id (a positive number), not &apos;%1&apos;</source>
        <translation>--connection 값은 연결 id(양수)여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--ignore needs --compare</source>
        <translation>--ignore에는 --compare가 필요합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--ignore: %1</source>
        <translation>--ignore: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--%1 is for replaying as a client, not with --serve</source>
        <translation>--%1은(는) 클라이언트로 재생할 때 쓰며, --serve와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--port must be a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--port 값은 0에서 65535 사이의 숫자여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--port needs --serve</source>
        <translation>--port에는 --serve가 필요합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--url: %1</source>
        <translation>--url: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 holds no connection to serve</source>
        <translation>%1에 서비스할 연결이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 holds no connection recorded by a client; give --connection ID to replay the client side of a server&apos;s recording</source>
        <translation>%1에 클라이언트가 녹화한 연결이 없습니다. 서버의 녹화에서 클라이언트 쪽을 재생하려면 --connection ID를 주세요</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+26"/>
        <source>--record: %1</source>
        <translation>--record: %1</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>frameline-cli replay: %1</source>
        <translation>frameline-cli replay: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>connection #%1 has no recorded URL: give --url</source>
        <translation>연결 #%1에 녹화된 URL이 없습니다: --url을 주세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the recorded URL of connection #%1 cannot be used (%2): give --url</source>
        <translation>연결 #%1의 녹화된 URL을 쓸 수 없습니다(%2): --url을 주세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--insecure is for wss:// URLs</source>
        <translation>--insecure는 wss:// URL에만 씁니다</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <location filename="../ui/session/replaydialog.cpp" line="+386"/>
        <source>recorded by an unknown end</source>
        <translation>녹화한 쪽을 알 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recorded by a client</source>
        <translation>클라이언트가 녹화함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recorded by a server</source>
        <translation>서버가 녹화함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1 — %2</source>
        <translation>#%1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>messages: %1 sent, %2 received</source>
        <translation>메시지 송신 %1, 수신 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 holds no connection to replay</source>
        <translation>%1에 재생할 연결이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read with warnings: %1</source>
        <translation>경고와 함께 읽음: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Replaying %1 as a client to %2</source>
        <translation>%1을(를) 클라이언트로 %2에 재생하는 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaying %1 as a mock server</source>
        <translation>%1을(를) 모의 서버로 재생하는 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connect to: %1</source>
        <translation>연결할 주소: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timing: as recorded, at %1 × speed</source>
        <translation>타이밍: 녹화된 대로, %1배속</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timing: as fast as possible</source>
        <translation>타이밍: 최대한 빠르게</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timing: step by step (Next sends each)</source>
        <translation>타이밍: 한 단계씩 (다음 버튼을 누를 때마다 보냄)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends: the exact frames</source>
        <translation>보낼 것: 프레임 그대로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends: the messages</source>
        <translation>보낼 것: 메시지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits for the replies before each send</source>
        <translation>보내기 전마다 응답을 기다림</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Does not wait for replies</source>
        <translation>응답을 기다리지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded replies to compare with: %1</source>
        <translation>비교할 녹화된 응답: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Answers every client with the %n recorded server send(s)</source>
        <translation>
            <numerusform>모든 클라이언트에 녹화된 서버 송신 %n개로 응답</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comparison: %1</source>
        <translation>비교: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The session is still being read</source>
        <translation>아직 세션을 읽는 중입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a connection to replay</source>
        <translation>재생할 연결을 고르세요</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Give the URL to connect to</source>
        <translation>연결할 URL을 입력하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The URL cannot be used: %1</source>
        <translation>URL을 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The workspace is gone</source>
        <translation>작업 공간이 없어졌습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, connection #%2</source>
        <translation>%1, 연결 #%2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Replay — %1</source>
        <translation>재생 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay a recorded connection of %1: as a client against a server (and compare what comes back with the recording), or as a mock server that answers clients with what the server sent. The replay&apos;s own traffic opens in a new tab and is recorded as a new session.</source>
        <translation>%1의 녹화된 연결을 재생합니다: 클라이언트로서 서버에 재생하거나(돌아온 응답을 녹화와 비교), 서버가 보낸 것으로 클라이언트에 응답하는 모의 서버로 재생합니다. 재생 중 발생한 트래픽은 새 탭에서 열리고 새 세션으로 녹화됩니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading %1…</source>
        <translation>%1을(를) 읽는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;onnection:</source>
        <translation>연결(&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay</source>
        <translation>재생</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As a &amp;client</source>
        <translation>클라이언트로(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to a server and send what the client sent</source>
        <translation>서버에 연결해 클라이언트가 보냈던 것을 보냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As a &amp;mock server</source>
        <translation>모의 서버로(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen, and answer every client with what the server sent</source>
        <translation>수신 대기하며, 모든 클라이언트에 서버가 보냈던 것으로 응답합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ws://host:port/path</source>
        <translation>ws://host:port/path</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded URL</source>
        <translation>녹화된 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the URL the recording connected to</source>
        <translation>녹화 당시 연결했던 URL로 되돌립니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send:</source>
        <translation>보낼 것:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;messages</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each recorded message, through this connection&apos;s own framing and compression</source>
        <translation>녹화된 각 메시지를 이 연결 자체의 프레임 구성과 압축으로 보냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e&amp;xact frames</source>
        <translation>프레임 그대로(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every recorded frame as it was: header bits, masking keys, fragments, control frames</source>
        <translation>녹화된 모든 프레임을 그대로 보냅니다: 헤더 비트, 마스킹 키, 조각, 제어 프레임</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Wait for the replies before each send</source>
        <translation>보내기 전마다 응답 기다리기(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before each send, wait until as many messages have arrived as the recording had received</source>
        <translation>보내기 전마다, 녹화 당시 받은 만큼의 메시지가 도착할 때까지 기다립니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mock server</source>
        <translation>모의 서버</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>포트(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any free port</source>
        <translation>빈 포트 아무거나</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing</source>
        <translation>타이밍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded timing, &amp;speed:</source>
        <translation>녹화된 타이밍, 속도(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ×</source>
        <translation>배</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 plays twice as fast, 0.5 half as fast</source>
        <translation>2면 두 배 빠르게, 0.5면 절반 속도로 재생합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As &amp;fast as possible</source>
        <translation>최대한 빠르게(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tep by step (Next sends each)</source>
        <translation>한 단계씩(&amp;T) (다음 버튼으로 하나씩 보냄)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Comparison</source>
        <translation>비교 보기(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Tab</source>
        <translation>탭 보기(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Replay</source>
        <translation>새 재생(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ReplayRun</name>
    <message>
        <location filename="../ui/session/replayrun.cpp" line="+123"/>
        <source>client #%1: %2</source>
        <translation>클라이언트 #%1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>could not listen: %1</source>
        <translation>수신 대기할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>stopped before it started</source>
        <translation>시작하기 전에 중지했습니다</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Not started</source>
        <translation>시작 안 함</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to %1</source>
        <translation>%1에 연결하는 중</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting the mock server</source>
        <translation>모의 서버를 시작하는 중</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on %1 — clients: %2 connected, %3 in all</source>
        <translation>%1에서 수신 대기 중 — 클라이언트: 연결됨 %2, 전체 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending: %1 of %2 sent</source>
        <translation>보내는 중: %2개 중 %1개 보냄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All %1 sent: waiting for the last replies</source>
        <translation>%1개 모두 보냄: 마지막 응답을 기다리는 중</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1 of %2 waits for Next: %3</source>
        <translation>%2단계 중 %1단계가 다음 버튼을 기다림: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for Next</source>
        <translation>다음 버튼을 기다리는 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping: closing the connection</source>
        <translation>중지하는 중: 연결을 종료합니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopping: closing every client</source>
        <translation>중지하는 중: 모든 클라이언트를 종료합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped — clients served: %1</source>
        <translation>중지됨 — 응답한 클라이언트: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete: %1 of %2 sent</source>
        <translation>완료: %2개 중 %1개 보냄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete: %1</source>
        <translation>미완료: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>text message, %1 B</source>
        <translation>텍스트 메시지, %1 B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binary message, %1 B</source>
        <translation>바이너리 메시지, %1 B</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>frame %1, %2 B</source>
        <translation>프레임 %1, %2 B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close %1</source>
        <translation>Close %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without a code</source>
        <translation>코드 없는 Close</translation>
    </message>
</context>
<context>
    <name>ReplayScript</name>
    <message>
        <location filename="../app/session/replay.cpp" line="-624"/>
        <source>the recording has no connection #%1</source>
        <translation>녹화에 연결 #%1이(가) 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection #%1 has no handshake and no frames that tell whether a client or a server recorded it</source>
        <translation>연결 #%1에는 클라이언트가 녹화했는지 서버가 녹화했는지 알려 줄 핸드셰이크도 프레임도 없습니다</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>message #%1 was not kept whole in the recording: left out</source>
        <translation>메시지 #%1은(는) 녹화에 온전히 보관되지 않아 제외합니다</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>frame #%1 was recorded without its payload (over the frame limit): left out</source>
        <translation>프레임 #%1은(는) 페이로드 없이 녹화되어(프레임 제한 초과) 제외합니다</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>connection #%1 has messages but not their frames (an import keeps only messages): replay its messages instead</source>
        <translation>연결 #%1에는 메시지만 있고 프레임이 없습니다(가져오기는 메시지만 보관합니다): 대신 메시지를 재생하세요</translation>
    </message>
</context>
<context>
    <name>ReplayStatusWidget</name>
    <message>
        <location filename="../ui/session/replaystatuswidget.cpp" line="+88"/>
        <source>The replay&apos;s tab was closed</source>
        <translation>재생 탭이 닫혔습니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 sent</source>
        <translation>%2개 중 %1개 보냄</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Warnings: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next</source>
        <translation>다음(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the next step</source>
        <translation>다음 단계를 보냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the replay and close its connections</source>
        <translation>재생을 중지하고 연결을 종료합니다</translation>
    </message>
</context>
<context>
    <name>ReplayTab</name>
    <message>
        <location filename="../ui/session/replaytab.cpp" line="+74"/>
        <source>Replay %1: %2</source>
        <translation>재생 %1: %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Replay of %1 as a client to %2</source>
        <translation>%1을(를) 클라이언트로 %2에 재생</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay of %1 as a mock server</source>
        <translation>%1을(를) 모의 서버로 재생</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connect to %1</source>
        <translation>%1에 연결</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n recorded send(s)</source>
        <translation>
            <numerusform>녹화된 송신 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recorded as a new session: Save Session As keeps it</source>
        <translation>새 세션으로 녹화됨: 보관하려면 다른 이름으로 세션 저장을 쓰세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic</source>
        <translation>트래픽</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparison — %1</source>
        <translation>비교 — %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PASS</source>
        <translation>통과</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAIL</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
</context>
<context>
    <name>RequestSettingsWidget</name>
    <message>
        <location filename="../ui/workspace/requestsettingswidget.cpp" line="+207"/>
        <source>Choose a File</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.cer *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers:</source>
        <translation>헤더:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a request header</source>
        <translation>요청 헤더를 추가합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected header</source>
        <translation>선택한 헤더를 제거합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origin:</source>
        <translation>Origin:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <location line="+2"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Subprotocols:</source>
        <translation>서브프로토콜:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated, in order of preference</source>
        <translation>쉼표로 구분, 선호 순서대로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer permessage-deflate compression</source>
        <translation>permessage-deflate 압축 제안</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeouts</source>
        <translation>타임아웃</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect:</source>
        <translation>연결:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS lookup, TCP connection and TLS handshake</source>
        <translation>DNS 조회, TCP 연결, TLS 핸드셰이크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening handshake:</source>
        <translation>연결 핸드셰이크:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing handshake:</source>
        <translation>종료 핸드셰이크:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS (wss://)</source>
        <translation>TLS (wss://)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the server&apos;s certificate</source>
        <translation>서버 인증서 검증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When off, certificate errors are shown but the connection goes on</source>
        <translation>끄면 인증서 오류를 표시하되 연결은 계속합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra CA:</source>
        <translation>추가 CA:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System CAs only</source>
        <translation>시스템 CA만 사용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate:</source>
        <translation>클라이언트 인증서:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private key:</source>
        <translation>개인 키:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proxy</source>
        <translation>프록시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No proxy</source>
        <translation>프록시 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the environment (https_proxy, …)</source>
        <translation>환경 변수에서 (https_proxy, …)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This proxy</source>
        <translation>지정한 프록시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode:</source>
        <translation>방식:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Behaviour</source>
        <translation>동작</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strict: a violation fails the connection</source>
        <translation>엄격: 위반이 있으면 연결을 실패 처리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lenient: note violations and go on</source>
        <translation>관대: 위반을 기록하고 계속 진행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Violations:</source>
        <translation>프로토콜 위반:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keepalive ping:</source>
        <translation>연결 유지 핑:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnect when the connection drops</source>
        <translation>연결이 끊기면 재연결</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts:</source>
        <translation>시도 횟수:</translation>
    </message>
</context>
<context>
    <name>RowExport</name>
    <message>
        <location filename="../ui/timeline/rowexport.cpp" line="+133"/>
        <source>The timeline was cleared before its rows were written; %1 was not written</source>
        <translation>행을 쓰기 전에 타임라인이 비워졌습니다. %1은(는) 쓰지 않았습니다</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+112"/>
        <source>the script did not end at --timeout; stopping it</source>
        <translation>--timeout이 되어도 스크립트가 끝나지 않아 중지합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the connection ended before it opened</source>
        <translation>연결이 열리기 전에 끝났습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the connection did not close in time; dropping it</source>
        <translation>연결이 제시간에 종료되지 않아 연결을 끊습니다</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n client(s) did not close in time; dropping them</source>
        <translation>
            <numerusform>클라이언트 %n개가 제시간에 종료하지 않아 연결을 끊습니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+143"/>
        <source>[error] %1</source>
        <translation>[error] %1</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>[error] the --record file could not be written completely</source>
        <translation>[error] --record 파일을 끝까지 쓰지 못했습니다</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>[log] %1%2</source>
        <translation>[log] %1%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[info] %1%2</source>
        <translation>[info] %1%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[warn] %1%2%3</source>
        <translation>[warn] %1%2%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[error] %1%2%3</source>
        <translation>[error] %1%2%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>[pass] %1%2%3</source>
        <translation>[pass] %1%2%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[fail] %1%2%3</source>
        <translation>[fail] %1%2%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>script: %1%2</source>
        <translation>스크립트: %1%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the connection to %1 never opened</source>
        <translation>%1에 대한 연결이 열리지 않았습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection to %1 failed: %2</source>
        <translation>%1에 대한 연결이 실패했습니다: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>[info] %1: dropping the connection</source>
        <translation>[info] %1: 연결을 끊습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>[info] %1 again: ending now</source>
        <translation>[info] %1을(를) 다시 받았습니다: 바로 끝냅니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>[info] %1: stopping the script</source>
        <translation>[info] %1: 스크립트를 중지합니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>[fail] %1</source>
        <translation>[fail] %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+17"/>
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+353"/>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location line="-343"/>
        <source>STOPPED</source>
        <translation>STOPPED</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 passed, %2 failed</source>
        <translation>통과 %1, 실패 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s; frames sent: %2</source>
        <translation>%1초, 보낸 프레임: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2): %3 (%4)</source>
        <translation>%1 (%2): %3 (%4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>script %1: %2</source>
        <translation>스크립트 %1: %2</translation>
    </message>
    <message>
        <location line="+92"/>
        <source> (--serve)</source>
        <translation> (--serve)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run a JavaScript test scenario against a server (--url) or as a mock server (--serve)</source>
        <translation>서버를 상대로(--url) 또는 모의 서버로(--serve) JavaScript 테스트 시나리오를 실행합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>frameline-cli run: %1 (see &apos;frameline-cli run --help&apos;)</source>
        <translation>frameline-cli run: %1 (&apos;frameline-cli run --help&apos; 참고)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
Runs SCRIPT with the scripting API of docs/scripting.md (ws.send, ws.waitFor,
sleep, expect, assert, done, ...) without a window. With --url it connects
first and starts the script once the connection is open; the run ends at
done(), when the connection closes, at --timeout, on an error, or on SIGINT or
SIGTERM, and the connection is then closed with 1000. With --serve it listens
(127.0.0.1, --port; the URL is printed first) and the script answers every
client through server.on(&apos;connection&apos;, ...); the run ends at done(), at
--timeout, on an error or on SIGINT/SIGTERM, and the clients are closed with
1001.

SCRIPT is a file, or example:ID for a bundled example (also --example ID):
%1
The script&apos;s log goes to standard output as it happens ([log], [info], and
[fail] for a failed assertion, with its file and line); warnings and errors go
to standard error ([warn], [error], with line and column). --verbose adds
passed assertions and every event of the connection; --quiet leaves only
failures, errors and the summary. The last line is the summary:
&quot;PASS: 3 passed, 0 failed (...)&quot;, or FAIL, ERROR or STOPPED.
With --record FILE every event and the script&apos;s console also go to a session
file that &apos;frameline-cli info&apos; and the desktop app open.

Exit status: 0 when every assertion held; 1 when an assertion failed; 2 for an
error in the script (syntax error, uncaught exception, a busy loop interrupted
after --busy-limit, --timeout reached) or in the arguments (a script that
cannot be read, a bad URL or option, a server that cannot be reached, a port
that cannot be used); 130 (SIGINT) or 143 (SIGTERM) when a --url run was
interrupted. A --serve run ended by SIGINT or SIGTERM exits 0 or 1 by its
assertions.</source>
        <translation>
창 없이 docs/scripting.md의 스크립트 API(ws.send, ws.waitFor, sleep,
expect, assert, done, ...)로 SCRIPT를 실행합니다. --url을 주면 먼저
연결하고, 연결이 열리면 스크립트를 시작합니다. 실행은 done()이 호출되거나,
연결이 종료되거나, --timeout에 이르거나, 오류가 나거나, SIGINT나 SIGTERM을
받으면 끝나며, 그 뒤 연결을 1000으로 종료합니다. --serve를 주면
(127.0.0.1, --port에서) 수신 대기하고(URL을 먼저 출력합니다) 스크립트가
server.on(&apos;connection&apos;, ...)으로 모든 클라이언트에 응답합니다. 실행은
done(), --timeout, 오류, SIGINT/SIGTERM 중 하나로 끝나며, 클라이언트는
1001로 종료됩니다.

SCRIPT는 파일이거나, 내장 예제를 가리키는 example:ID입니다(--example ID도 가능):
%1
스크립트 로그는 발생하는 즉시 표준 출력으로 나갑니다([log], [info], 실패한
어설션은 파일과 줄 번호와 함께 [fail]). 경고와 오류는 표준 오류로 나갑니다
([warn], [error], 줄과 열 번호 포함). --verbose는 통과한 어설션과 연결의
모든 이벤트를 더하고, --quiet는 실패, 오류, 요약만 남깁니다. 마지막 줄은
요약입니다: &quot;PASS: 통과 3, 실패 0 (...)&quot; 또는 FAIL, ERROR, STOPPED.
--record FILE을 주면 모든 이벤트와 스크립트 콘솔도 세션 파일에 기록하며, 이
파일은 &apos;frameline-cli info&apos;와 데스크톱 앱에서 열 수 있습니다.

종료 상태: 모든 어설션이 통과하면 0, 어설션이 실패하면 1, 스크립트 오류(구문
오류, 처리되지 않은 예외, --busy-limit 후 중단된 바쁜 루프, --timeout 도달)나
인수 오류(읽을 수 없는 스크립트, 잘못된 URL이나 옵션, 연결할 수 없는 서버,
쓸 수 없는 포트)는 2, --url 실행이 중단되면 130(SIGINT) 또는 143(SIGTERM).
SIGINT나 SIGTERM으로 끝난 --serve 실행은 어설션 결과에 따라 0 또는 1로
종료합니다.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The script file (UTF-8 JavaScript), or example:ID for a bundled example.</source>
        <translation>스크립트 파일(UTF-8 JavaScript), 또는 내장 예제를 가리키는 example:ID.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect to this ws:// or wss:// URL and run the script as its client.</source>
        <translation>이 ws:// 또는 wss:// URL에 연결하고 스크립트를 그 클라이언트로 실행합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run a local server instead and let the script answer its clients (a mock server).</source>
        <translation>대신 로컬 서버를 실행하고 스크립트가 클라이언트에 응답하게 합니다(모의 서버).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the bundled example ID instead of a file.</source>
        <translation>파일 대신 내장 예제 ID를 실행합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the bundled examples and exit.</source>
        <translation>내장 예제 목록을 출력하고 끝냅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --serve: the address to listen on (default 127.0.0.1; 0.0.0.0 or :: for every interface).</source>
        <translation>--serve와 함께: 수신 대기할 주소(기본값 127.0.0.1, 모든 인터페이스는 0.0.0.0 또는 ::).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --serve: the port to listen on; 0 (the default) picks a free one.</source>
        <translation>--serve와 함께: 수신 대기할 포트. 0(기본값)이면 빈 포트를 고릅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --serve: serve wss://, with --cert and --key or else a self-signed certificate for localhost.</source>
        <translation>--serve와 함께: wss://로 서비스합니다. --cert와 --key를 쓰거나, 없으면 localhost용 자체 서명 인증서를 씁니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --url wss://: the client certificate (PEM), needs --key. With --serve --tls: the server&apos;s certificate (PEM).</source>
        <translation>--url wss://와 함께: 클라이언트 인증서(PEM), --key가 필요합니다. --serve --tls와 함께: 서버 인증서(PEM).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The private key of --cert (PEM, unencrypted).</source>
        <translation>--cert의 개인 키(PEM, 암호화되지 않은 것).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End the run with an error after S seconds (decimals allowed).</source>
        <translation>S초 뒤에 실행을 오류로 끝냅니다(소수 가능).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interrupt the script when it runs this many milliseconds without yielding (default %1).</source>
        <translation>스크립트가 제어를 넘기지 않고 이 밀리초 동안 실행되면 중단합니다(기본값 %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also write every event and the script&apos;s console to this session file (replaced).</source>
        <translation>모든 이벤트와 스크립트 콘솔을 이 세션 파일에도 기록합니다(기존 파일은 대체).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print only failures, errors and the summary.</source>
        <translation>실패, 오류, 요약만 출력합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also print passed assertions and every event of the connection.</source>
        <translation>통과한 어설션과 연결의 모든 이벤트도 출력합니다.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>give one script, not %1: %2</source>
        <translation>스크립트는 %1개가 아니라 하나만 주세요: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give either a script or --example, not both</source>
        <translation>스크립트와 --example 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no script: give a .js file or example:ID</source>
        <translation>스크립트가 없습니다: .js 파일이나 example:ID를 주세요</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no bundled example &apos;%1&apos;; these are:
%2</source>
        <translation>내장 예제 &apos;%1&apos;이(가) 없습니다. 다음 중에서 고르세요:
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>example:%1 is a server script: run it with --serve</source>
        <translation>example:%1은(는) 서버 스크립트입니다: --serve로 실행하세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>example:%1 is a client script: run it with --url</source>
        <translation>example:%1은(는) 클라이언트 스크립트입니다: --url로 실행하세요</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give either --url or --serve, not both</source>
        <translation>--url과 --serve 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no --url: give the ws:// or wss:// URL to connect to, or --serve</source>
        <translation>--url이 없습니다: 연결할 ws:// 또는 wss:// URL이나 --serve를 주세요</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: only with --url</source>
        <translation>%1: --url과 함께만 쓸 수 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with --serve, --cert and --key need --tls</source>
        <translation>--serve와 함께 쓸 때 --cert와 --key에는 --tls가 필요합니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--%1 is for --serve</source>
        <translation>--%1은(는) --serve와 함께 씁니다</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--busy-limit must be a positive number of milliseconds, not &apos;%1&apos;</source>
        <translation>--busy-limit 값은 양수 밀리초여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give either --quiet or --verbose, not both</source>
        <translation>--quiet와 --verbose 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--record needs a file name</source>
        <translation>--record에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot read the script %1: %2</source>
        <translation>스크립트 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>[error] %1%2</source>
        <translation>[error] %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 passed, %3 failed (%4)</source>
        <translation>%1: 통과 %2, 실패 %3 (%4)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>syntax error</source>
        <translation>구문 오류</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>frameline-cli run: %1</source>
        <translation>frameline-cli run: %1</translation>
    </message>
</context>
<context>
    <name>ScriptBridge</name>
    <message>
        <location filename="../app/script/scriptbridge.cpp" line="+69"/>
        <source>ws.close: the code must be 0-65535, got %1</source>
        <translation>ws.close: 코드는 0-65535여야 하는데 %1입니다</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>base64.decode: not valid base64</source>
        <translation>base64.decode: 올바른 base64가 아닙니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>hex.decode: expected pairs of hex digits, got &quot;%1&quot;</source>
        <translation>hex.decode: 16진수 숫자 쌍이 와야 하는데 &quot;%1&quot;입니다</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>randomBytes: the count must be 0-%1</source>
        <translation>randomBytes: 개수는 0-%1이어야 합니다</translation>
    </message>
</context>
<context>
    <name>ScriptConsoleModel</name>
    <message>
        <location filename="../ui/script/scriptconsolemodel.cpp" line="-117"/>
        <source>Line %1, column %2 (click to go there)</source>
        <translation>%1번째 줄, %2번째 열 (클릭하면 이동)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line %1 (click to go there)</source>
        <translation>%1번째 줄 (클릭하면 이동)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>warning: </source>
        <translation>경고: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error: </source>
        <translation>오류: </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(client #%1)</source>
        <translation>(클라이언트 #%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[line %1]</source>
        <translation>[%1번째 줄]</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 of %2 assertions failed</source>
        <translation>어설션 %2개 중 %1개 실패</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 assertion passed</source>
        <translation>어설션 1개 통과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 assertions passed</source>
        <translation>어설션 %1개 통과</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 frame sent</source>
        <translation>프레임 1개 보냄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 frames sent</source>
        <translation>프레임 %1개 보냄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 s, %3</source>
        <translation>%1, %2초, %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passed: %1</source>
        <translation>통과: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Error at line %1: %2 (%3)</source>
        <translation>%1번째 줄에서 오류: %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1 (%2)</source>
        <translation>오류: %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped: %1</source>
        <translation>중지됨: %1</translation>
    </message>
</context>
<context>
    <name>ScriptHost</name>
    <message>
        <location filename="../app/script/scripthost.cpp" line="+102"/>
        <source>The script API could not be set up: %1</source>
        <translation>스크립트 API를 준비할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Timed out after %1 ms</source>
        <translation>%1ms 후 시간 초과</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server no longer exists</source>
        <translation>서버가 더 이상 없습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The connection no longer exists</source>
        <translation>연결이 더 이상 없습니다</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The connection is %1; a script needs an open connection</source>
        <translation>연결 상태가 %1입니다. 스크립트에는 열린 연결이 필요합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for the connection to open</source>
        <translation>연결이 열리기를 기다리는 중</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Script started</source>
        <translation>스크립트 시작됨</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 is not available in Frameline scripts: scripts can reach only the ws API (see docs/scripting.md)</source>
        <translation>%1은(는) Frameline 스크립트에서 쓸 수 없습니다: 스크립트는 ws API만 사용할 수 있습니다(docs/scripting.md 참고)</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Client %1 connected</source>
        <translation>클라이언트 %1 연결됨</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The connection ended before it opened: %1</source>
        <translation>연결이 열리기 전에 끝났습니다: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Client %1 closed: %2</source>
        <translation>클라이언트 %1 종료됨: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection closed: %1</source>
        <translation>연결 종료됨: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was sent: %1</source>
        <translation>보내지 않았습니다: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server stopped</source>
        <translation>서버가 중지되었습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection was deleted while the script was running</source>
        <translation>스크립트 실행 중에 연결이 삭제되었습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The script ran for more than %1 ms without yielding (an endless loop?)</source>
        <translation>스크립트가 제어를 넘기지 않고 %1ms 넘게 실행되었습니다(무한 루프인가요?)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing was sent: the connection is closed</source>
        <translation>보내지 않았습니다: 연결이 종료되었습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was sent: the connection is %1</source>
        <translation>보내지 않았습니다: 연결 상태가 %1입니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>ws.sendFrame: opcode must be a number 0-15, got %1</source>
        <translation>ws.sendFrame: opcode는 0-15 사이의 숫자여야 하는데 %1입니다</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>ws.sendFrame: mask must be true, false or an array of 4 bytes, got %1</source>
        <translation>ws.sendFrame: mask는 true, false 또는 4바이트 배열이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ws.sendFrame: lengthForm must be 7, 16 or 64, got %1</source>
        <translation>ws.sendFrame: lengthForm은 7, 16, 64 중 하나여야 하는데 %1입니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ws.sendFrame: declaredLength must be a whole number ≥ 0, got %1</source>
        <translation>ws.sendFrame: declaredLength는 0 이상의 정수여야 하는데 %1입니다</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+58"/>
        <location line="+13"/>
        <source>line %1: %2</source>
        <translation>%1번째 줄: %2</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>%1 (in %2)</source>
        <translation>%1 (%2에서)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unhandled promise rejection: %1</source>
        <translation>처리되지 않은 Promise 거부: %1</translation>
    </message>
</context>
<context>
    <name>ScriptLink</name>
    <message>
        <location filename="../app/script/scriptlink.cpp" line="+55"/>
        <source>That client is no longer connected</source>
        <translation>그 클라이언트는 더 이상 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection no longer exists</source>
        <translation>연결이 더 이상 없습니다</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The connection is not open</source>
        <translation>연결이 열려 있지 않습니다</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../ui/script/scriptpanel.cpp" line="+257"/>
        <source>Syntax error at line %1, column %2: %3</source>
        <translation>%1번째 줄, %2번째 열에 구문 오류: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syntax error: %1</source>
        <translation>구문 오류: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not run: syntax error</source>
        <translation>실행 안 함: 구문 오류</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopped before it started</source>
        <translation>시작하기 전에 중지됨</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Waiting for the connection to open…</source>
        <translation>연결이 열리기를 기다리는 중…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+21"/>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+3"/>
        <source>Not run: %1</source>
        <translation>실행 안 함: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting the server…</source>
        <translation>서버를 시작하는 중…</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+137"/>
        <source>Syntax error at line %1: %2</source>
        <translation>%1번째 줄에 구문 오류: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Untitled script</source>
        <translation>제목 없는 스크립트</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The file is too large for a script (%1 MB).</source>
        <translation>스크립트로 쓰기에는 파일이 너무 큽니다(%1 MB).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unsaved Script</source>
        <translation>저장하지 않은 스크립트</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open Script</source>
        <translation>스크립트 열기</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <source>JavaScript files (*.js);;All files (*)</source>
        <translation>JavaScript 파일 (*.js);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Cannot Open Script</source>
        <translation>스크립트를 열 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read “%1”:
%2</source>
        <translation>“%1”을(를) 읽을 수 없습니다:
%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+20"/>
        <source>Cannot Save Script</source>
        <translation>스크립트를 저장할 수 없음</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+19"/>
        <source>Could not write “%1”:
%2</source>
        <translation>“%1”에 쓸 수 없습니다:
%2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Save Script As</source>
        <translation>다른 이름으로 스크립트 저장</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the script on this tab&apos;s connection, connecting first if needed (%1)</source>
        <translation>이 탭의 연결에서 스크립트를 실행합니다. 필요하면 먼저 연결합니다(%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the script as this server&apos;s handler, starting the server if needed (%1)</source>
        <translation>스크립트를 이 서버의 핸들러로 실행합니다. 필요하면 서버를 먼저 시작합니다(%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running script (%1)</source>
        <translation>실행 중인 스크립트를 중지합니다(%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a script file (.js)</source>
        <translation>스크립트 파일(.js)을 엽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the script (%1)</source>
        <translation>스크립트를 저장합니다(%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the script to a new file</source>
        <translation>스크립트를 새 파일로 저장합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation>예제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load one of the bundled example scripts</source>
        <translation>내장 예제 스크립트 중 하나를 불러옵니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console</source>
        <translation>콘솔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the console</source>
        <translation>콘솔을 비웁니다</translation>
    </message>
</context>
<context>
    <name>ScriptPrelude</name>
    <message>
        <location filename="../app/script/scriptprelude.cpp" line="+15"/>
        <source>%1 is not available in Frameline scripts: scripts can reach only the ws API (see docs/scripting.md)</source>
        <translation>%1은(는) Frameline 스크립트에서 쓸 수 없습니다: 스크립트는 ws API만 사용할 수 있습니다(docs/scripting.md 참고)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assertion failed</source>
        <translation>어설션 실패</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to be %2</source>
        <translation>%1이(가) %2이기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to be %2</source>
        <translation>%1이(가) %2이(가) 아니기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to equal %2</source>
        <translation>%1이(가) %2와(과) 같기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to equal %2</source>
        <translation>%1이(가) %2와(과) 같지 않기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to contain %2</source>
        <translation>%1이(가) %2을(를) 포함하기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to contain %2</source>
        <translation>%1이(가) %2을(를) 포함하지 않기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to match %2</source>
        <translation>%1이(가) %2와(과) 일치하기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to match %2</source>
        <translation>%1이(가) %2와(과) 일치하지 않기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to be truthy</source>
        <translation>%1이(가) truthy이기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to be truthy</source>
        <translation>%1이(가) truthy가 아니기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to be falsy</source>
        <translation>%1이(가) falsy이기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to be falsy</source>
        <translation>%1이(가) falsy가 아니기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to be greater than %2</source>
        <translation>%1이(가) %2보다 크기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to be greater than %2</source>
        <translation>%1이(가) %2보다 크지 않기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to be less than %2</source>
        <translation>%1이(가) %2보다 작기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to be less than %2</source>
        <translation>%1이(가) %2보다 작지 않기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to have property %2</source>
        <translation>%1에 속성 %2이(가) 있기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to have property %2</source>
        <translation>%1에 속성 %2이(가) 없기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 to have property %2 equal to %3</source>
        <translation>%1의 속성 %2이(가) %3와(과) 같기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 not to have property %2 equal to %3</source>
        <translation>%1의 속성 %2이(가) %3와(과) 같지 않기를 기대했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: unknown event &apos;%2&apos; (expected one of: %3)</source>
        <translation>%1: 알 수 없는 이벤트 &apos;%2&apos;(다음 중 하나여야 합니다: %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: expected a function, got %2</source>
        <translation>%1: 함수가 와야 하는데 %2입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: expected a Uint8Array, an ArrayBuffer, an array of numbers 0-255 or a string, got %2</source>
        <translation>%1: Uint8Array, ArrayBuffer, 0-255 숫자 배열 또는 문자열이 와야 하는데 %2입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ws.send: nothing to send (got %1)</source>
        <translation>ws.send: 보낼 것이 없습니다(받은 값: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waitFor: no message matching %1 within %2 ms</source>
        <translation>waitFor: %2ms 안에 %1와(과) 일치하는 메시지가 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waitFor: the connection closed before a message matching %1 arrived</source>
        <translation>waitFor: %1와(과) 일치하는 메시지가 오기 전에 연결이 종료되었습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waitFor: the matcher must be a string, a RegExp or a function, got %1</source>
        <translation>waitFor: matcher는 문자열, RegExp 또는 함수여야 하는데 %1입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run: expected a generator function (function* () { ... }), got %1</source>
        <translation>run: 제너레이터 함수(function* () { ... })가 와야 하는데 %1입니다</translation>
    </message>
</context>
<context>
    <name>ScriptRunner</name>
    <message>
        <location filename="../app/script/scriptrunner.cpp" line="+226"/>
        <source>%1 is not available in Frameline scripts: scripts can reach only the ws API (see docs/scripting.md)</source>
        <translation>%1은(는) Frameline 스크립트에서 쓸 수 없습니다: 스크립트는 ws API만 사용할 수 있습니다(docs/scripting.md 참고)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sends a message: text as is, objects as JSON, bytes as binary</source>
        <translation>메시지를 보냅니다. 텍스트는 그대로, 객체는 JSON으로, 바이트는 바이너리로 보냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a binary message (Uint8Array, ArrayBuffer or array of numbers)</source>
        <translation>바이너리 메시지를 보냅니다(Uint8Array, ArrayBuffer 또는 숫자 배열)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a Ping frame with an optional payload</source>
        <translation>Ping 프레임을 보냅니다. 페이로드는 선택 사항입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends an unsolicited Pong frame</source>
        <translation>요청받지 않은 Pong 프레임을 보냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts the closing handshake (default code 1000)</source>
        <translation>종료 핸드셰이크를 시작합니다(기본 코드 1000)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends one message split into count frames</source>
        <translation>메시지 하나를 count개의 프레임으로 나눠 보냅니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends one hand-crafted frame, valid or not</source>
        <translation>직접 만든 프레임 하나를 보냅니다. 올바르지 않은 프레임도 가능합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls handler on &apos;open&apos;, &apos;message&apos;, &apos;frame&apos;, &apos;ping&apos;, &apos;pong&apos;, &apos;close&apos; or &apos;error&apos;</source>
        <translation>&apos;open&apos;, &apos;message&apos;, &apos;frame&apos;, &apos;ping&apos;, &apos;pong&apos;, &apos;close&apos;, &apos;error&apos; 이벤트에서 handler를 호출합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes a handler added with ws.on</source>
        <translation>ws.on으로 추가한 핸들러를 제거합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promise of the next message matching a string, RegExp or function</source>
        <translation>문자열, RegExp 또는 함수와 일치하는 다음 메시지의 Promise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The URL of the connection</source>
        <translation>연결의 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection state: &apos;open&apos;, &apos;closing&apos;, &apos;closed&apos;, ...</source>
        <translation>연결 상태: &apos;open&apos;, &apos;closing&apos;, &apos;closed&apos;, ...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The negotiated subprotocol (empty for none)</source>
        <translation>협상된 서브프로토콜(없으면 빈 문자열)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server scripts: &apos;connection&apos; (client) and &apos;close&apos; (client) handlers</source>
        <translation>서버 스크립트: &apos;connection&apos;(client)과 &apos;close&apos;(client) 핸들러</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server scripts: the clients that are open</source>
        <translation>서버 스크립트: 열려 있는 클라이언트 목록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server scripts: sends to every open client</source>
        <translation>서버 스크립트: 열려 있는 모든 클라이언트에 보냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server scripts: the URL clients connect to</source>
        <translation>서버 스크립트: 클라이언트가 연결할 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs a generator scenario: each yield waits for a promise</source>
        <translation>제너레이터 시나리오를 실행합니다. 각 yield는 Promise를 기다립니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promise resolved after ms milliseconds</source>
        <translation>ms밀리초 후 이행되는 Promise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls fn once after ms milliseconds</source>
        <translation>ms밀리초 후 fn을 한 번 호출합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancels a setTimeout</source>
        <translation>setTimeout을 취소합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls fn every ms milliseconds</source>
        <translation>ms밀리초마다 fn을 호출합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancels a setInterval</source>
        <translation>setInterval을 취소합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes to the script console (objects as JSON)</source>
        <translation>스크립트 콘솔에 씁니다(객체는 JSON으로)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes to the script console</source>
        <translation>스크립트 콘솔에 씁니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes a warning to the script console</source>
        <translation>스크립트 콘솔에 경고를 씁니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes an error line to the script console</source>
        <translation>스크립트 콘솔에 오류 줄을 씁니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records a check; a false condition fails the run</source>
        <translation>검사를 기록합니다. 조건이 거짓이면 실행이 실패합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts a check: .toBe, .toEqual, .toContain, .toMatch, ... and .not</source>
        <translation>검사를 시작합니다: .toBe, .toEqual, .toContain, .toMatch, ... 그리고 .not</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends the run</source>
        <translation>실행을 끝냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64 text of bytes (text is encoded as UTF-8)</source>
        <translation>바이트의 Base64 텍스트(텍스트는 UTF-8로 인코딩)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes (Uint8Array) of Base64 text</source>
        <translation>Base64 텍스트의 바이트(Uint8Array)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex digits of bytes</source>
        <translation>바이트의 16진수 숫자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes (Uint8Array) of hex digits</source>
        <translation>16진수 숫자의 바이트(Uint8Array)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-8 bytes (Uint8Array) of text</source>
        <translation>텍스트의 UTF-8 바이트(Uint8Array)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text of UTF-8 bytes</source>
        <translation>UTF-8 바이트의 텍스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A random UUID (version 4)</source>
        <translation>무작위 UUID (버전 4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Uint8Array of `count` cryptographically random bytes</source>
        <translation>암호학적으로 안전한 무작위 바이트 `count`개의 Uint8Array</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A random whole number from min to max, both included</source>
        <translation>min 이상 max 이하의 무작위 정수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parses JSON text</source>
        <translation>JSON 텍스트를 파싱합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON text of a value</source>
        <translation>값의 JSON 텍스트</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Echo check</source>
        <translation>에코 확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribe and assert</source>
        <translation>구독 후 어설션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load generator</source>
        <translation>부하 생성기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mock server</source>
        <translation>모의 서버</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ping monitor</source>
        <translation>핑 모니터</translation>
    </message>
</context>
<context>
    <name>ScriptRunner::Private</name>
    <message>
        <location line="-214"/>
        <source>A script is already running</source>
        <translation>이미 실행 중인 스크립트가 있습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no connection to run the script on</source>
        <translation>스크립트를 실행할 연결이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no server to run the script on</source>
        <translation>스크립트를 실행할 서버가 없습니다</translation>
    </message>
</context>
<context>
    <name>SelfSignedCertificate</name>
    <message>
        <location filename="../app/net/selfsignedcertificate.cpp" line="+59"/>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot create the folder %1</source>
        <translation>폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OpenSSL could not generate a key</source>
        <translation>OpenSSL이 키를 생성하지 못했습니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>OpenSSL could not build the certificate</source>
        <translation>OpenSSL이 인증서를 만들지 못했습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>OpenSSL could not write the certificate</source>
        <translation>OpenSSL이 인증서를 쓰지 못했습니다</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/servecommand.cpp" line="+69"/>
        <source>%n client(s) did not close in time; dropping them</source>
        <translation>
            <numerusform>클라이언트 %n개가 제시간에 종료하지 않아 연결을 끊습니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 again: dropping every client</source>
        <translation>%1을(를) 다시 받았습니다: 모든 클라이언트의 연결을 끊습니다</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1: closing %n client(s) with 1001 and shutting down</source>
        <translation>
            <numerusform>%1: 클라이언트 %n개를 1001로 종료하고 서버를 끕니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Run a local WebSocket server (ws or wss; echo, broadcast or silent) and print every event</source>
        <translation>로컬 웹소켓 서버(ws 또는 wss; 에코, 브로드캐스트, 또는 조용히)를 실행하고 모든 이벤트를 출력합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+150"/>
        <source>frameline-cli serve: %1</source>
        <translation>frameline-cli serve: %1</translation>
    </message>
    <message>
        <location line="-148"/>
        <source> (see &apos;frameline-cli serve --help&apos;)</source>
        <translation> (&apos;frameline-cli serve --help&apos; 참고)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>
Listens (on 127.0.0.1 unless --host says otherwise) and prints its URL first
(&quot;listening on ws://127.0.0.1:PORT/&quot;, or {&quot;type&quot;:&quot;listening&quot;,&quot;url&quot;:...} with
--json), then every event of every client on one line, [#N] naming the client:
states, handshakes, TLS, frames, messages, violations. Without --echo or
--broadcast the server only shows what clients send.
On SIGINT or SIGTERM it closes every client with 1001, waits for their closing
handshakes and exits (a second signal drops them at once).
With --record FILE every client&apos;s events also go to one session file as they
happen (each client a connection of its own); the file reaches the disk at
least every 200 ms, so even a killed server leaves a file that opens.

Exit status: 0 after a clean shutdown; 1 when it cannot listen (or clients did
not close in time, or the --record file could not be written); 2 for bad
arguments (or a --record file that cannot be created).</source>
        <translation>
로컬 서버로 대기하며(--host가 없으면 127.0.0.1) 먼저 URL을 출력하고
(&quot;listening on ws://127.0.0.1:PORT/&quot;, --json이면 {&quot;type&quot;:&quot;listening&quot;,&quot;url&quot;:...}),
이후 모든 클라이언트의 모든 이벤트를 한 줄씩 출력합니다. [#N]은 클라이언트를
가리킵니다: 상태, 핸드셰이크, TLS, 프레임, 메시지, 프로토콜 위반.
--echo나 --broadcast가 없으면 서버는 클라이언트가 보낸 것을 보여 주기만 합니다.
SIGINT나 SIGTERM을 받으면 모든 클라이언트를 1001로 종료하고, 종료 핸드셰이크를
기다린 뒤 끝납니다(두 번째 신호는 즉시 연결을 끊습니다).
--record FILE을 주면 모든 클라이언트의 이벤트를 발생하는 즉시 세션 파일 하나에도
기록합니다(클라이언트마다 별도의 연결). 파일은 적어도 200ms마다 디스크에
쓰이므로, 서버가 강제 종료되어도 열 수 있는 파일이 남습니다.

종료 상태: 정상 종료 후 0, 대기할 수 없을 때(또는 클라이언트가 제때 종료되지
않았거나 --record 파일에 쓸 수 없었을 때) 1, 잘못된 인수(또는 만들 수 없는
--record 파일)는 2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Address to listen on: 127.0.0.1 (the default), ::1, 0.0.0.0 or :: for every interface, or one local address.</source>
        <translation>수신 대기할 주소: 127.0.0.1(기본값), ::1, 모든 인터페이스는 0.0.0.0 또는 ::, 또는 로컬 주소 하나.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port to listen on; 0 (the default) picks a free one.</source>
        <translation>수신 대기할 포트. 0(기본값)이면 빈 포트를 고릅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve wss://, with --cert and --key or else a self-signed certificate for localhost (kept in the app-data folder; its path is printed).</source>
        <translation>wss://로 서비스합니다. --cert와 --key를 쓰거나, 없으면 localhost용 자체 서명 인증서를 씁니다(앱 데이터 폴더에 보관하며 경로를 출력합니다).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --tls: the certificate (PEM).</source>
        <translation>--tls와 함께: 인증서(PEM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --tls: its private key (PEM, unencrypted).</source>
        <translation>--tls와 함께: 그 개인 키(PEM, 암호화되지 않은 것).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send every message back to its sender.</source>
        <translation>모든 메시지를 보낸 쪽에 되돌려 보냅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send every message to every client.</source>
        <translation>모든 메시지를 모든 클라이언트에 보냅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subprotocol to accept (repeatable; the first one listed that a client offers is chosen).</source>
        <translation>받아들일 서브프로토콜(여러 번 가능. 클라이언트가 제안한 것 중 목록에서 가장 앞선 것을 고릅니다).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept only this Origin (repeatable; &apos;*&apos; for any); others get 403. Requests without Origin pass.</source>
        <translation>이 Origin만 받아들입니다(여러 번 가능, 모두 허용은 &apos;*&apos;). 나머지는 403을 받습니다. Origin이 없는 요청은 통과합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer every opening handshake with this HTTP status (200-599) instead of 101.</source>
        <translation>모든 연결 핸드셰이크에 101 대신 이 HTTP 상태(200-599)로 응답합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decline permessage-deflate.</source>
        <translation>permessage-deflate를 거절합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail a client&apos;s connection on any violation (the default).</source>
        <translation>위반이 있으면 그 클라이언트의 연결을 실패 처리합니다(기본값).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report violations but keep connections open.</source>
        <translation>위반을 보고하되 연결은 유지합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest incoming message in bytes (default %1).</source>
        <translation>받을 최대 메시지 크기(바이트, 기본값 %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ping every client every MS milliseconds and show the round trip.</source>
        <translation>MS밀리초마다 모든 클라이언트에 핑을 보내고 왕복 시간을 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print one JSON object per event.</source>
        <translation>이벤트마다 JSON 객체 하나를 출력합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also print the raw handshake request and response.</source>
        <translation>핸드셰이크의 원본 요청과 응답도 출력합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write every client&apos;s events to this session file (replaced) as they happen.</source>
        <translation>모든 클라이언트의 이벤트를 발생하는 즉시 이 세션 파일에도 기록합니다(기존 파일은 대체).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>예상하지 못한 인수 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--cert and --key need --tls</source>
        <translation>--cert와 --key에는 --tls가 필요합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give either --echo or --broadcast, not both</source>
        <translation>--echo와 --broadcast 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--subprotocol &apos;%1&apos; is not a token (RFC 6455 §4.1: no spaces, commas or quotes)</source>
        <translation>--subprotocol &apos;%1&apos;은(는) 토큰이 아닙니다(RFC 6455 §4.1: 공백, 쉼표, 따옴표 불가)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--allow-origin &apos;%1&apos; is not a valid origin</source>
        <translation>--allow-origin &apos;%1&apos;은(는) 올바른 Origin이 아닙니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--reject must be an HTTP status from 200 to 599, not &apos;%1&apos;</source>
        <translation>--reject 값은 200에서 599 사이의 HTTP 상태여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>give either --strict or --lenient, not both</source>
        <translation>--strict와 --lenient 중 하나만 주세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--max-message must be a positive number of bytes, not &apos;%1&apos;</source>
        <translation>--max-message 값은 양수 바이트 수여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--ping-interval must be a positive number of milliseconds, not &apos;%1&apos;</source>
        <translation>--ping-interval 값은 양수 밀리초여야 합니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--record needs a file name</source>
        <translation>--record에는 파일 이름이 필요합니다</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <location filename="../app/net/server.cpp" line="+46"/>
        <source>A wss server needs both a certificate and its key, or neither (for a self-signed one)</source>
        <translation>wss 서버에는 인증서와 키가 모두 있거나, 둘 다 없어야 합니다(없으면 자체 서명 인증서 사용)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>%1 포트 %2에서 수신 대기할 수 없습니다: %3</translation>
    </message>
</context>
<context>
    <name>ServerClientsModel</name>
    <message>
        <location filename="../ui/workspace/serverclientsmodel.cpp" line="+111"/>
        <source>Closed (%1)</source>
        <translation>종료됨 (%1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 in · %2 out</source>
        <translation>수신 %1 · 송신 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>상대 주소</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <location filename="../app/net/server.cpp" line="+141"/>
        <source>The TLS handshake with the client failed: %1</source>
        <translation>클라이언트와의 TLS 핸드셰이크에 실패했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <location filename="../ui/workspace/servertab.cpp" line="+240"/>
        <location line="+2"/>
        <source>Server :%1</source>
        <translation>서버 :%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Cannot listen: %1</source>
        <translation>수신 대기할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Disabled while the script runs: the script answers the clients</source>
        <translation>스크립트 실행 중에는 사용할 수 없습니다. 스크립트가 클라이언트에 응답합니다</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S&amp;tart</source>
        <translation>시작(&amp;T)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening on %1</source>
        <translation>%1에서 수신 대기 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clients: %1 open</source>
        <translation>클라이언트: %1개 연결됨</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To all clients:</source>
        <translation>모든 클라이언트에게:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To client #%1:</source>
        <translation>클라이언트 #%1에게:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a File</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.cer *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local Server</source>
        <translation>로컬 서버</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>주소:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>127.0.0.1 or ::1 accept this computer only; 0.0.0.0 or :: every network</source>
        <translation>127.0.0.1 또는 ::1은 이 컴퓨터의 연결만, 0.0.0.0 또는 ::은 모든 네트워크의 연결을 받습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any free port</source>
        <translation>빈 포트 자동 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secure (wss://)</source>
        <translation>보안 연결 (wss://)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate:</source>
        <translation>인증서:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key:</source>
        <translation>개인 키:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Self-signed for localhost</source>
        <translation>localhost용 자체 서명</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behaviour:</source>
        <translation>동작:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual: you answer</source>
        <translation>수동: 직접 응답</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo every message back</source>
        <translation>에코: 모든 메시지를 되돌려 보냄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broadcast to all clients</source>
        <translation>브로드캐스트: 모든 클라이언트에 보냄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subprotocols:</source>
        <translation>서브프로토콜:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated, preferred first</source>
        <translation>쉼표로 구분, 선호하는 것부터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Clients</source>
        <translation>모든 클라이언트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every client in the timeline and send to all of them</source>
        <translation>타임라인에 모든 클라이언트를 보여 주고 모두에게 보냅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Composer</source>
        <translation>작성기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
</context>
<context>
    <name>ServerTabSettings</name>
    <message>
        <location filename="../ui/workspace/servertabsettings.cpp" line="+65"/>
        <source>“%1” is not an IP address (for example 127.0.0.1, ::1 or 0.0.0.0).</source>
        <translation>“%1”은(는) IP 주소가 아닙니다(예: 127.0.0.1, ::1, 0.0.0.0).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give both the certificate and its private key, or neither for a self-signed one.</source>
        <translation>인증서와 개인 키를 모두 지정하거나, 자체 서명 인증서를 쓰려면 둘 다 비워 두세요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file “%1” does not exist or cannot be read.</source>
        <translation>파일 “%1”이(가) 없거나 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../ui/session/sessioncontroller.cpp" line="+108"/>
        <source>Cannot Import HAR</source>
        <translation>HAR을 가져올 수 없음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot Open Session</source>
        <translation>세션을 열 수 없음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a file.</source>
        <translation>%1은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 does not exist.</source>
        <translation>%1이(가) 없습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is not a HAR file: it does not begin with a JSON object holding &quot;log&quot;.</source>
        <translation>%1은(는) HAR 파일이 아닙니다: &quot;log&quot;를 가진 JSON 객체로 시작하지 않습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Frameline opens its own session files (.flsession) and HAR files exported by browsers.</source>
        <translation>Frameline은 자체 세션 파일(.flsession)과 브라우저에서 내보낸 HAR 파일을 엽니다.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot Save Session</source>
        <translation>세션을 저장할 수 없음</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+9"/>
        <source>Cannot Export Session</source>
        <translation>세션을 내보낼 수 없음</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open Session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import HAR</source>
        <translation>HAR 가져오기</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save Session As</source>
        <translation>다른 이름으로 세션 저장</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>HAR (*.har)</source>
        <translation>HAR (*.har)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Session</source>
        <translation>세션 내보내기</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Save Recovered Session As</source>
        <translation>복구한 세션을 다른 이름으로 저장</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Discard Recording</source>
        <translation>녹화를 버릴 수 없음</translation>
    </message>
</context>
<context>
    <name>SessionEventFile</name>
    <message>
        <location filename="../app/session/sessioneventfile.cpp" line="+21"/>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No event line at byte %1 of %2</source>
        <translation>%2의 %1바이트 위치에 이벤트 줄이 없습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is shorter than when it was opened: the event at byte %2 is no longer there (the file has changed)</source>
        <translation>%1이(가) 열었을 때보다 짧아졌습니다: %2바이트 위치의 이벤트가 더 이상 없습니다(파일이 변경되었습니다)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The event at byte %1 of %2 is not where it was when the file was opened (the file has changed)</source>
        <translation>%2의 %1바이트 위치에 있어야 할 이벤트가 파일을 열었을 때와 다릅니다(파일이 변경되었습니다)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The event at byte %1 of %2 cannot be read (the file has changed?): %3</source>
        <translation>%2의 %1바이트 위치에 있는 이벤트를 읽을 수 없습니다(파일이 변경되었나요?): %3</translation>
    </message>
</context>
<context>
    <name>SessionExport</name>
    <message>
        <location filename="../app/session/sessionexport.cpp" line="-526"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <location filename="../ui/session/sessionfiles.cpp" line="+80"/>
        <source>Frameline sessions (*.flsession *.jsonl)</source>
        <translation>Frameline 세션 (*.flsession *.jsonl)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HAR files (*.har)</source>
        <translation>HAR 파일 (*.har)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+14"/>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+15"/>
        <location line="+7"/>
        <source>Cannot save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cannot read %1: it ended early</source>
        <translation>%1을(를) 읽을 수 없습니다: 파일이 도중에 끝났습니다</translation>
    </message>
</context>
<context>
    <name>SessionFormat</name>
    <message>
        <location filename="../app/session/sessionformat.cpp" line="+1833"/>
        <location line="+6"/>
        <source>its first line is not a session header</source>
        <translation>첫 줄이 세션 헤더가 아닙니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its header does not say &quot;format&quot;: &quot;%1&quot;</source>
        <translation>헤더에 &quot;format&quot;: &quot;%1&quot;이(가) 없습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>its format version &quot;%1&quot; is not one Frameline knows</source>
        <translation>형식 버전 &quot;%1&quot;은(는) Frameline이 알지 못하는 버전입니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it was written in format version %1, which needs a newer Frameline (this one reads version %2.x)</source>
        <translation>형식 버전 %1(으)로 작성되어 더 새로운 Frameline이 필요합니다(이 Frameline은 버전 %2.x를 읽습니다)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>format version %1 is newer than this Frameline reads (%2.%3): fields it does not know are ignored</source>
        <translation>형식 버전 %1은(는) 이 Frameline이 읽는 버전(%2.%3)보다 새롭습니다: 알 수 없는 필드는 무시합니다</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>not valid UTF-8 (byte %1)</source>
        <translation>올바른 UTF-8이 아닙니다(바이트 %1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>field &quot;%1&quot; does not hold a valid value (column %2)</source>
        <translation>필드 &quot;%1&quot;의 값이 올바르지 않습니다(%2열)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not valid JSON: the line ends in the middle of a value</source>
        <translation>올바른 JSON이 아닙니다: 값 중간에서 줄이 끝납니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: expected a value at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열에 값이 와야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: expected a field name at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열에 필드 이름이 와야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: expected &apos;:&apos; at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열에 &apos;:&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: expected &apos;,&apos; or &apos;}&apos; at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열에 &apos;,&apos; 또는 &apos;}&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: expected &apos;,&apos; or &apos;]&apos; at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열에 &apos;,&apos; 또는 &apos;]&apos;가 와야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: invalid string at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열의 문자열이 잘못되었습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: invalid number at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열의 숫자가 잘못되었습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: nested too deeply at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열에서 중첩이 너무 깊습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON: unexpected data after the object at column %1</source>
        <translation>올바른 JSON이 아닙니다: %1열에 객체 뒤로 예상하지 못한 데이터가 있습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a JSON object</source>
        <translation>JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+145"/>
        <source>missing field &quot;%1&quot;</source>
        <translation>필드 &quot;%1&quot;이(가) 없습니다</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>violation rule &quot;%1&quot; is not one this version knows: left out</source>
        <translation>위반 규칙 &quot;%1&quot;은(는) 이 버전이 알지 못하는 규칙이라 제외했습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>both &quot;text&quot; and &quot;base64&quot; given</source>
        <translation>&quot;text&quot;와 &quot;base64&quot;가 둘 다 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing field &quot;text&quot; or &quot;base64&quot;</source>
        <translation>&quot;text&quot; 또는 &quot;base64&quot; 필드가 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>field &quot;%1&quot; does not hold valid UTF-8 text</source>
        <translation>필드 &quot;%1&quot;의 값이 올바른 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <location line="+8"/>
        <source>field &quot;%1&quot; does not hold valid base64</source>
        <translation>필드 &quot;%1&quot;의 값이 올바른 base64가 아닙니다</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>unknown event type &quot;%1&quot;</source>
        <translation>알 수 없는 이벤트 유형 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>SessionReader</name>
    <message>
        <location filename="../app/session/sessionreader.cpp" line="+120"/>
        <source>line %1: %2</source>
        <translation>%1번째 줄: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line %1: %2 (skipped)</source>
        <translation>%1번째 줄: %2 (건너뜀)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last line truncated</source>
        <translation>마지막 줄이 잘렸습니다</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n more lines could not be read</source>
        <translation>
            <numerusform>이 밖에 %n줄을 더 읽을 수 없었습니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 is empty: it is not a Frameline session</source>
        <translation>%1이(가) 비어 있습니다: Frameline 세션이 아닙니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not a Frameline session: %2</source>
        <translation>%1은(는) Frameline 세션이 아닙니다: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location line="+269"/>
        <source>No session is open</source>
        <translation>열린 세션이 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No event line starts at byte %1 of %2</source>
        <translation>%2의 바이트 %1에서 시작하는 이벤트 줄이 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The event at byte %1 of %2 cannot be read: %3</source>
        <translation>%2의 바이트 %1에 있는 이벤트를 읽을 수 없습니다: %3</translation>
    </message>
</context>
<context>
    <name>SessionRecorder</name>
    <message>
        <location filename="../ui/session/sessionrecorder.cpp" line="+130"/>
        <source>Cannot record this tab: the folder %1 cannot be created</source>
        <translation>이 탭을 기록할 수 없습니다: 폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot record this tab: the lock file %1 cannot be created</source>
        <translation>이 탭을 기록할 수 없습니다: 잠금 파일 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recording stopped: %1</source>
        <translation>녹화 중지됨: %1</translation>
    </message>
</context>
<context>
    <name>SessionTab</name>
    <message>
        <location filename="../ui/session/sessiontab.cpp" line="+257"/>
        <source>Recovered: %1</source>
        <translation>복구됨: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opening %1…</source>
        <translation>%1을(를) 여는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening %1… %2%</source>
        <translation>%1 여는 중… %2%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not open %1</source>
        <translation>%1을(를) 열 수 없음</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Read-only: %n frame(s)</source>
        <translation>
            <numerusform>읽기 전용: 프레임 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>메시지 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>연결 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opening %1 read-only: indexing…</source>
        <translation>%1을(를) 읽기 전용으로 여는 중: 색인 만드는 중…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Opening %1 read-only… %n frame(s) so far</source>
        <translation>
            <numerusform>%1을(를) 읽기 전용으로 여는 중… 지금까지 프레임 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Recovered after a crash: the recording of “%1”, started %2 — %n frame(s). It is not saved yet: File &gt; Save Session As… keeps it; closing this tab discards it.</source>
        <translation>
            <numerusform>비정상 종료 후 복구됨: “%1”의 녹화, 시작 %2 — 프레임 %n개. 아직 저장되지 않았습니다: 파일 &gt; 다른 이름으로 세션 저장…으로 보관할 수 있으며, 이 탭을 닫으면 버려집니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Opened read-only: %1 — %n frame(s)</source>
        <translation>
            <numerusform>읽기 전용으로 열림: %1 — 프레임 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n connection(s)</source>
        <translation>
            <numerusform>, 연결 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file has changed on disk since it was opened: payloads can no longer be read from it (%1). Open it again to see it as it is now.</source>
        <translation>파일을 연 뒤 디스크에서 파일이 변경되어 더 이상 페이로드를 읽을 수 없습니다(%1). 현재 상태를 보려면 다시 여세요.</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n warning(s): </source>
        <translation>
            <numerusform>경고 %n개: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>and %n more (see the tooltip)</source>
        <translation>
            <numerusform>외 %n개(도구 설명 참고)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionWriter</name>
    <message>
        <location filename="../app/session/sessionwriter.cpp" line="+33"/>
        <source>the session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot create the session file %1: %2</source>
        <translation>세션 파일 %1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+125"/>
        <source>Cannot save the session file %1: %2</source>
        <translation>세션 파일 %1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+20"/>
        <source>Cannot open the session file %1 to append to it: %2</source>
        <translation>이어 쓸 세션 파일 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot append to %1: it is not a session file this version can write to (%2)</source>
        <translation>%1에 이어 쓸 수 없습니다: 이 버전이 쓸 수 있는 세션 파일이 아닙니다(%2)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot write the session: the device is not open for writing</source>
        <translation>세션을 쓸 수 없습니다: 장치가 쓰기용으로 열려 있지 않습니다</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+6"/>
        <location line="+21"/>
        <source>Cannot write the session file %1: %2</source>
        <translation>세션 파일 %1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>TimelineMatcher</name>
    <message>
        <location filename="../ui/timeline/timelinefilter.cpp" line="+36"/>
        <source>Invalid regular expression at character %1: %2</source>
        <translation>정규식이 잘못되었습니다(%1번째 문자): %2</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../ui/timeline/timelinemodel.cpp" line="+42"/>
        <source>(no status code)</source>
        <translation>(상태 코드 없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(1-byte close payload: %1)</source>
        <translation>(1바이트 close 페이로드: %1)</translation>
    </message>
    <message>
        <location line="+420"/>
        <source>No.</source>
        <translation>번호</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time (s)</source>
        <translation>시간(초)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wall clock</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delta (s)</source>
        <translation>간격(초)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dir.</source>
        <translation>방향</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flags</source>
        <translation>플래그</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>페이로드</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The client the row belongs to, numbered as in the list of clients</source>
        <translation>이 행이 속한 클라이언트 (클라이언트 목록의 번호)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds since the connection started, wall-clock time, or the time since the previous entry of the same connection</source>
        <translation>연결이 시작된 뒤 지난 초, 실제 시각, 또는 같은 연결의 이전 항목 이후 지난 시간</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>↑ out: sent by us; ↓ in: received from the peer</source>
        <translation>↑ 송신: 이쪽이 보냄, ↓ 수신: 상대에게서 받음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header bits set on the wire: FIN, RSV1-3, MASK</source>
        <translation>전송된 헤더에 설정된 비트: FIN, RSV1-3, MASK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload length in bytes (a message: its whole payload)</source>
        <translation>페이로드 길이(바이트, 메시지는 전체 페이로드)</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Sent by a script</source>
        <translation>스크립트가 보냄</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RFC %1 (%2): %3</source>
        <translation>RFC %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Client #%1 at %2</source>
        <translation>클라이언트 #%1 (%2)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>↑ out</source>
        <translation>↑ 송신</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>↓ in</source>
        <translation>↓ 수신</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>state</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>handshake</source>
        <translation>핸드셰이크</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>violation</source>
        <translation>위반</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>round trip</source>
        <translation>왕복 시간</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info</source>
        <translation>정보</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n frames</source>
        <translation>
            <numerusform>프레임 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, compressed</source>
        <translation>%1, 압축됨</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(payload not kept)</source>
        <translation>(페이로드 보관 안 함)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>[truncated] %1</source>
        <translation>[잘림] %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(payload not kept: %1 bytes, over the frame size limit)</source>
        <translation>(페이로드 보관 안 함: %1바이트, 프레임 크기 제한 초과)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[compressed] %1</source>
        <translation>[압축됨] %1</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../ui/timeline/timelinewidget.cpp" line="+261"/>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per frame</source>
        <translation>프레임마다 한 행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One row per message, with a fragmented message&apos;s frames folded under it</source>
        <translation>메시지마다 한 행, 분할 전송된 메시지의 프레임은 그 아래에 접어 둡니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since connection start</source>
        <translation>연결 시작부터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall clock</source>
        <translation>실제 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since previous row of the connection</source>
        <translation>같은 연결의 이전 행부터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the Time column reads</source>
        <translation>시간 열의 표시 방식</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+274"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>Freeze the view; capture continues and the rows appear on resume</source>
        <translation>화면을 멈춥니다. 기록은 계속되며, 다시 시작하면 행이 나타납니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the newest rows again</source>
        <translation>최신 행을 다시 따라갑니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↓ In</source>
        <translation>↓ 수신</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show frames received from the peer</source>
        <translation>상대에게서 받은 프레임을 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑ Out</source>
        <translation>↑ 송신</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show frames we sent</source>
        <translation>이쪽이 보낸 프레임을 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show text, binary and continuation frames and messages</source>
        <translation>text, binary, continuation 프레임과 메시지를 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ping/Pong</source>
        <translation>핑/퐁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show ping and pong frames</source>
        <translation>Ping, Pong 프레임을 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show close frames</source>
        <translation>Close 프레임을 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show handshake, TLS, state changes, errors and violation notices</source>
        <translation>핸드셰이크, TLS, 상태 변경, 오류, 위반 알림을 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Violations only</source>
        <translation>위반만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only frames, messages and notices that break the protocol</source>
        <translation>프로토콜을 어긴 프레임, 메시지, 알림만 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search payloads (Ctrl+F)</source>
        <translation>페이로드 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regular expression</source>
        <translation>정규식</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Match case</source>
        <translation>대소문자 구분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide others</source>
        <translation>나머지 숨기기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only the rows that match the search (otherwise they are marked)</source>
        <translation>검색과 일치하는 행만 보여 줍니다(끄면 일치하는 행을 표시만 합니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find previous (%1)</source>
        <translation>이전 찾기 (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find next (%1)</source>
        <translation>다음 찾기 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filtering…</source>
        <translation>필터링 중…</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>1 match</source>
        <translation>일치 1개</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 matches</source>
        <translation>일치 %1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 rows</source>
        <translation>%2행 중 %1행</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 row</source>
        <translation>1행</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 rows</source>
        <translation>%1행</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Resume</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The message&apos;s payload was not kept in full (over the size limit)</source>
        <translation>메시지의 페이로드를 모두 보관하지 않았습니다(크기 제한 초과)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The frame&apos;s payload was not kept (over the frame size limit)</source>
        <translation>프레임의 페이로드를 보관하지 않았습니다(프레임 크기 제한 초과)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to send it to: the connection is not open</source>
        <translation>보낼 대상이 없습니다: 연결이 열려 있지 않습니다</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Load Message into Composer</source>
        <translation>메시지를 작성기로 불러오기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load Frame into Composer</source>
        <translation>프레임을 작성기로 불러오기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resend Message</source>
        <translation>메시지 다시 보내기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resend Frame</source>
        <translation>프레임 다시 보내기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The peer sent this frame; it goes out with this end&apos;s masking: a client masks it with a fresh random key, a server sends it unmasked</source>
        <translation>상대가 보낸 프레임입니다. 다시 보낼 때는 이쪽의 마스킹 규칙을 따릅니다: 클라이언트는 새 무작위 키로 마스크하고, 서버는 마스크 없이 보냅니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Copy Payload as Text</source>
        <translation>페이로드를 텍스트로 복사</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy Payload as Hex</source>
        <translation>페이로드를 16진수로 복사</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export Rows…</source>
        <translation>행 내보내기…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot Export Rows</source>
        <translation>행을 내보낼 수 없음</translation>
    </message>
</context>
<context>
    <name>Tls</name>
    <message>
        <location filename="../app/net/tlsoptions.cpp" line="+15"/>
        <location line="+50"/>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+35"/>
        <location line="+24"/>
        <source>%1 holds no PEM certificate</source>
        <translation>%1에 PEM 인증서가 없습니다</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>%1 is not a PKCS#12 file this password opens</source>
        <translation>%1은(는) 이 비밀번호로 열리는 PKCS#12 파일이 아닙니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A client certificate needs its private key file as well</source>
        <translation>클라이언트 인증서에는 개인 키 파일도 필요합니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+24"/>
        <source>%1 holds no unencrypted PEM private key</source>
        <translation>%1에 암호화되지 않은 PEM 개인 키가 없습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(no certificate)</source>
        <translation>(인증서 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (issued by %2, valid %3 to %4)</source>
        <translation>%1 (발급자 %2, 유효 기간 %3 ~ %4)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>certificate %1: %2</source>
        <translation>인증서 %1: %2</translation>
    </message>
</context>
<context>
    <name>TrafficCounters</name>
    <message numerus="yes">
        <location filename="../ui/workspace/trafficcounters.cpp" line="+59"/>
        <source>In %n frame(s) · %1</source>
        <translation>
            <numerusform>수신 프레임 %n개 · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Out %n frame(s) · %1</source>
        <translation>
            <numerusform>송신 프레임 %n개 · %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1/s</source>
        <translation>초당 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RTT %1 ms</source>
        <translation>RTT %1ms</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../ui/workspace/workspace.cpp" line="+309"/>
        <source>Built-in Echo</source>
        <translation>내장 에코</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello, echo!</source>
        <translation>안녕하세요, 에코!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hello from Frameline! This message went to the built-in echo server and came back.</source>
        <translation>Frameline에서 보낸 인사입니다! 이 메시지는 내장 에코 서버에 갔다가 되돌아왔습니다.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The built-in echo server could not start: %1</source>
        <translation>내장 에코 서버를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Rename Tab</source>
        <translation>탭 이름 바꾸기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title (leave empty for an automatic one):</source>
        <translation>제목 (비워 두면 자동으로 정함):</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Welcome to Frameline</source>
        <translation>Frameline에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to a WebSocket server, run a local one, or decode bytes you captured. The built-in echo server runs on this computer and needs no network.</source>
        <translation>웹소켓 서버에 연결하거나, 로컬 서버를 실행하거나, 캡처한 바이트를 디코딩하세요. 내장 에코 서버는 이 컴퓨터에서 실행되므로 네트워크가 필요 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to the Built-in Echo Server</source>
        <translation>내장 에코 서버에 연결</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Client Tab</source>
        <translation>새 클라이언트 탭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Server Tab</source>
        <translation>새 서버 탭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode Bytes</source>
        <translation>바이트 디코딩</translation>
    </message>
</context>
<context>
    <name>frameline-cli</name>
    <message>
        <location filename="../app/cli/main.cpp" line="+22"/>
        <source>Usage: frameline-cli COMMAND [options]

Frameline&apos;s WebSocket engine on the command line.

Commands:
  connect   %2
  decode    %1
  export    %5
  import    %6
  info      %7
  replay    %4
  run       %8
  serve     %3

Run &apos;frameline-cli COMMAND --help&apos; for the options of a command.
</source>
        <translation>사용법: frameline-cli COMMAND [options]

Frameline의 웹소켓 엔진을 명령줄에서 씁니다.

명령:
  connect   %2
  decode    %1
  export    %5
  import    %6
  info      %7
  replay    %4
  run       %8
  serve     %3

명령의 옵션은 &apos;frameline-cli COMMAND --help&apos;로 확인하세요.
</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>frameline-cli: unknown command &apos;%1&apos;
Run &apos;frameline-cli --help&apos; for the list of commands.
</source>
        <translation>frameline-cli: 알 수 없는 명령 &apos;%1&apos;
명령 목록은 &apos;frameline-cli --help&apos;로 확인하세요.
</translation>
    </message>
</context>
</TS>
