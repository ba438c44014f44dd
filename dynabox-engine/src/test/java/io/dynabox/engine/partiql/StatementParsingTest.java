package io.dynabox.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.error.DynamoException;
import org.junit.jupiter.api.Test;

/** What the parser alone decides: the cache, nesting, and Dynabox's explanations of terse refusals. */
class StatementParsingTest {

    @Test
    void aStatementIsParsedOncePerText() {
        String text = "SELECT * FROM \"t\" WHERE pk = ? AND x BETWEEN 1 AND 2";
        assertThat(Statements.parse(text)).isSameAs(Statements.parse(text));
    }

    @Test
    void deepNestingIsRefusedNotRecursedInto() {
        String deep = "SELECT * FROM t WHERE " + "(".repeat(5000) + "x = 1" + ")".repeat(5000);
        assertThatThrownBy(() -> Statements.parse(deep)).isInstanceOfSatisfying(DynamoException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Statement wasn't well formed, can't be processed: " + deep);
            assertThat(e.explanation()).contains("nests more than 100 levels");
        });
        String nots = "SELECT * FROM t WHERE " + "NOT ".repeat(5000) + "x = 1";
        assertThatThrownBy(() -> Statements.parse(nots)).isInstanceOf(DynamoException.class);
        String lists = "INSERT INTO t VALUE {'a':" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> Statements.parse(lists)).isInstanceOf(DynamoException.class);
    }

    @Test
    void aStatementThatDoesNotParseSaysWhereInDynaboxsExplanation() {
        assertThatThrownBy(() -> Statements.parse("SELECT * FROM t WHERE x = 1 x")).isInstanceOfSatisfying(DynamoException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Statement wasn't well formed, can't be processed: SELECT * FROM t WHERE x = 1 x");
            assertThat(e.explanation()).isEqualTo("the statement does not parse at 'x' at 1:29:1: unexpected 'x' after the end of the statement");
        });
        assertThatThrownBy(() -> Statements.parse("SELECT * FROM t WHERE x = 'open")).isInstanceOfSatisfying(DynamoException.class,
                e -> assertThat(e.explanation()).isEqualTo("a quoted string or name starting at character 27 is not closed"));
    }

    @Test
    void keywordsAreMatchedWithoutRegardToCaseAndNamesAsWritten() {
        Statement statement = Statements.parse("select \"A\", b from \"Tab\".\"Idx\" where B = 1 order by K desc");
        assertThat(statement).isInstanceOfSatisfying(Statement.Select.class, select -> {
            assertThat(select.table()).isEqualTo("Tab");
            assertThat(select.index()).isEqualTo("Idx");
            assertThat(select.projection()).extracting(Statement.Projected::name).containsExactly("A", "b");
            assertThat(select.orderBy()).containsExactly(new Statement.OrderBy("K", true));
        });
    }

    @Test
    void parametersAreCountedInTheOrderWritten() {
        Statement statement = Statements.parse("UPDATE t SET a = ?, b = list_append(b, [?]) WHERE pk = ? AND sk = ?");
        assertThat(statement.parameters()).isEqualTo(4);
    }
}
