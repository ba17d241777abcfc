// SPDX-License-Identifier: GPL-3.0-or-later
//
// Upload benchmark: starts the reference server on loopback in a temporary
// folder and measures, on one file of pseudo-random content,
//   - UploadQueue sending it (lookup, tus creation, checksummed chunks,
//     verification), next to `curl -T` sending the same file to the same
//     server as one tus PATCH without checksums (the transport's floor), and
//   - SHA-256 hashing with the client's Sha256 in 4 MiB reads, as import and
//     upload do it, next to `sha256sum` on the same file,
// then prints the process's peak resident memory, which must stay far below
// the file size because the client streams the file.
//
// Usage: upload_bench [SIZE_MIB]   (1024 when none is given)

#include "../tests/server/servertestsupport.h"
#include "../tests/sync/uploadtestsupport.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace ClassDesk;
using namespace UploadTestSupport;

namespace {

const QString Teacher = QStringLiteral("bench");
const QString Password = QStringLiteral("bench-password");

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "upload_bench: %s\n", what);
    std::exit(1);
}

double mibPerSecond(qint64 bytes, qint64 ms)
{
    return double(bytes) / (1024.0 * 1024.0) / (double(std::max<qint64>(ms, 1)) / 1000.0);
}

// Runs a program and returns its wall time in milliseconds, or -1 when it failed.
qint64 timeProcess(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), process.readAllStandardError().constData());
        return -1;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return timer.elapsed();
}

// Sends the file as one tus PATCH with curl -T, after creating the upload
// with the token the client's sign-in would get.
qint64 timeCurlUpload(const ServerTestSupport::ServerProcess &server, const QString &path, qint64 size,
                      const QString &sha256)
{
    const QString token = server.signIn(Teacher, Password);
    const auto created = ServerTestSupport::request(
        "POST", server.baseUrl() + QStringLiteral("uploads"), {},
        {ServerTestSupport::bearer(token), "Tus-Resumable: 1.0.0", "Upload-Length: " + QByteArray::number(size),
         "Upload-Metadata: sha256 " + sha256.toLatin1().toBase64()});
    if (created.status != 201)
        fail("the server did not create the curl upload");
    const QString url = QUrl(server.baseUrl()).resolved(QUrl(QString::fromLatin1(created.header("location")))).toString();
    return timeProcess(QStringLiteral("curl"),
                       {QStringLiteral("--silent"), QStringLiteral("--fail"), QStringLiteral("-X"), QStringLiteral("PATCH"),
                        QStringLiteral("-T"), path, QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token,
                        QStringLiteral("-H"), QStringLiteral("Tus-Resumable: 1.0.0"), QStringLiteral("-H"),
                        QStringLiteral("Upload-Offset: 0"), QStringLiteral("-H"),
                        QStringLiteral("Content-Type: application/offset+octet-stream"), QStringLiteral("-H"),
                        QStringLiteral("Expect:"), url});
}

// The file's SHA-256 read the way the client reads courseware.
QString clientSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
    for (qint64 count; (count = file.read(block.data(), block.size())) > 0;)
        hash.addData(QByteArrayView(block.constData(), count));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const qint64 sizeMib = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024;
    if (sizeMib <= 0)
        fail("SIZE_MIB must be a positive number of MiB");
    const qint64 size = sizeMib * 1024 * 1024;

    QTemporaryDir sources;
    const QString path = sources.filePath(QStringLiteral("lesson.mp4"));
    const QString sha256 = writeRandomFile(path, size, 2026);
    if (sha256.isEmpty())
        fail("cannot write the source file");

    // Hashing: the client's way next to sha256sum, both from the page cache.
    QElapsedTimer timer;
    timer.start();
    if (clientSha256(path) != sha256)
        fail("the client's SHA-256 disagrees with the written content");
    const qint64 hashMs = timer.elapsed();
    const qint64 sha256sumMs = timeProcess(QStringLiteral("sha256sum"), {path});

    ServerTestSupport::ServerProcess server;
    if (!server.addTeacher(Teacher, Password, QStringLiteral("Bench School")) || !server.start())
        fail("cannot start classdesk-server");

    QTemporaryDir clientFolder;
    UploadClient client(clientFolder.path(), QUrl(server.baseUrl()));
    if (!client.open() || !client.signIn(Teacher, Password))
        fail("cannot set up the client");
    const QString id = client.addCourseware(path, QStringLiteral("lesson.mp4"));
    if (id.isEmpty() || !client.queue->enqueue(id))
        fail("cannot queue the file");

    timer.restart();
    client.queue->start();
    QObject::connect(client.queue.get(), &UploadQueue::idle, &app, &QCoreApplication::quit);
    app.exec();
    const qint64 queueMs = timer.elapsed();
    const auto item = client.queue->item(id);
    if (!item || item->state != UploadQueue::ItemState::Done)
        fail("the upload did not finish");

    const qint64 curlMs = timeCurlUpload(server, path, size, sha256);

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);

    std::printf("file: %lld MiB\n", static_cast<long long>(sizeMib));
    std::printf("UploadQueue upload: %8lld ms  %7.1f MiB/s\n", static_cast<long long>(queueMs),
                mibPerSecond(size, queueMs));
    std::printf("curl -T (one PATCH): %7lld ms  %7.1f MiB/s\n", static_cast<long long>(curlMs),
                mibPerSecond(size, curlMs));
    std::printf("client SHA-256:     %8lld ms  %7.1f MiB/s\n", static_cast<long long>(hashMs),
                mibPerSecond(size, hashMs));
    std::printf("sha256sum:          %8lld ms  %7.1f MiB/s\n", static_cast<long long>(sha256sumMs),
                mibPerSecond(size, sha256sumMs));
    std::printf("peak RSS of this process: %ld MiB\n", usage.ru_maxrss / 1024);
    return 0;
}
