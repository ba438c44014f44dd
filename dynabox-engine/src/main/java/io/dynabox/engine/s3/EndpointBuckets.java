package io.dynabox.engine.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * S3 at an S3-compatible endpoint ({@code --s3-endpoint URL}: MinIO, LocalStack, S3 itself),
 * through the AWS SDK's S3 client with path-style addressing. Credentials come from the usual
 * places (environment, profile), or are the placeholder {@code dynabox}/{@code dynabox}; the
 * region is {@code AWS_REGION}'s or us-east-1. Checksums are sent and checked only where S3
 * requires them, which every S3-compatible server accepts.
 *
 * <p>The AWS SDK's {@code s3} and {@code url-connection-client} are optional dependencies of
 * the engine: the server's jar has them; an in-process user who names an endpoint adds them.
 */
public final class EndpointBuckets implements Buckets {
    private final S3Client s3;
    // server-side encryption asked of every object written, or null
    private final ServerSideEncryption encryption;
    private final String kmsKeyId;
    // the engine's buckets own the client; an encrypted view shares it
    private final boolean ownsClient;

    private EndpointBuckets(S3Client s3, ServerSideEncryption encryption, String kmsKeyId, boolean ownsClient) {
        this.s3 = s3;
        this.encryption = encryption;
        this.kmsKeyId = kmsKeyId;
        this.ownsClient = ownsClient;
    }

    static Buckets connect(String endpoint) {
        String region = System.getenv("AWS_REGION");
        S3Client client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                // plain bodies: aws-chunked uploads are what S3-compatible servers most often get wrong
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
                .credentialsProvider(AwsCredentialsProviderChain.of(DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("dynabox", "dynabox"))))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new EndpointBuckets(client, null, null, true);
    }

    @Override
    public boolean exists(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    @Override
    public void put(String bucket, String key, byte[] bytes) {
        try {
            s3.putObject(b -> {
                b.bucket(bucket).key(key);
                if (encryption != null) b.serverSideEncryption(encryption);
                if (kmsKeyId != null) b.ssekmsKeyId(kmsKeyId);
            }, RequestBody.fromBytes(bytes));
        } catch (NoSuchBucketException e) {
            throw new io.dynabox.engine.s3.NoSuchBucketException(bucket);
        }
    }

    @Override
    public byte[] get(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        } catch (NoSuchBucketException e) {
            throw new io.dynabox.engine.s3.NoSuchBucketException(bucket);
        }
    }

    @Override
    public java.io.InputStream open(String bucket, String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (NoSuchBucketException e) {
            throw new io.dynabox.engine.s3.NoSuchBucketException(bucket);
        }
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix == null || prefix.isEmpty() ? null : prefix).build();
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) keys.add(object.key());
        } catch (NoSuchBucketException e) {
            throw new io.dynabox.engine.s3.NoSuchBucketException(bucket);
        }
        return keys;
    }

    /** Shares this client; the view's {@link #close} leaves it open. */
    @Override
    public Buckets encrypted(String algorithm, String kmsKeyId) {
        // AES256 (SSE-S3) is what S3 gives every object unasked; asking for it only fails local S3s set up without keys
        if (!"KMS".equals(algorithm)) return this;
        return new EndpointBuckets(s3, ServerSideEncryption.AWS_KMS, kmsKeyId, false);
    }

    @Override
    public void close() {
        if (ownsClient) s3.close();
    }
}
