package dev.headway.infra.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block, parsed (not merely pattern-matched). */
public record Cidr(long address, int prefix) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public static Optional<Cidr> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long addr = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            addr = (addr << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(addr, prefix));
    }

    /** The number of addresses the union of {@code blocks} covers (overlaps counted once). */
    public static long coverage(java.util.Collection<Cidr> blocks) {
        List<long[]> spans = new java.util.ArrayList<>();
        for (Cidr c : blocks) {
            long start = c.address & c.mask();
            spans.add(new long[]{start, start + (1L << (32 - c.prefix))});
        }
        spans.sort(java.util.Comparator.comparingLong(a -> a[0]));
        long total = 0;
        long end = -1;
        for (long[] span : spans) {
            if (span[0] >= end) {
                total += span[1] - span[0];
                end = span[1];
            } else if (span[1] > end) {
                total += span[1] - end;
                end = span[1];
            }
        }
        return total;
    }

    private long mask() {
        return mask(prefix);
    }

    /** The netmask of a prefix length; for /0 the long shift by 32 leaves no bits in the low 32 (JLS 15.19 masks long shift distances to 6 bits). */
    private static long mask(int prefixLength) {
        return (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
    }

    public boolean isNetworkAddress() {
        return (address & mask()) == address;
    }

    public String networkAddress() {
        return format(address & mask());
    }

    /** True when the two blocks share any address. */
    public boolean overlaps(Cidr other) {
        long m = mask(Math.min(prefix, other.prefix));
        return (address & m) == (other.address & m);
    }

    /** RFC 1918 private ranges: 10/8, 172.16/12, 192.168/16. */
    public boolean isPrivate() {
        return new Cidr(0x0A000000L, 8).contains(this)
                || new Cidr(0xAC100000L, 12).contains(this)
                || new Cidr(0xC0A80000L, 16).contains(this);
    }

    public boolean contains(Cidr inner) {
        return inner.prefix >= prefix && (inner.address & mask()) == (address & mask());
    }

    @Override
    public String toString() {
        return format(address) + "/" + prefix;
    }

    private static String format(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }
}
