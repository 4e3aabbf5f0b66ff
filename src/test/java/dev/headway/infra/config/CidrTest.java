package dev.headway.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IPv4 CIDR blocks as RFC 4632 section 3.1 writes them (dotted quad, octets 0-255, prefix length
 * 0-32) and the RFC 1918 section 3 private ranges (10/8, 172.16/12, 192.168/16).
 */
class CidrTest {
    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"255.255.255.255/32", "0.0.0.0/0", " 10.0.0.0/8 ", "172.16.5.4/32"})
    void parsesTheEdgesOfTheNotation(String text) {
        assertEquals(text.trim(), cidr(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.0/8", "10.256.0.0/16", "10.0.0.256/32", "10.0.0.0/33", "10.0.0.0", "10.0.0/8", "", "ten/8"})
    void refusesWhatIsNotAnIpv4Block(String text) {
        assertTrue(Cidr.parse(text).isEmpty(), text);
    }

    @Test
    void refusesNothingWithoutFailing() {
        assertTrue(Cidr.parse(null).isEmpty());
    }

    @Test
    void formatsEachOctetInItsPlace() {
        Cidr c = cidr("1.2.3.4/30");
        assertEquals(0x01020304L, c.address());
        assertEquals(30, c.prefix());
        assertEquals("1.2.3.4/30", c.toString());
        assertEquals("1.2.3.4", c.networkAddress());
    }

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3/8,      10.0.0.0,      false",
            "172.31.255.9/12, 172.16.0.0,    false",
            "192.168.7.0/24,  192.168.7.0,   true",
            "8.8.8.8/0,       0.0.0.0,       false",
            "8.8.8.8/32,      8.8.8.8,       true"})
    void networkAddressMasksTheHostBits(String text, String network, boolean isNetwork) {
        assertEquals(network, cidr(text).networkAddress());
        assertEquals(isNetwork, cidr(text).isNetworkAddress());
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8,       true",
            "10.200.0.0/16,    true",
            "11.0.0.0/8,       false",
            "0.0.0.0/0,        false",
            "172.16.0.0/12,    true",
            "172.31.0.0/16,    true",
            "172.32.0.0/16,    false",
            "172.0.0.0/8,      false",
            "192.168.0.0/16,   true",
            "192.168.10.0/24,  true",
            "192.169.0.0/16,   false",
            "192.0.0.0/8,      false"})
    void privateMeansInsideOneOfTheRfc1918Ranges(String text, boolean isPrivate) {
        assertEquals(isPrivate, cidr(text).isPrivate(), text);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8,   10.0.0.0/8,   true",
            "10.0.0.0/8,   10.9.0.0/16,  true",
            "10.9.0.0/16,  10.0.0.0/8,   false",
            "10.0.0.0/16,  10.1.0.0/16,  false",
            "0.0.0.0/0,    203.0.113.0/24, true"})
    void containsEveryAddressOfTheInnerBlock(String outer, String inner, boolean contains) {
        assertEquals(contains, cidr(outer).contains(cidr(inner)));
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8,    10.9.0.0/16,   true",
            "10.9.0.0/16,   10.0.0.0/8,    true",
            "10.0.0.0/24,   10.0.1.0/24,   false",
            "0.0.0.0/0,     192.168.0.0/16, true",
            "192.168.0.0/16, 192.169.0.0/16, false"})
    void overlapsIsSymmetricAndExact(String a, String b, boolean overlaps) {
        assertEquals(overlaps, cidr(a).overlaps(cidr(b)));
    }

    @Test
    void coverageCountsAddressesOnce() {
        assertEquals(0, Cidr.coverage(List.of()));
        assertEquals(256 + 256, Cidr.coverage(List.of(cidr("10.0.1.0/24"), cidr("10.0.0.0/24"))), "adjacent blocks");
        assertEquals(1L << 24, Cidr.coverage(List.of(cidr("10.1.0.0/16"), cidr("10.0.0.0/8"))), "a block inside a larger one, listed first");
        assertEquals(1L << 24, Cidr.coverage(List.of(cidr("10.0.0.0/16"), cidr("10.0.0.0/8"))), "a larger block starting at the same address");
        assertEquals(1L << 24, Cidr.coverage(List.of(cidr("10.0.0.5/8"), cidr("10.1.0.0/16"))), "a block written with host bits covers its network");
        assertEquals(1L << 32, Cidr.coverage(List.of(cidr("0.0.0.0/0"), cidr("10.0.0.0/8"))));
        assertEquals(1, Cidr.coverage(List.of(cidr("8.8.8.8/32"), cidr("8.8.8.8/32"))));
        assertEquals((1L << 24) + (1L << 16), Cidr.coverage(List.of(cidr("192.168.0.0/16"), cidr("10.0.0.0/8"))), "disjoint blocks add up");
    }
}
