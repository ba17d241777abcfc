// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadqueuemodel.h"

#include "civiltime.h"
#include "coursewaremodel.h"
#include "database.h"
#include "uploadqueuestore.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace ClassDesk {

namespace {

UploadQueue::ItemState itemState(const UploadEntry &entry)
{
    switch (entry.state) {
    case UploadEntry::State::Paused:
        return UploadQueue::ItemState::Paused;
    case UploadEntry::State::Done:
        return UploadQueue::ItemState::Done;
    case UploadEntry::State::NeedsAttention:
        return UploadQueue::ItemState::NeedsAttention;
    case UploadEntry::State::Queued:
        break;
    }
    return entry.nextAttemptAt > CivilTime::nowMs() ? UploadQueue::ItemState::Waiting
                                                    : UploadQueue::ItemState::Queued;
}

UploadQueue::Item savedItem(const UploadEntry &entry)
{
    UploadQueue::Item item;
    item.coursewareId = entry.coursewareId;
    item.state = itemState(entry);
    item.totalBytes = entry.totalBytes;
    item.confirmedBytes = entry.confirmedBytes;
    item.sentBytes = entry.confirmedBytes;
    item.attempts = entry.attempts;
    item.fileId = entry.fileId;
    item.errorCode = entry.lastErrorCode;
    item.errorMessage = entry.lastErrorMessage;
    item.linkedInstantly = entry.state == UploadEntry::State::Done && entry.uploadUrl.isEmpty();
    if (entry.nextAttemptAt > 0)
        item.nextAttemptAt = QDateTime::fromMSecsSinceEpoch(entry.nextAttemptAt, Qt::UTC);
    return item;
}

} // namespace

UploadQueueModel::UploadQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

Status UploadQueueModel::loadFromDatabase(Database &database)
{
    auto entries = UploadQueueStore(database).entries();
    if (!entries)
        return std::unexpected(entries.error());

    QList<UploadQueue::Item> items;
    QHash<QString, int> rows;
    for (const UploadEntry &entry : std::as_const(*entries)) {
        rows.insert(entry.coursewareId, int(items.size()));
        items.append(savedItem(entry));
    }

    // Titles, and files a published lesson queued that the engine has not taken yet.
    auto statement = database.prepare("SELECT id, title, size_bytes, upload_state FROM courseware "
                                      "WHERE deleted_at IS NULL AND (upload_state = 'queued' "
                                      "OR id IN (SELECT courseware_id FROM upload))");
    if (!statement)
        return std::unexpected(statement.error());
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const QString id = statement->textAt(0);
        const QString title = statement->textAt(1).normalized(QString::NormalizationForm_C);
        if (const auto found = rows.constFind(id); found != rows.cend()) {
            items[*found].title = title;
            continue;
        }
        UploadQueue::Item item;
        item.coursewareId = id;
        item.title = title;
        item.totalBytes = statement->int64At(2);
        items.append(item);
    }

    resetItems(items);
    return {};
}

void UploadQueueModel::resetItems(const QList<UploadQueue::Item> &items)
{
    // The queue may not know a title yet, so the one already shown stays.
    QHash<QString, QString> titles;
    for (const UploadQueue::Item &item : std::as_const(m_items))
        titles.insert(item.coursewareId, item.title);

    beginResetModel();
    m_items = items;
    for (UploadQueue::Item &item : m_items) {
        if (item.title.isEmpty())
            item.title = titles.value(item.coursewareId);
    }
    endResetModel();
}

void UploadQueueModel::updateItem(const UploadQueue::Item &item)
{
    const int row = rowOf(item.coursewareId);
    if (row < 0) {
        beginInsertRows({}, int(m_items.size()), int(m_items.size()));
        m_items.append(item);
        endInsertRows();
        return;
    }
    const QString title = m_items.at(row).title;
    m_items[row] = item;
    if (item.title.isEmpty())
        m_items[row].title = title;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void UploadQueueModel::removeItem(const QString &coursewareId)
{
    const int row = rowOf(coursewareId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
}

int UploadQueueModel::rowOf(const QString &coursewareId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).coursewareId == coursewareId)
            return row;
    }
    return -1;
}

QString UploadQueueModel::stateText(const UploadQueue::Item &item)
{
    using enum UploadQueue::ItemState;
    switch (item.state) {
    case Queued:
        return tr("Waiting to upload");
    case Waiting:
        if (item.nextAttemptAt.isValid())
            return tr("The upload was interrupted. ClassDesk tries again at %1.")
                .arg(QLocale().toString(item.nextAttemptAt.toLocalTime().time(), QLocale::ShortFormat));
        return tr("The upload was interrupted. ClassDesk tries again soon.");
    case Uploading:
        return item.checkingPlatform ? tr("Checking whether the platform already has this file")
                                     : tr("Uploading");
    case Paused:
        return tr("Paused");
    case Done:
        return item.linkedInstantly ? tr("Linked instantly: the platform already had this file")
                                    : tr("Uploaded");
    case NeedsAttention:
        if (item.errorMessage.isEmpty())
            return tr("Failed. Select the file and choose Resume to try again.");
        return tr("Failed: %1 Then select the file and choose Resume.").arg(item.errorMessage);
    }
    return {};
}

QString UploadQueueModel::speedText(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return {};
    return tr("%1/s").arg(CoursewareModel::formatSize(qint64(bytesPerSecond)));
}

QString UploadQueueModel::timeLeftText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("Less than a minute left");
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return tr("About %n minute(s) left", nullptr, int(minutes));
    const qint64 hours = (minutes + 59) / 60;
    return tr("About %n hour(s) left", nullptr, int(hours));
}

int UploadQueueModel::progressPermille(const UploadQueue::Item &item)
{
    if (item.state == UploadQueue::ItemState::Done)
        return 1000;
    if (item.totalBytes <= 0)
        return 0;
    return int(std::clamp<qint64>(item.sentBytes * 1000 / item.totalBytes, 0, 1000));
}

int UploadQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int UploadQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UploadQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const UploadQueue::Item &item = m_items.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        return displayText(item, index.column());
    case Qt::ToolTipRole:
        return index.column() == TitleColumn ? item.title : stateText(item);
    case Qt::AccessibleTextRole:
        return displayText(item, index.column());
    case CoursewareIdRole:
        return item.coursewareId;
    case ItemStateRole:
        return int(item.state);
    case ProgressPermilleRole:
        return progressPermille(item);
    default:
        return {};
    }
}

QVariant UploadQueueModel::displayText(const UploadQueue::Item &item, int column) const
{
    switch (column) {
    case TitleColumn:
        return item.title;
    case StateColumn:
        return stateText(item);
    case ProgressColumn:
        return QLocale().toString(progressPermille(item) / 10.0, 'f', 1) + QLocale().percent();
    case SpeedColumn:
        return item.state == UploadQueue::ItemState::Uploading ? speedText(item.bytesPerSecond) : QString();
    case TimeLeftColumn:
        return item.state == UploadQueue::ItemState::Uploading ? timeLeftText(item.etaSeconds) : QString();
    default:
        return {};
    }
}

QVariant UploadQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Courseware");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case SpeedColumn:
        return tr("Speed");
    case TimeLeftColumn:
        return tr("Time left");
    default:
        return {};
    }
}

} // namespace ClassDesk
