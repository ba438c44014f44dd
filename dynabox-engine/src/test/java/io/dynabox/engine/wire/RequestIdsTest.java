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

    @Test
    void everyPositionTakesEveryLetterAndDigitAsOftenAsAnother() {
        int ids = 36_000;
        int[][] counts = new int[52][128];
        for (int i = 0; i < ids; i++) {
            String id = RequestIds.next();
            for (int at = 0; at < id.length(); at++) counts[at][id.charAt(at)]++;
        }
        // 1,000 expected of each character at each position; 200 off is over six standard deviations
        for (int at = 0; at < 52; at++) {
            for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray()) {
                assertThat(counts[at][c]).as("'%s' at position %d in %d ids", c, at, ids).isBetween(800, 1200);
            }
        }
    }
}
