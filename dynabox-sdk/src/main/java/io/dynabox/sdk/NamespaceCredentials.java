package io.dynabox.sdk;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials of a namespace's clients: its access key (which names the namespace) and
 * Dynabox's fake secret. The key can be pointed at another namespace, so that clients built for
 * a finished namespace serve a fresh one (see {@link Dynabox#renewNamespace}); the SDK resolves
 * the credentials on every request, so a client follows at once.
 */
final class NamespaceCredentials implements AwsCredentialsProvider {
    private volatile AwsCredentials credentials;

    NamespaceCredentials(String accessKeyId) {
        pointTo(accessKeyId);
    }

    void pointTo(String accessKeyId) {
        credentials = AwsBasicCredentials.create(accessKeyId, Dynabox.SECRET_KEY);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "DynaboxNamespaceCredentials(" + credentials.accessKeyId() + ")";
    }
}
