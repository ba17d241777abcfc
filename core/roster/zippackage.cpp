// SPDX-License-Identifier: GPL-3.0-or-later
#include "zippackage.h"

#include "rosterlogging.h"

#include <QBuffer>
#include <QXmlStreamReader>

#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <memory>

namespace ClassDesk {

namespace {

// minizip's file functions over a QBuffer, so packages never touch the disk.
voidpf openBuffer(voidpf opaque, const void *, int)
{
    return opaque;
}

uLong readBuffer(voidpf, voidpf stream, void *data, uLong size)
{
    const qint64 read = static_cast<QBuffer *>(stream)->read(static_cast<char *>(data), qint64(size));
    return read < 0 ? 0 : uLong(read);
}

uLong writeBuffer(voidpf, voidpf stream, const void *data, uLong size)
{
    const qint64 written = static_cast<QBuffer *>(stream)->write(static_cast<const char *>(data), qint64(size));
    return written < 0 ? 0 : uLong(written);
}

ZPOS64_T tellBuffer(voidpf, voidpf stream)
{
    return ZPOS64_T(static_cast<QBuffer *>(stream)->pos());
}

long seekBuffer(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto *buffer = static_cast<QBuffer *>(stream);
    qint64 base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = buffer->pos();
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = buffer->size();
    const qint64 target = base + qint64(offset);
    if (target < 0 || target > buffer->size())
        return -1;
    return buffer->seek(target) ? 0 : -1;
}

int closeBuffer(voidpf, voidpf)
{
    return 0;
}

int errorBuffer(voidpf, voidpf)
{
    return 0;
}

zlib_filefunc64_def bufferFunctions(QBuffer *buffer)
{
    zlib_filefunc64_def functions{};
    functions.zopen64_file = openBuffer;
    functions.zread_file = readBuffer;
    functions.zwrite_file = writeBuffer;
    functions.ztell64_file = tellBuffer;
    functions.zseek64_file = seekBuffer;
    functions.zclose_file = closeBuffer;
    functions.zerror_file = errorBuffer;
    functions.opaque = buffer;
    return functions;
}

struct UnzipCloser
{
    void operator()(void *file) const { unzClose(file); }
};

} // namespace

std::unexpected<Error> ZipPackage::damaged(const QString &reason)
{
    return makeError(QStringLiteral("roster.spreadsheet_damaged"), reason);
}

std::unexpected<Error> ZipPackage::invalidXml(const QString &part, const QXmlStreamReader &reader)
{
    return damaged(tr("part %1 is not valid XML (line %2: %3)")
                       .arg(part)
                       .arg(reader.lineNumber())
                       .arg(reader.errorString()));
}

Result<ZipPackage> ZipPackage::read(const QByteArray &archive)
{
    QByteArray copy = archive; // QBuffer needs a mutable array; this shares the data
    QBuffer buffer(&copy);
    if (!buffer.open(QIODevice::ReadOnly))
        return damaged(tr("the file could not be opened"));
    zlib_filefunc64_def functions = bufferFunctions(&buffer);
    std::unique_ptr<void, UnzipCloser> zip(unzOpen2_64("package", &functions));
    if (!zip)
        return damaged(tr("it is not a complete zip archive"));

    ZipPackage package;
    qsizetype total = 0;
    int rc = unzGoToFirstFile(zip.get());
    for (; rc == UNZ_OK; rc = unzGoToNextFile(zip.get())) {
        unz_file_info64 info{};
        char name[1024];
        if (unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof(name), nullptr, 0, nullptr, 0) != UNZ_OK)
            return damaged(tr("the zip directory is damaged"));
        const QString partName = QString::fromUtf8(name);
        if (package.m_parts.size() >= s_maxPartCount || info.uncompressed_size > ZPOS64_T(s_maxPartSize)
            || total + qsizetype(info.uncompressed_size) > s_maxTotalSize) {
            return damaged(tr("the archive unpacks to more data than a workbook can hold"));
        }
        if (unzOpenCurrentFile(zip.get()) != UNZ_OK)
            return damaged(tr("part %1 cannot be unpacked").arg(partName));

        // Read one byte past the declared size, so a part longer than its
        // header says is caught too.
        QByteArray content(qsizetype(info.uncompressed_size) + 1, Qt::Uninitialized);
        const int read = unzReadCurrentFile(zip.get(), content.data(), unsigned(content.size()));
        const int closed = unzCloseCurrentFile(zip.get());
        if (read != qsizetype(info.uncompressed_size) || closed != UNZ_OK) {
            qCWarning(lcCoreRoster) << "Damaged zip part" << partName << "read" << read << "close" << closed;
            return damaged(tr("part %1 is damaged (its checksum or compressed data is wrong)").arg(partName));
        }
        content.truncate(read);
        total += read;
        package.m_parts.append(Part{partName, std::move(content)});
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE)
        return damaged(tr("the zip directory is damaged"));
    return package;
}

QByteArray ZipPackage::write() const
{
    QByteArray output;
    QBuffer buffer(&output);
    if (!buffer.open(QIODevice::ReadWrite))
        return {};
    zlib_filefunc64_def functions = bufferFunctions(&buffer);
    zipFile zip = zipOpen2_64("package", APPEND_STATUS_CREATE, nullptr, &functions);
    if (!zip)
        return {};
    bool ok = true;
    for (const Part &part : m_parts) {
        zip_fileinfo info{};
        const QByteArray name = part.name.toUtf8();
        ok = zipOpenNewFileInZip64(zip, name.constData(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                   Z_DEFAULT_COMPRESSION, 0)
                 == ZIP_OK
             && zipWriteInFileInZip(zip, part.content.constData(), unsigned(part.content.size())) == ZIP_OK
             && zipCloseFileInZip(zip) == ZIP_OK;
        if (!ok)
            break;
    }
    ok = zipClose(zip, nullptr) == ZIP_OK && ok;
    buffer.close();
    return ok ? output : QByteArray();
}

const ZipPackage::Part *ZipPackage::find(const QString &name) const
{
    for (const Part &part : m_parts) {
        if (part.name == name)
            return &part;
    }
    return nullptr;
}

} // namespace ClassDesk
