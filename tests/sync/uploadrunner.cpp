// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the upload queue of one client data folder until it is idle, so a
// test can kill it at any moment and start it again, as a teacher's PC that
// loses power would. Prints "chunk OFFSET SIZE" before every PATCH.
//
// upload_runner --data DIR --server API_URL --account NAME --password PASSWORD
//               [--limit KIB_PER_SECOND] [--chunk BYTES]
// Exit codes: 0 when every item is done, 1 on bad arguments or set-up
// failure, 2 when an item needs attention.
#include "uploadtestsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <cstdio>

using namespace ClassDesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("data"), QStringLiteral("Client data folder."), QStringLiteral("DIR")},
        {QStringLiteral("server"), QStringLiteral("Platform API base URL."), QStringLiteral("URL")},
        {QStringLiteral("account"), QStringLiteral("Teacher account."), QStringLiteral("NAME")},
        {QStringLiteral("password"), QStringLiteral("Teacher password."), QStringLiteral("PASSWORD")},
        {QStringLiteral("limit"), QStringLiteral("Upload cap in KiB/s, 0 for none."), QStringLiteral("KIB"),
         QStringLiteral("0")},
        {QStringLiteral("chunk"), QStringLiteral("Fixed PATCH size in bytes, 0 for adaptive."), QStringLiteral("BYTES"),
         QStringLiteral("0")},
    });
    parser.process(app);

    UploadTestSupport::UploadClient client(parser.value(QStringLiteral("data")),
                                           QUrl(parser.value(QStringLiteral("server"))));
    if (!client.open() || !client.signIn(parser.value(QStringLiteral("account")), parser.value(QStringLiteral("password")))) {
        std::fprintf(stderr, "upload_runner: set-up or sign-in failed\n");
        return 1;
    }

    UploadQueue &queue = *client.queue;
    UploadQueue::RetryPolicy retries;
    retries.firstDelay = std::chrono::milliseconds(200);
    retries.maxDelay = std::chrono::seconds(2);
    queue.setRetryPolicy(retries);
    queue.setBandwidthLimit(parser.value(QStringLiteral("limit")).toLongLong());
    if (const qint64 chunk = parser.value(QStringLiteral("chunk")).toLongLong(); chunk > 0)
        queue.setChunkLimits(chunk, chunk);

    QObject::connect(&queue, &UploadQueue::chunkStarted, &app, [](const QString &, qint64 offset, qint64 size) {
        std::printf("chunk %lld %lld\n", static_cast<long long>(offset), static_cast<long long>(size));
        std::fflush(stdout);
    });
    QObject::connect(&queue, &UploadQueue::idle, &app, [&] {
        const auto items = queue.items();
        const bool allDone = std::all_of(items.begin(), items.end(), [](const UploadQueue::Item &item) {
            return item.state == UploadQueue::ItemState::Done;
        });
        std::printf("idle %s\n", allDone ? "done" : "attention");
        std::fflush(stdout);
        app.exit(allDone ? 0 : 2);
    });
    queue.start();
    return app.exec();
}
