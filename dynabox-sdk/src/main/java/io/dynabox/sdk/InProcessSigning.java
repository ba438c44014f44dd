package io.dynabox.sdk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.BaseSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * The SigV4 auth scheme of the clients Dynabox builds, with a signer that writes the
 * {@code Authorization} and {@code X-Amz-Date} headers of a SigV4 request, credential scope
 * and all, but computes no signature: the engine reads the access key and region of the
 * scope to choose the namespace, and the request never leaves the JVM. With
 * {@code --credentials} the engine holds such a request to every check but the signature
 * (known key, current date), see {@code SignatureCheck}. Real signing (canonical request, SHA-256 of the body, HMAC chain) was a third of
 * the SDK's time per in-process call. Clients of the users' own builders keep the SDK's
 * real signer.
 */
final class InProcessSigning implements AuthScheme<AwsCredentialsIdentity> {
    static final InProcessSigning SCHEME = new InProcessSigning();

    /** Marks the header as not signed; the engine accepts it in place of a signature from this door only. */
    static final String SIGNATURE = "in-process";

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Signer signer = new Signer();

    private InProcessSigning() {}

    @Override
    public String schemeId() {
        return AwsV4AuthScheme.SCHEME_ID;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
        return providers.identityProvider(AwsCredentialsIdentity.class);
    }

    @Override
    public HttpSigner<AwsCredentialsIdentity> signer() {
        return signer;
    }

    private static final class Signer implements HttpSigner<AwsCredentialsIdentity> {
        /** The last second formatted: formatting a date costs more than the rest of the signing. */
        private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, null);

        @Override
        public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
            return SignedRequest.builder().request(signed(request)).payload(request.payload().orElse(null)).build();
        }

        @Override
        public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
            return CompletableFuture.completedFuture(
                    AsyncSignedRequest.builder().request(signed(request)).payload(request.payload().orElse(null)).build());
        }

        private SdkHttpRequest signed(BaseSignRequest<?, ? extends AwsCredentialsIdentity> request) {
            AwsCredentialsIdentity identity = request.identity();
            String date = amzDate();
            String authorization = "AWS4-HMAC-SHA256 Credential=" + identity.accessKeyId() + "/" + date.substring(0, 8) + "/"
                    + request.property(AwsV4HttpSigner.REGION_NAME) + "/" + request.property(AwsV4HttpSigner.SERVICE_SIGNING_NAME)
                    + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE;
            SdkHttpRequest.Builder signed = request.request().toBuilder()
                    .putHeader("X-Amz-Date", date)
                    .putHeader("Authorization", authorization);
            if (identity instanceof AwsSessionCredentialsIdentity session) signed.putHeader("X-Amz-Security-Token", session.sessionToken());
            return signed.build();
        }

        private String amzDate() {
            long second = System.currentTimeMillis() / 1000;
            Stamp last = stamp;
            if (last.second != second) {
                last = new Stamp(second, AMZ_DATE.format(Instant.ofEpochSecond(second)));
                stamp = last;
            }
            return last.text;
        }
    }

    private record Stamp(long second, String text) {}
}
