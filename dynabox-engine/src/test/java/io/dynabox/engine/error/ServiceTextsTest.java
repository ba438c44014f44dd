package io.dynabox.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/service-behaviour/texts.md writes every catalogued text exactly as the code answers it. */
class ServiceTextsTest {
    @Test
    void everyTextIsOnTheDocumentedPageVerbatim() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "service-behaviour", "texts.md"));
        List<String> constants = new ArrayList<>();
        for (Field field : ServiceTexts.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) continue;
            constants.add(field.getName());
            String text = (String) field.get(null);
            assertThat(page).as(field.getName()).contains("| `" + field.getName() + "` | `" + text + "` |");
            // a service text never carries Dynabox's explanation
            assertThat(text).as(field.getName()).doesNotContain("[Dynabox");
        }
        assertThat(constants).hasSizeGreaterThanOrEqualTo(10);
    }
}
