package io.dynabox.engine.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * S3 on a local directory: each subfolder is a bucket, and an object's key is its path under
 * the bucket's folder ({@code a/b/c.json} is the file {@code DIR/bucket/a/b/c.json}), so an
 * export can be read with the tools people use on files. A bucket exists when its folder does
 * (make it with {@code mkdir}, as one makes a bucket before exporting to it). Objects are
 * written to a temporary file and moved into place, so a reader never sees half an object.
 */
public final class DirectoryBuckets implements Buckets {
    private final Path root;

    public DirectoryBuckets(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public boolean exists(String bucket) {
        return Files.isDirectory(bucketDir(bucket));
    }

    @Override
    public void put(String bucket, String key, byte[] bytes) {
        Path file = objectFile(bucket, key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write s3://" + bucket + "/" + key + " to " + file, e);
        }
    }

    @Override
    public byte[] get(String bucket, String key) {
        Path file = objectFile(bucket, key);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read s3://" + bucket + "/" + key + " from " + file, e);
        }
    }

    @Override
    public java.io.InputStream open(String bucket, String key) {
        Path file = objectFile(bucket, key);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read s3://" + bucket + "/" + key + " from " + file, e);
        }
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        Path dir = bucketDir(bucket);
        if (!Files.isDirectory(dir)) throw new NoSuchBucketException(bucket);
        String wanted = prefix == null ? "" : prefix;
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String key = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                // objects being written are hidden, as S3 shows an object only once its PUT is done
                if (key.startsWith(wanted) && !isPartial(file)) keys.add(key);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
        Collections.sort(keys);
        return keys;
    }

    private static boolean isPartial(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".part");
    }

    private Path bucketDir(String bucket) {
        return root.resolve(bucket);
    }

    /** The object's file; a key that would leave its bucket's folder ({@code ..}) is refused. */
    private Path objectFile(String bucket, String key) {
        Path dir = bucketDir(bucket);
        if (!Files.isDirectory(dir)) throw new NoSuchBucketException(bucket);
        Path file = dir.resolve(key).normalize();
        if (!file.startsWith(dir.normalize()) || file.equals(dir.normalize())) {
            throw new IllegalArgumentException("the key " + key + " does not name an object inside the bucket " + bucket);
        }
        return file;
    }
}
