// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace ClassDesk::Platform {

// Text decoded from GB18030 by the operating system's converter.
struct Gb18030Decoding
{
    QString text;               // invalid byte sequences appear as U+FFFD
    qsizetype invalidCount = 0; // number of byte sequences that were not GB18030
};

// Decodes GB18030 (a superset of GBK and GB2312) with the operating system's
// own converter: iconv on Linux and macOS, code page 54936 on Windows. Qt's
// QStringDecoder covers GB18030 only when Qt was built with ICU, which the
// official Windows and macOS packages are not, so TextCodec falls back to this.
[[nodiscard]] Gb18030Decoding decodeGb18030(QByteArrayView bytes);

} // namespace ClassDesk::Platform
