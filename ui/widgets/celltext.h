#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QStringView>

namespace Frameline {

// Payload text for one-line cells (the timeline, the decoder's lists).
//
// Stateless; any thread.
namespace CellText {

// Line breaks and control characters written as escapes, cut at `limit` characters with an ellipsis
// (also when `alreadyCut` says the caller shortened the text before).
QString escapedLine(QStringView text, int limit, bool alreadyCut = false);

// Valid UTF-8 without control characters other than tab and line breaks.
bool isPrintableText(QByteArrayView bytes);

} // namespace CellText

} // namespace Frameline
