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

    // ---- multi-attribute keys of global indexes (Dynabox's wording: the service's texts are not on
    //      public record; public conformance suites run against the service match only the words
    //      kept here: "HASH ... precede ... RANGE", "same name", "HASH ... equality", "RANGE ... equality")

    /** The explanation every such text carries (left out with --strict-messages). */
    public static final String UNRECORDED_WORDING = "the service's exact wording of this rule is not on public record; this is Dynabox's";
    /** A HASH element after a RANGE element in a global index's key schema. */
    public static final String KEY_SCHEMA_HASH_AFTER_RANGE = "Invalid KeySchema: All HASH KeySchemaElements must precede the RANGE KeySchemaElements";
    /** The same attribute twice in a multi-attribute key schema; the name follows. */
    public static final String KEY_SCHEMA_SAME_NAME = "Invalid KeySchema: Two KeySchemaElements have the same name: ";
    /** More than four HASH or RANGE elements: the key type and the count. */
    public static final String KEY_SCHEMA_TOO_MANY = "Invalid KeySchema: A global secondary index key can have at most 4 %s KeySchemaElements, found %d";
    /** A multi-attribute index's HASH attributes without an equality each; the index's HASH attributes follow. */
    public static final String QUERY_HASH_ATTRIBUTES_NEED_EQUALITY = "Query key condition not supported: every HASH key attribute of the index must be given an equality condition; HASH key attributes: %s";
    /** Its RANGE attributes not a left-to-right run of equalities ending in at most one other condition; they follow. */
    public static final String QUERY_RANGE_ATTRIBUTES_IN_ORDER = "Query key condition not supported: RANGE key attributes must be used from left to right without a gap, each with an equality condition except the last one used; RANGE key attributes: %s";
}
