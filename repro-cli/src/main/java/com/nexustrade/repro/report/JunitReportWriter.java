package com.nexustrade.repro.report;

import com.nexustrade.repro.checks.CheckResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The JUnit XML that Jenkins and GitLab render: one testsuite, one testcase per check. A failed check is a
 * failure whose message is the conclusion and whose text is the evidence, so the CI page shows both. A run that
 * could not run is one testcase, named after the command, in error, whose message is the reason.
 */
final class JunitReportWriter implements ReportWriter {

    private static final String CLASS_NAME = "repro.incident04";

    @Override
    public void write(Report report, PrintWriter out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "repro incident 04 against " + clean(report.target()));
            xml.writeAttribute("tests", String.valueOf(report.couldRun() ? report.results().size() : 1));
            xml.writeAttribute("failures", String.valueOf(report.failures()));
            xml.writeAttribute("errors", report.couldRun() ? "0" : "1");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(report.results().stream().mapToLong(r -> r.duration().toMillis()).sum()));
            xml.writeAttribute("timestamp", report.startedAt().toString());
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "target", report.target());
            property(xml, "username", report.username());
            property(xml, "repro.version", report.toolVersion());
            for (String note : report.notes()) {
                property(xml, "note", note);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (CheckResult result : report.results()) {
                testcase(xml, result);
            }
            if (!report.couldRun()) {
                cannotRun(xml, report);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void testcase(XMLStreamWriter xml, CheckResult result) throws XMLStreamException {
        String evidence = clean(String.join("\n", result.evidence()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", CLASS_NAME);
        xml.writeAttribute("name", result.name());
        xml.writeAttribute("time", seconds(result.duration().toMillis()));
        if (!result.passed()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(result.conclusion()));
            xml.writeAttribute("type", "IncidentReproduces");
            xml.writeCharacters(clean(result.conclusion()) + "\n\n" + evidence + "\n");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(result.conclusion()) + "\n" + evidence + "\n");
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void cannotRun(XMLStreamWriter xml, Report report) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", CLASS_NAME);
        xml.writeAttribute("name", report.command());
        xml.writeAttribute("time", "0.000");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("error");
        xml.writeAttribute("message", clean(report.error()));
        xml.writeAttribute("type", "CannotRun");
        xml.writeCharacters(clean(report.verdict()) + "\n");
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /** XML 1.0 cannot carry most control characters, even escaped; servers' bodies may hold any. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            if (allowed) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04x", cp));
            }
        });
        return out.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
