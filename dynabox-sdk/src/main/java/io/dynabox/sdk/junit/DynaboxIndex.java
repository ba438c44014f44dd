package io.dynabox.sdk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A secondary index of a {@link DynaboxTable}, projecting all attributes. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DynaboxIndex {
    String name();

    /** The index's partition key; a local index may leave it empty (it is the table's). */
    String hashKey() default "";

    ScalarAttributeType hashKeyType() default ScalarAttributeType.S;

    /** The index's sort key; empty for none. */
    String rangeKey() default "";

    ScalarAttributeType rangeKeyType() default ScalarAttributeType.S;
}
