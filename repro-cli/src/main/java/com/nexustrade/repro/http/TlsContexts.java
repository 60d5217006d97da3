package com.nexustrade.repro.http;

import com.nexustrade.repro.CannotRunException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/** TLS set-up: the JDK's trust store, or (--insecure) trust in anything, for self-signed staging certificates. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext forTarget(boolean insecure) {
        try {
            if (!insecure) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new CannotRunException("TLS is not available in this JVM: " + e.getMessage() + ".", e);
        }
    }

    /** Only ever used when the user asked for --insecure: it checks nothing, on purpose. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
