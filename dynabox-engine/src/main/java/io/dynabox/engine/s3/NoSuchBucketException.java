package io.dynabox.engine.s3;

/** The bucket named does not exist: exports and imports that name it fail with S3's NoSuchBucket. */
public final class NoSuchBucketException extends RuntimeException {
    public NoSuchBucketException(String bucket) {
        super("The specified bucket does not exist: " + bucket);
    }
}
