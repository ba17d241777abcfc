// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewaremodel.h"

#include "uilogging.h"
#include "workspace.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QStyle>

namespace ClassDesk {

namespace {

QIcon typeIcon(CoursewareType type)
{
    // Theme icons where the desktop has them, Qt's built-in ones otherwise.
    // TODO: ship SVG icons per type so every platform shows the same ones.
    QStyle *style = QApplication::style();
    switch (type) {
    case CoursewareType::Video:
        return QIcon::fromTheme(QStringLiteral("video-x-generic"), style->standardIcon(QStyle::SP_MediaPlay));
    case CoursewareType::Audio:
        return QIcon::fromTheme(QStringLiteral("audio-x-generic"), style->standardIcon(QStyle::SP_MediaVolume));
    case CoursewareType::Image:
        return QIcon::fromTheme(QStringLiteral("image-x-generic"), style->standardIcon(QStyle::SP_FileIcon));
    case CoursewareType::Slides:
        return QIcon::fromTheme(QStringLiteral("x-office-presentation"),
                                style->standardIcon(QStyle::SP_FileDialogDetailedView));
    case CoursewareType::Document:
        return QIcon::fromTheme(QStringLiteral("x-office-document"),
                                style->standardIcon(QStyle::SP_FileDialogContentsView));
    case CoursewareType::Other:
        break;
    }
    return style->standardIcon(QStyle::SP_FileIcon);
}

} // namespace

CoursewareModel::CoursewareModel(Workspace &workspace, QObject *parent)
    : QAbstractListModel(parent)
    , m_workspace(workspace)
{
    reload();
}

int CoursewareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CoursewareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Courseware &courseware = m_rows.at(index.row());
    const CoursewareType type = coursewareType(courseware.mimeType);

    switch (role) {
    case Qt::DisplayRole:
        return courseware.title + QLatin1Char('\n') + detailText(courseware);
    case Qt::AccessibleTextRole:
        return courseware.title + QStringLiteral(", ") + detailText(courseware);
    case Qt::ToolTipRole:
        return courseware.title;
    case Qt::DecorationRole:
        return typeIcon(type);
    case IdRole:
        return courseware.id;
    case TitleRole:
        return courseware.title;
    case TypeRole:
        return int(type);
    case TagsRole:
        return courseware.tags;
    case DetailRole:
        return detailText(courseware);
    default:
        return {};
    }
}

int CoursewareModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

std::optional<Courseware> CoursewareModel::coursewareById(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional(m_rows.at(row));
}

void CoursewareModel::reload()
{
    auto rows = m_workspace.courseware().coursewareList(m_workspace.schoolId());
    if (!rows) {
        qCWarning(lcUi) << "Loading courseware failed:" << rows.error().toLogString();
        emit errorOccurred(rows.error().displayText());
        return;
    }
    beginResetModel();
    m_rows = std::move(*rows);
    endResetModel();
}

Status CoursewareModel::update(const Courseware &courseware)
{
    const auto saved = m_workspace.courseware().updateCourseware(courseware);
    if (!saved)
        return saved;
    const int row = rowOf(courseware.id);
    if (row >= 0) {
        m_rows[row] = courseware;
        emit dataChanged(index(row), index(row));
    }
    return {};
}

Status CoursewareModel::remove(const QString &id)
{
    const auto removed = m_workspace.courseware().removeCourseware(id);
    if (!removed)
        return removed;
    const int row = rowOf(id);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    return {};
}

QString CoursewareModel::formatSize(qint64 bytes)
{
    // Every size in the UI comes from here, so they share units: powers of
    // 1024 with the usual kB and MB. Qt 6.4 localizes "bytes" (zh_CN: 字节)
    // but keeps the Latin kB and MB.
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString CoursewareModel::formatDuration(std::optional<qint64> durationMs)
{
    if (!durationMs)
        return tr("--:--", "duration not known yet");
    const qint64 seconds = *durationMs / 1000;
    const QString minutesSeconds = QStringLiteral("%1:%2")
                                       .arg(seconds / 60 % 60, seconds >= 3600 ? 2 : 1, 10, QLatin1Char('0'))
                                       .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return seconds >= 3600 ? QStringLiteral("%1:%2").arg(seconds / 3600).arg(minutesSeconds) : minutesSeconds;
}

QString CoursewareModel::typeLabel(CoursewareType type)
{
    switch (type) {
    case CoursewareType::Document: return tr("Document");
    case CoursewareType::Slides: return tr("Slides");
    case CoursewareType::Video: return tr("Video");
    case CoursewareType::Audio: return tr("Audio");
    case CoursewareType::Image: return tr("Image");
    case CoursewareType::Other: break;
    }
    return tr("Other");
}

QString CoursewareModel::detailText(const Courseware &courseware) const
{
    QStringList parts{typeLabel(coursewareType(courseware.mimeType)), formatSize(courseware.sizeBytes)};
    const CoursewareType type = coursewareType(courseware.mimeType);
    if (type == CoursewareType::Video || type == CoursewareType::Audio)
        parts.append(formatDuration(courseware.durationMs));
    if (courseware.pageCount)
        parts.append(tr("%n page(s)", nullptr, *courseware.pageCount));
    if (!courseware.tags.isEmpty())
        parts.append(courseware.tags.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" · "));
}

CoursewareFilterModel::CoursewareFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void CoursewareFilterModel::setSearchText(const QString &text)
{
    m_searchText = text.trimmed();
    invalidateFilter();
}

void CoursewareFilterModel::setTypeFilter(std::optional<CoursewareType> type)
{
    m_type = type;
    invalidateFilter();
}

bool CoursewareFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_type && index.data(CoursewareModel::TypeRole).toInt() != int(*m_type))
        return false;
    if (m_searchText.isEmpty())
        return true;

    if (index.data(CoursewareModel::TitleRole).toString().contains(m_searchText, Qt::CaseInsensitive))
        return true;
    const QStringList tags = index.data(CoursewareModel::TagsRole).toStringList();
    return std::any_of(tags.begin(), tags.end(), [this](const QString &tag) {
        return tag.contains(m_searchText, Qt::CaseInsensitive);
    });
}

} // namespace ClassDesk
