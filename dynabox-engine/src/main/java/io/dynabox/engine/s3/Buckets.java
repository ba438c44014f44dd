package io.dynabox.engine.s3;

import io.dynabox.engine.DynaboxOptions;
import java.util.List;

/**
 * Where exports are written and imports read: S3 buckets of objects by key. By default a local
 * directory stands in for S3 ({@link DirectoryBuckets}, a bucket per subfolder); with
 * {@code --s3-endpoint} an S3-compatible server is used through the AWS SDK's S3 client
 * ({@link EndpointBuckets}). A bucket that does not exist is {@link NoSuchBucketException}.
 */
public interface Buckets extends AutoCloseable {

    /** Whether the bucket exists (exports and imports fail on one that does not, as on S3). */
    boolean exists(String bucket);

    /** Writes (creates or replaces) an object. */
    void put(String bucket, String key, byte[] bytes);

    /** An object's bytes; null when there is no object with that key. */
    byte[] get(String bucket, String key);

    /**
     * An object's bytes as a stream, for readers that take it piece by piece (an import reads
     * any object in bounded memory); null when there is no object with that key. The caller closes it.
     */
    default java.io.InputStream open(String bucket, String key) {
        byte[] bytes = get(bucket, key);
        return bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
    }

    /** The keys of the objects under a prefix (all of them for null or empty), in key order. */
    List<String> list(String bucket, String prefix);

    /**
     * The same buckets, writing objects with the S3 server-side encryption an export's
     * S3SseAlgorithm names ({@code AES256}, S3's default, or {@code KMS} with a KMS key id or null).
     * A local directory has no encryption at rest to ask for: it answers itself.
     */
    default Buckets encrypted(String algorithm, String kmsKeyId) {
        return this;
    }

    @Override
    default void close() {
    }

    /**
     * Refuses an S3 endpoint when the AWS SDK's S3 client is not on the class path (it is an
     * optional dependency of the engine), so the engine says so at start rather than failing its
     * first export.
     */
    static void checkEndpointSupport(DynaboxOptions options) {
        if (options.s3Endpoint() == null) return;
        try {
            Class.forName("software.amazon.awssdk.services.s3.S3Client", false, Buckets.class.getClassLoader());
            Class.forName("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", false, Buckets.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an S3 endpoint (" + options.s3Endpoint() + ") needs the AWS SDK's S3 client on the class path: "
                    + "add software.amazon.awssdk:s3 and software.amazon.awssdk:url-connection-client", e);
        }
    }

    /** The buckets the options name: the S3 endpoint when one is given, else the directory. */
    static Buckets open(DynaboxOptions options) {
        if (options.s3Endpoint() != null) return EndpointBuckets.connect(options.s3Endpoint());
        return new DirectoryBuckets(options.s3Directory());
    }
}
