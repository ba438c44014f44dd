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
    /** An attribute name of no characters, in an item or a map (DDBL; docs: a name has at least one character). */
    public static final String ATTRIBUTE_NAME_EMPTY = "Empty attribute name";

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

    // ---- key schemas (CreateTable, UpdateTable's index Create, restores' index overrides)

    /** A table key schema of more elements than definitions (service: dynalite's tests). */
    public static final String KEY_SCHEMA_UNDEFINED_COUNT = "Invalid KeySchema: Some index key attribute have no definition";
    /** Key attributes without a definition: the keys and the definitions, as lists (service: dynalite's tests; quoted AWS errors). */
    public static final String KEY_SCHEMA_NOT_DEFINED = "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: %s, AttributeDefinitions: %s";
    /** The HASH and the RANGE element name the same attribute (service: dynalite's tests). */
    public static final String KEY_SCHEMA_HASH_AND_RANGE_SAME_NAME = "Both the Hash Key and the Range Key element in the KeySchema have the same name";
    /** (service: dynalite's tests) */
    public static final String KEY_SCHEMA_FIRST_NOT_HASH = "Invalid KeySchema: The first KeySchemaElement is not a HASH key type";
    /** A table's or local index's second element (service: dynalite's tests); a global index may have several HASH elements. */
    public static final String KEY_SCHEMA_SECOND_NOT_RANGE = "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type";

    // ---- Query key conditions (KeyConditionExpression and legacy KeyConditions)

    /** More conditions than the key read has attributes, or none (service: dynalite's tests; quoted AWS errors). */
    public static final String KEY_CONDITION_COUNT = "Conditions can be of length 1 or 2 only";
    /** A legacy condition with the wrong number of values for its operator (service: dynalite's tests). */
    public static final String CONDITION_ARGUMENT_COUNT = "The attempted filter operation is not supported for the provided filter argument count";
    /** The key attribute named after it has no condition (service: quoted AWS errors, dynalite's and moto's tests). */
    public static final String KEY_CONDITION_MISSED_KEY = "Query condition missed key schema element: ";
    /** The partition key not by equality, or a condition on no key attribute (service: dynalite's tests). */
    public static final String KEY_CONDITION_NOT_SUPPORTED = "Query key condition not supported";
    /** NULL, NOT_NULL, CONTAINS, NOT_CONTAINS, IN or NE in KeyConditions (service: dynalite's tests). */
    public static final String KEY_CONDITION_NOT_INDEXABLE = "Attempted conditional constraint is not an indexable operation";
    /** A value of another type than the key attribute's (service: dynalite's tests; quoted AWS errors). */
    public static final String KEY_CONDITION_TYPE_MISMATCH = "One or more parameter values were invalid: Condition parameter type does not match schema type";
    /** BEGINS_WITH on a number sort key in KeyConditions (service: dynalite's tests). */
    public static final String KEY_CONDITION_BEGINS_WITH_NUMBER = "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type";
    /** A legacy BETWEEN whose lower bound is above its upper bound (service: dynalite's tests). */
    public static final String KEY_CONDITION_BETWEEN_BOUNDS = "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound";
    /** Two conditions on one attribute (service: quoted AWS errors). */
    public static final String KEY_CONDITION_ONE_PER_KEY = "KeyConditionExpressions must only contain one condition per key";
    /** OR, NOT, IN, {@code <>} or a function other than begins_with; the operator follows (DDBL; dynalite's tests). */
    public static final String KEY_CONDITION_INVALID_OPERATOR = "Invalid operator used in KeyConditionExpression: ";
    /** A function call as an operand (DDBL; dynalite's tests). */
    public static final String KEY_CONDITION_NESTED_OPERATION = "KeyConditionExpressions cannot contain nested operations";
    /** Two attribute names in one condition (DDBL). */
    public static final String KEY_CONDITION_TWO_ATTRIBUTES = "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition";
    /** A condition of values only (DDBL). */
    public static final String KEY_CONDITION_NO_ATTRIBUTE = "Invalid condition in KeyConditionExpression: No key attribute specified";
    /** A nested path as a key; the attribute follows (DDBL). */
    public static final String KEY_CONDITION_NOT_SCALAR = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: ";
    /** BETWEEN or begins_with whose first operand is not the key (DDBL; dynalite's tests). */
    public static final String KEY_CONDITION_KEY_NOT_FIRST = "Invalid condition in KeyConditionExpression: %s operator must have the key attribute as its first operand";

    // ---- index keys in written items

    /** An item without a key attribute of its table, named (service: dynalite's tests). */
    public static final String ITEM_KEY_MISSING = "One or more parameter values were invalid: Missing the key %s in the item";
    /** A table key attribute of another type: name, expected, actual (service: emulators' tests recorded against it). */
    public static final String ITEM_KEY_TYPE_MISMATCH = "One or more parameter values were invalid: Type mismatch for key %s expected: %s actual: %s";
    /** An empty string or binary as a key value: "string" or "binary", and the attribute (service: quoted AWS errors; moto's tests). */
    public static final String KEY_EMPTY = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty %s value. Key: %s";
    /** The same for an index key attribute of a written item: kind, index, attribute (service: quoted AWS errors). */
    public static final String INDEX_KEY_EMPTY = "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty %s value. IndexName: %s, IndexKey: %s";
    /** The same when an update expression makes an index key empty: kind (service: nubo-db/dynamodb-conformance, captured on AWS). */
    public static final String UPDATE_INDEX_KEY_EMPTY = "One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty %s value.";
    /** A partition key over 2048 bytes; "of2048" without a space is the service's (service: dynalite's and moto's tests). */
    public static final String PARTITION_KEY_TOO_LARGE = "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes";
    /** A sort key over 1024 bytes (service: dynalite's tests). */
    public static final String SORT_KEY_TOO_LARGE = "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes";
    /** An index key attribute of another type: name, expected, actual, index (service: dynalite's tests; quoted AWS errors). */
    public static final String INDEX_KEY_TYPE_MISMATCH = "One or more parameter values were invalid: Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s";
    /** An index key attribute over its role's limit: name, size, limit, index (service: a quoted AWS error). */
    public static final String INDEX_KEY_TOO_LARGE = "One or more parameter values were invalid: Size limit exceeded for Index Key %s Actual Size: %d bytes Max Size: %d bytes IndexName: %s";

    // ---- Query and Scan: what to read, and where to start

    /** A Query with neither (service: dynalite's tests). */
    public static final String QUERY_NO_KEY_CONDITION = "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.";
    /** ConsistentRead on a global index read by Query or Scan (service: dynalite's tests; the docs). */
    public static final String QUERY_GSI_CONSISTENT_READ = "Consistent reads are not supported on global secondary indexes";
    /** A key whose attributes are not the table's key attributes with their types (service: quoted AWS errors, dynalite's tests). */
    public static final String KEY_NOT_SCHEMA = "The provided key element does not match the schema";
    /** An ExclusiveStartKey without the key's attributes (service: dynalite's tests). */
    public static final String START_KEY_INVALID = "The provided starting key is invalid";
    /** A Query's start key in another partition than the condition's (service: dynalite's tests). */
    public static final String START_KEY_OUTSIDE_PARTITION = "The provided starting key is outside query boundaries based on provided conditions";
    /** A Query's start key outside its sort key condition (service: dynalite's tests; quoted AWS errors). */
    public static final String START_KEY_OUTSIDE_SORT_CONDITION = "The provided starting key does not match the range key predicate";
    /** Select SPECIFIC_ATTRIBUTES without names (service: emulators' tests recorded against it). */
    public static final String SELECT_SPECIFIC_WITHOUT_NAMES = "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES";
    /** Select COUNT with AttributesToGet or ProjectionExpression, named (service: emulators' tests recorded against it; DDBL). */
    public static final String SELECT_COUNT_WITH_NAMES = "Cannot specify the %s when choosing to get only the Count";
    /** Select ALL_ATTRIBUTES or ALL_PROJECTED_ATTRIBUTES with names: the parameter and the Select (service: emulators' tests recorded against it). */
    public static final String SELECT_ALL_WITH_NAMES = "Cannot specify the %s when choosing to get %s";
    /** Select ALL_PROJECTED_ATTRIBUTES without IndexName (DDBL, checked by the previous session). */
    public static final String SELECT_ALL_PROJECTED_WITHOUT_INDEX = "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName";
    /** Select ALL_ATTRIBUTES on a global index that does not project all; the index (DDBL, recorded by the previous session). */
    public static final String SELECT_ALL_ON_PARTIAL_GLOBAL_INDEX = "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index %s because its projection type is not ALL";
    /** Names a global index does not hold: the index and the list (DDBL, recorded by the previous session). */
    public static final String GLOBAL_INDEX_DOES_NOT_PROJECT = "One or more parameter values were invalid: Global secondary index %s does not project %s";

    // ---- multi-attribute keys of global indexes: the key schema's texts are the service's (observed in 2026);
    //      the Query texts are Dynabox's (public conformance suites run against the service match only the
    //      words kept here: "HASH ... equality", "RANGE ... equality")

    /** The explanation every such text carries (left out with --strict-messages). */
    public static final String UNRECORDED_WORDING = "the service's exact wording of this rule is not on public record; this is Dynabox's";
    /** A HASH element after a RANGE element in a global index's key schema (the service's text, observed in 2026). */
    public static final String KEY_SCHEMA_HASH_AFTER_RANGE = "One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema";
    /** The same attribute twice in a multi-attribute key schema (the service's text, observed in 2026). */
    public static final String KEY_SCHEMA_SAME_NAME = "The KeySchema contains multiple key attributes with the same name";
    /** More than four HASH or RANGE elements: the key type (the service's text, observed in 2026). */
    public static final String KEY_SCHEMA_TOO_MANY = "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of %s key attributes";
    /** A multi-attribute index's HASH attributes without an equality each; the index's HASH attributes follow. */
    public static final String QUERY_HASH_ATTRIBUTES_NEED_EQUALITY = "Query key condition not supported: every HASH key attribute of the index must be given an equality condition; HASH key attributes: %s";
    /** Its RANGE attributes not a left-to-right run of equalities ending in at most one other condition; they follow. */
    public static final String QUERY_RANGE_ATTRIBUTES_IN_ORDER = "Query key condition not supported: RANGE key attributes must be used from left to right without a gap, each with an equality condition except the last one used; RANGE key attributes: %s";
}
