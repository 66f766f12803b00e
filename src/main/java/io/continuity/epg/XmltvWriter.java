package io.continuity.epg;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes guides as an XMLTV document (the format IPTV players and guide tools read), streaming straight to the output
 * with a {@link XMLStreamWriter}. Channel ids are {@code {slug}.continuity}; programme times carry the channel's own
 * UTC offset at that instant ({@code 20261123190000 -0500}); a programme's children follow the order the XMLTV DTD
 * demands (title, sub-title, desc, category, episode-num, rating). Channels without a programme are left out: a guide
 * has nothing to show for them and XMLTV validators reject them. Plain Java: no framework types.
 */
public final class XmltvWriter {

    public static final String MEDIA_TYPE = "application/xml";
    static final String CHANNEL_ID_SUFFIX = ".continuity";

    private static final String GENERATOR = "Continuity";
    private static final String LANG = "en";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z", Locale.ROOT);
    private static final Pattern NOT_XML_CHAR = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
    private static final Pattern US_TV_RATING = Pattern.compile("TV-(Y|Y7|Y7-FV|G|PG|14|MA)");
    private static final Pattern MPAA_RATING = Pattern.compile("G|PG|PG-13|R|NC-17|NR");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** Writes {@code guides} (in the order given) to {@code out} as UTF-8 XMLTV; does not close {@code out}. */
    public void write(List<ChannelGuide> guides, OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(buffered, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD("<!DOCTYPE tv SYSTEM \"xmltv.dtd\">");
            xml.writeCharacters("\n");
            xml.writeStartElement("tv");
            xml.writeAttribute("generator-info-name", GENERATOR);
            List<ChannelGuide> listed = guides.stream().filter(g -> !g.entries().isEmpty()).toList();
            for (ChannelGuide guide : listed) {
                channel(xml, guide.channel());
            }
            for (ChannelGuide guide : listed) {
                String channelId = channelId(guide.channel());
                ZoneId zone = guide.channel().zone();
                for (EpgEntry entry : guide.entries()) {
                    programme(xml, channelId, zone, entry);
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write XMLTV", e);
        }
        buffered.flush();
    }

    /** The XMLTV channel id of a channel: its slug, which is stable and already kebab-case, plus a fixed suffix. */
    public static String channelId(ChannelGuide.Channel channel) {
        return channel.slug() + CHANNEL_ID_SUFFIX;
    }

    /** An XMLTV time: local wall-clock digits and the channel's UTC offset at that instant ({@code 20261123190000 -0500}). */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** The rating system a value belongs to, when it is recognisable (US TV parental guidelines or MPAA), else null. */
    static String ratingSystem(String rating) {
        if (US_TV_RATING.matcher(rating).matches()) {
            return "VCHIP";
        }
        return MPAA_RATING.matcher(rating).matches() ? "MPAA" : null;
    }

    private static void channel(XMLStreamWriter xml, ChannelGuide.Channel channel) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("channel");
        xml.writeAttribute("id", channelId(channel));
        xml.writeCharacters("\n    ");
        text(xml, "display-name", null, clean(channel.title()).isEmpty() ? channel.slug() : clean(channel.title()));
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void programme(XMLStreamWriter xml, String channelId, ZoneId zone, EpgEntry e) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("programme");
        xml.writeAttribute("start", time(e.startUtc(), zone));
        xml.writeAttribute("stop", time(e.stopUtc(), zone));
        xml.writeAttribute("channel", channelId);
        child(xml, "title", LANG, e.title());
        child(xml, "sub-title", LANG, e.episodeTitle());
        child(xml, "desc", LANG, e.description());
        for (String category : e.categories()) {
            child(xml, "category", LANG, category);
        }
        episodeNumber(xml, "xmltv_ns", EpisodeNumbers.xmltvNs(e.season(), e.episode()));
        episodeNumber(xml, "onscreen", EpisodeNumbers.onscreen(e.season(), e.episode()));
        rating(xml, e.rating());
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void episodeNumber(XMLStreamWriter xml, String system, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("episode-num");
            xml.writeAttribute("system", system);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    private static void rating(XMLStreamWriter xml, String rating) throws XMLStreamException {
        String value = clean(rating);
        if (value.isEmpty()) {
            return;
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("rating");
        String system = ratingSystem(value);
        if (system != null) {
            xml.writeAttribute("system", system);
        }
        text(xml, "value", null, value);
        xml.writeEndElement();
    }

    private static void child(XMLStreamWriter xml, String element, String lang, String value) throws XMLStreamException {
        String text = clean(value);
        if (!text.isEmpty()) {
            xml.writeCharacters("\n    ");
            text(xml, element, lang, text);
        }
    }

    private static void text(XMLStreamWriter xml, String element, String lang, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        if (lang != null) {
            xml.writeAttribute("lang", lang);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Text without the characters XML 1.0 cannot carry, trimmed; empty for null. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0xD800) {
                return NOT_XML_CHAR.matcher(value).replaceAll("").strip();
            }
        }
        return value.strip();
    }
}
