// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace ClassDesk {

// The text encodings a roster file may use. Windows Excel saves "CSV" in the
// system code page (GBK/GB18030 on Chinese Windows), "CSV UTF-8" with a BOM,
// and "Unicode Text" as tab-separated UTF-16LE with a BOM.
enum class TextEncoding {
    Utf8,
    Utf16LE,
    Utf16BE,
    Gb18030,
};

// Text decoded from bytes, with a count of the byte sequences that were not
// valid in the chosen encoding.
struct DecodedText
{
    QString text;
    TextEncoding encoding = TextEncoding::Utf8;
    bool hadByteOrderMark = false;
    qsizetype invalidCount = 0;
    int firstInvalidLine = 0; // 1-based; 0 when everything decoded

    [[nodiscard]] bool isValid() const { return invalidCount == 0; }
};

// One encoding the teacher may choose when detection is unsure, with the
// start of the file as it reads in that encoding.
struct DecodingCandidate
{
    TextEncoding encoding = TextEncoding::Utf8;
    QString preview;
    qsizetype invalidCount = 0;
};

// Detects and decodes the encodings of TextEncoding without the system's
// 8-bit code page or locale, which differ between a teacher's PCs.
class TextCodec
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::TextCodec)

public:
    // Stable name, e.g. "UTF-8" or "GB18030", for settings and command lines.
    [[nodiscard]] static QString name(TextEncoding encoding);
    [[nodiscard]] static std::optional<TextEncoding> fromName(QStringView name);
    // Name for the teacher, translated.
    [[nodiscard]] static QString displayName(TextEncoding encoding);

    // Picks the encoding from a byte order mark, else UTF-8 when the bytes
    // are valid UTF-8, else UTF-16 when the zero bytes show it, else GB18030.
    [[nodiscard]] static TextEncoding detect(QByteArrayView bytes);

    // Decodes bytes and drops the encoding's byte order mark, if present.
    [[nodiscard]] static DecodedText decode(QByteArrayView bytes, TextEncoding encoding);

    // Every encoding, best first, each with a preview of up to previewLength
    // characters, so a dialog can show the teacher live text to choose from.
    [[nodiscard]] static QList<DecodingCandidate> candidates(QByteArrayView bytes,
                                                             qsizetype previewLength = 400);

    // GB18030 through QStringDecoder, or nullopt when this Qt has no such
    // converter (Qt built without ICU).
    [[nodiscard]] static std::optional<DecodedText> decodeGb18030WithQt(QByteArrayView bytes);
    // GB18030 through the operating system's converter.
    [[nodiscard]] static DecodedText decodeGb18030WithPlatform(QByteArrayView bytes);
};

} // namespace ClassDesk
