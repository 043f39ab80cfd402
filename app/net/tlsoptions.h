#pragma once

#include "app/net/connectionevent.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslError>

namespace Frameline {

// TLS settings of a wss client, and turning them into a QSslConfiguration (OpenSSL 3 backend).
struct TlsOptions
{
    QString caFile;            // extra trusted CA certificates (PEM), added to the system ones
    QString certificateFile;   // client certificate (PEM) ...
    QString keyFile;           // ... and its private key (PEM)
    QString pkcs12File;        // or both in one PKCS#12 file
    QByteArray pkcs12Password;
    QString serverName;        // SNI and the name to verify; empty: the URL's host
    bool ignoreCertificateErrors = false; // never on by default; per connection

    bool hasClientCertificate() const { return !certificateFile.isEmpty() || !pkcs12File.isEmpty(); }
};

class Tls
{
    Q_DECLARE_TR_FUNCTIONS(Tls)
public:
    // The configuration for a client with these options; false and *error on an unreadable file.
    static bool clientConfiguration(const TlsOptions &options, QSslConfiguration *configuration, QString *error);
    // Loads a server certificate and key (PEM).
    static bool serverConfiguration(const QString &certificateFile, const QString &keyFile,
                                    QSslConfiguration *configuration, QString *error);
    // "certificate CN=localhost (issued by CN=Frameline Test CA, valid 2026-01-01 to 2027-01-01): The
    // certificate has expired" — which certificate, which error, its subject, issuer and validity.
    static QString explain(const QSslError &error);
    static QString describe(const QSslCertificate &certificate);
    // The facts of an encrypted socket.
    static TlsRecord record(const class QSslSocket &socket);
};

} // namespace Frameline
