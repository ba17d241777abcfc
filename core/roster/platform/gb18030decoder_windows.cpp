// SPDX-License-Identifier: GPL-3.0-or-later
#include "gb18030decoder.h"

#include <windows.h>

namespace ClassDesk::Platform {

namespace {

constexpr UINT s_gb18030CodePage = 54936;

int convert(QByteArrayView bytes, DWORD flags, wchar_t *output, int outputSize)
{
    return MultiByteToWideChar(s_gb18030CodePage, flags, bytes.data(),
                               static_cast<int>(bytes.size()), output, outputSize);
}

} // namespace

// NOTE: built only on Windows and not exercised by the Linux test suite.
Gb18030Decoding decodeGb18030(QByteArrayView bytes)
{
    Gb18030Decoding result;
    if (bytes.isEmpty())
        return result;

    // A strict pass first: it fails as a whole on any invalid sequence.
    int length = convert(bytes, MB_ERR_INVALID_CHARS, nullptr, 0);
    DWORD flags = MB_ERR_INVALID_CHARS;
    if (length == 0) {
        flags = 0;
        length = convert(bytes, flags, nullptr, 0);
    }
    if (length <= 0) {
        result.invalidCount = 1;
        result.text = QString(QChar::ReplacementCharacter);
        return result;
    }

    std::wstring wide(static_cast<size_t>(length), L'\0');
    convert(bytes, flags, wide.data(), length);
    result.text = QString::fromWCharArray(wide.data(), length);

    // The lenient pass replaces invalid sequences with U+FFFD (or '?' on old
    // systems), so count those only when the strict pass failed.
    if (flags == 0) {
        result.invalidCount = result.text.count(QChar::ReplacementCharacter);
        if (result.invalidCount == 0)
            result.invalidCount = 1;
    }
    return result;
}

} // namespace ClassDesk::Platform
