package io.dynabox.engine.operation.global;

import static io.dynabox.engine.table.TableGrammar.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.table.AutoScaling;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.wire.Json;
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
    private static final double MIN_TARGET = 20;
    private static final double MAX_TARGET = 90;

    private AutoScalingDescriptions() {}

    /** {@code update} applied to {@code current} (null: none yet); {@code policyName} names a new policy. */
    static AutoScaling.Settings merge(AutoScaling.Settings current, JsonNode update, String policyName) {
        Long min = update.hasNonNull("MinimumUnits") ? Long.valueOf(update.get("MinimumUnits").asLong()) : current == null ? null : current.minimumUnits();
        Long max = update.hasNonNull("MaximumUnits") ? Long.valueOf(update.get("MaximumUnits").asLong()) : current == null ? null : current.maximumUnits();
        Boolean disabled = update.hasNonNull("AutoScalingDisabled") ? Boolean.valueOf(update.get("AutoScalingDisabled").booleanValue())
                : current == null ? null : current.autoScalingDisabled();
        if (!Boolean.TRUE.equals(disabled) && (min == null || max == null)) {
            throw DynamoException.validation(INVALID + "MinimumUnits and MaximumUnits must be specified to enable auto scaling");
        }
        if (min != null && max != null && min > max) {
            throw DynamoException.validation(INVALID + "Minimum capacity units (" + min + ") cannot be greater than maximum capacity units (" + max + ")");
        }
        String name = current == null ? policyName : current.policyName();
        Double target = current == null ? null : current.targetValue();
        Integer scaleIn = current == null ? null : current.scaleInCooldown();
        Integer scaleOut = current == null ? null : current.scaleOutCooldown();
        Boolean disableScaleIn = current == null ? null : current.disableScaleIn();
        JsonNode policy = update.get("ScalingPolicyUpdate");
        if (policy != null && !policy.isNull()) {
            if (policy.hasNonNull("PolicyName")) name = policy.get("PolicyName").textValue();
            JsonNode tracking = policy.get("TargetTrackingScalingPolicyConfiguration");
            target = tracking.get("TargetValue").asDouble();
            if (target < MIN_TARGET || target > MAX_TARGET) {
                throw DynamoException.validation(INVALID + "TargetValue must be between 20.0 and 90.0, but was " + target);
            }
            scaleIn = tracking.hasNonNull("ScaleInCooldown") ? Integer.valueOf(tracking.get("ScaleInCooldown").asInt()) : null;
            scaleOut = tracking.hasNonNull("ScaleOutCooldown") ? Integer.valueOf(tracking.get("ScaleOutCooldown").asInt()) : null;
            disableScaleIn = tracking.hasNonNull("DisableScaleIn") ? Boolean.valueOf(tracking.get("DisableScaleIn").booleanValue()) : null;
        }
        return new AutoScaling.Settings(min, max, disabled, name, target, scaleIn, scaleOut, disableScaleIn);
    }

    /** The service's {@code AutoScalingSettingsDescription}. */
    static ObjectNode settings(AutoScaling.Settings s) {
        ObjectNode node = Json.object();
        node.put("AutoScalingDisabled", Boolean.TRUE.equals(s.autoScalingDisabled()));
        node.put("AutoScalingRoleArn", ROLE_ARN);
        if (s.maximumUnits() != null) node.put("MaximumUnits", s.maximumUnits());
        if (s.minimumUnits() != null) node.put("MinimumUnits", s.minimumUnits());
        if (s.targetValue() != null) {
            ObjectNode tracking = node.putArray("ScalingPolicies").addObject().put("PolicyName", s.policyName())
                    .putObject("TargetTrackingScalingPolicyConfiguration");
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
