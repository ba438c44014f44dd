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

    /**
     * The engine's clock: {@code system}, {@code manual} or {@code manual=2024-01-01T00:00:00Z} (time stands still
     * until the test moves it with {@code dynabox.clock().advance(...)}). A class whose clock is not the system's, that
     * simulates anything, or that takes an {@code EngineClock} or a {@code Dynabox}, gets an engine of its own, closed
     * when the class ends.
     */
    String clock() default "system";

    /** Seed of every random draw of the simulation. */
    long seed() default 0;

    /** Tables and indexes throttle as the service does. */
    boolean throttling() default false;

    /** The most an eventually consistent read or a global secondary index may lag the table. */
    long consistencyLagMillis() default 0;

    /** Transactions conflict as the service's do, instead of waiting for each other. */
    boolean transactionConflicts() default false;

    /** Share of single-item writes and transactions refused with a conflict even when none met. */
    double transactionConflictRate() default 0;

    /** Classpath resources holding fault rules: a JSON array of rules as {@code POST /dynabox/faults} takes them. */
    String[] faults() default {};
}
