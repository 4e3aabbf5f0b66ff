package dev.headway.infra.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line (the format of {@code diff -u}: {@code @@ -a,b +c,d @@}
 * hunks with three lines of context), for values too long to read in a table cell: startup scripts,
 * alert filters, template parameters. Longest common subsequence over lines; texts whose product of
 * line counts passes {@link #MAX_CELLS} are shown as all removed, then all added.
 */
public final class UnifiedDiff {
    static final int CONTEXT = 3;
    static final long MAX_CELLS = 4_000_000;

    private UnifiedDiff() {
    }

    public static String of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String> ops = ops(a, b);
        StringBuilder sb = new StringBuilder("--- before\n+++ after\n");
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).charAt(0) == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            while (true) {
                while (end < ops.size() && ops.get(end).charAt(0) != ' ') {
                    end++;
                }
                int quiet = 0;
                while (end + quiet < ops.size() && ops.get(end + quiet).charAt(0) == ' ') {
                    quiet++;
                }
                if (end + quiet < ops.size() && quiet <= 2 * CONTEXT) {
                    end += quiet;        // the next change is close: one hunk
                } else {
                    end += Math.min(quiet, CONTEXT);
                    break;
                }
            }
            int oldLine = 1 + countNot(ops, 0, start, '+');
            int newLine = 1 + countNot(ops, 0, start, '-');
            int oldLen = countNot(ops, start, end, '+');
            int newLen = countNot(ops, start, end, '-');
            sb.append("@@ -").append(oldLen == 0 ? oldLine - 1 : oldLine).append(',').append(oldLen)
                    .append(" +").append(newLen == 0 ? newLine - 1 : newLine).append(',').append(newLen).append(" @@\n");
            for (int k = start; k < end; k++) {
                sb.append(ops.get(k)).append('\n');
            }
            i = end;
        }
        return sb.toString();
    }

    /** Lines in [from, to) whose prefix is not {@code ch}: a hunk's old side skips '+', its new side '-'. */
    private static int countNot(List<String> ops, int from, int to, char ch) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (ops.get(k).charAt(0) != ch) {
                n++;
            }
        }
        return n;
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\n", -1));
    }

    /** Each line prefixed by ' ', '-' or '+'. */
    private static List<String> ops(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(l -> out.add("-" + l));
            b.forEach(l -> out.add("+" + l));
            return out;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add(" " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("-" + a.get(i++));
            } else {
                out.add("+" + b.get(j++));
            }
        }
        return out;
    }
}
