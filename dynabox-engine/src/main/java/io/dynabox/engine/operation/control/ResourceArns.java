package io.dynabox.engine.operation.control;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableGrammar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables that ARN-addressed actions (tags, resource policies) name. A table ARN is
 * {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME} with a valid table name; an ARN of
 * another region or account names no table of the caller's. The texts for ARNs that are
 * not a table's are the service's (observed in 2026).
 */
final class ResourceArns {
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws:dynamodb:([^:]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})");
    private static final Pattern INDEX_ARN = Pattern.compile("arn:[^:]+:dynamodb:[^:]*:[^:]*:table/[^/]+/index/.*");

    private ResourceArns() {}

    /**
     * The table a tagging action names: a malformed ARN is invalid; an unknown table is not
     * found, and one being deleted is in use to a change ({@code forChange}), in the service's words.
     */
    static Table taggedTable(RequestContext context, String arn, boolean forChange) {
        checkDynamoDbResource(arn);
        Matcher m = TABLE_ARN.matcher(arn);
        if (!m.matches()) throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        if (!m.group(1).equals(context.namespace().region())) {
            throw new DynamoException(ErrorCode.VALIDATION, "Invalid TableArn: Invalid ResourceArn provided as input " + arn,
                    context.otherRegion(m.group(1)));
        }
        Table table = ownTable(context, m);
        boolean deleting = table != null && Table.DELETING.equals(table.status(context.nowMillis()));
        // the service's words in 2026 (LAB 070/101/374/446); captures of 2019-2022 spelled it "ResourcArn"
        if (table == null || deleting && !forChange) {
            throw DynamoException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
        }
        if (deleting) throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being deleted: " + table.name());
        return table;
    }

    /** What every ARN-addressed action refuses first: a string that is no ARN, and an index's ARN. */
    static void checkDynamoDbResource(String arn) {
        if (!arn.startsWith("arn:")) throw DynamoException.validation(TableGrammar.INVALID + "ARNs must start with 'arn:': " + arn);
        if (INDEX_ARN.matcher(arn).matches()) {
            throw DynamoException.validation(TableGrammar.INVALID
                    + "Invalid resource arn provided, only table or stream is accepted. Provided resource arn: " + arn);
        }
    }

    /** The caller's table an ARN names (being deleted, too), or null. */
    static Table ownTable(RequestContext context, Matcher arn) {
        Namespace namespace = context.namespace();
        if (!arn.group(1).equals(namespace.region()) || !arn.group(2).equals(Namespace.ACCOUNT_ID)) return null;
        return namespace.table(arn.group(3), context.nowMillis());
    }
}
