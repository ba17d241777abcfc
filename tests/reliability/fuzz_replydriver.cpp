// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the reply fuzz target without libFuzzer, so GCC builds can fuzz too.
// It runs every seed file once, then seeded random mutations of them for the
// given number of seconds. The edits are JSON-aware (tokens, numbers at the
// edge of double, broken escapes, nesting), because byte flips alone rarely
// get past the JSON parser into the decoding code. The first byte of a seed
// picks the decoder and is never mutated. The same seed gives the same
// inputs. An input that crashes is saved as crash-input in the working folder.
//
//   fuzz_syncreplies [--seconds N] [--seed S] FILE...
#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QRandomGenerator>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

const QByteArray *s_current = nullptr;

// Async-signal-safe: only open, write and close.
extern "C" void writeCrashInput(int signalNumber)
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

void runInput(const QByteArray &input)
{
    s_current = &input;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()), std::size_t(input.size()));
}

// Fragments that reach decoder branches a random byte would not.
const QList<QByteArray> &jsonTokens()
{
    static const QList<QByteArray> s_tokens = {
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "0", "-1", "1e309", "-0",
        "9007199254740993", "1.5", "\"\"", "\"\\ud800\"", "\"\\u0000\"", "{}", "[]", "[[[[[[[[", "\"upsert\"",
        "\"delete\"", "\"applied\"", "\"duplicate\"", "\"conflict\"", "\"rejected\"", "\"Bearer\"",
        "\"attendance_record\"", "\"assignment\"", "\"student\"", "\"school\"", "\"2026-02-30\"", "\"25:61\"",
        "\"Asia/Nowhere\"", "\xE4\xB8\xAD", "\xFF\xFE"};
    return s_tokens;
}

QByteArray mutate(QByteArray input, QRandomGenerator &random)
{
    const int edits = 1 + int(random.bounded(6));
    for (int edit = 0; edit < edits; ++edit) {
        if (input.size() < 2)
            return input;
        const qsizetype position = 1 + random.bounded(input.size() - 1);
        const QByteArray &token = jsonTokens().at(random.bounded(jsonTokens().size()));
        switch (random.bounded(6)) {
        case 0:
            input[position] = char(input[position] ^ (1 << random.bounded(8)));
            break;
        case 1:
            input.insert(position, token);
            break;
        case 2: {
            // Replace the token under the cursor, up to the next delimiter.
            qsizetype end = position;
            while (end < input.size() && !std::strchr(",:{}[]", input[end]))
                ++end;
            input.replace(position, end - position, token);
            break;
        }
        case 3:
            input.remove(position, 1 + random.bounded(16));
            break;
        case 4:
            input.insert(position, input.mid(1 + random.bounded(input.size() - 1), random.bounded(200)));
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
    int seconds = 10;
    quint32 seed = 1;
    QList<QByteArray> seeds;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = quint32(std::strtoul(argv[++i], nullptr, 10));
        } else {
            QFile file(QString::fromLocal8Bit(argv[i]));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "Cannot read the seed file %s\n", argv[i]);
                return 2;
            }
            seeds.append(file.readAll());
        }
    }
    if (seeds.isEmpty()) {
        std::fputs("usage: fuzz_syncreplies [--seconds N] [--seed S] FILE...\n", stderr);
        return 2;
    }

    std::signal(SIGABRT, writeCrashInput);
    std::signal(SIGSEGV, writeCrashInput);
    std::signal(SIGILL, writeCrashInput);
    std::signal(SIGFPE, writeCrashInput);

    for (const QByteArray &input : std::as_const(seeds))
        runInput(input);

    QRandomGenerator random(seed);
    QElapsedTimer timer;
    timer.start();
    qint64 inputs = 0;
    while (timer.elapsed() < seconds * 1000LL) {
        runInput(mutate(seeds.at(random.bounded(seeds.size())), random));
        ++inputs;
    }
    std::printf("%lld mutated inputs in %d s (seed %u), no crash\n", static_cast<long long>(inputs), seconds, seed);
    return 0;
}
