// SPDX-License-Identifier: GPL-3.0-or-later
#include "officethumbnail.h"

#include <QByteArray>
#include <QFile>
#include <QScopeGuard>

#if CLASSDESK_HAVE_MINIZIP
#include <minizip/unzip.h>
#endif

namespace ClassDesk {

namespace {

// An entry larger than this is not inflated, so a crafted file cannot make
// ClassDesk allocate gigabytes. Embedded thumbnails are small preview images
// far below this size.
[[maybe_unused]] constexpr quint64 MaximumThumbnailBytes = 8 << 20;

[[maybe_unused]] const char *const ThumbnailEntries[] = {
    "docProps/thumbnail.jpeg", // Office Open XML
    "docProps/thumbnail.png",  // some Office Open XML writers
    "Thumbnails/thumbnail.png" // OpenDocument
};

} // namespace

bool canReadEmbeddedThumbnails()
{
#if CLASSDESK_HAVE_MINIZIP
    return true;
#else
    return false;
#endif
}

QImage readEmbeddedThumbnail(const QString &filePath)
{
#if CLASSDESK_HAVE_MINIZIP
    // TODO: on Windows, minizip's unzOpen64 takes an ANSI path; a file whose
    // name is outside the system code page needs the Unicode file functions.
    unzFile zip = unzOpen64(QFile::encodeName(filePath).constData());
    if (!zip)
        return {};
    const auto closeZip = qScopeGuard([zip] { unzClose(zip); });

    for (const char *entry : ThumbnailEntries) {
        if (unzLocateFile(zip, entry, 1) != UNZ_OK)
            continue;
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            continue;
        if (info.uncompressed_size == 0 || info.uncompressed_size > MaximumThumbnailBytes)
            continue;
        if (unzOpenCurrentFile(zip) != UNZ_OK)
            continue;

        QByteArray bytes(qsizetype(info.uncompressed_size), Qt::Uninitialized);
        const int read = unzReadCurrentFile(zip, bytes.data(), unsigned(bytes.size()));
        // Closing checks the CRC once the whole entry was read.
        const bool intact = unzCloseCurrentFile(zip) == UNZ_OK;
        if (read != bytes.size() || !intact)
            continue;

        QImage image;
        if (image.loadFromData(bytes))
            return image;
    }
    return {};
#else
    // TODO: without minizip (Debian: libminizip-dev) no thumbnail is read;
    // the preview then shows the document's type and the "open" button only.
    Q_UNUSED(filePath);
    return {};
#endif
}

} // namespace ClassDesk
