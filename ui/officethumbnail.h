// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

namespace ClassDesk {

// True when this build can read zip entries, which embedded thumbnails need.
[[nodiscard]] bool canReadEmbeddedThumbnails();

// Reads the preview image that office suites save inside a document:
// docProps/thumbnail.jpeg in Office Open XML (PPTX, DOCX, XLSX) and
// Thumbnails/thumbnail.png in OpenDocument files. Returns a null image when
// the file is no zip, has no such entry, or the entry is no readable image.
// Reads the file, so call it off the UI thread.
[[nodiscard]] QImage readEmbeddedThumbnail(const QString &filePath);

} // namespace ClassDesk
