package io.dynabox.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.server.DynaboxServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The console in a real browser: browse tables and pages of items, edit, create and delete items, query. */
class ConsoleBrowserTest {
    private static Browser browser;
    private Dynabox dynabox;
    private DynaboxServer server;
    private DynaboxNamespace namespace;
    private DynamoDbClient client;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void startDynabox() {
        start(false);
    }

    private void start(boolean readOnly) {
        if (dynabox != null) dynabox.close();
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().consoleReadOnly(readOnly).build());
        server = dynabox.startServer();
        namespace = dynabox.newNamespace();
        client = namespace.dynamoDbClient();
        client.createTable(b -> b.tableName("orders")
                .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH), k -> k.attributeName("orderId").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("orderId").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("by-status")
                        .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 1; i <= 30; i++) {
            int order = i;
            client.putItem(b -> b.tableName("orders").item(Map.of(
                    "customer", AttributeValue.fromS("c" + (order % 3)),
                    "orderId", AttributeValue.fromN(Integer.toString(order)),
                    "status", AttributeValue.fromS(order % 2 == 0 ? "open" : "shipped"),
                    "total", AttributeValue.fromN("12345678901234567890.5"))));
        }
    }

    @AfterEach
    void stopDynabox() {
        dynabox.close();
    }

    private WebDriver open() {
        WebDriver driver = browser.driver;
        driver.get(server.endpoint() + "/dynabox/console?namespace=" + namespace.accessKeyId() + "_us-east-1");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#tables a[data-table=orders] small"), "30 items"));
        return driver;
    }

    private WebDriver openOrders() {
        WebDriver driver = open();
        driver.findElement(By.cssSelector("#tables a[data-table=orders]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "Page 1"));
        return driver;
    }

    /** A table of {@code pk} (a string) alone holding {@code items}, opened in the console by its link. */
    private WebDriver openTable(String table, List<Map<String, AttributeValue>> items) {
        client.createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (Map<String, AttributeValue> item : items) client.putItem(b -> b.tableName(table).item(item));
        WebDriver driver = browser.driver;
        driver.get(server.endpoint() + "/dynabox/console?namespace=" + namespace.accessKeyId() + "_us-east-1&table=" + table);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "Page 1"));
        return driver;
    }

    private static AttributeValue map(String key, AttributeValue value) {
        return AttributeValue.fromM(Map.of(key, value));
    }

    private List<WebElement> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("#items tbody tr"));
    }

    private void setText(WebDriver driver, String id, String text) {
        WebElement element = driver.findElement(By.id(id));
        element.clear();
        element.sendKeys(text);
    }

    @Test
    void browsesTablesAndPagesOfItems() {
        WebDriver driver = openOrders();
        assertThat(driver.findElement(By.id("table-summary")).getText())
                .contains("Items: 30").contains("customer (HASH, S), orderId (RANGE, N)").contains("by-status");
        assertThat(rows(driver)).hasSize(25);
        assertThat(driver.findElements(By.cssSelector("#items th")).stream().map(WebElement::getText).toList())
                .startsWith("customer", "orderId").contains("status", "total");
        // numbers are shown exactly, whatever their digits
        assertThat(rows(driver).get(0).getText()).contains("12345678901234567890.5");

        driver.findElement(By.id("next-page")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "Page 2"));
        assertThat(rows(driver)).hasSize(5);
        assertThat(driver.findElement(By.id("next-page")).isEnabled()).isFalse();
        driver.findElement(By.id("prev-page")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "Page 1"));
        assertThat(rows(driver)).hasSize(25);

        driver.findElement(By.cssSelector(".tabs a[data-tab=definition]")).click();
        assertThat(driver.findElement(By.id("definition")).getText()).contains("\"IndexName\": \"by-status\"");
    }

    @Test
    void editsCreatesAndDeletesItemsInPlainAndDynamoDbJson() {
        WebDriver driver = openOrders();
        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        String plain = driver.findElement(By.id("item-text")).getAttribute("value");
        assertThat(plain).contains("\"total\": 12345678901234567890.5");
        String customer = rows(driver).get(0).findElements(By.tagName("td")).get(0).getText();
        String orderId = rows(driver).get(0).findElements(By.tagName("td")).get(1).getText();

        setText(driver, "item-text", "{\"customer\": \"" + customer + "\", \"orderId\": " + orderId
                + ", \"note\": \"edited\", \"tags\": {\"$SS\": [\"x\", \"y\"]}, \"big\": 123456789012345678901234567890}");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        Map<String, AttributeValue> edited = client.getItem(b -> b.tableName("orders").key(Map.of(
                "customer", AttributeValue.fromS(customer), "orderId", AttributeValue.fromN(orderId)))).item();
        assertThat(edited).containsEntry("note", AttributeValue.fromS("edited"))
                .containsEntry("tags", AttributeValue.fromSs(List.of("x", "y")))
                .containsEntry("big", AttributeValue.fromN("123456789012345678901234567890"))
                .doesNotContainKey("total");

        driver.findElement(By.id("new-item")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        driver.findElement(By.cssSelector("input[name=format][value=dynamodb]")).click();
        assertThat(driver.findElement(By.id("item-text")).getAttribute("value")).contains("\"customer\": {\n    \"S\": \"\"");
        setText(driver, "item-text", "{\"customer\": {\"S\": \"new\"}, \"orderId\": {\"N\": \"99\"}, \"flag\": {\"BOOL\": true}}");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        Map<String, AttributeValue> newKey = Map.of("customer", AttributeValue.fromS("new"), "orderId", AttributeValue.fromN("99"));
        assertThat(client.getItem(b -> b.tableName("orders").key(newKey)).item()).containsEntry("flag", AttributeValue.fromBool(true));

        // find the new item with a query and delete it from the editor
        driver.findElement(By.cssSelector("input[name=mode][value=query]")).click();
        setText(driver, "pk-value", "new");
        driver.findElement(By.id("run")).click();
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items tbody tr"), 1));
        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("delete-item")));
        driver.findElement(By.id("delete-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        assertThat(client.getItem(b -> b.tableName("orders").key(newKey)).hasItem()).isFalse();
    }

    @Test
    void editingAKeyIntoAnEqualSpellingOfItsNumberKeepsTheItem() {
        WebDriver driver = openOrders();
        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        String customer = rows(driver).get(0).findElements(By.tagName("td")).get(0).getText();
        String orderId = rows(driver).get(0).findElements(By.tagName("td")).get(1).getText();
        Map<String, AttributeValue> key = Map.of("customer", AttributeValue.fromS(customer), "orderId", AttributeValue.fromN(orderId));

        // 7.0 is 7 to DynamoDB: the same item, saved in place (it was put, then deleted as "the old key")
        setText(driver, "item-text", "{\"customer\": \"" + customer + "\", \"orderId\": " + orderId + ".0, \"note\": \"same key\"}");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        assertThat(driver.findElement(By.id("editor-error")).getText()).isEmpty();
        assertThat(client.getItem(b -> b.tableName("orders").key(key)).item()).containsEntry("note", AttributeValue.fromS("same key"));

        // a key that changes by value moves the item: saved under the new key, the old one deleted
        browser.waiting().until(d -> rows(d).stream().anyMatch(r -> r.getText().contains("same key")));
        rows(driver).stream().filter(r -> r.getText().contains("same key")).findFirst().orElseThrow().click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        setText(driver, "item-text", "{\"customer\": \"" + customer + "\", \"orderId\": 1000, \"note\": \"moved\"}");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        assertThat(client.getItem(b -> b.tableName("orders").key(key)).hasItem()).isFalse();
        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("customer", AttributeValue.fromS(customer),
                "orderId", AttributeValue.fromN("1000")))).item()).containsEntry("note", AttributeValue.fromS("moved"));
    }

    @Test
    void savingInPlainJsonWithoutEditsKeepsEveryItemExactly() {
        // maps whose only key looks like plain JSON's markers, and attributes named __proto__, at the top and inside a map
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
                "pk", AttributeValue.fromS("odd"),
                "mb", map("$B", AttributeValue.fromS("AQID")),
                "mss", map("$SS", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b")))),
                "mns", map("$NS", AttributeValue.fromS("x")),
                "mbs", map("$BS", AttributeValue.fromN("1")),
                "mm", map("$M", map("$B", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})))),
                "__proto__", AttributeValue.fromS("kept"),
                "nested", AttributeValue.fromM(Map.of("__proto__", AttributeValue.fromS("inner"), "other", AttributeValue.fromN("1"))),
                "list", AttributeValue.fromL(List.of(map("$SS", AttributeValue.fromBool(true))))));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, (byte) 0xff})));
        item.put("ns", AttributeValue.fromNs(List.of("1.5E+125", "12345678901234567890123456789012345678")));
        WebDriver driver = openTable("odd", List.of(item));
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("odd"));
        // as the engine gives it back (numbers in their canonical form: 1.5E+125 written out)
        Map<String, AttributeValue> stored = client.getItem(b -> b.tableName("odd").key(key).consistentRead(true)).item();
        assertThat(stored).containsOnlyKeys(item.keySet());

        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        // a map whose only key is a marker is written {"$M": {...}}: readable, and told apart from a binary or a set
        assertThat(driver.findElement(By.id("item-text")).getAttribute("value"))
                .contains("\"mb\": {\n    \"$M\": {\n      \"$B\": \"AQID\"").contains("\"__proto__\": \"kept\"");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        assertThat(client.getItem(b -> b.tableName("odd").key(key).consistentRead(true)).item()).isEqualTo(stored);

        // the same through DynamoDB JSON and back
        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        driver.findElement(By.cssSelector("input[name=format][value=dynamodb]")).click();
        driver.findElement(By.cssSelector("input[name=format][value=plain]")).click();
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        assertThat(client.getItem(b -> b.tableName("odd").key(key).consistentRead(true)).item()).isEqualTo(stored);

        // a marker given the wrong kind of value is refused with a message that says so
        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        setText(driver, "item-text", "{\"pk\": \"odd\", \"x\": {\"$NS\": \"x\"}}");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-error"), "$NS"));
        assertThat(client.getItem(b -> b.tableName("odd").key(key).consistentRead(true)).item()).isEqualTo(stored);
    }

    @Test
    void anAttributeNamedProtoLeavesTheGridWholeAndIsSaved() {
        List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) items.add(Map.of("pk", AttributeValue.fromS("item" + i), "v", AttributeValue.fromN(Integer.toString(i))));
        Map<String, AttributeValue> odd = Map.of("pk", AttributeValue.fromS("odd"), "__proto__", AttributeValue.fromS("x"),
                "nested", AttributeValue.fromM(Map.of("__proto__", AttributeValue.fromS("inner"), "other", AttributeValue.fromN("1"))));
        items.add(odd);
        WebDriver driver = openTable("protopage", items);
        // item.__proto__ of the other items was Object.prototype: the grid stopped at its first row with an error
        assertThat(driver.findElement(By.id("search-error")).getText()).isEmpty();
        assertThat(rows(driver)).hasSize(6);
        assertThat(driver.findElement(By.id("page-info")).getText()).contains("6 items");
        assertThat(driver.findElements(By.cssSelector("#items th")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("pk", "v", "__proto__", "nested");

        // saved without edits, in plain JSON, the item keeps both (they were dropped)
        rows(driver).stream().filter(r -> r.getText().startsWith("odd")).findFirst().orElseThrow().click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        assertThat(driver.findElement(By.id("item-text")).getAttribute("value")).contains("\"__proto__\": \"x\"").contains("\"__proto__\": \"inner\"");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
        assertThat(client.getItem(b -> b.tableName("protopage").key(Map.of("pk", AttributeValue.fromS("odd"))).consistentRead(true)).item())
                .isEqualTo(odd);
    }

    @Test
    void aNewOrMovedItemNeverReplacesAnItemThatHasItsKey() {
        WebDriver driver = openOrders();
        String customer = rows(driver).get(0).findElements(By.tagName("td")).get(0).getText();
        int orderId = Integer.parseInt(rows(driver).get(0).findElements(By.tagName("td")).get(1).getText());
        int other = orderId + 3 <= 30 ? orderId + 3 : orderId - 3; // the same customer's
        Map<String, AttributeValue> key = Map.of("customer", AttributeValue.fromS(customer), "orderId", AttributeValue.fromN(Integer.toString(orderId)));
        Map<String, AttributeValue> otherKey = Map.of("customer", AttributeValue.fromS(customer), "orderId", AttributeValue.fromN(Integer.toString(other)));
        Map<String, AttributeValue> otherItem = client.getItem(b -> b.tableName("orders").key(otherKey)).item();

        // New item with an existing key: refused (it replaced the item)
        driver.findElement(By.id("new-item")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        setText(driver, "item-text", "{\"customer\": \"" + customer + "\", \"orderId\": " + orderId + ", \"note\": \"replaced\"}");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-error"), "An item with this key exists already"));
        assertThat(client.getItem(b -> b.tableName("orders").key(key)).item()).containsKey("total").doesNotContainKey("note");
        driver.findElement(By.id("close-editor")).click();

        // an item moved onto another's key: refused, and both are left as they were
        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        setText(driver, "item-text", "{\"customer\": \"" + customer + "\", \"orderId\": " + other + ", \"note\": \"moved\"}");
        driver.findElement(By.id("save-item")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-error"), "An item with this key exists already"));
        assertThat(client.getItem(b -> b.tableName("orders").key(otherKey)).item()).isEqualTo(otherItem);
        assertThat(client.getItem(b -> b.tableName("orders").key(key)).item()).containsKey("total").doesNotContainKey("note");
    }

    @Test
    void queriesWithKeyConditionsFiltersAndIndexes() {
        WebDriver driver = openOrders();
        driver.findElement(By.cssSelector("input[name=mode][value=query]")).click();
        setText(driver, "pk-value", "c1");
        new Select(driver.findElement(By.id("sk-op"))).selectByVisibleText("between");
        setText(driver, "sk-value", "4");
        setText(driver, "sk-value2", "19");
        driver.findElement(By.id("descending")).click();
        driver.findElement(By.id("run")).click();
        // c1 holds orders 1, 4, 7, ..., 28: between 4 and 19, newest first
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items tbody tr"), 6));
        assertThat(rows(driver).stream().map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList())
                .containsExactly("19", "16", "13", "10", "7", "4");

        setText(driver, "filter", "#s = :s");
        setText(driver, "names", "{\"#s\": \"status\"}");
        setText(driver, "values", "{\":s\": \"open\"}");
        driver.findElement(By.id("run")).click();
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items tbody tr"), 3));
        assertThat(driver.findElement(By.id("page-info")).getText()).contains("3 items (6 read)");

        // the global index, keyed by status
        new Select(driver.findElement(By.id("index"))).selectByValue("by-status");
        assertThat(driver.findElement(By.id("pk-name")).getText()).isEqualTo("status");
        setText(driver, "filter", "");
        setText(driver, "names", "");
        setText(driver, "values", "");
        setText(driver, "pk-value", "open");
        driver.findElement(By.id("run")).click();
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items tbody tr"), 15));

        // an error from the engine is shown as the service gives it
        setText(driver, "filter", "total >");
        driver.findElement(By.id("run")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-error"), "ValidationException: Invalid FilterExpression"));
        // the error alone: the rows of the search before are not its answer
        assertThat(rows(driver)).isEmpty();
        assertThat(driver.findElement(By.id("page-info")).getText()).isEmpty();
    }

    @Test
    void showsCapacityTheReportAndTheSimulationsClock() {
        WebDriver driver = openOrders();
        driver.findElement(By.cssSelector(".tabs a[data-tab=capacity]")).click();
        driver.switchTo().frame(driver.findElement(By.id("capacity-frame")));
        // 30 puts of one unit, and one more each for the global index's entry; the console's own scans are not counted
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[data-table=orders]"), "Write units: 60"));
        assertThat(driver.findElement(By.cssSelector("section[data-table=orders]")).getText())
                .contains("Provisioned capacity that would have served this run").contains("Monthly cost");
        driver.switchTo().defaultContent();

        driver.findElement(By.id("nav-simulation")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("clock-mode"), "system"));
        // the fault rule's example, as it is, is a rule the admin door takes
        setText(driver, "fault-rule", driver.findElement(By.id("fault-rule")).getAttribute("placeholder"));
        driver.findElement(By.id("add-fault")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("faults"), "\"rate\": 0.5"));
        assertThat(driver.findElement(By.id("simulation-error")).getText()).isEmpty();
        driver.findElement(By.id("clear-faults")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("faults"), "rate")));
        driver.findElement(By.id("clock-manual")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("clock-mode"), "manual"));
        java.time.Instant before = java.time.Instant.parse(driver.findElement(By.id("clock-now")).getText());
        driver.findElement(By.cssSelector("[data-advance='3600']")).click();
        browser.waiting().until(d -> !d.findElement(By.id("clock-now")).getText().equals(before.toString()));
        assertThat(java.time.Instant.parse(driver.findElement(By.id("clock-now")).getText())).isEqualTo(before.plusSeconds(3600));
        assertThat(dynabox.engine().clock().now()).isEqualTo(before.plusSeconds(3600));

        driver.get(server.endpoint() + "/dynabox/report");
        assertThat(driver.findElement(By.cssSelector("section[data-table=orders] h2")).getText()).startsWith("orders");
        assertThat(driver.findElements(By.cssSelector("section[data-table=orders] svg rect"))).isNotEmpty();
    }

    @Test
    void runsPartiQlStatements() {
        WebDriver driver = open();
        driver.findElement(By.id("nav-partiql")).click();
        setText(driver, "statement", "SELECT * FROM \"orders\" WHERE customer = 'c1' AND orderId < 10");
        driver.findElement(By.id("run-statement")).click();
        // c1 holds orders 1, 4 and 7 under 10
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#statement-items tbody tr"), 3));
    }

    @Test
    void readOnlyConsoleOffersNoChanges() {
        start(true);
        WebDriver driver = openOrders();
        assertThat(driver.findElement(By.id("read-only")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("new-item")).isDisplayed()).isFalse();
        rows(driver).get(0).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-text")));
        assertThat(driver.findElement(By.id("save-item")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("delete-item")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("item-text")).getAttribute("readonly")).isNotNull();
    }
}
