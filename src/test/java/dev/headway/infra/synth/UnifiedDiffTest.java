package dev.headway.infra.synth;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long values are shown as {@code diff -u} shows two files (GNU diffutils manual, "Detailed
 * Description of Unified Format"): hunks {@code @@ -start,count +start,count @@} with three lines of
 * context; changes closer than twice the context share a hunk; an empty side starts at line 0.
 */
class UnifiedDiffTest {
    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "l" + i).collect(Collectors.joining("\n"));
    }

    @Test
    void changesSixLinesApartShareAHunk() {
        // changed: line 2 and line 9; six unchanged lines (3..8) between them
        String before = lines(1, 12);
        String after = before.replace("l2\n", "L2\n").replace("l9\n", "L9\n");
        assertEquals("--- before\n+++ after\n@@ -1,12 +1,12 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n l6\n l7\n l8\n-l9\n+L9\n l10\n l11\n l12\n",
                UnifiedDiff.of(before, after));
    }

    @Test
    void changesSevenLinesApartAreTwoHunks() {
        String before = lines(1, 14);
        String after = before.replace("l2\n", "L2\n").replace("l10\n", "L10\n");
        assertEquals("--- before\n+++ after\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -7,7 +7,7 @@\n l7\n l8\n l9\n-l10\n+L10\n l11\n l12\n l13\n",
                UnifiedDiff.of(before, after));
    }

    @Test
    void anEmptySideStartsAtLineZero() {
        assertEquals("--- before\n+++ after\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.of("", "a\nb"));
        assertEquals("--- before\n+++ after\n@@ -1,2 +0,0 @@\n-a\n-b\n", UnifiedDiff.of("a\nb", ""));
    }

    @Test
    void linesRemovedAtTheEnd() {
        assertEquals("--- before\n+++ after\n@@ -1,3 +1,1 @@\n a\n-b\n-c\n", UnifiedDiff.of("a\nb\nc", "a"));
    }

    /** Of two equally short edits, removals come before additions, as diff prints them. */
    @Test
    void removalsComeFirstAndTheLongestCommonRunIsKept() {
        assertEquals("--- before\n+++ after\n@@ -1,2 +1,2 @@\n-y\n x\n+y\n", UnifiedDiff.of("y\nx", "x\ny"));
        assertEquals("--- before\n+++ after\n@@ -1,1 +1,2 @@\n+y\n x\n", UnifiedDiff.of("x", "y\nx"));
        assertEquals("--- before\n+++ after\n@@ -1,3 +1,2 @@\n a\n-b\n c\n", UnifiedDiff.of("a\nb\nc", "a\nc"));
    }

    /**
     * Up to 4,000,000 cells (2000 x 2000 lines) the common lines are found; past that the texts are
     * shown as all removed, then all added, rather than allocating the table.
     */
    @Test
    void hugeTextsAreShownWholeRatherThanCompared() {
        String big = lines(1, 2000);
        String within = UnifiedDiff.of(big, big.replace("l1000\n", "L1000\n"));
        assertEquals("--- before\n+++ after\n@@ -997,7 +997,7 @@\n l997\n l998\n l999\n-l1000\n+L1000\n l1001\n l1002\n l1003\n", within);

        String bigger = lines(1, 2001);
        String past = UnifiedDiff.of(bigger, bigger.replace("l1000\n", "L1000\n"));
        assertTrue(past.startsWith("--- before\n+++ after\n@@ -1,2001 +1,2001 @@\n-l1\n-l2\n"), past.substring(0, 80));
        assertEquals(4002 + 3, past.lines().count());
    }
}
