// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the fuzz target without libFuzzer, for compilers that lack it (GCC):
// each file named on the command line once, then random mutations of those
// files for the given number of seconds. Deterministic for a given seed. An
// input that crashes is saved as crash-input in the working folder.
//
//   fuzz_rosterreaders [--seconds N] [--seed S] FILE...
#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

#include <csignal>
#include <cstdint>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

// The input being run, written to crash-input when the process aborts or
// crashes, so the failure can be replayed.
const QByteArray *s_current = nullptr;

extern "C" void saveCurrentInput(int signalNumber)
{
    if (s_current) {
        const int file = ::open("crash-input", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (file >= 0) {
            [[maybe_unused]] const ssize_t written = ::write(file, s_current->constData(), size_t(s_current->size()));
            ::close(file);
        }
    }
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}

void runOne(const QByteArray &input)
{
    s_current = &input;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                           static_cast<std::size_t>(input.size()));
}

// One of a few byte-level edits, the kinds that break parsers: flip, insert
// a structural byte, delete, duplicate a slice, or cut the end.
QByteArray mutate(QByteArray input, QRandomGenerator &random)
{
    static constexpr char s_bytes[] = "\",;\t\r\n\xEF\xBB\xBF\xFF\xFE\x00\x81\x95";
    static const QByteArray s_structural(s_bytes, sizeof(s_bytes) - 1); // drops the terminator, keeps the embedded NUL
    const int edits = 1 + random.bounded(8);
    for (int edit = 0; edit < edits; ++edit) {
        const qsizetype position = input.isEmpty() ? 0 : random.bounded(input.size());
        switch (random.bounded(5)) {
        case 0:
            if (!input.isEmpty())
                input[position] = char(input[position] ^ (1 << random.bounded(8)));
            break;
        case 1:
            input.insert(position, s_structural[random.bounded(s_structural.size())]);
            break;
        case 2:
            input.remove(position, 1 + random.bounded(4));
            break;
        case 3:
            input.insert(position, input.mid(random.bounded(input.size() + 1), random.bounded(64)));
            break;
        default:
            input.truncate(position);
            break;
        }
    }
    return input;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QStringList arguments = application.arguments().mid(1);

    int seconds = 10;
    quint32 seed = 1;
    QList<QByteArray> corpus;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == u"--seconds" && i + 1 < arguments.size()) {
            seconds = arguments[++i].toInt();
        } else if (arguments[i] == u"--seed" && i + 1 < arguments.size()) {
            seed = arguments[++i].toUInt();
        } else {
            QFile file(arguments[i]);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "Cannot read %s\n", qPrintable(arguments[i]));
                return 2;
            }
            corpus.append(file.readAll());
        }
    }
    if (corpus.isEmpty())
        corpus.append(QByteArray());

    std::signal(SIGABRT, saveCurrentInput);
    std::signal(SIGSEGV, saveCurrentInput);
    std::signal(SIGFPE, saveCurrentInput);

    for (const QByteArray &input : std::as_const(corpus))
        runOne(input);

    QRandomGenerator random(seed);
    QElapsedTimer timer;
    timer.start();
    qint64 runs = 0;
    while (timer.elapsed() < seconds * 1000LL) {
        const QByteArray input = mutate(corpus[random.bounded(corpus.size())], random);
        runOne(input);
        ++runs;
    }
    std::printf("%lld mutated inputs in %d s, no crash\n", static_cast<long long>(runs), seconds);
    return 0;
}
