package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.table.AutoScaling;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Auto scaling settings in and out: an {@code AutoScalingSettingsUpdate} merged into what is
 * kept (members not given stay), with Application Auto Scaling's rules for DynamoDB (minimum at
 * most the maximum, target utilization from 20 to 90 per cent), and the
 * {@code AutoScalingSettingsDescription} the service answers.
 */
final class AutoScalingDescriptions {
    static final String ROLE_ARN = "arn:aws:iam::" + Namespace.ACCOUNT_ID
            + ":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";
    private static final double MIN_TARGET = 10;
    private static final double MAX_TARGET = 90;

    private AutoScalingDescriptions() {}

    /**
     * {@code update} in place of {@code current} (null: none yet), as Application Auto Scaling
     * takes it (observed on the service in 2026): a disable deregisters the dimension and carries
     * nothing else; any other update replaces it whole, with its minimum, maximum and policy;
     * {@code policyName} names a new policy; {@code table} names the table in the texts.
     */
    static AutoScaling.Settings merge(AutoScaling.Settings current, JsonNode update, String policyName, String table) {
        boolean disabling = update.hasNonNull("AutoScalingDisabled") && update.get("AutoScalingDisabled").booleanValue();
        JsonNode policy = update.hasNonNull("ScalingPolicyUpdate") ? update.get("ScalingPolicyUpdate") : null;
        if (disabling) {
            List<String> given = new ArrayList<>();
            for (String member : List.of("MaximumUnits", "MinimumUnits", "ScalingPolicyUpdate")) if (update.hasNonNull(member)) given.add(member);
            if (!given.isEmpty()) {
                throw DynamoException.validation("Failed to update settings for global table with name \u2018" + table + "\u2019: Parameters "
                        + quoted(given) + " must be left blank when disabling auto scaling.");
            }
            return AutoScaling.Settings.DISABLED;
        }
        List<String> missing = new ArrayList<>();
        for (String member : List.of("MaximumUnits", "ScalingPolicyUpdate", "MinimumUnits")) if (!update.hasNonNull(member)) missing.add(member);
        if (!missing.isEmpty()) {
            throw DynamoException.validation("Failed to update settings for global table with name: \u2018" + table + "\u2019: Parameters "
                    + quoted(missing) + " are required unless auto scaling is being disabled.");
        }
        long min = update.get("MinimumUnits").asLong();
        long max = update.get("MaximumUnits").asLong();
        if (min > max) throw DynamoException.validation("Maximum capacity cannot be less than minimum capacity");
        JsonNode tracking = policy.get("TargetTrackingScalingPolicyConfiguration");
        double target = tracking.get("TargetValue").asDouble();
        if (target < MIN_TARGET || target > MAX_TARGET) {
            String metric = policyName.startsWith("DynamoDBWrite") ? "DynamoDBWriteCapacityUtilization" : "DynamoDBReadCapacityUtilization";
            throw DynamoException.validation("For predefined metric type " + metric + ", target value must be between '10.0' and '90.0', but was '"
                    + target + "'.");
        }
        String name = policy.hasNonNull("PolicyName") ? policy.get("PolicyName").textValue()
                : current != null && current.policyName() != null ? current.policyName() : policyName;
        return new AutoScaling.Settings(min, max, false, name, target,
                tracking.hasNonNull("ScaleInCooldown") ? Integer.valueOf(tracking.get("ScaleInCooldown").asInt()) : null,
                tracking.hasNonNull("ScaleOutCooldown") ? Integer.valueOf(tracking.get("ScaleOutCooldown").asInt()) : null,
                tracking.hasNonNull("DisableScaleIn") ? Boolean.valueOf(tracking.get("DisableScaleIn").booleanValue()) : null);
    }

    private static String quoted(List<String> members) {
        return "'" + String.join("', '", members) + "'";
    }

    /**
     * The service's {@code AutoScalingSettingsDescription}: a dimension never set or turned off
     * reads as disabled with no policy; one in force has no AutoScalingDisabled member.
     */
    /** As {@link #settings(AutoScaling.Settings)}; on an on-demand table, settings kept from before read as disabled with what they were (observed in 2026, LAB 317). */
    static ObjectNode settings(AutoScaling.Settings s, boolean onDemand) {
        ObjectNode node = settings(s);
        if (onDemand && !node.has("AutoScalingDisabled")) node.put("AutoScalingDisabled", true);
        return node;
    }

    static ObjectNode settings(AutoScaling.Settings s) {
        ObjectNode node = Json.object();
        if (s == null || Boolean.TRUE.equals(s.autoScalingDisabled())) {
            node.put("AutoScalingDisabled", true);
            node.putArray("ScalingPolicies");
            return node;
        }
        node.put("AutoScalingRoleArn", ROLE_ARN);
        if (s.maximumUnits() != null) node.put("MaximumUnits", s.maximumUnits());
        if (s.minimumUnits() != null) node.put("MinimumUnits", s.minimumUnits());
        ArrayNode policies = node.putArray("ScalingPolicies");
        if (s.targetValue() != null) {
            ObjectNode tracking = policies.addObject().put("PolicyName", s.policyName()).putObject("TargetTrackingScalingPolicyConfiguration");
            if (s.disableScaleIn() != null) tracking.put("DisableScaleIn", s.disableScaleIn());
            if (s.scaleInCooldown() != null) tracking.put("ScaleInCooldown", s.scaleInCooldown());
            if (s.scaleOutCooldown() != null) tracking.put("ScaleOutCooldown", s.scaleOutCooldown());
            tracking.put("TargetValue", s.targetValue());
        }
        return node;
    }

    /** The policy name the service gives a new target tracking policy of a table's (or index's) reads or writes. */
    static String policyName(boolean write, String table, String index) {
        return "DynamoDB" + (write ? "Write" : "Read") + "CapacityUtilization:table/" + table + (index == null ? "" : "/index/" + index);
    }

    /** The node with its members in name order, as the service writes them. */
    static ObjectNode sorted(ObjectNode node) {
        Map<String, JsonNode> members = new TreeMap<>();
        node.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
        ObjectNode result = Json.object();
        members.forEach(result::set);
        return result;
    }
}
