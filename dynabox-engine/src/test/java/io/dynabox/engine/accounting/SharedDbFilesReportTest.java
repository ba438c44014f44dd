package io.dynabox.engine.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.RawRequests;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of a server started with --shared-db, opened without it (README's own report
 * example does so): the planning report covers them, where every report was refused with
 * "not a namespace id: shared".
 */
class SharedDbFilesReportTest {
    @Test
    void theReportReadsTheSharedNamespaceOfFilesOpenedWithoutSharedDb(@TempDir Path dir) {
        try (Engine shared = new Engine(DynaboxOptions.builder().dbPath(dir).sharedDb(true).build())) {
            assertThat(RawRequests.createHashTable(shared, "orders")).startsWith("200 ");
        }
        try (Engine plain = new Engine(DynaboxOptions.builder().dbPath(dir).build())) {
            JsonNode report = PlanningReport.json(plain, PlanningReport.Settings.defaults());
            assertThat(report.toString()).contains("\"orders\"");
        }
    }
}
