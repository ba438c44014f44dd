package io.dynabox.engine.partiql;

import io.dynabox.engine.expression.DocumentPath;
import java.util.List;

/** A parsed statement of DynamoDB's PartiQL; {@code text} is the statement as given, {@code parameters} how many {@code ?} it holds. */
public sealed interface Statement {

    String table();

    int parameters();

    /** {@code SELECT projection FROM "table"["index"] [WHERE …] [ORDER BY …]}; {@code projection} is null for {@code *}. */
    record Select(List<Projected> projection, String table, String index, Expr where, List<OrderBy> orderBy,
                  int parameters) implements Statement {
        public Select {
            projection = projection == null ? null : List.copyOf(projection);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** A projected path, with its name in the answer (the service names a nested path by its text up to the first map key). */
    record Projected(DocumentPath path, String name) {}

    record OrderBy(String attribute, boolean descending) {}

    /** {@code INSERT INTO "table" VALUE {…}}. */
    record Insert(String table, Expr item, int parameters) implements Statement {}

    /** One SET or REMOVE of an UPDATE; {@code value} is null for REMOVE. */
    record Assignment(DocumentPath path, Expr value) {}

    /** {@code RETURNING ALL|MODIFIED NEW|OLD *}. */
    enum Returning { NONE, ALL_OLD, ALL_NEW, MODIFIED_OLD, MODIFIED_NEW }

    /** {@code UPDATE "table" SET … REMOVE … WHERE … [RETURNING …]}. */
    record Update(String table, List<Assignment> assignments, Expr where, Returning returning, int parameters) implements Statement {
        public Update {
            assignments = List.copyOf(assignments);
        }
    }

    /** {@code DELETE FROM "table" WHERE … [RETURNING ALL OLD *]}. */
    record Delete(String table, Expr where, Returning returning, int parameters) implements Statement {}

    /** {@code EXISTS(SELECT * FROM … WHERE …)}: a condition check, in a transaction only. */
    record Exists(Select select) implements Statement {
        @Override
        public String table() {
            return select.table();
        }

        @Override
        public int parameters() {
            return select.parameters();
        }
    }
}
