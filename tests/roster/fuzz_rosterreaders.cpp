// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer entry point for the roster readers: the bytes go through
// encoding detection, decoding, CSV parsing and the preview, and through the
// XLSX and ODS readers when the build has them. Any crash, sanitizer report or hang is
// a bug. Wrong rows are not checked here.
#include "rosterimporter.h"
#include "zippackage.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A warning per invalid input would drown the fuzzer's own output.
    static const bool s_quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("classdesk.*=false"));
        return true;
    }();
    static_cast<void>(s_quiet);

    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                     static_cast<qsizetype>(size));

    const ClassDesk::RosterPreview text = ClassDesk::RosterImporter::previewText(bytes);
    if (text.rows.size() > bytes.size() + 1)
        __builtin_trap(); // every row needs at least one byte of input

    // Every input goes to both spreadsheet readers: a mutated XLSX is still a
    // zip archive that the ODS path opens, and the other way round.
    if (ClassDesk::SpreadsheetReader::isAvailable()) {
        for (const auto format : {ClassDesk::SpreadsheetReader::Format::Xlsx, ClassDesk::SpreadsheetReader::Format::Ods}) {
            const ClassDesk::RosterPreview sheet = ClassDesk::RosterImporter::previewSpreadsheet(bytes, format);
            if (sheet.rows.size() > 100'000)
                __builtin_trap(); // more rows than the reader's row limit
        }
    }
    return 0;
}

#ifdef CLASSDESK_LIBFUZZER
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t *data, std::size_t size, std::size_t maxSize);

// A byte changed in a zip archive almost always breaks a CRC or the deflate
// stream, and ZipPackage rejects the archive before its XML reaches the
// rewrite and liborcus. So half the mutations of an archive change one part
// with libFuzzer's own mutator and zip the archive again with valid CRCs.
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t *data, std::size_t size, std::size_t maxSize,
                                               unsigned int seed)
{
    std::minstd_rand random(seed);
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                     static_cast<qsizetype>(size));
    if (!input.startsWith("PK") || random() % 2 == 0)
        return LLVMFuzzerMutate(data, size, maxSize);
    const auto package = ClassDesk::ZipPackage::read(input);
    if (!package || package->parts().isEmpty())
        return LLVMFuzzerMutate(data, size, maxSize);

    const qsizetype target = static_cast<qsizetype>(random() % std::size_t(package->parts().size()));
    ClassDesk::ZipPackage mutated;
    for (qsizetype index = 0; index < package->parts().size(); ++index) {
        ClassDesk::ZipPackage::Part part = package->parts().at(index);
        if (index == target) {
            const auto length = static_cast<std::size_t>(part.content.size());
            part.content.resize(qMax<qsizetype>(2 * part.content.size(), 1024)); // room to grow
            part.content.truncate(static_cast<qsizetype>(
                LLVMFuzzerMutate(reinterpret_cast<std::uint8_t *>(part.content.data()), length,
                                 static_cast<std::size_t>(part.content.size()))));
        }
        mutated.append(std::move(part));
    }
    const QByteArray zipped = mutated.write();
    if (zipped.isEmpty() || static_cast<std::size_t>(zipped.size()) > maxSize)
        return LLVMFuzzerMutate(data, size, maxSize);
    std::memcpy(data, zipped.constData(), static_cast<std::size_t>(zipped.size()));
    return static_cast<std::size_t>(zipped.size());
}
#endif
