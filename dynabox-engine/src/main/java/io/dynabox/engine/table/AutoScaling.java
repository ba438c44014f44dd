package io.dynabox.engine.table;

import java.util.HashMap;
import java.util.Map;

/**
 * A table's auto scaling settings as DynamoDB keeps them for Application Auto Scaling
 * (UpdateTableReplicaAutoScaling, UpdateGlobalTableSettings): write capacity for the table and
 * each global index (the same in every replica), read capacity per replica region and per
 * replica region and index. Kept and described; Dynabox does not scale capacity by itself.
 * Immutable; kept in the table's metadata document, and copied to every replica.
 */
public record AutoScaling(Settings write, Map<String, Settings> indexWrite, Map<String, Settings> replicaRead,
                          Map<String, Map<String, Settings>> replicaIndexRead) {
    public static final AutoScaling NONE = new AutoScaling(null, Map.of(), Map.of(), Map.of());

    public AutoScaling {
        indexWrite = indexWrite == null ? Map.of() : Map.copyOf(indexWrite);
        replicaRead = replicaRead == null ? Map.of() : Map.copyOf(replicaRead);
        replicaIndexRead = replicaIndexRead == null ? Map.of() : Map.copyOf(replicaIndexRead);
    }

    /**
     * One scalable dimension's settings: its bounds, and its target tracking policy (null
     * members were never given).
     */
    public record Settings(Long minimumUnits, Long maximumUnits, Boolean autoScalingDisabled, String policyName,
                           Double targetValue, Integer scaleInCooldown, Integer scaleOutCooldown, Boolean disableScaleIn) {
        /** A dimension turned off: deregistered, with nothing kept. */
        public static final Settings DISABLED = new Settings(null, null, true, null, null, null, null, null);

        /** Writes scale: settings given and not disabled. */
        public boolean active() {
            return !Boolean.TRUE.equals(autoScalingDisabled);
        }
    }

    public AutoScaling withWrite(Settings settings) {
        return new AutoScaling(settings, indexWrite, replicaRead, replicaIndexRead);
    }

    public AutoScaling withIndexWrite(String index, Settings settings) {
        Map<String, Settings> next = new HashMap<>(indexWrite);
        next.put(index, settings);
        return new AutoScaling(write, next, replicaRead, replicaIndexRead);
    }

    public AutoScaling withReplicaRead(String region, Settings settings) {
        Map<String, Settings> next = new HashMap<>(replicaRead);
        next.put(region, settings);
        return new AutoScaling(write, indexWrite, next, replicaIndexRead);
    }

    public AutoScaling withReplicaIndexRead(String region, String index, Settings settings) {
        Map<String, Map<String, Settings>> next = new HashMap<>(replicaIndexRead);
        Map<String, Settings> indexes = new HashMap<>(next.getOrDefault(region, Map.of()));
        indexes.put(index, settings);
        next.put(region, indexes);
        return new AutoScaling(write, indexWrite, replicaRead, next);
    }
}
