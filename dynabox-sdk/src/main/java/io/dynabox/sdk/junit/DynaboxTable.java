package io.dynabox.sdk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A table the test class needs, created (PAY_PER_REQUEST, ACTIVE) before its tests run. For
 * other settings, use a CreateTable JSON file ({@link DynaboxTest#tables()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(DynaboxTables.class)
public @interface DynaboxTable {
    String name();

    String hashKey();

    ScalarAttributeType hashKeyType() default ScalarAttributeType.S;

    /** The sort key; empty for none. */
    String rangeKey() default "";

    ScalarAttributeType rangeKeyType() default ScalarAttributeType.S;

    /** Global secondary indexes, projecting all attributes. */
    DynaboxIndex[] globalIndexes() default {};

    /** Local secondary indexes (the table needs a sort key), projecting all attributes. */
    DynaboxIndex[] localIndexes() default {};
}
