package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static io.dynabox.tests.TableFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** TagResource, UntagResource and ListTagsOfResource on tables; CreateTable's Tags read back. */
@ParameterizedClass
@EnumSource(Door.class)
class TagsTest extends DoorTest {

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private String createTable(String name, Tag... tags) {
        return client.createTable(table(simpleTable(name), b -> { if (tags.length > 0) b.tags(tags); })).tableDescription().tableArn();
    }

    private List<Tag> allTags(String arn) {
        List<Tag> tags = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTagsOfResourceResponse page = client.listTagsOfResource(b -> b.resourceArn(arn).nextToken(next));
            tags.addAll(page.tags());
            token = page.nextToken();
        } while (token != null);
        return tags;
    }

    @Test
    void createTableTagsAreListedAndTaggingMergesByKey() {
        String arn = createTable("tab1", tag("env", "test"), tag("team", "a"));
        assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags()).containsExactly(tag("env", "test"), tag("team", "a"));
        // a token that names no tag lists from the first, as the service does (observed in 2026)
        assertThat(client.listTagsOfResource(b -> b.resourceArn(arn).nextToken("garbage")).tags()).containsExactly(tag("env", "test"), tag("team", "a"));

        client.tagResource(b -> b.resourceArn(arn).tags(tag("team", "b"), tag("cost", "42")));
        assertThat(allTags(arn)).containsExactly(tag("env", "test"), tag("team", "b"), tag("cost", "42"));

        client.untagResource(b -> b.resourceArn(arn).tagKeys("env", "absent"));
        assertThat(allTags(arn)).containsExactly(tag("team", "b"), tag("cost", "42"));
    }

    @Test
    void untaggedTableHasAnEmptyList() {
        String arn = createTable("tab1");
        ListTagsOfResourceResponse answer = client.listTagsOfResource(b -> b.resourceArn(arn));
        assertThat(answer.tags()).isEmpty();
        assertThat(answer.nextToken()).isNull();
    }

    @Test
    void fiftyTagsComeInOnePage() {
        String arn = createTable("tab1");
        List<Tag> tags = IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v" + i)).toList();
        client.tagResource(b -> b.resourceArn(arn).tags(tags.subList(0, 25)));
        client.tagResource(b -> b.resourceArn(arn).tags(tags.subList(25, 50)));
        // all of them, without a NextToken, as the service answers (observed in 2026), where Dynabox gave pages of 10
        ListTagsOfResourceResponse first = client.listTagsOfResource(b -> b.resourceArn(arn));
        assertThat(first.tags()).containsExactlyElementsOf(tags);
        assertThat(first.nextToken()).isNull();
        assertThat(allTags(arn)).containsExactlyElementsOf(tags);
        // as many keys to remove as a table may have tags, and no more (observed in 2026)
        assertValidation(() -> client.untagResource(b -> b.resourceArn(arn).tagKeys(IntStream.range(0, 51).mapToObj(i -> "k" + i).toList())),
                "Number of Tags exceed the current limit for the provided ResourceArn");
        // a 51st tag is refused, and nothing changes
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("one-more", "x"))),
                "Number of Tags exceed the current limit for the provided ResourceArn");
        assertThat(allTags(arn)).hasSize(50);
        // replacing a value keeps the count
        client.tagResource(b -> b.resourceArn(arn).tags(tag("k0", "new")));
        assertThat(allTags(arn).get(0)).isEqualTo(tag("k0", "new"));
    }

    @Test
    void tagsAreCheckedAsTheServiceChecksThem() {
        String arn = createTable("tab1");
        // the prefix in any case (observed in 2026)
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("AWS:foo", "v"))), "Tag Key cannot be prefixed with aws:, Key: AWS:foo");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("aws:owner", "x"))),
                "Tag Key cannot be prefixed with aws:, Key: aws:owner");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("bad#key", "x"))),
                "The Tag Key provided is invalid, Key: bad#key");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("k", "a|b"))),
                "The Tag Value provided is invalid, Value: a|b");
        // lengths out of bounds in the tag rules' words, not the model's (observed in 2026)
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("k", "v".repeat(257)))),
                "The Tag Value provided is invalid, Value: " + "v".repeat(257));
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("", "v"))), "The Tag Key provided is invalid, Key: ");
        assertValidation(() -> client.untagResource(b -> b.resourceArn(arn).tagKeys("")), "The Tag Key provided is invalid, Key: ");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("k", "1"), tag("k", "2"))),
                "Duplicate Tag Keys provided as input: Duplicate Tag Key found k");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(List.of())),
                "Atleast one Tag needs to be provided as Input.");
        assertValidation(() -> client.untagResource(b -> b.resourceArn(arn).tagKeys(List.of())),
                "Atleast one Tag Key needs to be provided as Input.");
        assertThat(allTags(arn)).isEmpty();
    }

    @Test
    void resourceMustBeATableOfTheCaller() {
        String arn = createTable("tab1");
        String missing = arn.replace("tab1", "nope");
        assertError(() -> client.listTagsOfResource(b -> b.resourceArn(missing)), "ResourceNotFoundException",
                "Requested resource not found: ResourceArn: " + missing + " not found");
        assertError(() -> client.tagResource(b -> b.resourceArn(missing).tags(tag("a", "b"))), "ResourceNotFoundException",
                "Requested resource not found: ResourceArn: " + missing + " not found");
        // the service's texts, observed in 2026
        assertValidation(() -> client.listTagsOfResource(b -> b.resourceArn("a:b:c:d:e:f/g")),
                "One or more parameter values were invalid: ARNs must start with 'arn:': a:b:c:d:e:f/g");
        assertValidation(() -> client.listTagsOfResource(b -> b.resourceArn("arn:aws:dynamodb:us-east-1:000000000000:backup/x")),
                "Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-east-1:000000000000:backup/x");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn + "/index/byX").tags(tag("a", "b"))),
                "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. "
                        + "Provided resource arn: " + arn + "/index/byX");
        String otherRegion = arn.replace("us-east-1", "eu-west-1");
        assertValidation(() -> client.untagResource(b -> b.resourceArn(otherRegion).tagKeys("a")),
                "Invalid TableArn: Invalid ResourceArn provided as input " + otherRegion);
    }

    @Test
    void describeLimitsAndEndpointsAnswerTheServiceValues() {
        var limits = client.describeLimits(b -> {});
        assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80_000L);
        assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
        assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40_000L);
        assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000L);
        var endpoints = client.describeEndpoints(b -> {}).endpoints();
        assertThat(endpoints).hasSize(1);
        assertThat(endpoints.get(0).address()).isEqualTo("dynamodb.us-east-1.amazonaws.com");
        assertThat(endpoints.get(0).cachePeriodInMinutes()).isEqualTo(1440L);
    }
}
