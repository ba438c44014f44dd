package io.dynabox.engine.error;

/**
 * The service's error texts, gathered here as the code that raises them is touched (most still
 * live next to their checks; see /work/notes/24.md for what remains), each with where it comes
 * from: "service" (answers recorded against the real service by public conformance suites),
 * "DynamoDB Local" (AWS's emulator, where nothing from the service was found) or the
 * documentation. Behaviour tests assert the texts as literals, never through these constants,
 * so a wrong constant fails them.
 */
public final class ServiceTexts {
    private ServiceTexts() {}

    // ---- item values

    /** An attribute name of 65,536 bytes or more (DynamoDB Local; the documented limit is 64 KB). */
    public static final String ATTRIBUTE_NAME_TOO_LARGE = "Attribute name is too large, must be less than 65536 bytes";

    // ---- PartiQL

    /** A statement that does not start with SELECT, INSERT, UPDATE, DELETE or EXISTS (service). */
    public static final String PARTIQL_NOT_DATA_MANIPULATION = "Statement wasn't well formed, can't be processed: Expected data manipulation";
    /** The envelope of every other syntax error (service); Dynabox adds the statement, as DynamoDB Local does. */
    public static final String PARTIQL_NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
    /** ConsistentRead on a global index read by PartiQL (service; Query words it differently). */
    public static final String PARTIQL_GSI_CONSISTENT_READ = "Strongly consistent read is not supported on Global Secondary Indexes";
    /** A FROM clause naming an index the table does not have (service: no name, unlike Query's). */
    public static final String PARTIQL_NO_SUCH_INDEX = "The table does not have the specified index";
    /** {@code "t"."i"."x"} (service). */
    public static final String PARTIQL_PATH_TOO_LONG = "A path may contain at most 2 components in the FROM clause";
    /** {@code ""} as a table or index name (service). */
    public static final String PARTIQL_EMPTY_PATH_COMPONENT = "Path component cannot be an empty string";
    /** A filter on attributes an index does not hold; the list follows (service, global and local alike). */
    public static final String PARTIQL_FILTER_NOT_PROJECTED = "One or more parameter values were invalid: Secondary index %s does not project one or more filter attributes: %s";
    /** {@code <}, {@code <=}, {@code >}, {@code >=} or BETWEEN on a BOOL, NULL, list, map or set value (service). */
    public static final String PARTIQL_UNORDERED_OPERAND = "Incorrect operand type for operator or function; operator or function: %s, operand type: %s";
    /** More than 100 values in an IN list (DynamoDB Local; expressions say the same after "Invalid ...Expression: "). */
    public static final String IN_TOO_MANY_OPERANDS = "The IN operator is provided with too many operands; number of operands: %d";
}
