// SPDX-License-Identifier: GPL-3.0-or-later
#include "textcodec.h"

#include "platform/gb18030decoder.h"

#include <QStringDecoder>

#include <array>

namespace ClassDesk {

namespace {

constexpr QByteArrayView s_utf8Bom("\xEF\xBB\xBF");
constexpr QByteArrayView s_utf16LEBom("\xFF\xFE");
constexpr QByteArrayView s_utf16BEBom("\xFE\xFF");

// U+FFFD itself, encoded: a file may contain it legitimately, and those
// occurrences are not decoding errors.
constexpr QByteArrayView s_utf8Replacement("\xEF\xBF\xBD");
constexpr QByteArrayView s_gb18030Replacement("\x84\x31\xA4\x37");

QByteArrayView byteOrderMark(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return s_utf8Bom;
    case TextEncoding::Utf16LE:
        return s_utf16LEBom;
    case TextEncoding::Utf16BE:
        return s_utf16BEBom;
    case TextEncoding::Gb18030:
        break;
    }
    return {};
}

qsizetype countUtf16Replacements(QByteArrayView bytes, bool littleEndian)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2) {
        const auto first = static_cast<unsigned char>(bytes[i]);
        const auto second = static_cast<unsigned char>(bytes[i + 1]);
        if ((littleEndian && first == 0xFD && second == 0xFF)
            || (!littleEndian && first == 0xFF && second == 0xFD))
            ++count;
    }
    return count;
}

int lineOfFirstReplacement(const QString &text)
{
    const qsizetype index = text.indexOf(QChar::ReplacementCharacter);
    if (index < 0)
        return 0;
    return static_cast<int>(QStringView(text).left(index).count(u'\n')) + 1;
}

// Counts the U+FFFD that a decoder produced, as opposed to those in the file.
void finishDecoding(DecodedText &decoded, qsizetype genuineReplacements, bool decoderFailed)
{
    const qsizetype replacements = decoded.text.count(QChar::ReplacementCharacter);
    decoded.invalidCount = std::max<qsizetype>(replacements - genuineReplacements, 0);
    if (decoderFailed && decoded.invalidCount == 0)
        decoded.invalidCount = 1;
    if (decoded.invalidCount > 0)
        decoded.firstInvalidLine = std::max(lineOfFirstReplacement(decoded.text), 1);
}

DecodedText decodeWithQt(QByteArrayView bytes, QStringConverter::Encoding encoding,
                         TextEncoding ours)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    DecodedText decoded;
    decoded.encoding = ours;
    decoded.text = decoder.decode(bytes);

    // A UTF-16 file of odd length ends in half a code unit.
    const bool utf16 = ours == TextEncoding::Utf16LE || ours == TextEncoding::Utf16BE;
    const bool truncated = utf16 && bytes.size() % 2 != 0;

    qsizetype genuine = 0;
    if (ours == TextEncoding::Utf8)
        genuine = QByteArray::fromRawData(bytes.data(), bytes.size()).count(s_utf8Replacement);
    else if (utf16)
        genuine = countUtf16Replacements(bytes, ours == TextEncoding::Utf16LE);
    finishDecoding(decoded, genuine, decoder.hasError() || truncated);
    return decoded;
}

// True when every second byte at one parity is zero often enough to be the
// high byte of ASCII in UTF-16: a BOM-less "Unicode Text" export.
std::optional<TextEncoding> detectUtf16WithoutBom(QByteArrayView bytes)
{
    const qsizetype sample = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (sample < 4)
        return std::nullopt;

    qsizetype evenZeros = 0;
    qsizetype oddZeros = 0;
    for (qsizetype i = 0; i < sample; i += 2) {
        evenZeros += bytes[i] == '\0';
        oddZeros += bytes[i + 1] == '\0';
    }
    const qsizetype pairs = sample / 2;
    if (oddZeros * 3 > pairs && evenZeros * 10 < pairs)
        return TextEncoding::Utf16LE;
    if (evenZeros * 3 > pairs && oddZeros * 10 < pairs)
        return TextEncoding::Utf16BE;
    return std::nullopt;
}

} // namespace

QString TextCodec::name(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case TextEncoding::Gb18030:
        return QStringLiteral("GB18030");
    }
    return {};
}

std::optional<TextEncoding> TextCodec::fromName(QStringView name)
{
    const QString normalized = name.trimmed().toString().toUpper().remove(u'-').remove(u'_');
    if (normalized == u"UTF8")
        return TextEncoding::Utf8;
    if (normalized == u"UTF16LE" || normalized == u"UTF16")
        return TextEncoding::Utf16LE;
    if (normalized == u"UTF16BE")
        return TextEncoding::Utf16BE;
    // GBK and GB2312 are subsets of GB18030, so their files decode the same.
    if (normalized == u"GB18030" || normalized == u"GBK" || normalized == u"GB2312"
        || normalized == u"CP936")
        return TextEncoding::Gb18030;
    return std::nullopt;
}

QString TextCodec::displayName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return tr("Unicode (UTF-8)");
    case TextEncoding::Utf16LE:
        return tr("Unicode (UTF-16 little-endian)");
    case TextEncoding::Utf16BE:
        return tr("Unicode (UTF-16 big-endian)");
    case TextEncoding::Gb18030:
        return tr("Simplified Chinese (GB18030/GBK)");
    }
    return {};
}

TextEncoding TextCodec::detect(QByteArrayView bytes)
{
    if (bytes.startsWith(s_utf8Bom))
        return TextEncoding::Utf8;
    if (bytes.startsWith(s_utf16LEBom))
        return TextEncoding::Utf16LE;
    if (bytes.startsWith(s_utf16BEBom))
        return TextEncoding::Utf16BE;

    if (const auto utf16 = detectUtf16WithoutBom(bytes))
        return *utf16;

    // Chinese text in GB18030 is almost never valid UTF-8, while UTF-8 text
    // often happens to be valid GB18030, so UTF-8 is tried first.
    if (decode(bytes, TextEncoding::Utf8).isValid())
        return TextEncoding::Utf8;
    return TextEncoding::Gb18030;
}

DecodedText TextCodec::decode(QByteArrayView bytes, TextEncoding encoding)
{
    const QByteArrayView bom = byteOrderMark(encoding);
    const bool hadBom = !bom.isEmpty() && bytes.startsWith(bom);
    if (hadBom)
        bytes = bytes.sliced(bom.size());

    DecodedText decoded;
    switch (encoding) {
    case TextEncoding::Utf8:
        decoded = decodeWithQt(bytes, QStringConverter::Utf8, encoding);
        break;
    case TextEncoding::Utf16LE:
        decoded = decodeWithQt(bytes, QStringConverter::Utf16LE, encoding);
        break;
    case TextEncoding::Utf16BE:
        decoded = decodeWithQt(bytes, QStringConverter::Utf16BE, encoding);
        break;
    case TextEncoding::Gb18030:
        if (auto viaQt = decodeGb18030WithQt(bytes))
            decoded = std::move(*viaQt);
        else
            decoded = decodeGb18030WithPlatform(bytes);
        break;
    }
    decoded.hadByteOrderMark = hadBom;
    return decoded;
}

std::optional<DecodedText> TextCodec::decodeGb18030WithQt(QByteArrayView bytes)
{
    QStringDecoder decoder("GB18030", QStringConverter::Flag::Stateless);
    if (!decoder.isValid())
        return std::nullopt;

    DecodedText decoded;
    decoded.encoding = TextEncoding::Gb18030;
    decoded.text = decoder.decode(bytes);
    const qsizetype genuine = QByteArray::fromRawData(bytes.data(), bytes.size())
                                  .count(s_gb18030Replacement);
    finishDecoding(decoded, genuine, decoder.hasError());
    return decoded;
}

DecodedText TextCodec::decodeGb18030WithPlatform(QByteArrayView bytes)
{
    Platform::Gb18030Decoding platform = Platform::decodeGb18030(bytes);
    DecodedText decoded;
    decoded.encoding = TextEncoding::Gb18030;
    decoded.text = std::move(platform.text);
    decoded.invalidCount = platform.invalidCount;
    if (decoded.invalidCount > 0)
        decoded.firstInvalidLine = std::max(lineOfFirstReplacement(decoded.text), 1);
    return decoded;
}

QList<DecodingCandidate> TextCodec::candidates(QByteArrayView bytes, qsizetype previewLength)
{
    const TextEncoding detected = detect(bytes);
    std::array<TextEncoding, 4> order{TextEncoding::Utf8, TextEncoding::Gb18030,
                                      TextEncoding::Utf16LE, TextEncoding::Utf16BE};

    QList<DecodingCandidate> result;
    result.reserve(qsizetype(order.size()));
    for (const TextEncoding encoding : order) {
        const DecodedText decoded = decode(bytes, encoding);
        result.append({encoding, decoded.text.left(previewLength), decoded.invalidCount});
    }

    // The detected encoding first, then the others by fewest errors.
    std::stable_sort(result.begin(), result.end(),
                     [detected](const DecodingCandidate &a, const DecodingCandidate &b) {
                         if ((a.encoding == detected) != (b.encoding == detected))
                             return a.encoding == detected;
                         return a.invalidCount < b.invalidCount;
                     });
    return result;
}

} // namespace ClassDesk
