package io.dynabox.sdk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against Dynabox, in-process: test methods, lifecycle methods and
 * {@link DynaboxInject} fields receive a {@code DynamoDbClient}, {@code DynamoDbAsyncClient},
 * {@code DynamoDbEnhancedClient}, {@code DynamoDbEnhancedAsyncClient}, the
 * {@code io.dynabox.sdk.DynaboxNamespace}, its {@code AwsCredentialsProvider} and
 * {@code Region}, and the {@code URI} of an HTTP server in front of the same data (started
 * on first request).
 *
 * <p>Tables come from {@link DynaboxTable} annotations and from {@link #tables()} files, items
 * from {@link #items()} files and from {@code @BeforeAll} methods; they are set up once for the
 * class. With {@link Isolation#PER_TEST} (the default) every test starts from a copy of that
 * setup in a namespace of its own, which makes tests independent and safe to run in parallel.
 *
 * <p>For settings in code, use {@code @RegisterExtension} with {@link DynaboxExtension#builder()}
 * instead of this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynaboxExtension.class)
public @interface DynaboxTest {
    /** Whether each test gets its own namespace, or the class's tests share one. */
    Isolation isolation() default Isolation.PER_TEST;

    /**
     * Classpath resources holding CreateTable requests as the AWS CLI's {@code --cli-input-json}
     * reads them: one request, or a JSON array of requests.
     */
    String[] tables() default {};

    /**
     * Classpath resources holding items in BatchWriteItem's {@code RequestItems} shape (as
     * {@code aws dynamodb batch-write-item --request-items} reads it), loaded after the tables.
     */
    String[] items() default {};

    /** The region of the namespaces (and of the injected clients). */
    String region() default "us-east-1";

    /** Error messages exactly as DynamoDB's, without Dynabox's explanation. */
    boolean strictMessages() default false;
}
