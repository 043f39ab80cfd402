#include "app/net/tlsoptions.h"

#include <QtCore/QFile>
#include <QtNetwork/QSslCipher>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>

namespace Frameline {

namespace {
bool readFile(const QString &path, QByteArray *contents, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tls::tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *contents = file.readAll();
    return true;
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return QStringLiteral("TLS");
    }
}

bool loadKey(const QByteArray &pem, QSslKey *key)
{
    for (QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        QSslKey candidate(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!candidate.isNull()) {
            *key = candidate;
            return true;
        }
    }
    return false;
}
} // namespace

bool Tls::clientConfiguration(const TlsOptions &options, QSslConfiguration *configuration, QString *error)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.caFile.isEmpty()) {
        QByteArray pem;
        if (!readFile(options.caFile, &pem, error))
            return false;
        const QList<QSslCertificate> cas = QSslCertificate::fromData(pem, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = tr("%1 holds no PEM certificate").arg(options.caFile);
            return false;
        }
        config.addCaCertificates(cas);
    }
    if (!options.pkcs12File.isEmpty()) {
        QFile file(options.pkcs12File);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2").arg(options.pkcs12File, file.errorString());
            return false;
        }
        QSslKey key;
        QSslCertificate certificate;
        QList<QSslCertificate> chain;
        if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, options.pkcs12Password)) {
            *error = tr("%1 is not a PKCS#12 file this password opens").arg(options.pkcs12File);
            return false;
        }
        config.setPrivateKey(key);
        config.setLocalCertificate(certificate);
        if (!chain.isEmpty())
            config.setLocalCertificateChain(QList<QSslCertificate> { certificate } + chain);
    } else if (!options.certificateFile.isEmpty()) {
        QByteArray certificatePem;
        QByteArray keyPem;
        if (!readFile(options.certificateFile, &certificatePem, error))
            return false;
        if (options.keyFile.isEmpty()) {
            *error = tr("A client certificate needs its private key file as well");
            return false;
        }
        if (!readFile(options.keyFile, &keyPem, error))
            return false;
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
        if (chain.isEmpty()) {
            *error = tr("%1 holds no PEM certificate").arg(options.certificateFile);
            return false;
        }
        QSslKey key;
        if (!loadKey(keyPem, &key)) {
            *error = tr("%1 holds no unencrypted PEM private key").arg(options.keyFile);
            return false;
        }
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
    }
    *configuration = config;
    return true;
}

bool Tls::serverConfiguration(const QString &certificateFile, const QString &keyFile,
                              QSslConfiguration *configuration, QString *error)
{
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readFile(certificateFile, &certificatePem, error) || !readFile(keyFile, &keyPem, error))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = tr("%1 holds no PEM certificate").arg(certificateFile);
        return false;
    }
    QSslKey key;
    if (!loadKey(keyPem, &key)) {
        *error = tr("%1 holds no unencrypted PEM private key").arg(keyFile);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    *configuration = config;
    return true;
}

QString Tls::describe(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return tr("(no certificate)");
    return tr("%1 (issued by %2, valid %3 to %4)")
        .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
             certificate.effectiveDate().toString(Qt::ISODate), certificate.expiryDate().toString(Qt::ISODate));
}

QString Tls::explain(const QSslError &error)
{
    if (error.certificate().isNull())
        return error.errorString();
    return tr("certificate %1: %2").arg(describe(error.certificate()), error.errorString());
}

TlsRecord Tls::record(const QSslSocket &socket)
{
    TlsRecord record;
    record.protocol = protocolName(socket.sessionProtocol());
    record.cipher = socket.sessionCipher().name();
    record.serverName = socket.peerVerifyName().isEmpty() ? socket.peerName() : socket.peerVerifyName();
    record.peerChain = socket.peerCertificateChain();
    record.clientCertificateSent = !socket.localCertificate().isNull();
    return record;
}

} // namespace Frameline
