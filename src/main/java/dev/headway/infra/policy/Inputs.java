package dev.headway.infra.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading resource inputs the way the provider would: booleans as true or "true", absent as the default. */
final class Inputs {
    static final String UNKNOWN = "[unknown]";
    static final String SECRET = "[secret]";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** IAM resources of every service: {@code gcp:pubsub/topicIAMMember:TopicIAMMember}, {@code gcp:bigquery/datasetIamBinding:...}. */
    private static final Pattern IAM_TYPE = Pattern.compile("gcp:[a-z0-9]+/[A-Za-z0-9]*:[A-Za-z0-9]*(IamMember|IAMMember|IamBinding|IAMBinding|IamPolicy|IAMPolicy)");
    static final Pattern DEFAULT_COMPUTE_SA = Pattern.compile("(serviceAccount:)?\\d+-compute@developer\\.gserviceaccount\\.com");

    private Inputs() {
    }

    /** A value's text, or null when absent, null, structured, unknown or secret. */
    static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return UNKNOWN.equals(s) || SECRET.equals(s) ? null : s;
    }

    static String text(PlannedResource r, String path) {
        return text(r.input(path));
    }

    /** True for {@code true}, {@code "true"}, {@code "TRUE"}, {@code "1"} (metadata values are strings). */
    static boolean isTrue(JsonNode n) {
        String s = text(n); // a JSON boolean reads as "true" / "false"
        return s != null && (s.equalsIgnoreCase("true") || s.equals("1"));
    }

    static boolean isFalse(JsonNode n) {
        String s = text(n);
        return s != null && (s.equalsIgnoreCase("false") || s.equals("0"));
    }

    static boolean isAbsent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || (n.isContainerNode() && n.isEmpty())
                || (n.isTextual() && n.textValue().isEmpty());
    }

    static List<PlannedResource> ofTypes(Plan plan, Set<String> types) {
        return plan.where(r -> types.contains(r.type()));
    }

    /** The env the plan was made for: the {@code env} stack output, else the stack name. */
    static String env(Plan plan) {
        JsonNode env = plan.outputs() == null ? null : plan.outputs().get("env");
        return env != null && env.isTextual() ? env.textValue() : plan.stack();
    }

    /** Prod-tier ({@link Plan#tier()}), whatever the stack is called. */
    static boolean isProd(Plan plan) {
        return plan.isProd();
    }

    static boolean isDev(Plan plan) {
        return !isProd(plan);
    }

    /** The module of a type token: {@code gcp:projects/iAMMember:IAMMember} to {@code projects}. */
    static String module(String type) {
        int colon = type.indexOf(':');
        int slash = type.indexOf('/');
        return colon < 0 || slash < colon ? "" : type.substring(colon + 1, slash);
    }

    static boolean isIam(String type) {
        return IAM_TYPE.matcher(type).matches();
    }

    /** A role given to a member by an IAM resource. */
    record Grant(String role, String member) {
    }

    /** The grants an IAM member, binding or policy resource makes ({@code policyData} parsed); none for any other resource. */
    static List<Grant> grants(PlannedResource r) {
        List<Grant> out = new ArrayList<>();
        if (!isIam(r.type())) {
            return out;
        }
        String role = text(r.input("role"));
        if (r.type().endsWith("Member")) {
            String member = text(r.input("member"));
            if (role != null && member != null) {
                out.add(new Grant(role, member));
            }
        } else if (r.type().endsWith("Binding")) {
            for (JsonNode m : r.input("members")) {
                if (role != null && text(m) != null) {
                    out.add(new Grant(role, m.asText()));
                }
            }
        } else {
            String data = text(r.input("policyData"));
            if (data != null) {
                try {
                    for (JsonNode b : JSON.readTree(data).path("bindings")) {
                        for (JsonNode m : b.path("members")) {
                            out.add(new Grant(b.path("role").asText(), m.asText()));
                        }
                    }
                } catch (JsonProcessingException e) {
                    // not JSON yet (an unknown value): nothing to judge
                }
            }
        }
        return out;
    }

    /** The name Google sees: the {@code name} input when set, else the Pulumi resource name. */
    static String cloudName(PlannedResource r, String property) {
        String s = text(r.input(property));
        return s != null ? s : r.name();
    }
}
