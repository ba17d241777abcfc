// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the fuzz target without libFuzzer, for compilers that lack it (GCC):
// each seed file once, then mutations of the seeds, for a number of inputs
// or of seconds. The same seed value gives the same inputs. An input that
// crashes is saved as crash-input in the working folder.
//
//   fuzz_rosterreaders [--runs N | --seconds N] [--seed S] FILE...
//
// Besides the seed files, a small XLSX workbook written with libxlsxwriter
// is a seed. Zip seeds are also mutated part by part: one part's XML is
// edited and the archive zipped again with valid checksums, so the inputs get
// past the CRC check into the XML rewrite and liborcus.
#include "zippackage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>

#include <csignal>
#include <cstdint>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

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

// One to eight byte-level edits of the kinds that break parsers: flip a bit,
// insert a structural byte, delete, duplicate a slice, or cut the end. The
// structural bytes include XML and number syntax for edits inside parts.
QByteArray mutateBytes(QByteArray input, QRandomGenerator &random)
{
    static constexpr char s_bytes[] = "\",;\t\r\n\xEF\xBB\xBF\xFF\xFE\x00\x81\x95<>/=&-9e.";
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
            if (random.bounded(4) == 0) // cutting every fifth edit would leave little to parse
                input.truncate(position);
            break;
        }
    }
    return input;
}

// Edits one part of a zip package and zips it again; other inputs get byte edits.
QByteArray mutate(const QByteArray &input, QRandomGenerator &random)
{
    if (!input.startsWith("PK") || random.bounded(4) == 0)
        return mutateBytes(input, random);
    const auto package = ClassDesk::ZipPackage::read(input);
    if (!package || package->parts().isEmpty())
        return mutateBytes(input, random);

    const qsizetype target = random.bounded(package->parts().size());
    ClassDesk::ZipPackage mutated;
    for (qsizetype index = 0; index < package->parts().size(); ++index) {
        ClassDesk::ZipPackage::Part part = package->parts().at(index);
        if (index == target)
            part.content = mutateBytes(part.content, random);
        mutated.append(std::move(part));
    }
    return mutated.write();
}

QByteArray libxlsxwriterSeed()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("seed.xlsx"));
    lxw_workbook *workbook = workbook_new(QFile::encodeName(path).constData());
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "名单");
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    worksheet_set_column(sheet, 0, 3, 12, nullptr);
    worksheet_merge_range(sheet, 0, 0, 0, 3, "高一(3)班 学生名单", nullptr);
    const char *headers[] = {"学号", "姓名", "性别", "入学日期"};
    for (lxw_col_t column = 0; column < 4; ++column)
        worksheet_write_string(sheet, 1, column, headers[column], nullptr);
    worksheet_write_number(sheet, 2, 0, 2025010201, nullptr);
    worksheet_write_string(sheet, 2, 1, "张𠮷", nullptr);
    worksheet_write_string(sheet, 2, 2, "男", nullptr);
    worksheet_write_number(sheet, 2, 3, 45536, date);
    worksheet_write_formula_num(sheet, 3, 0, "=A3+1", nullptr, 2025010202);
    worksheet_write_string(sheet, 3, 1, "王芳", nullptr);
    if (workbook_close(workbook) != LXW_NO_ERROR)
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QStringList arguments = application.arguments().mid(1);

    qint64 runs = -1;
    int seconds = 10;
    quint32 seed = 1;
    QList<QByteArray> corpus;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == u"--seconds" && i + 1 < arguments.size()) {
            seconds = arguments[++i].toInt();
        } else if (arguments[i] == u"--runs" && i + 1 < arguments.size()) {
            runs = arguments[++i].toLongLong();
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
    const QByteArray workbook = libxlsxwriterSeed();
    if (!workbook.isEmpty())
        corpus.append(workbook);

    std::signal(SIGABRT, saveCurrentInput);
    std::signal(SIGSEGV, saveCurrentInput);
    std::signal(SIGFPE, saveCurrentInput);

    for (const QByteArray &input : std::as_const(corpus))
        runOne(input);

    QRandomGenerator random(seed);
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    while (runs >= 0 ? done < runs : timer.elapsed() < seconds * 1000LL) {
        const QByteArray input = mutate(corpus[random.bounded(corpus.size())], random);
        runOne(input);
        ++done;
    }
    std::printf("%lld mutated inputs from %lld seeds in %.1f s, no crash\n", static_cast<long long>(done),
                static_cast<long long>(corpus.size()), double(timer.elapsed()) / 1000.0);
    return 0;
}
