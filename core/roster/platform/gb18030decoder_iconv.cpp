// SPDX-License-Identifier: GPL-3.0-or-later
#include "gb18030decoder.h"

#include <QByteArray>

#include <cerrno>
#include <iconv.h>

namespace ClassDesk::Platform {

namespace {

constexpr QChar s_replacement = QChar::ReplacementCharacter;

// Owns one iconv conversion descriptor.
class IconvHandle
{
public:
    IconvHandle() : m_handle(iconv_open("UTF-16LE", "GB18030")) {}
    ~IconvHandle()
    {
        if (isValid())
            iconv_close(m_handle);
    }
    IconvHandle(const IconvHandle &) = delete;
    IconvHandle &operator=(const IconvHandle &) = delete;

    [[nodiscard]] bool isValid() const { return m_handle != reinterpret_cast<iconv_t>(-1); }
    [[nodiscard]] iconv_t get() const { return m_handle; }

private:
    iconv_t m_handle;
};

void appendUtf16(QString &text, const QByteArray &buffer, qsizetype byteCount)
{
    text.append(QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer.constData()),
                                   byteCount / 2));
}

} // namespace

Gb18030Decoding decodeGb18030(QByteArrayView bytes)
{
    Gb18030Decoding result;
    IconvHandle converter;
    if (!converter.isValid()) {
        // No GB18030 converter at all: every byte counts as undecodable.
        result.invalidCount = bytes.isEmpty() ? 0 : 1;
        result.text.fill(s_replacement, bytes.isEmpty() ? 0 : 1);
        return result;
    }

    // UTF-16 output never needs more than two bytes per input byte, plus room
    // for one four-byte sequence.
    QByteArray output(bytes.size() * 2 + 8, Qt::Uninitialized);
    result.text.reserve(bytes.size());

    char *input = const_cast<char *>(bytes.data());
    size_t inputLeft = static_cast<size_t>(bytes.size());
    while (inputLeft > 0) {
        char *out = output.data();
        size_t outLeft = static_cast<size_t>(output.size());
        const size_t converted = iconv(converter.get(), &input, &inputLeft, &out, &outLeft);
        appendUtf16(result.text, output, output.size() - static_cast<qsizetype>(outLeft));
        if (converted != static_cast<size_t>(-1))
            break;

        // EILSEQ: a byte that starts no valid sequence; EINVAL: the input
        // ends inside a sequence. Either way skip one byte and go on, so one
        // bad byte does not hide the rest of the file.
        if (errno != EILSEQ && errno != EINVAL)
            continue; // E2BIG cannot happen with the buffer sized above, but retrying is safe
        result.text.append(s_replacement);
        ++result.invalidCount;
        ++input;
        --inputLeft;
        iconv(converter.get(), nullptr, nullptr, nullptr, nullptr);
    }
    return result;
}

} // namespace ClassDesk::Platform
