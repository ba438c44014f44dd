package io.dynabox.engine.kinesis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kinesis data stream's ARN, {@code arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME}, taken apart. */
public record KinesisStreamArn(String arn, String region, String account, String name) {
    private static final Pattern FORM = Pattern.compile("arn:aws[a-z-]*:kinesis:([a-z0-9-]+):(\\d{12}):stream/([a-zA-Z0-9_.-]{1,128})");

    /** The parts of {@code arn}, or null when it is not a Kinesis data stream's ARN. */
    public static KinesisStreamArn parse(String arn) {
        Matcher m = FORM.matcher(arn);
        return m.matches() ? new KinesisStreamArn(arn, m.group(1), m.group(2), m.group(3)) : null;
    }
}
