package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
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
}
