// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterpreviewjson.h"

#include <QJsonArray>

namespace ClassDesk::RosterPreviewJson {

namespace {

QJsonObject rowToJson(const RosterRow &row)
{
    QJsonObject notes;
    for (auto it = row.notes.cbegin(); it != row.notes.cend(); ++it)
        notes.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("row"), row.sourceRow},
                       {QStringLiteral("student_number"), row.studentNumber},
                       {QStringLiteral("name"), row.name},
                       {QStringLiteral("gender"), row.gender},
                       {QStringLiteral("class"), row.className},
                       {QStringLiteral("notes"), notes}};
}

RosterRow rowFromJson(const QJsonObject &object)
{
    RosterRow row;
    row.sourceRow = object.value(QStringLiteral("row")).toInt();
    row.studentNumber = object.value(QStringLiteral("student_number")).toString();
    row.name = object.value(QStringLiteral("name")).toString();
    row.gender = object.value(QStringLiteral("gender")).toString();
    row.className = object.value(QStringLiteral("class")).toString();
    const QJsonObject notes = object.value(QStringLiteral("notes")).toObject();
    for (auto it = notes.constBegin(); it != notes.constEnd(); ++it)
        row.notes.insert(it.key(), it.value().toString());
    return row;
}

} // namespace

QJsonObject toJson(const RosterPreview &preview)
{
    QJsonArray candidates;
    for (const DecodingCandidate &candidate : preview.encodingCandidates) {
        candidates.append(QJsonObject{{QStringLiteral("encoding"), TextCodec::name(candidate.encoding)},
                                      {QStringLiteral("display_name"), TextCodec::displayName(candidate.encoding)},
                                      {QStringLiteral("preview"), candidate.preview},
                                      {QStringLiteral("invalid_count"), double(candidate.invalidCount)}});
    }

    QJsonArray rows;
    for (const RosterRow &row : preview.rows)
        rows.append(rowToJson(row));

    QJsonArray problems;
    for (const RosterProblem &problem : preview.problems) {
        problems.append(QJsonObject{
            {QStringLiteral("row"), problem.row},
            {QStringLiteral("column"), problem.column},
            {QStringLiteral("kind"), RosterProblem::kindName(problem.kind)},
            {QStringLiteral("code"), problem.code},
            {QStringLiteral("severity"), problem.isWarning() ? QStringLiteral("warning") : QStringLiteral("error")},
            {QStringLiteral("message"), problem.message}});
    }

    return QJsonObject{
        {QStringLiteral("encoding"),
         preview.encoding ? QJsonValue(TextCodec::name(*preview.encoding)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("encoding_detected"), preview.encodingDetected},
        {QStringLiteral("encoding_candidates"), candidates},
        {QStringLiteral("sheet"), preview.sheetName},
        {QStringLiteral("sheets"), QJsonArray::fromStringList(preview.sheetNames)},
        {QStringLiteral("header_row"), preview.headerRow},
        {QStringLiteral("file_problem"), preview.hasFileProblem()},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("problems"), problems},
    };
}

RosterPreview fromJson(const QJsonObject &object)
{
    RosterPreview preview;
    if (const QJsonValue encoding = object.value(QStringLiteral("encoding")); encoding.isString())
        preview.encoding = TextCodec::fromName(encoding.toString());
    preview.encodingDetected = object.value(QStringLiteral("encoding_detected")).toBool(true);

    const QJsonArray candidates = object.value(QStringLiteral("encoding_candidates")).toArray();
    for (const QJsonValue &value : candidates) {
        const QJsonObject candidate = value.toObject();
        const auto encoding = TextCodec::fromName(candidate.value(QStringLiteral("encoding")).toString());
        if (!encoding)
            continue;
        preview.encodingCandidates.append(
            DecodingCandidate{*encoding, candidate.value(QStringLiteral("preview")).toString(),
                              qsizetype(candidate.value(QStringLiteral("invalid_count")).toDouble())});
    }

    preview.sheetName = object.value(QStringLiteral("sheet")).toString();
    const QJsonArray sheets = object.value(QStringLiteral("sheets")).toArray();
    for (const QJsonValue &sheet : sheets)
        preview.sheetNames.append(sheet.toString());
    preview.headerRow = object.value(QStringLiteral("header_row")).toInt();

    const QJsonArray rows = object.value(QStringLiteral("rows")).toArray();
    for (const QJsonValue &row : rows)
        preview.rows.append(rowFromJson(row.toObject()));

    const QJsonArray problems = object.value(QStringLiteral("problems")).toArray();
    for (const QJsonValue &value : problems) {
        const QJsonObject problem = value.toObject();
        const RosterProblemKind kind = RosterProblem::kindFromName(problem.value(QStringLiteral("kind")).toString());
        preview.problems.append(RosterProblem{
            kind, problem.value(QStringLiteral("row")).toInt(), problem.value(QStringLiteral("column")).toString(),
            problem.value(QStringLiteral("message")).toString(),
            problem.value(QStringLiteral("code")).toString(RosterProblem::codeFor(kind))});
    }
    return preview;
}

} // namespace ClassDesk::RosterPreviewJson
