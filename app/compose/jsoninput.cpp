#include "app/compose/jsoninput.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>

namespace Frameline {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isStructural(char c)
{
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',';
}

// A token of valid JSON: a structural character, or a whole string / number / literal.
struct Token
{
    QByteArrayView text;
    char kind = 0; // the structural character, or 's' for a scalar (string, number, literal)
};

class Tokenizer
{
public:
    explicit Tokenizer(QByteArrayView json)
        : m_json(json)
    { }

    bool next(Token &token)
    {
        while (m_pos < m_json.size() && isJsonSpace(m_json[m_pos]))
            ++m_pos;
        if (m_pos >= m_json.size())
            return false;
        const qsizetype start = m_pos;
        const char c = m_json[m_pos];
        if (isStructural(c)) {
            ++m_pos;
            token = { m_json.sliced(start, 1), c };
            return true;
        }
        if (c == '"') {
            ++m_pos;
            while (m_pos < m_json.size() && m_json[m_pos] != '"')
                m_pos += m_json[m_pos] == '\\' ? 2 : 1;
            m_pos = qMin(m_pos + 1, m_json.size());
        } else {
            while (m_pos < m_json.size() && !isJsonSpace(m_json[m_pos]) && !isStructural(m_json[m_pos])
                && m_json[m_pos] != '"')
                ++m_pos;
        }
        token = { m_json.sliced(start, m_pos - start), 's' };
        return true;
    }

    // The kind of the next token without consuming it (0 at the end).
    char peek()
    {
        const qsizetype saved = m_pos;
        Token token;
        const char kind = next(token) ? token.kind : 0;
        m_pos = saved;
        return kind;
    }

private:
    QByteArrayView m_json;
    qsizetype m_pos = 0;
};

// How a text ends: inside a string, and with which brackets still open (outside strings).
struct Truncation
{
    bool inString = false;
    QByteArray open;
};

Truncation truncation(QByteArrayView utf8)
{
    Truncation result;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (result.inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                result.inString = false;
        } else if (c == '"') {
            result.inString = true;
        } else if (c == '{' || c == '[') {
            result.open.append(c);
        } else if ((c == '}' || c == ']') && !result.open.isEmpty()) {
            result.open.chop(1);
        }
    }
    return result;
}

void newLine(QByteArray &out, int depth, int indent)
{
    out.append('\n');
    out.append(QByteArray(qsizetype(depth) * indent, ' '));
}

} // namespace

void JsonInput::locate(QByteArrayView utf8, qsizetype byteOffset, Error &error)
{
    byteOffset = qBound(qsizetype(0), byteOffset, utf8.size());
    int line = 1;
    int column = 1;
    qsizetype position = 0;
    for (qsizetype i = 0; i < byteOffset; ++i) {
        const quint8 b = quint8(utf8[i]);
        if (b == '\n') {
            ++line;
            column = 1;
        } else if ((b & 0xC0) != 0x80) {
            // A lead byte starts a character; continuation bytes belong to the one before.
            ++column;
        }
        if ((b & 0xC0) != 0x80)
            position += b >= 0xF0 ? 2 : 1; // four-byte sequences are surrogate pairs in UTF-16
    }
    error.byteOffset = byteOffset;
    error.position = position;
    error.line = line;
    error.column = column;
}

QString JsonInput::describe(int parseError, bool container)
{
    switch (QJsonParseError::ParseError(parseError)) {
    case QJsonParseError::UnterminatedObject:
        return tr("The object is not closed: a ',' or '}' is expected here");
    case QJsonParseError::MissingNameSeparator:
        return tr("A ':' is expected after the key");
    case QJsonParseError::UnterminatedArray:
        return container ? tr("The array is not closed: a ',' or ']' is expected here")
                         : tr("Unexpected text after the value");
    case QJsonParseError::MissingValueSeparator:
        return container ? tr("A ',' is expected between the values") : tr("Unexpected text after the value");
    case QJsonParseError::IllegalValue:
    case QJsonParseError::MissingObject: // Qt reports a missing value (as in {"a": }) this way
        return tr("A value is expected here: an object, array, string, number, true, false or null");
    case QJsonParseError::TerminationByNumber:
        return tr("The text ends inside a number");
    case QJsonParseError::IllegalNumber:
        return tr("The number is not valid JSON");
    case QJsonParseError::IllegalEscapeSequence:
        return tr("The string contains an invalid escape sequence");
    case QJsonParseError::IllegalUTF8String:
        return tr("The string contains invalid UTF-8");
    case QJsonParseError::UnterminatedString:
        return tr("The string is not closed: a '\"' is missing");
    case QJsonParseError::DeepNesting:
        return tr("The JSON is nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return tr("The JSON document is too large");
    case QJsonParseError::GarbageAtEnd:
        return tr("Unexpected text after the value");
    case QJsonParseError::NoError:
        break;
    }
    return tr("Invalid JSON");
}

JsonInput::Error JsonInput::validate(QByteArrayView utf8)
{
    Error error;
    qsizetype start = 0;
    while (start < utf8.size() && isJsonSpace(utf8[start]))
        ++start;
    if (start == utf8.size()) {
        error.message = tr("The text is empty; JSON needs a value");
        locate(utf8, utf8.size(), error);
        return error;
    }
    QJsonParseError parseError;
    // QJsonDocument holds only objects and arrays; a scalar is checked as the only element of an array.
    const bool container = utf8[start] == '{' || utf8[start] == '[';
    const QByteArray wrapped = container
        ? QByteArray(utf8.data(), utf8.size())
        : QByteArray("[") + QByteArray(utf8.data(), utf8.size()) + QByteArray("]");
    QJsonDocument::fromJson(wrapped, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (container)
            return error;
        // The array accepted the scalar; it must also be the only value ("1,2" is an array's content).
        Tokenizer tokens(utf8);
        Token token;
        tokens.next(token);
        const qsizetype end = (token.text.data() - utf8.data()) + token.text.size();
        qsizetype rest = end;
        while (rest < utf8.size() && isJsonSpace(utf8[rest]))
            ++rest;
        if (rest == utf8.size())
            return error;
        error.message = describe(QJsonParseError::GarbageAtEnd, false);
        locate(utf8, rest, error);
        return error;
    }
    qsizetype offset = container ? parseError.offset : qMax(qsizetype(0), qsizetype(parseError.offset) - 1);
    // For these errors Qt reports the offset just past the character it could not accept; mark that
    // character.
    switch (parseError.error) {
    case QJsonParseError::MissingNameSeparator:
    case QJsonParseError::MissingValueSeparator:
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::IllegalValue:
    case QJsonParseError::MissingObject:
        offset = qMax(qsizetype(0), offset - 1);
        break;
    default:
        break;
    }
    // Qt's parser reports the end of the text as all sorts of errors; a text cut short says so, and where.
    const Truncation cut = truncation(utf8);
    qsizetype trimmedEnd = utf8.size();
    while (trimmedEnd > 0 && isJsonSpace(utf8[trimmedEnd - 1]))
        --trimmedEnd;
    const qsizetype rawOffset = container ? parseError.offset : qsizetype(parseError.offset) - 1;
    bool cutShort = false;
    if (cut.inString || !cut.open.isEmpty()) {
        if (parseError.error == QJsonParseError::IllegalValue) {
            // A literal or number running into the end ("[true", "[tru").
            cutShort = true;
            for (qsizetype i = offset; i < trimmedEnd; ++i)
                cutShort = cutShort && !isJsonSpace(utf8[i]) && !isStructural(utf8[i]);
        } else if (parseError.error != QJsonParseError::MissingNameSeparator
            && parseError.error != QJsonParseError::MissingValueSeparator) {
            cutShort = rawOffset >= trimmedEnd;
        }
    }
    if (cutShort) {
        if (cut.inString)
            error.message = tr("The text ends inside a string: a closing '\"' is missing");
        else
            error.message = tr("The text ends before the JSON value is complete: a closing '%1' is missing")
                                .arg(QLatin1Char(cut.open.back() == '{' ? '}' : ']'));
        locate(utf8, utf8.size(), error);
        return error;
    }
    error.message = describe(parseError.error, container);
    locate(utf8, qMin(offset, utf8.size()), error);
    return error;
}

QByteArray JsonInput::pretty(QByteArrayView utf8, int indent, Error *error)
{
    const Error validation = validate(utf8);
    if (error)
        *error = validation;
    if (!validation.isValid())
        return {};
    indent = qBound(0, indent, 16);
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 2);
    Tokenizer tokens(utf8);
    Token token;
    int depth = 0;
    while (tokens.next(token)) {
        switch (token.kind) {
        case '{':
        case '[': {
            out.append(token.kind);
            const char closing = token.kind == '{' ? '}' : ']';
            if (tokens.peek() == closing) {
                tokens.next(token);
                out.append(closing);
            } else {
                ++depth;
                newLine(out, depth, indent);
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            newLine(out, depth, indent);
            out.append(token.kind);
            break;
        case ',':
            out.append(',');
            newLine(out, depth, indent);
            break;
        case ':':
            out.append(": ");
            break;
        default:
            out.append(token.text);
            break;
        }
    }
    return out;
}

QByteArray JsonInput::compact(QByteArrayView utf8, Error *error)
{
    const Error validation = validate(utf8);
    if (error)
        *error = validation;
    if (!validation.isValid())
        return {};
    QByteArray out;
    out.reserve(utf8.size());
    Tokenizer tokens(utf8);
    Token token;
    while (tokens.next(token))
        out.append(token.text);
    return out;
}

} // namespace Frameline
