package io.continuity.iptv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * The logo the service draws for a channel that has none: the initials of its slug's words (at most three) in white on
 * a colour chosen from the slug, as a 256 x 256 SVG. It depends on the slug alone, so it is the same on every replica
 * and after every restart, and serving it reveals nothing the URL does not already say.
 */
public final class ChannelLogo {

    /** Channel slugs: kebab-case, as the channel table enforces. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final String MEDIA_TYPE = "image/svg+xml";

    private ChannelLogo() {
    }

    /** The SVG document of a slug's logo; the slug must match {@link #SLUG}. */
    public static String svg(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("not a channel slug: " + slug);
        }
        String initials = Arrays.stream(slug.split("-")).limit(3).map(w -> w.substring(0, 1)).collect(Collectors.joining())
                .toUpperCase(Locale.ROOT);
        int fontSize = initials.length() == 3 ? 96 : 120;
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
                <rect width="256" height="256" rx="32" fill="hsl(%d, 55%%, 38%%)"/>
                <text x="128" y="128" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" \
                font-weight="bold" font-size="%d" fill="#ffffff">%s</text>
                </svg>
                """.formatted(hue(slug), fontSize, initials);
    }

    private static int hue(String slug) {
        CRC32 crc = new CRC32();
        crc.update(slug.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 360);
    }
}
