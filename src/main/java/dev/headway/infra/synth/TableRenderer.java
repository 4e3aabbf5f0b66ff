package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A readable summary of a plan: component, type, name, key inputs, protect/retain. */
public final class TableRenderer {
    /** Inputs that say the most about a resource, in the order they are shown. */
    private static final List<String> KEY_INPUTS = List.of("service", "machineType", "zone", "region", "location",
            "format", "ipCidrRange", "ackDeadlineSeconds", "messageRetentionDuration", "role", "member", "members",
            "desiredState", "displayName", "accountId", "datasetId", "tableId", "repositoryId", "sourceRanges",
            "overrideValue", "nodeCount", "schedule");
    private static final int MAX_KEYS = 3;

    private TableRenderer() {
    }

    public static String render(Plan plan) {
        List<String[]> rows = rows(plan);
        int[] width = new int[5];
        String[] header = {"COMPONENT", "TYPE", "NAME", "KEY INPUTS", "KEEP"};
        for (int i = 0; i < 5; i++) {
            width[i] = header[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("stack ").append(plan.stack()).append(" (project ").append(plan.project()).append("): ")
                .append(plan.cloudResources().size()).append(" resources\n\n");
        line(sb, header, width);
        for (String[] row : rows) {
            line(sb, row, width);
        }
        sb.append("\nKEEP: P = protected (pulumi refuses to delete), R = retained on delete (left in the cloud)\n");
        return sb.toString();
    }

    public static String markdown(Plan plan) {
        StringBuilder sb = new StringBuilder("| component | type | name | key inputs | keep |\n|---|---|---|---|---|\n");
        for (String[] row : rows(plan)) {
            sb.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
        }
        return sb.toString();
    }

    private static String[] escape(String[] row) {
        String[] out = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i].replace("|", "\\|");
        }
        return out;
    }

    private static List<String[]> rows(Plan plan) {
        List<String[]> rows = new ArrayList<>();
        for (PlannedResource r : plan.cloudResources()) {
            rows.add(new String[]{plan.componentOf(r), TypeNames.shortName(r.type()), r.name(), keyInputs(r),
                    (r.protect() ? "P" : "") + (r.retainOnDelete() ? "R" : "")});
        }
        rows.sort((a, b) -> (a[0] + a[1] + a[2]).compareTo(b[0] + b[1] + b[2]));
        return rows;
    }

    private static String keyInputs(PlannedResource r) {
        List<String> shown = new ArrayList<>();
        for (String key : KEY_INPUTS) {
            JsonNode v = r.inputs().path(key);
            if (!v.isMissingNode() && !v.isNull() && shown.size() < MAX_KEYS) {
                String text = v.isValueNode() ? v.asText() : v.toString();
                shown.add(key + "=" + (text.length() > 48 ? text.substring(0, 45) + "..." : text));
            }
        }
        return String.join(" ", shown);
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == cells.length - 1 ? cells[i] : String.format("%-" + (width[i] + 2) + "s", cells[i]));
        }
        sb.append('\n');
    }
}
