// SPDX-License-Identifier: GPL-3.0-or-later
#include "signindialog.h"

#include "error.h"
#include "synccontroller.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

const QString ServerKey = QStringLiteral("platform/address");
const QString AccountKey = QStringLiteral("platform/account");

// A typical full platform address. The address field is at least this wide,
// so it shows the whole address instead of its tail.
const QString TypicalAddress = QStringLiteral("https://platform.example.edu.cn/api/v1/");

// The address field widens for a longer address up to this share of the
// screen's width. A longer address scrolls, and the tooltip shows all of it.
constexpr double MaxAddressShareOfScreen = 0.6;

// Whether a failed sign-in reached a web server that is not a school
// platform: such a server answers the token request with a page of its own
// instead of a problem report or a token.
bool isUnknownServer(const QString &code)
{
    return code == QLatin1String("address.not_platform") || code == QLatin1String("http.404")
           || code == QLatin1String("http.405") || code == QLatin1String("auth.invalid_response");
}

} // namespace

SignInDialog::SignInDialog(SyncController &controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setWindowTitle(tr("Sign in to your school's platform"));
    const QSettings settings;

    m_serverEdit = new QLineEdit(settings.value(ServerKey).toString(), this);
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setPlaceholderText(tr("For example platform.school.edu.cn"));
    m_serverEdit->setAccessibleName(tr("Platform address"));
    m_serverEdit->setCursorPosition(0);
    fitAddressField();
    connect(m_serverEdit, &QLineEdit::textChanged, this, [this](const QString &text) { m_serverEdit->setToolTip(text); });
    m_serverEdit->setToolTip(m_serverEdit->text());
    // Leaving the field shows the start of the address: the host matters more than the path.
    connect(m_serverEdit, &QLineEdit::editingFinished, this, [this] {
        fitAddressField();
        m_serverEdit->setCursorPosition(0);
    });
    m_accountEdit = new QLineEdit(settings.value(AccountKey).toString(), this);
    m_accountEdit->setObjectName(QStringLiteral("accountEdit"));
    m_accountEdit->setAccessibleName(tr("Account"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("codeEdit"));
    m_codeEdit->setInputMask(QStringLiteral("999999"));
    m_codeEdit->setAccessibleName(tr("One-time code"));
    m_codeLabel = new QLabel(tr("One-time &code:"), this);
    m_codeLabel->setBuddy(m_codeEdit);
    m_codeLabel->hide();
    m_codeEdit->hide();

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a40000;"));

    auto *form = new QFormLayout;
    form->addRow(tr("Platform &address:"), m_serverEdit);
    form->addRow(tr("&Account:"), m_accountEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);
    form->addRow(m_codeLabel, m_codeEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInButton = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    connect(&m_controller, &SyncController::otpRequired, this, [this] {
        m_codeLabel->show();
        m_codeEdit->show();
        m_codeEdit->setFocus();
        m_signInButton->setEnabled(true);
        showError(tr("Your account uses two-step verification. Enter the 6-digit code from your authenticator app."));
    });
    connect(&m_controller, &SyncController::signInFailed, this, [this](const QString &message) {
        m_waitingForResult = false;
        m_signInButton->setEnabled(true);
        // The engine reports the error code before the failure, so it is current here.
        if (isUnknownServer(m_controller.lastErrorCode()))
            showError(Error{m_controller.lastErrorCode(),
                            tr("No school platform answers at this address. Check the address, or ask your "
                               "school's administrator for it.")}
                          .displayText());
        else
            showError(message);
    });
    connect(&m_controller, &SyncController::stateChanged, this, &SignInDialog::handleStateChange);
}

void SignInDialog::setServerAddress(const QString &address)
{
    m_serverEdit->setText(address);
    m_serverEdit->setCursorPosition(0);
    fitAddressField();
}

void SignInDialog::fitAddressField()
{
    // Font metrics are in device-independent pixels, so the width stays right at
    // any scale factor. Two more characters leave room for the frame and cursor.
    const QFontMetrics metrics = m_serverEdit->fontMetrics();
    const int padding = 2 * metrics.averageCharWidth();
    const int typical = metrics.horizontalAdvance(TypicalAddress) + padding;
    const int needed = metrics.horizontalAdvance(m_serverEdit->text()) + padding;
    const QScreen *screen = this->screen();
    const int limit = screen ? int(screen->availableGeometry().width() * MaxAddressShareOfScreen) : typical;
    m_serverEdit->setMinimumWidth(std::max(typical, std::min(needed, limit)));
}

void SignInDialog::growToFitContents()
{
    // A top-level window keeps its height when a wrapped message or the code
    // row appears, so the layout would take the room from the fields.
    QLayout *layout = this->layout();
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(width())
                                                   : layout->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void SignInDialog::setAccount(const QString &account)
{
    m_accountEdit->setText(account);
}

QString SignInDialog::errorText() const
{
    return m_errorLabel->text();
}

bool SignInDialog::isAskingForCode() const
{
    return !m_codeEdit->isHidden();
}

void SignInDialog::submit()
{
    if (isAskingForCode()) {
        m_signInButton->setEnabled(false);
        m_controller.submitOtp(m_codeEdit->text().trimmed());
        return;
    }
    if (m_serverEdit->text().trimmed().isEmpty() || m_accountEdit->text().trimmed().isEmpty()
        || m_passwordEdit->text().isEmpty()) {
        showError(tr("Fill in the platform address, your account and your password."));
        return;
    }

    QSettings settings;
    settings.setValue(ServerKey, m_serverEdit->text().trimmed());
    settings.setValue(AccountKey, m_accountEdit->text().trimmed());
    m_errorLabel->clear();
    m_waitingForResult = true;
    m_signInButton->setEnabled(false);
    m_controller.signIn(m_serverEdit->text().trimmed(), m_accountEdit->text().trimmed(), m_passwordEdit->text());
}

void SignInDialog::handleStateChange()
{
    if (!m_waitingForResult)
        return;
    switch (m_controller.state()) {
    case SyncEngine::State::SigningIn:
    case SyncEngine::State::SignedOut:
    case SyncEngine::State::SignInRequired:
        return;
    default:
        // The platform accepted the sign-in; a sync has started or finished.
        m_waitingForResult = false;
        m_passwordEdit->clear();
        accept();
    }
}

void SignInDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    growToFitContents();
}

} // namespace ClassDesk
