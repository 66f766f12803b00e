package io.continuity.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a Kodi-style {@code .nfo} file says: {@code <episodedetails>} (an episode), {@code <movie>} or {@code <tvshow>}
 * (the show, in the series folder). Only the fields Continuity's catalog has are read; any field may be absent. A file
 * that is not such XML (Kodi also allows a bare URL) yields nothing, and the name of the media file is used instead.
 *
 * @param root the root element's name: episodedetails, movie or tvshow
 * @param title {@code <title>}
 * @param showTitle {@code <showtitle>} of an episode
 * @param season {@code <season>}
 * @param episode {@code <episode>}
 * @param plot {@code <plot>}, else {@code <outline>}
 * @param genre the first {@code <genre>}
 * @param rating {@code <mpaa>}
 */
public record NfoMetadata(String root, String title, String showTitle, Integer season, Integer episode, String plot, String genre,
        String rating) {

    private static final long MAX_BYTES = 1024 * 1024;

    /** Reads {@code file}; empty when it is missing, too large, not XML, or not one of the three Kodi roots. */
    public static Optional<NfoMetadata> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return of(builder().parse(in));
            }
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return Optional.empty();
        }
    }

    private static Optional<NfoMetadata> of(Document document) {
        Element root = document.getDocumentElement();
        String name = root.getTagName();
        if (!name.equals("episodedetails") && !name.equals("movie") && !name.equals("tvshow")) {
            return Optional.empty();
        }
        String plot = text(root, "plot");
        return Optional.of(new NfoMetadata(name, text(root, "title"), text(root, "showtitle"), number(root, "season"), number(root, "episode"),
                plot != null ? plot : text(root, "outline"), text(root, "genre"), text(root, "mpaa")));
    }

    /** The text of {@code root}'s first direct child {@code tag}, trimmed; null when absent or blank. */
    private static String text(Element root, String tag) {
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                String text = child.getTextContent().trim();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    private static Integer number(Element root, String tag) {
        String text = text(root, tag);
        if (text == null || !text.matches("\\d{1,6}")) {
            return null;
        }
        return Integer.parseInt(text);
    }

    /** A parser that resolves no external entities or DTDs (an .nfo comes from wherever the media came from). */
    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}
