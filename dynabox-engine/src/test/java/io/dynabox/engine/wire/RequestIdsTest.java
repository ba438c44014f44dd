package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void idsAreFiftyTwoUpperCaseLettersAndDigitsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.next();
            assertThat(id).matches("[A-Z0-9]{52}");
            assertThat(seen.add(id)).as("id %s repeated", id).isTrue();
            for (char c : id.toCharArray()) used.add(c);
        }
        assertThat(used).as("every letter and digit appears").hasSize(36);
    }

    @Test
    void everyPositionTakesEveryLetterAndDigit() {
        List<Set<Character>> byPosition = new ArrayList<>();
        for (int i = 0; i < 52; i++) byPosition.add(new HashSet<>());
        for (int i = 0; i < 5_000; i++) {
            String id = RequestIds.next();
            for (int at = 0; at < id.length(); at++) byPosition.get(at).add(id.charAt(at));
        }
        for (int at = 0; at < 52; at++) assertThat(byPosition.get(at)).as("characters at position %d", at).hasSize(36);
    }
}
