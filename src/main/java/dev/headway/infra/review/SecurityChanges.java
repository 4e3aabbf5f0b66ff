package dev.headway.infra.review;

import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.TypeNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who gains or loses access, the way {@code cdk diff} reports IAM statement changes ("Security
 * changes"): every grant added or removed, grouped by principal; principals that had no grant
 * before, then principals whose access widens, then grants removed. A grant is an IAM member
 * resource ({@code *IamMember} / {@code *IAMMember}: member, role, the resource it is on, its
 * condition); a changed or replaced member resource counts as the old grant removed and the new one
 * added. Roles that administer access or act as others are marked.
 */
public final class SecurityChanges {
    private static final Pattern IAM_MEMBER = Pattern.compile("(?i).*/.*iammember:.*");
    /** Roles that grant control over IAM, identities or every resource of a service. */
    private static final Pattern PRIVILEGED = Pattern.compile("roles/(owner|editor|.*[aA]dmin.*|iam\\.serviceAccountUser"
            + "|iam\\.serviceAccountTokenCreator|iam\\.workloadIdentityUser|secretmanager\\.secretAccessor)");

    /** One grant: who, what role, on what, under which condition. */
    public record Grant(String member, String role, String on, String condition) {
        String line() {
            return "`" + role + "` on " + on + (condition.isEmpty() ? "" : " when `" + condition + "`")
                    + (PRIVILEGED.matcher(role).matches() ? " (**privileged**)" : "");
        }
    }

    public record Change(Set<Grant> added, Set<Grant> removed, Set<String> newPrincipals) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    private SecurityChanges() {
    }

    public static Change of(PlanDiff d) {
        Set<Grant> before = grants(d.before());
        Set<Grant> after = grants(d.after());
        Set<Grant> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        Set<Grant> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        Set<String> known = new LinkedHashSet<>();
        before.forEach(g -> known.add(g.member()));
        Set<String> fresh = new LinkedHashSet<>();
        added.forEach(g -> {
            if (!known.contains(g.member())) {
                fresh.add(g.member());
            }
        });
        return new Change(added, removed, fresh);
    }

    static Set<Grant> grants(Plan plan) {
        Set<Grant> out = new LinkedHashSet<>();
        for (PlannedResource r : plan.cloudResources()) {
            if (!IAM_MEMBER.matcher(r.type()).matches()) {
                continue;
            }
            var in = r.inputs();
            String on = TypeNames.shortName(r.type()).replaceFirst("(?i)iammember$", "").replaceFirst("\\.$", "") + " `" + scope(r) + "`";
            out.add(new Grant(in.path("member").asText(), in.path("role").asText(), on, in.path("condition").path("expression").asText("")));
        }
        return out;
    }

    /** What the grant is on: the first identifying input the member type has. */
    private static String scope(PlannedResource r) {
        for (String key : List.of("topic", "subscription", "bucket", "datasetId", "repository", "secretId", "serviceAccountId", "name", "project")) {
            if (r.inputs().hasNonNull(key)) {
                return r.inputs().path(key).asText();
            }
        }
        return r.name();
    }

    /** The section of the comment: never trimmed. Empty when no grant changes. */
    public static String markdown(Change c) {
        if (c.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("#### Security changes\n\n");
        sb.append(c.added().isEmpty() ? "" : "> [!IMPORTANT]\n> This change grants access: " + c.added().size() + " grant(s) added"
                + (c.newPrincipals().isEmpty() ? "" : ", " + c.newPrincipals().size() + " new principal(s)") + ".\n\n");
        Map<String, List<Grant>> fresh = new TreeMap<>();
        Map<String, List<Grant>> widened = new TreeMap<>();
        Map<String, List<Grant>> narrowed = new TreeMap<>();
        c.added().forEach(g -> (c.newPrincipals().contains(g.member()) ? fresh : widened).computeIfAbsent(g.member(), k -> new ArrayList<>()).add(g));
        c.removed().forEach(g -> narrowed.computeIfAbsent(g.member(), k -> new ArrayList<>()).add(g));
        section(sb, "New principals", "+", fresh);
        section(sb, "Access widened", "+", widened);
        section(sb, "Access removed", "-", narrowed);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, String sign, Map<String, List<Grant>> byMember) {
        if (byMember.isEmpty()) {
            return;
        }
        sb.append("**").append(title).append("**\n\n");
        byMember.forEach((member, grants) -> {
            sb.append("- `").append(member).append("`\n");
            grants.stream().map(Grant::line).sorted().forEach(l -> sb.append("  - ").append(sign).append(' ').append(l).append('\n'));
        });
        sb.append('\n');
    }
}
